/**
 * What a draft claim would change, asked before it is accepted: the standing claim it would replace,
 * one it would dispute (same day, another source), one it confirms, and one newer than it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { whatChanges } from "../../src/knowledge/changes.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { tempKnowledge } from "../curation/support.js";

let kb: ReturnType<typeof tempKnowledge>;
beforeEach(() => {
  kb = tempKnowledge("test/fixtures/review-kb");
  mkdirSync(join(kb.dir, "drafts"), { recursive: true });
});
afterEach(() => kb.remove());

/** A draft start date for the wool duties from the March 20 article, as of `asOf`. */
function woolDraft(id: string, date: string, asOf?: string): string {
  return `  - id: ${id}
    about: [sylvanian-wool-duties]
    attribute: start
    value: { date: ${date}, precision: day }
${asOf ? `    holds: { as_of: ${asOf} }\n` : ""}    answer: The wool duties start on ${date}.
    snippet: Freedonia has postponed its duties on Sylvanian wool until July 1
    source: sylvania-herald-postponed
`;
}

function changesOf(drafts: string) {
  writeFileSync(join(kb.dir, "drafts", "extra.yml"), `claims:\n${drafts}`);
  const loaded = loadKnowledge(kb.dir);
  return (id: string) => {
    const draft = loaded.drafts.claims.find((c) => c.id === id);
    if (!draft) throw new Error(`no draft ${id}`);
    const c = whatChanges(loaded, draft);
    return {
      replaces: c.replaces.map((x) => x.id),
      disputes: c.disputes.map((x) => x.id),
      confirms: c.confirms.map((x) => x.id),
      outdatedBy: c.outdatedBy.map((x) => x.id),
    };
  };
}

describe("what a draft claim changes", () => {
  it("replaces the older standing claim on the same subject and attribute with another value", () => {
    const of = changesOf(woolDraft("newer", "2031-07-01"));
    expect(of("newer")).toEqual({ replaces: ["wool-duties"], disputes: [], confirms: [], outdatedBy: [] });
  });

  it("disputes a claim of another source as of the same day, and confirms one that says the same", () => {
    const of = changesOf(
      woolDraft("same-day", "2031-05-01", "2031-03-12") + woolDraft("again", "2031-04-02"),
    );
    expect(of("same-day").disputes).toEqual(["wool-duties"]);
    expect(of("same-day").replaces).toEqual([]);
    expect(of("again")).toEqual({ replaces: [], disputes: [], confirms: ["wool-duties"], outdatedBy: [] });
  });

  it("says when a newer standing claim would keep standing against it", () => {
    const of = changesOf(woolDraft("older", "2031-06-01", "2031-03-01"));
    expect(of("older")).toEqual({ replaces: [], disputes: [], confirms: [], outdatedBy: ["wool-duties"] });
  });

  it("replaces nothing for attributes that do not have one value at a time", () => {
    const of = changesOf(`  - id: another-quote
    about: [rufus-t-firefly]
    attribute: said
    value: { text: We have made real progress }
    speaker: rufus-t-firefly
    answer: Firefly said they have made real progress.
    snippet: We have made real progress, and a deadline should not spoil it
    source: sylvania-herald-postponed
`);
    expect(of("another-quote")).toEqual({ replaces: [], disputes: [], confirms: [], outdatedBy: [] });
  });
});
