import { describe, expect, it } from "vitest";
import { standingOf } from "../../src/answer/standing.js";
import { changeLines, changesOf } from "../../src/knowledge/changes.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { Claim } from "../../src/knowledge/schema.js";

// The frozen seed knowledge: the truce ends in November 2025, the 100% surtax starts Nov. 1, 2025.
const kb = loadKnowledge("test/fixtures/seed-kb");
const standing = standingOf(kb).claims;
const draft = (id: string, fields: Partial<Claim>): Claim => ({
  id,
  about: ["truce"],
  attribute: "end",
  value: { date: "2025-11-10", precision: "day" },
  answer: "The truce ends on Nov. 10, 2025.",
  snippet: "due to run out on Nov. 10",
  source: "new-article",
  quote: false,
  headline: false,
  phrasings: [],
  supersedes: [],
  disputes: [],
  ...fields,
});

describe("what a new article's drafts would change", () => {
  it("lists the older standing claim a newer claim on the same subject and attribute replaces", () => {
    const [change] = changesOf([draft("truce-end-new", {})], "2025-10-26", standing);
    expect(change?.replaces.map((c) => c.id)).toEqual(["truce-end"]);
    expect(change?.confirms).toEqual([]);
    expect(changeLines(change ? [change] : [])[0]).toMatch(
      /^truce-end-new: end of truce = Nov\. 10, 2025: replaces truce-end \(November 2025, as of 2025-10-17/,
    );
  });

  it("lists a claim with the same value as confirmed, not replaced", () => {
    const same = draft("surtax-start-new", {
      about: ["surtax-100"],
      attribute: "start",
      value: { date: "2025-11-01", precision: "day" },
    });
    const [change] = changesOf([same], "2025-10-26", standing);
    expect(change?.confirms.map((c) => c.id)).toEqual(["surtax-start"]);
    expect(change?.replaces).toEqual([]);
  });

  it("lists a same-day claim from another source with another value as a dispute", () => {
    const sameDay = draft("truce-end-other", { holds: { as_of: "2025-10-17" } });
    const [change] = changesOf([sameDay], "2025-10-17", standing);
    expect(change?.disputes.map((c) => c.id)).toEqual(["truce-end"]);
    expect(change?.replaces).toEqual([]);
  });

  it("replaces nothing for attributes that hold many values at once, and says when a draft is older than what stands", () => {
    const said = draft("said-new", {
      about: ["scott-bessent"],
      attribute: "said",
      speaker: "scott-bessent",
      value: { text: "something new" },
    });
    expect(changesOf([said], "2025-10-26", standing)[0]?.replaces).toEqual([]);
    const older = draft("truce-end-old", { holds: { as_of: "2025-10-01" } });
    expect(changesOf([older], "2025-10-01", standing)[0]?.outdatedBy.map((c) => c.id)).toEqual(["truce-end"]);
  });
});
