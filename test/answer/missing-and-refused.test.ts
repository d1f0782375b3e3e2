/**
 * What the bot does when the sources lack what is asked (it says so, and what they do say, cited)
 * and when a question is about something else entirely (it refuses, citing nothing).
 */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { askSeed, citationProblems, SEED_NOW, seed } from "./support.js";

/** An answer that says what the sources lack, then what they do say, with that cited word for word. */
function expectMissingButCited(a: Answer, missing: RegExp, known: RegExp) {
  expect(a.answered).toBe(false);
  expect(a.text).toMatch(/^My sources don't /);
  expect(a.text).toMatch(missing);
  expect(a.text).toMatch(known);
  expect(a.citations.length).toBeGreaterThan(0);
  expect(citationProblems(seed.kb, a)).toEqual([]);
}

describe("a detail the sources lack", () => {
  it("says the exact day is not given, and gives the week the sources do", () => {
    expectMissingButCited(
      askSeed("what exact day do the Malaysia talks start"),
      /don't give the exact day/,
      /the week of Oct\. 20, 2025/,
    );
  });

  it("says the exact day of the truce's end is not given, and gives the month", () => {
    expectMissingButCited(
      askSeed("what day does the truce expire"),
      /don't give the exact day/,
      /November 2025/,
    );
  });

  it("says the time is not given, and gives the week", () => {
    expectMissingButCited(
      askSeed("what time do the Malaysia talks start"),
      /don't give the time/,
      /week of Oct\. 20, 2025/,
    );
  });

  it("says the hotel is not named, and gives the country", () => {
    expectMissingButCited(
      askSeed("which hotel will Bessent and He meet at"),
      /don't (?:name the venue|say which hotel)/,
      /Malaysia/,
    );
  });

  it("says how many magnets Beijing promised is not given, and gives the pledge", () => {
    expectMissingButCited(
      askSeed("how many magnets did Beijing promise"),
      /don't give (?:a figure|that number|how many)/,
      /resume the flow of rare-earth magnets/,
    );
  });

  it("says how many magnets China will ship is not given, and gives the pledge", () => {
    expectMissingButCited(askSeed("how many magnets will China ship"), /don't give/, /rare-earth magnets/);
  });

  it("says what the truce will cost is not given, and gives its terms", () => {
    expectMissingButCited(askSeed("what will the truce cost the US"), /don't give/, /paused 145% tariffs/);
  });

  it("says what the surtax will cost importers is not given", () => {
    expect(askSeed("how much will the 100% surtax cost US importers?").answered).toBe(false);
  });

  it("answers the time where the sources give one", () => {
    const a = askSeed("what time is the Bessent-He call");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/around 8:30 or 9:00 p\.m\. New York time/);
  });
});

describe("an out-of-scope question", () => {
  it.each([
    "what's the weather in Kuala Lumpur",
    "who won the world series",
    "what are India's tariffs on steel",
    "what tariffs does the EU charge on Chinese cars",
    "what is the tariff on Canadian lumber",
    // a request for a recommendation, not a belief to check ("No: Donald Trump, not Nasi lemak")
    "best nasi lemak in KL? heading there for a trade show",
  ])("is refused, citing nothing: %s", (question) => {
    const a = askSeed(question);
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.text).toBe("I don't know: my sources don't cover that.");
  });

  it("is refused with things it can answer instead", () => {
    const a = askSeed("what's the weather in Kuala Lumpur");
    expect(a.suggestions.length).toBeGreaterThan(0);
    for (const s of a.suggestions) expect(seed.answerEntry(s.entryId, SEED_NOW)?.answered).toBe(true);
  });

  it("refuses a task it cannot do, saying what it does", () => {
    const a = askSeed("can you book me a flight to Kuala Lumpur");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^I can't do that: I only answer questions about the US–China trade talks/);
  });
});

describe("which ones, and how it turned out", () => {
  it("'which particular elements' is not answered by a claim that names only the kind", () => {
    expectMissingButCited(
      askSeed("which particular rare-earth elements does china want to control?"),
      /don't list which rare-earth elements/,
      /critical rare-earth elements/,
    );
  });

  it("'one day or two?' is not answered by a claim that gives neither", () => {
    const a = askSeed("will the talks in malaysia last one day or two?");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't say which/);
  });

  it("'how did the meeting turn out' is not answered by the plan, when the sources predate it", () => {
    const a = askSeed("how did the trump-xi meeting turn out?");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/describe it as planned; they don't say whether it happened/);
    expect(a.citations.length).toBeGreaterThan(0);
    expect(citationProblems(seed.kb, a)).toEqual([]);
  });
});

describe("a pair of countries the sources are not about", () => {
  it("'the US-Vietnam deal', 'the EU-US steel deal' are refused, not answered with the US-China deal", () => {
    for (const q of [
      "can you summarize the US-vietnam tariff deal",
      "where does the EU-US steel tariff deal stand?",
    ]) {
      const a = askSeed(q);
      expect(a.answered).toBe(false);
      expect(a.text).toMatch(/^(?:My sources don't cover|I don't know)/);
    }
    expect(askSeed("when do the US-China talks in Malaysia start?").answered).toBe(true);
  });
});
