import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkKnowledge, formatProblem } from "../../src/knowledge/index.js";

const valid = fileURLToPath(new URL("../fixtures/knowledge-valid", import.meta.url));
const made: string[] = [];

/** A copy of the valid fixture in a temporary folder, optionally with one file edited. */
function validWith(file?: string, edit: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), "tradebot-kb-"));
  made.push(dir);
  cpSync(valid, dir, { recursive: true });
  if (file === undefined) return dir;
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = edit(before);
  expect(after, "the edit changed nothing").not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

const messages = (dir: string) => checkKnowledge(dir).problems.map(formatProblem);

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("integrity checks beyond the schema", () => {
  it("wants a week-precision date to be the Monday of that week, and says which Monday", () => {
    const dir = validWith("entries/meetings.yml", (t) => t.replace("date: 2025-10-20", "date: 2025-10-22"));
    expect(messages(dir)).toEqual([
      "entries/meetings.yml:9: when.date: for precision week, the date must be the Monday of that week (2025-10-20)",
    ]);
  });

  it("wants a month-precision date to be the 1st of the month", () => {
    const dir = validWith("entries/truce.yml", (t) => t.replace("date: 2025-11-01", "date: 2025-11-15"));
    expect(messages(dir)).toEqual([
      "entries/truce.yml:9: when.date: for precision month, the date must be the 1st of the month (2025-11-01)",
    ]);
  });

  it("explains a snippet that differs from the source only in capital letters", () => {
    const dir = validWith("entries/truce.yml", (t) =>
      t.replace('snippet: "The truce', 'snippet: "the truce'),
    );
    expect(messages(dir)[0]).toBe(
      "entries/truce.yml:5: snippet: not found word for word in the text of source demo-article (it differs only in capital letters)",
    );
  });

  it("checks words an answer puts in quotation marks against the source", () => {
    const dir = validWith("entries/truce.yml", (t) =>
      t.replace(
        'answer: "The truce is set to expire in November 2025."',
        "answer: 'Officials said the truce \"ends in December\".'",
      ),
    );
    expect(messages(dir)).toEqual([
      'entries/truce.yml:4: answer: the words in quotation marks, "ends in December", are not found word for word in the text of source demo-article',
    ]);
  });

  it("accepts quoted words that end with our sentence's full stop inside the quotation mark", () => {
    const dir = validWith("entries/truce.yml", (t) =>
      t.replace(
        'answer: "The truce is set to expire in November 2025."',
        "answer: 'Officials said the truce \"is set to expire in November.\"'",
      ),
    );
    expect(messages(dir)).toEqual([]);
  });

  it("rejects a quote dated after its source was published", () => {
    const dir = validWith("entries/truce.yml", (t) =>
      t.replace(
        "    topics: [truce]\n",
        "    topics: [truce]\n    speaker: { name: A. Official, role: Minister, said_on: 2025-10-30 }\n",
      ),
    );
    expect(messages(dir)).toEqual([
      "entries/truce.yml:8: speaker.said_on: 2025-10-30 is after the source was published (2025-10-17)",
    ]);
  });

  it("rejects a supersedes that names no entry", () => {
    const dir = validWith("entries/meetings.yml", (t) =>
      t.replace("supersedes: geneva-meeting", "supersedes: geneva-mtg"),
    );
    expect(messages(dir)).toEqual(["entries/meetings.yml:18: supersedes: no entry with id geneva-mtg"]);
  });

  it("rejects an entry that uses a source's id", () => {
    const dir = validWith("entries/truce.yml", (t) => t.replace("id: truce-expiry", "id: demo-article"));
    expect(messages(dir)).toEqual([
      "entries/truce.yml:2: id: duplicate id demo-article: already the id of the source in sources/demo-article.yml",
    ]);
  });

  it("wants a source's id to match its file name", () => {
    const dir = validWith();
    renameSync(join(dir, "sources/demo-article.yml"), join(dir, "sources/demo.yml"));
    expect(messages(dir)).toEqual([
      "sources/demo.yml:1: id: should match the file name: this file should be called demo-article.yml",
    ]);
  });

  it("reports a source that fails the schema without also calling its entries dangling", () => {
    const dir = validWith("sources/demo-article.yml", (t) =>
      t.replace("published: 2025-10-17", "published: Oct. 17"),
    );
    expect(messages(dir)).toEqual([
      "sources/demo-article.yml:4: published: must be a date written YYYY-MM-DD, like 2025-10-17",
    ]);
  });

  it("reports every bad entry of a file, not just the first", () => {
    const dir = validWith("entries/meetings.yml", (t) =>
      t
        .replace("kind: event", "kind: happening")
        .replace("precision: week\n    questions", "precision: weekly\n    questions"),
    );
    expect(messages(dir)).toEqual([
      "entries/meetings.yml:3: kind: must be one of: fact, quote, event, deadline, figure, profile",
      "entries/meetings.yml:25: when.precision: must be one of: day, week, month, year",
    ]);
  });
});

describe("schema problems in plain words", () => {
  it("says an empty entries file is empty and how it should start", () => {
    const dir = validWith("entries/truce.yml", () => "");
    expect(messages(dir)).toEqual([
      "entries/truce.yml:1: entries: the file is empty: it should start with entries:",
    ]);
  });

  it("says what kind of value a field needs, in order down the file", () => {
    const dir = validWith("entries/truce.yml", (t) =>
      t
        .replace("    topics: [truce]\n", "    topics: []\n    headline: yes\n")
        .replace('answer: "The truce is set to expire in November 2025."', 'answer: ""')
        .replace("      - truce expiry\n", ""),
    );
    expect(messages(dir)).toEqual([
      "entries/truce.yml:4: answer: must not be empty",
      "entries/truce.yml:7: topics: needs at least 1 item",
      "entries/truce.yml:8: headline: must be true or false",
      "entries/truce.yml:13: questions: needs at least 2 items",
    ]);
  });
});
