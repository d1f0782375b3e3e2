import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { writeSmallKb } from "./small-kb.js";

// Fictional. "Products" is a word of a concept's name here, as it is in many a knowledge base.
const TEXT =
  "Freedonia Extends Exclusions\n\nFreedonia extended 178 tariff exclusions by a year. Its licences cover gallium, germanium and antimony.\n";
const kb = writeSmallKb(
  [{ id: "ledger", published: "2031-05-13", text: TEXT }],
  `  - id: exclusions
    type: measure
    name: tariff exclusions
  - id: farm-tariffs
    type: measure
    name: tariffs on farm products
  - id: licences
    type: measure
    name: mineral licences
    aliases: [licences]
`,
  `  - id: exclusions-count
    about: [exclusions]
    attribute: amount
    value:
      figure: 178
      unit: exclusions
    answer: "Freedonia extended 178 tariff exclusions by a year."
    snippet: "Freedonia extended 178 tariff exclusions by a year."
    source: ledger
  - id: licences-cover
    about: [licences]
    attribute: terms
    value:
      text: gallium, germanium and antimony
    answer: "The licences cover gallium, germanium and antimony."
    snippet: "Its licences cover gallium, germanium and antimony."
    source: ledger
`,
);
const core = createCore(loadKnowledge(kb));
const now = new Date("2031-05-14T12:00:00Z");

describe("'which <kind>'", () => {
  it("is refused from a count that never names that kind, though a concept's name has the word", () => {
    const a = core.answer("which products do the tariff exclusions cover?", now);
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/don't say which products/);
  });

  it("is answered by a list, which need not say the kind", () => {
    const a = core.answer("which minerals do the licences cover?", now);
    expect(a.answered).toBe(true);
    expect(a.text).toContain("gallium, germanium and antimony");
  });
});
