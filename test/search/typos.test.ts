import { describe, expect, it } from "vitest";
import { editDistance, TypoCorrector } from "../../src/search/typos.js";

const words = new Map([
  ["truce", "truce"],
  ["bessent", "bessent"],
  ["malaysia", "malaysia"],
  ["office", "office"],
  ["expire", "expire"],
]);

describe("correcting typos against the knowledge base's own words", () => {
  const typos = new TypoCorrector(words);

  it("recognises common misspellings", () => {
    expect(typos.correct("truse")).toBe("truce");
    expect(typos.correct("bessnt")).toBe("bessent");
    expect(typos.correct("malasia")).toBe("malaysia");
    expect(typos.correct("expiire")).toBe("expire");
  });

  it("leaves real but unrelated words alone", () => {
    expect(typos.correct("coffee")).toBeUndefined();
    expect(typos.correct("world")).toBeUndefined();
    expect(typos.correct("cup")).toBeUndefined();
  });

  it("counts a swapped pair of letters as one edit", () => {
    expect(editDistance("tuce", "tcue")).toBe(1);
    expect(editDistance("truce", "truce")).toBe(0);
    expect(editDistance("abc", "xyz")).toBe(3);
  });
});
