import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { checkKnowledge, formatProblem, KnowledgeError, loadKnowledge } from "../../src/knowledge/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/knowledge-${name}`, import.meta.url));
const messages = (name: string) => checkKnowledge(fixture(name)).problems.map(formatProblem);
const now = new Date("2025-10-18T09:00:00Z");

describe("loading a knowledge folder", () => {
  it("loads a valid folder with its sources, concepts, reviewed claims and drafts apart", () => {
    const kb = loadKnowledge(fixture("valid"));
    expect([...kb.sources.keys()]).toEqual(["demo-article"]);
    expect(kb.sources.get("demo-article")?.text).toContain("set to expire in November");
    expect([...kb.concepts.keys()]).toEqual(["truce", "geneva", "geneva-meeting"]);
    expect(kb.claims.map((c) => c.id)).toEqual([
      "geneva-meeting-when",
      "geneva-meeting-where",
      "truce-expiry",
    ]);
    expect(kb.newestSource).toBe("2025-10-17");
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it("keeps drafts out of what is served, even a draft that would replace a reviewed claim", () => {
    const kb = loadKnowledge(fixture("valid"));
    expect(kb.claims.map((c) => c.id)).not.toContain("geneva-meeting-moved");
    expect(kb.drafts.claims.map((c) => c.id)).toEqual(["geneva-meeting-moved"]);
    const timeline = createCore(kb).timeline(now);
    expect(timeline.map((t) => [t.entryId, t.dateLabel])).toContainEqual([
      "geneva-meeting-when",
      "the week of Oct. 20, 2025",
    ]);
    expect(JSON.stringify(timeline)).not.toContain("Oct. 27");
  });

  it("records the file and line each claim and concept was read from, and the date it is as of", () => {
    const kb = loadKnowledge(fixture("valid"));
    expect(kb.claims.find((c) => c.id === "truce-expiry")).toMatchObject({
      file: "claims/truce.yml",
      line: 2,
      asOf: "2025-10-17",
    });
    expect(kb.concepts.get("geneva")).toMatchObject({ file: "concepts/demo.yml", line: 7 });
  });

  it("gives the same version for the same files and a different one for other files", () => {
    expect(loadKnowledge(fixture("valid")).version).toBe(loadKnowledge(fixture("valid")).version);
    expect(loadKnowledge(fixture("valid")).version).not.toBe(
      loadKnowledge(fileURLToPath(new URL("../fixtures/seed-kb", import.meta.url))).version,
    );
  });
});

describe("reporting bad knowledge files as file:line: field: problem", () => {
  it("reports invalid YAML at its own line with a hint", () => {
    expect(messages("bad-yaml")).toEqual([
      'claims/truce.yml:19: yaml: not valid YAML: Nested mappings are not allowed in compact mappings (a value containing ": " must be written in double quotes)',
    ]);
  });

  it("reports a missing required field at the line of its claim", () => {
    expect(messages("missing-field")).toEqual(["claims/truce.yml:2: source: is missing (it is required)"]);
  });

  it("reports a misspelt field at its own line", () => {
    expect(messages("unknown-field")).toEqual([
      "claims/truce.yml:10: snipet: is not a known field (check its spelling; docs/curating.md lists the fields)",
    ]);
  });

  it("reports a snippet that is not word for word in its source", () => {
    expect(messages("snippet-not-in-source")).toEqual([
      "claims/truce.yml:11: snippet: not found word for word in the text of source demo-article; copy it exactly from the .txt file",
    ]);
  });

  it("reports a duplicate id where it is repeated, naming the first", () => {
    expect(messages("duplicate-id")).toEqual([
      "claims/truce.yml:2: id: duplicate id truce-expiry: also used by the claim at claims/more.yml:2",
    ]);
  });

  it("reports a source reference that leads nowhere", () => {
    expect(messages("dangling-source")).toEqual([
      "claims/truce.yml:12: source: no source with id no-such-article (sources are the sources/*.yml files)",
    ]);
  });

  it("reports an impossible calendar date", () => {
    expect(messages("bad-date")).toEqual(["claims/truce.yml:6: value.date: is not a real calendar date"]);
  });

  it("reports claims that supersede each other in a circle", () => {
    expect(messages("supersedes-cycle")).toEqual([
      "claims/truce.yml:13: supersedes: supersedes goes round in a circle: truce-expiry → truce-expiry-2 → truce-expiry",
      "claims/truce.yml:21: supersedes: supersedes goes round in a circle: truce-expiry-2 → truce-expiry → truce-expiry-2",
    ]);
  });

  it("reports a source whose text file is missing", () => {
    expect(messages("missing-text")).toEqual([
      "sources/demo-article.yml:5: text_file: file not found: sources/demo-article.txt (the source's text goes beside its .yml file)",
    ]);
  });

  it("reports a claim about a concept the knowledge does not have", () => {
    expect(messages("unknown-concept")).toEqual([
      "claims/truce.yml:3: about[1]: no concept with id trade-war (concepts are in concepts/*.yml)",
    ]);
  });

  it("reports an alias that two concepts use, at the second, naming the first", () => {
    expect(messages("alias-clash")).toEqual([
      'concepts/demo.yml:19: aliases[0]: "Geneva talks" already names concept geneva-meeting (concepts/demo.yml:11); a name or alias must pick out one concept (put descriptions several share under roles)',
    ]);
  });

  it("refuses a quote whose words the source does not put in quotation marks", () => {
    expect(messages("quote-outside-marks")).toEqual([
      "claims/quotes.yml:19: quote: the snippet is not inside quotation marks in source demo-article: only words the source quotes are a quote (use quote: false for reported speech)",
    ]);
  });

  it("reports a knowledge folder that does not exist instead of crashing", () => {
    const { kb, problems } = checkKnowledge(fixture("nowhere"));
    expect(kb).toBeUndefined();
    expect(problems).toEqual([
      { file: fixture("nowhere"), line: 0, field: "folder", message: "the knowledge folder does not exist" },
    ]);
  });

  it("throws a KnowledgeError carrying the problems when loading bad knowledge", () => {
    let thrown: unknown;
    try {
      loadKnowledge(fixture("dangling-source"));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(KnowledgeError);
    const error = thrown as KnowledgeError;
    expect(error.problems).toHaveLength(1);
    expect(error.format()).toBe(
      "claims/truce.yml:12: source: no source with id no-such-article (sources are the sources/*.yml files)",
    );
  });
});

describe("drafts with problems", () => {
  it("are reported apart while the reviewed knowledge loads and answers without them", () => {
    const { kb, problems, draftProblems } = checkKnowledge(fixture("invalid-draft"));
    expect(problems).toEqual([]);
    expect(draftProblems.map(formatProblem)).toEqual([
      'drafts/demo-article.yml:6: aliases[0]: "Geneva talks" already names concept geneva-meeting (concepts/demo.yml:11); a name or alias must pick out one concept (put descriptions several share under roles)',
      "drafts/demo-article.yml:10: about[1]: no concept with id trade-war (concepts are in concepts/*.yml)",
    ]);
    expect(kb?.claims.map((c) => c.id)).toEqual(["truce-expiry"]);
    // The faulty drafts are left out; the sound one is kept for review.
    expect(kb?.drafts.claims.map((c) => c.id)).toEqual(["geneva-talks-draft"]);
    expect(kb?.drafts.concepts).toEqual([]);
    const core = createCore(kb ?? loadKnowledge(fixture("valid")));
    expect(core.timeline(now).map((t) => t.entryId)).toEqual(["truce-expiry"]);
  });
});
