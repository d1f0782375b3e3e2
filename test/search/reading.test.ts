/**
 * How the engine reads a question, through `engine.read` on the frozen seed knowledge: the
 * concepts it names, what it asks for, the values it puts forward, negation and the time asked about.
 */
import { describe, expect, it } from "vitest";
import type { Attribute } from "../../src/knowledge/schema.js";
import { seed } from "../answer/support.js";

const read = (q: string) => seed.engine.read(q);
const conceptsIn = (q: string) => read(q).mentions.map((m) => m.concept);
/** The attribute the question fits best. */
const askedFirst = (q: string): Attribute | undefined =>
  [...read(q).asked.attributes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

describe("reading the concepts a question names", () => {
  it.each([
    ["what did SecTreas say about China", "SecTreas", "scott-bessent"],
    ["what is happening in KL next week", "KL", "kuala-lumpur"],
    ["what does the PRC want from the talks", "PRC", "china"],
    ["who is the Treasury chief", "Treasury chief", "scott-bessent"],
  ])("finds the concept an alias, abbreviation or role names: %s", (question, words, concept) => {
    const mention = read(question).mentions.find((m) => m.concept === concept);
    expect(mention?.text).toBe(words);
  });

  it("says a role found someone by their role, not their name", () => {
    const mention = read("who is the Treasury chief").mentions[0];
    expect(mention).toMatchObject({ concept: "scott-bessent", via: "role" });
  });

  it.each([
    ["when will bessnt meet his counterpart", "bessnt", "scott-bessent"],
    ["how high is the tarrif now", "tarrif", "tariffs"],
    ["wen does the truse expire", "truse", "truce"],
  ])("corrects a typo in a name to the name: %s", (question, typo, concept) => {
    const mention = read(question).mentions.find((m) => m.text === typo);
    expect(mention).toMatchObject({ concept, corrected: true });
  });

  it("corrects a typo inside a longer name and finds the longer name", () => {
    const mention = read("what is the tarrif rate on Chinese goods").mentions[0];
    expect(mention).toMatchObject({ concept: "us-tariffs", corrected: true });
  });

  it("does not correct a word far from every name into one", () => {
    expect(conceptsIn("who guards the bastion")).not.toContain("scott-bessent");
  });

  it.each(["when will Bessent meet he", "Bessent and He will meet where", "did Bessent meet He in Geneva"])(
    "reads He as He Lifeng where the pronoun can't stand: %s",
    (question) => {
      expect(conceptsIn(question)).toContain("he-lifeng");
    },
  );

  it.each(["He will meet Bessent next week, won't he?", "he said the talks went well"])(
    "reads He as the pronoun where it can stand: %s",
    (question) => {
      expect(conceptsIn(question)).not.toContain("he-lifeng");
    },
  );

  it.each(["what did the US say", "what did us officials say"])(
    "reads US as the country in capitals or before a noun: %s",
    (question) => {
      expect(conceptsIn(question)).toContain("united-states");
    },
  );

  it("reads us as the pronoun in 'tell us'", () => {
    expect(conceptsIn("can you tell us when the truce ends")).toEqual(["truce"]);
  });

  it("reads a thing's name used as a verb as the verb: 'need to talk to He' names no talks", () => {
    const concepts = conceptsIn("I need to talk to He");
    expect(concepts).toContain("he-lifeng");
    expect(concepts).not.toContain("us-china-talks");
  });

  it("reads 'talk' after a name as the verb: 'when does Bessent talk to He' names no talks", () => {
    expect(conceptsIn("when does Bessent talk to He")).not.toContain("us-china-talks");
  });
});

describe("reading what a question asks for", () => {
  it("reads 'when does the truce expire' as asking for an end date", () => {
    expect(askedFirst("when does the truce expire")).toBe("end");
  });

  it("reads 'when do the Malaysia talks take place' as asking for a date, not an end", () => {
    expect(askedFirst("when do the Malaysia talks take place")).toBe("when");
  });

  it("reads 'what's He Lifeng's title' as asking for a role", () => {
    expect(askedFirst("what's He Lifeng's title")).toBe("role");
  });

  it("reads 'why does Bessent say …' as asking what he said, and 'why …' alone as asking for a reason", () => {
    expect(askedFirst("why does Bessent say the talks will go well")).toBe("said");
    expect(askedFirst("why did Trump threaten to cancel the meeting")).toBe("reason");
  });

  it("reads 'how many …' as asking for an amount, surely", () => {
    const r = read("how many rounds of talks have there been");
    expect(askedFirst("how many rounds of talks have there been")).toBe("amount");
    expect(r.asked.strength).toBe(1);
  });

  it("reads 'what time' as asking for a date exact to the hour", () => {
    const r = read("what time is the Bessent-He call");
    expect(askedFirst("what time is the Bessent-He call")).toBe("when");
    expect(r.asked.exact).toBe("time");
  });

  it("reads 'which hotel' as asking for a place exact to the venue", () => {
    const r = read("which hotel will Bessent and He meet at");
    expect(askedFirst("which hotel will Bessent and He meet at")).toBe("where");
    expect(r.asked.exact).toBe("venue");
  });

  it("reads 'who is Xi' as asking for his title, not for who else is involved", () => {
    expect(askedFirst("who is Xi")).toBe("role");
  });
});

describe("reading the values a question puts forward", () => {
  it("reads 'the talks are in Bangkok, right?' as a belief putting forward a place no source names", () => {
    const r = read("the talks are in Bangkok, right?");
    expect(r.form).toBe("belief");
    const place = r.claimed.find((v) => v.kind === "place");
    expect(place).toMatchObject({ text: "Bangkok" });
    expect(place?.concept).toBeUndefined();
  });

  it("reads 'Malaysia or Thailand?' as a choice between two places", () => {
    const r = read("Malaysia or Thailand?");
    expect(r.form).toBe("choice");
    expect(r.choices.map((v) => [v.kind, v.text])).toEqual([
      ["place", "Malaysia"],
      ["place", "Thailand"],
    ]);
  });

  it("reads 'is it 100 or 145 percent?' as a choice between two figures", () => {
    const r = read("is it 100 or 145 percent?");
    expect(r.form).toBe("choice");
    expect(r.choices.map((v) => v.figure?.value)).toEqual([100, 145]);
  });

  it("reads a scale written as its own word: '$14bn' is 14 billion dollars, 'bn' no name", () => {
    for (const q of ["what's the $14bn package about?", "is it 14 bln dollars?"]) {
      const r = read(q);
      expect(r.claimed.find((v) => v.kind === "figure")?.figure?.value).toBe(14e9);
      expect(r.claimed.filter((v) => v.kind === "person")).toEqual([]);
    }
  });

  it("reads a date put forward at its precision: 'Dec. 1' is a day, 'November' a month", () => {
    const day = read("the surtax takes effect Dec. 1, right?").claimed.find((v) => v.kind === "date");
    expect(day?.date).toMatchObject({ date: "2025-12-01", precision: "day" });
    const month = read("the truce expires in November, right?").claimed.find((v) => v.kind === "date");
    expect(month?.date).toMatchObject({ date: "2025-11-01", precision: "month" });
  });

  it("reads a title put forward for the person named", () => {
    const title = read("He Lifeng is the foreign minister, right?").claimed.find((v) => v.kind === "title");
    expect(title).toMatchObject({ text: "foreign minister", concept: "he-lifeng" });
  });

  it("reads a plain wh-question as putting nothing forward to check", () => {
    const r = read("where are the next talks");
    expect(r.form).toBe("wh");
    expect(r.claimed.filter((v) => v.kind === "place" || v.kind === "figure")).toEqual([]);
  });
});

describe("reading negation", () => {
  it("reads 'isn't' as negated and the same question without it as not", () => {
    expect(read("isn't the truce expiring in November?").negated).toBe(true);
    expect(read("is the truce expiring in November?").negated).toBe(false);
  });

  it("reads 'no longer' as negated", () => {
    expect(read("is the 100% tariff no longer planned?").negated).toBe(true);
  });
});

describe("reading the time asked about", () => {
  it.each([
    ["what is the tariff on Chinese goods now", "now"],
    ["is the truce still in place", "now"],
    ["what was the tariff before the truce", "before"],
    ["when is the next round of talks", "next"],
  ])("reads '%s' as about %s", (question, time) => {
    expect(read(question).time).toBe(time);
  });

  it("reads 'who's that again' as a reminder asked for, and 'in Geneva again' as the next time", () => {
    expect(read("bessent - who's that again").time).toBeUndefined();
    expect(read("are the talks going to be in Geneva again?").time).toBe("next");
  });

  it("reads a question with no time words as about no time in particular", () => {
    expect(read("when does the truce expire").time).toBeUndefined();
  });

  it("reads the time from the sentences that ask, not from a statement with 'is' in it", () => {
    const r = read(
      "we have 3 containers arriving next month, one is a furniture order. ops asks about the surtax on it. is it still planned and from what date?",
    );
    expect(r.time).toBe("now");
  });

  it("reads 'X — that right?' as putting X up for checking, X's time included", () => {
    const r = read(
      "colleague says the next talks are in Singapore — that right? we have someone there who could go",
    );
    expect(r.form).toBe("belief");
    expect(r.time).toBe("next");
  });

  it("reads 'the day before the summit' as a date, not as asking what was true before", () => {
    expect(read("what did they buy the day before the summit").time).not.toBe("before");
    expect(read("what did they buy a week before the talks").time).not.toBe("before");
  });
});
