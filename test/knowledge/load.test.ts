import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkKnowledge, formatProblem, KnowledgeError, loadKnowledge } from "../../src/knowledge/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/knowledge-${name}`, import.meta.url));
const messages = (name: string) => checkKnowledge(fixture(name)).problems.map(formatProblem);

describe("loading a knowledge folder", () => {
  it("loads a valid folder with its sources, reviewed entries and drafts apart", () => {
    const kb = loadKnowledge(fixture("valid"));
    expect([...kb.sources.keys()]).toEqual(["demo-article"]);
    expect(kb.sources.get("demo-article")?.text).toContain("set to expire in November");
    expect(kb.entries.map((e) => e.id)).toEqual(["geneva-meeting", "truce-expiry"]);
    expect(kb.newestSource).toBe("2025-10-17");
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it("keeps draft entries out of the served entries", () => {
    const kb = loadKnowledge(fixture("valid"));
    expect(kb.drafts.map((e) => e.id)).toEqual(["geneva-meeting-moved"]);
    expect(kb.entries.some((e) => e.status === "draft")).toBe(false);
  });

  it("records the file and line each entry was read from", () => {
    const kb = loadKnowledge(fixture("valid"));
    const truce = kb.entries.find((e) => e.id === "truce-expiry");
    expect(truce).toMatchObject({ file: "entries/truce.yml", line: 2 });
  });

  it("gives the same version for the same files and a different one for other files", () => {
    expect(loadKnowledge(fixture("valid")).version).toBe(loadKnowledge(fixture("valid")).version);
    expect(loadKnowledge(fixture("valid")).version).not.toBe(loadKnowledge("knowledge").version);
  });
});

describe("reporting bad knowledge files as file:line: field: problem", () => {
  it("reports invalid YAML at its own line with a hint", () => {
    expect(messages("bad-yaml")).toEqual([
      'entries/truce.yml:16: yaml: not valid YAML: Nested mappings are not allowed in compact mappings (a value containing ": " must be written in double quotes)',
    ]);
  });

  it("reports a missing required field at the line of its entry", () => {
    expect(messages("missing-field")).toEqual(["entries/truce.yml:2: source: is missing (it is required)"]);
  });

  it("reports a misspelt field at its own line", () => {
    expect(messages("unknown-field")).toEqual([
      "entries/truce.yml:8: snipet: is not a known field (check its spelling; docs/curating.md lists the fields)",
    ]);
  });

  it("reports a snippet that is not word for word in its source", () => {
    expect(messages("snippet-not-in-source")).toEqual([
      "entries/truce.yml:5: snippet: not found word for word in the text of source demo-article; copy it exactly from the .txt file",
    ]);
  });

  it("reports a duplicate id where it is repeated, naming the first", () => {
    expect(messages("duplicate-id")).toEqual([
      "entries/truce.yml:2: id: duplicate id truce-expiry: also used in entries/more.yml:2",
    ]);
  });

  it("reports a source reference that leads nowhere", () => {
    expect(messages("dangling-source")).toEqual([
      "entries/truce.yml:6: source: no source with id no-such-article (sources are the sources/*.yml files)",
    ]);
  });

  it("reports an impossible calendar date", () => {
    expect(messages("bad-date")).toEqual(["entries/truce.yml:9: when.date: is not a real calendar date"]);
  });

  it("reports entries that supersede each other in a circle", () => {
    expect(messages("supersedes-cycle")).toEqual([
      "entries/truce.yml:8: supersedes: supersedes goes round in a circle: truce-expiry → truce-expiry-2 → truce-expiry",
      "entries/truce.yml:17: supersedes: supersedes goes round in a circle: truce-expiry-2 → truce-expiry → truce-expiry-2",
    ]);
  });

  it("reports a source whose text file is missing", () => {
    expect(messages("missing-text")).toEqual([
      "sources/demo-article.yml:5: text_file: file not found: sources/demo-article.txt (the source's text goes beside its .yml file)",
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
      "entries/truce.yml:6: source: no source with id no-such-article (sources are the sources/*.yml files)",
    );
  });
});
