/**
 * Questions as people send them in Slack: inside business context or a forwarded note, with
 * mentions and @channel, two at once, pasted at enormous length, about "now" long after the
 * newest source, and about the article itself rather than the news in it.
 */
import { describe, expect, it } from "vitest";
import { askSeed, citationProblems, seed } from "./support.js";

describe("a question with context around it", () => {
  it("answers the question inside business context, not the context", () => {
    const a = askSeed(
      "We import furniture from Ningbo and our margins are thin. When does the truce expire?",
    );
    expect(a.answered).toBe(true);
    expect(a.factIds).toEqual(["truce-end"]);
  });

  it("reads jargon and 'today' in the sentences around the question as context, not the topic", () => {
    const a = askSeed(
      "We bring in about 40 FEUs a month out of Foshan. Our Q4 plan assumed today's duty rates, " +
        "but our broker flagged Trump's new threat. What rate did he threaten? Need it for a landed-cost model by EOD.",
    );
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/100%/);
  });

  it("answers a question forwarded with 'FW from legal:'", () => {
    const a = askSeed("FW from legal: when does the 100% surtax take effect?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/take effect on Nov\. 1, 2025/);
  });

  it("answers the same with a user mention in front as without", () => {
    const plain = askSeed("when does the truce expire?");
    expect(askSeed("<@U012ABCDEF> when does the truce expire?")).toEqual(plain);
    expect(askSeed("<@U012ABCDEF|tradebot> when does the truce expire?")).toEqual(plain);
  });

  it("answers a question sent to the whole channel", () => {
    const a = askSeed("<!channel> where are the next talks?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/Malaysia/);
  });
});

describe("two questions in one message", () => {
  it("answers both parts joined by 'and', each cited", () => {
    const a = askSeed("when does the truce expire, and what did Washington pause?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/November 2025[\s\S]*Also: .*paused 145% tariffs/);
    expect(a.factIds[0]).toBe("truce-end");
    expect(["truce-terms", "tariffs-145-amount"]).toContain(a.factIds[1]);
    expect(a.citations).toHaveLength(2);
  });

  it("answers two questions in two sentences", () => {
    const a = askSeed("When does the truce expire? Where will Trump and Xi meet?");
    expect(a.text).toMatch(/November 2025[\s\S]*Also: .*South Korea/);
    expect(citationProblems(seed.kb, a)).toEqual([]);
  });
});

describe("a 40,000-character message", () => {
  const filler = "Our supply chain team has been reviewing contracts with vendors in several provinces. ";
  const pad = (n: number) => filler.repeat(Math.ceil(n / filler.length)).slice(0, n);

  it("is answered when the question comes first", () => {
    const q = `When does the truce expire? ${pad(40_000)}`.slice(0, 40_000);
    const a = askSeed(q);
    expect(a.answered).toBe(true);
    expect(a.factIds).toEqual(["truce-end"]);
  });

  it.each([
    ["the question comes last", `${pad(39_970)} When does the truce expire?`],
    ["it is one word", "a".repeat(40_000)],
    ["it repeats a question", "when does the truce expire ".repeat(1_500).slice(0, 40_000)],
  ])("is answered or refused without error when %s, within the length limits", (_, q) => {
    expect(q.length).toBeGreaterThanOrEqual(39_990);
    const a = askSeed(q);
    expect(typeof a.answered).toBe("boolean");
    expect(a.text.length).toBeGreaterThan(0);
    expect(citationProblems(seed.kb, a)).toEqual([]);
  });
});

describe("a question about now, long after the newest source", () => {
  const later = new Date("2026-03-01T12:00:00Z");

  it("is answered from the newest source, saying how old it is", () => {
    const a = askSeed("who is the US Treasury Secretary now?", later);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^As of my newest source on this \(Oct\. 17, 2025, about 4 months old\): /);
    expect(a.text).toMatch(/Scott Bessent/);
    expect(a.freshness).toBe("Newest source: Oct. 17, 2025 (about 4 months old)");
  });

  it("gives the latest overview with the age of the report it rests on", () => {
    const a = askSeed("what's the latest on the talks", later);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^Latest, per the Oct\. 17, 2025 report \(about 4 months old\): /);
  });

  it("says a date the sources gave as ahead has passed", () => {
    const a = askSeed("when does the truce expire", later);
    expect(a.text).toMatch(
      /Until: November 2025 \(expired about 3 months ago, per the Oct\. 17, 2025 report\)/,
    );
  });

  it("does not prefix the age when the source is recent", () => {
    expect(askSeed("who is the US Treasury Secretary now?").text).toMatch(/^Scott Bessent/);
  });
});

describe("a question about the article itself", () => {
  it.each([
    [
      "what is the headline of the article",
      "The headline of the Oct. 17, 2025 article is: US, China Plan New Trade Talks in Malaysia.",
    ],
    [
      "what's the subhead",
      "The subhead of the Oct. 17, 2025 article reads: Bessent and He to Negotiate Tariff Relief Ahead of Trump-Xi Meeting.",
    ],
    ["who took the photo", "The photo credit in the Oct. 17, 2025 article: Eric Lee/Bloomberg (photo)."],
  ])("answers %s from the article", (question, text) => {
    const a = askSeed(question);
    expect(a.answered).toBe(true);
    expect(a.text).toBe(text);
    expect(citationProblems(seed.kb, a)).toEqual([]);
  });

  it("names the publisher", () => {
    const a = askSeed("who published the article");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/is from: Transportation-industry news site, with Bloomberg reporting\.$/);
  });

  it("cites the caption line for the photo credit", () => {
    expect(askSeed("who took the photo").citations[0]?.snippet).toMatch(/\(Eric Lee\/Bloomberg\)$/);
  });

  it("says the article names no author, rather than inventing one", () => {
    const a = askSeed("who wrote the article");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/names no author/);
  });

  it("says there is no link, rather than inventing one", () => {
    const a = askSeed("what is the link to the article");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^I have no link for the Oct\. 17, 2025 article/);
    expect(a.text).not.toMatch(/https?:/);
  });
});
