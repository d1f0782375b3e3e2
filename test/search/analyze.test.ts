import { describe, expect, it } from "vitest";
import { terms } from "../../src/search/analyze.js";

describe("turning text into canonical terms", () => {
  it("reads a capitalised He in mid-sentence as Vice Premier He Lifeng, not a pronoun", () => {
    expect(terms("What time will Bessent speak with He?")).toEqual(["time", "bessent", "speak", "helifeng"]);
    expect(terms("He and I, and a delegation, will meet")).toContain("helifeng");
    expect(terms("He also declared a surtax")).not.toContain("helifeng");
  });

  it("keeps the US as a country but drops 'us' the pronoun", () => {
    expect(terms("what is the US deficit")).toEqual(["usa", "deficit"]);
    expect(terms("what is the us deficit")).toEqual(["usa", "deficit"]);
    expect(terms("tell us about it")).toEqual([]);
  });

  it("folds synonyms and names people use for the same thing", () => {
    expect(terms("ceasefire")).toEqual(terms("truce"));
    expect(terms("new levy")).toEqual(terms("new tariff"));
    expect(terms("KL talks")).toEqual(terms("Kuala Lumpur talks"));
    expect(terms("Asia-Pacific Economic Cooperation")).toEqual(["apec"]);
    expect(terms("SecTreas")).toEqual(["bessent"]);
  });

  it("keeps numbers and percentages as terms", () => {
    expect(terms("100% tariff")).toEqual(["100", "percent", "tariff"]);
    expect(terms("$1.78 trillion")).toEqual(["dollar", "1.78", "trillion"]);
  });

  it("treats words like constructor and toString as plain words, not object properties", () => {
    for (const t of terms("constructor toString hasOwnProperty __proto__")) expect(typeof t).toBe("string");
  });
});
