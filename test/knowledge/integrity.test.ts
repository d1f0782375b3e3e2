import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkKnowledge, formatProblem } from "../../src/knowledge/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/knowledge-${name}`, import.meta.url));
const made: string[] = [];

/** A copy of a fixture in a temporary folder, optionally with one file edited. */
function copyWith(name: string, file?: string, edit: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), "tradebot-kb-"));
  made.push(dir);
  cpSync(fixture(name), dir, { recursive: true });
  if (file === undefined) return dir;
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = edit(before);
  expect(after, "the edit changed nothing").not.toBe(before);
  writeFileSync(path, after);
  return dir;
}
const validWith = (file?: string, edit?: (text: string) => string) => copyWith("valid", file, edit);

const messages = (dir: string) => checkKnowledge(dir).problems.map(formatProblem);

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("integrity checks beyond the schema", () => {
  it("accepts the valid fixture as it is", () => {
    expect(messages(validWith())).toEqual([]);
  });

  it("wants a week-precision date to be the Monday of that week, and says which Monday", () => {
    const dir = validWith("claims/meetings.yml", (t) => t.replace("date: 2025-10-20", "date: 2025-10-22"));
    expect(messages(dir)).toEqual([
      "claims/meetings.yml:6: value.date: for precision week, the date must be the Monday of that week (2025-10-20)",
    ]);
  });

  it("wants a month-precision date to be the 1st of the month", () => {
    const dir = validWith("claims/truce.yml", (t) => t.replace("date: 2025-11-01", "date: 2025-11-15"));
    expect(messages(dir)).toEqual([
      "claims/truce.yml:6: value.date: for precision month, the date must be the 1st of the month (2025-11-01)",
    ]);
  });

  it("explains a snippet that differs from the source only in capital letters", () => {
    const dir = validWith("claims/truce.yml", (t) => t.replace('snippet: "The truce', 'snippet: "the truce'));
    expect(messages(dir)).toEqual([
      "claims/truce.yml:11: snippet: not found word for word in the text of source demo-article (it differs only in capital letters)",
    ]);
  });

  it("checks words an answer puts in quotation marks against the source's quotations", () => {
    const dir = validWith("claims/truce.yml", (t) =>
      t.replace(
        'answer: "The truce is set to expire in November 2025."',
        "answer: 'Officials said the truce \"ends in December\".'",
      ),
    );
    expect(messages(dir)).toEqual([
      'claims/truce.yml:10: answer: the words in quotation marks, "ends in December", are not in quotation marks word for word in the text of source demo-article',
    ]);
  });

  it("refuses to put in quotation marks words the source has but does not quote", () => {
    const dir = validWith("claims/truce.yml", (t) =>
      t.replace(
        'answer: "The truce is set to expire in November 2025."',
        "answer: 'Officials said the truce \"is set to expire in November.\"'",
      ),
    );
    expect(messages(dir)).toEqual([
      'claims/truce.yml:10: answer: the words in quotation marks, "is set to expire in November", are not in quotation marks word for word in the text of source demo-article',
    ]);
  });

  it("accepts quoted words the source quotes, ending with our sentence's full stop inside the quotation mark", () => {
    const dir = copyWith("quote-outside-marks", "claims/quotes.yml", (t) =>
      t.replace(
        "    quote: true\n    answer: The minister said the talks",
        "    answer: The minister said the talks",
      ),
    );
    expect(readFileSync(join(dir, "claims/quotes.yml"), "utf8")).toContain(
      "answer: 'The minister said: \"We will not extend the truce.\"'",
    );
    expect(messages(dir)).toEqual([]);
  });

  it("rejects a claim said to hold as of a date after its source was published", () => {
    const dir = validWith("claims/truce.yml", (t) =>
      t.replace(
        "    title: Truce expiry\n",
        "    title: Truce expiry\n    holds:\n      as_of: 2025-10-30\n",
      ),
    );
    expect(messages(dir)).toEqual([
      "claims/truce.yml:11: holds.as_of: 2025-10-30 is after the source was published (2025-10-17)",
    ]);
  });

  it("rejects a supersedes or disputes that names no claim", () => {
    const dir = validWith("claims/meetings.yml", (t) =>
      t.replace(
        "    title: Geneva meeting\n",
        "    title: Geneva meeting\n    supersedes: [geneva-mtg]\n    disputes: [truce-expiry, geneva-meeting-when]\n",
      ),
    );
    expect(messages(dir)).toEqual([
      "claims/meetings.yml:10: supersedes[0]: no claim with id geneva-mtg",
      "claims/meetings.yml:11: disputes[1]: a claim cannot dispute itself",
    ]);
  });

  it("rejects a claim that uses a source's id", () => {
    const dir = validWith("claims/truce.yml", (t) => t.replace("id: truce-expiry", "id: demo-article"));
    expect(messages(dir)).toEqual([
      "claims/truce.yml:2: id: duplicate id demo-article: also used by the source at sources/demo-article.yml:1",
    ]);
  });

  it("wants a source's id to match its file name", () => {
    const dir = validWith();
    renameSync(join(dir, "sources/demo-article.yml"), join(dir, "sources/demo.yml"));
    expect(messages(dir)).toEqual([
      "sources/demo.yml:1: id: should match the file name: this file should be called demo-article.yml",
    ]);
  });

  it("reports a source that fails the schema without also calling its claims dangling", () => {
    const dir = validWith("sources/demo-article.yml", (t) =>
      t.replace("published: 2025-10-17", "published: Oct. 17"),
    );
    expect(messages(dir)).toEqual([
      "sources/demo-article.yml:4: published: must be a date written YYYY-MM-DD, like 2025-10-17",
    ]);
  });

  it("reports a concept that fails the schema without also calling the claims about it dangling", () => {
    const dir = validWith("concepts/demo.yml", (t) => t.replace("type: place", "type: city"));
    expect(messages(dir)).toEqual([
      "concepts/demo.yml:8: type: must be one of: person, organisation, country, place, measure, event, topic",
    ]);
  });

  it("wants a place where a claim says where, and says what the concept is instead", () => {
    const dir = validWith("claims/meetings.yml", (t) =>
      t.replace("places: [geneva]", "places: [geneva-meeting]"),
    );
    expect(messages(dir)).toEqual([
      "claims/meetings.yml:18: value.places[0]: geneva-meeting is a event; this needs a place or country or organisation",
    ]);
  });

  it("wants the value an attribute takes, and a speaker for what someone said", () => {
    const dir = validWith("claims/meetings.yml", (t) =>
      t
        .replace("attribute: where", "attribute: amount")
        .replace("attribute: when", "attribute: said")
        .replace(
          "      date: 2025-10-20\n      precision: week\n      label: next week\n",
          "      text: we will meet\n",
        ),
    );
    expect(messages(dir)).toEqual([
      "claims/meetings.yml:2: speaker: a said claim needs a speaker (a concept id)",
      "claims/meetings.yml:16: value: a amount claim needs a figure value (figure, unit)",
    ]);
  });

  it("refuses concepts that are part of each other in a circle", () => {
    const dir = validWith("concepts/demo.yml", (t) =>
      t
        .replace("    name: Geneva\n", "    name: Geneva\n    part_of: [geneva-meeting]\n")
        .replace(
          "    aliases: [meeting in Geneva, Geneva talks]\n",
          "    aliases: [meeting in Geneva]\n    part_of: [geneva]\n",
        ),
    );
    expect(messages(dir)).toEqual([
      "concepts/demo.yml:10: part_of: part_of goes round in a circle: geneva → geneva-meeting → geneva",
      "concepts/demo.yml:16: part_of: part_of goes round in a circle: geneva-meeting → geneva → geneva-meeting",
    ]);
  });

  it("reports every bad claim of a file, not just the first", () => {
    const dir = validWith("claims/meetings.yml", (t) =>
      t.replace("attribute: when", "attribute: happening").replace("places: [geneva]", "places: Geneva"),
    );
    expect(messages(dir)).toEqual([
      "claims/meetings.yml:4: attribute: must be one of: when, start, end, where, who, role, amount, duration, said, stance, reason, outcome, status, terms, impact, description",
      "claims/meetings.yml:18: value: must be one of: a date (date, precision), places, people, a figure (figure, unit), text, or a state",
    ]);
  });
});

describe("schema problems in plain words", () => {
  it("says an empty claims file is empty and how it should start", () => {
    const dir = validWith("claims/truce.yml", () => "");
    expect(messages(dir)).toEqual([
      "claims/truce.yml:1: claims: the file is empty: it should start with claims:",
    ]);
  });

  it("says what kind of value a field needs, in order down the file", () => {
    const dir = validWith("claims/truce.yml", (t) =>
      t
        .replace("    about: [truce]\n", "    about: []\n    headline: yes\n")
        .replace('answer: "The truce is set to expire in November 2025."', 'answer: ""'),
    );
    expect(messages(dir)).toEqual([
      "claims/truce.yml:3: about: needs at least 1 item",
      "claims/truce.yml:4: headline: must be true or false",
      "claims/truce.yml:11: answer: must not be empty",
    ]);
  });
});
