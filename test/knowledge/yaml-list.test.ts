/**
 * Editing a knowledge file's list as text: the item moved, added or changed is the only thing that
 * changes; every other line stays as the curator wrote it. And a change to the folder is checked
 * before it is written, never half-written, and never written over someone else's edit.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ChangedMeanwhileError, FileChange } from "../../src/knowledge/file-change.js";
import {
  appendItem,
  itemText,
  itemToMapping,
  listItems,
  mappingToItem,
  removeItem,
  setFields,
} from "../../src/knowledge/yaml-list.js";
import { tempKnowledge } from "../curation/support.js";

const claims = `# Curated by hand.
claims:
  - id: deficit
    about: [us-deficit, united-states]   # the subject first
    value:
      figure: 1.78e12
      unit: USD

  # The one about tariffs.
  - id: tariffs
    answer: 'Quoted "like this".'
`;

describe("a knowledge file's list, edited as text", () => {
  it("finds each item with its line, and gives its lines with the comment above it", () => {
    expect(listItems(claims, "claims").map((s) => [s.line, (s.value as { id: string }).id])).toEqual([
      [3, "deficit"],
      [10, "tariffs"],
    ]);
    expect(itemText(claims, "claims", 1)).toBe(
      `# The one about tariffs.\n- id: tariffs\n  answer: 'Quoted "like this".'\n`,
    );
  });

  it("adds an item at the end, indented like the others, leaving every other line as it was", () => {
    const out = appendItem(claims, "claims", "- id: new\n  about:\n    - x\n");
    expect(out.startsWith(claims)).toBe(true);
    expect(out.slice(claims.length)).toBe("\n  - id: new\n    about:\n      - x\n");
    expect(parse(out).claims.map((c: { id: string }) => c.id)).toEqual(["deficit", "tariffs", "new"]);
  });

  it("takes an item out with its comment and blank line, and writes an emptied list as []", () => {
    const out = removeItem(claims, "claims", 1);
    expect(out).toBe(`${claims.slice(0, claims.indexOf("\n\n  # The one"))}\n`);
    expect(removeItem(out, "claims", 0)).toBe("# Curated by hand.\nclaims: []\n");
    expect(appendItem("# Curated by hand.\nclaims: []\n", "claims", "- id: x\n")).toBe(
      "# Curated by hand.\nclaims:\n  - id: x\n",
    );
  });

  it("sets fields of an item, in place when it has them and at its end when not", () => {
    const item = itemText(claims, "claims", 0);
    const out = setFields(item, {
      about: ["us-deficit"],
      verified_by: "Jane: curator",
      verified_on: "2031-03-21",
    });
    expect(out).toBe(
      '- id: deficit\n  about: [us-deficit]\n  value:\n    figure: 1.78e12\n    unit: USD\n  verified_by: "Jane: curator"\n  verified_on: 2031-03-21\n',
    );
  });

  it("turns an item into the fields a curator edits and back, line for line", () => {
    const item = itemText(claims, "claims", 1);
    const mapping = itemToMapping(item);
    expect(mapping).toBe(`# The one about tariffs.\nid: tariffs\nanswer: 'Quoted "like this".'\n`);
    expect(mappingToItem(mapping)).toBe(item);
  });
});

describe("a change to the knowledge folder", () => {
  it("is checked as it would leave the folder, and nothing is written when it has a problem", () => {
    const kb = tempKnowledge("test/fixtures/review-kb");
    try {
      const file = join(kb.dir, "claims", "freedonia.yml");
      const before = readFileSync(file, "utf8");
      const change = new FileChange(kb.dir).write(
        "claims/freedonia.yml",
        before.replace("2031-04-02", "2031-02-30"),
      );
      expect(change.check().problems.map((p) => `${p.file}:${p.field}`)).toEqual([
        "claims/freedonia.yml:value.date",
      ]);
      expect(readFileSync(file, "utf8")).toBe(before);
    } finally {
      kb.remove();
    }
  });

  it("refuses to write over a file someone changed after it was read", () => {
    const kb = tempKnowledge("test/fixtures/review-kb");
    try {
      const file = join(kb.dir, "claims", "freedonia.yml");
      const change = new FileChange(kb.dir);
      change.write("claims/freedonia.yml", `${change.text("claims/freedonia.yml")}# mine\n`);
      writeFileSync(file, `${readFileSync(file, "utf8")}# theirs\n`);
      expect(() => change.commit()).toThrow(ChangedMeanwhileError);
      expect(readFileSync(file, "utf8")).toMatch(/# theirs\n$/);
    } finally {
      kb.remove();
    }
  });
});

describe("a field set to text of several lines", () => {
  it("is written as a block under its key, and reads back the same", () => {
    const out = setFields("- id: x\n  answer: a\n", { note: "first line\nsecond line" });
    expect(parse(out)[0]).toEqual({ id: "x", answer: "a", note: "first line\nsecond line" });
  });
});
