import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkKnowledge, formatProblem, loadKnowledge } from "../../src/knowledge/index.js";

const kb = loadKnowledge("knowledge");
const seedId = "us-china-malaysia-talks";
const seed = kb.sources.get(seedId);
const everything = kb.entries.map((e) => `${e.answer}\n${e.snippet}`).join("\n");
const lettersAndDigits = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

describe("the real knowledge base", () => {
  it("loads with no problems", () => {
    expect(checkKnowledge("knowledge").problems.map(formatProblem)).toEqual([]);
  });

  it("has the seed article and the deficit headline it links to as sources, with no invented URL", () => {
    expect(seed).toMatchObject({
      title: "US, China Plan New Trade Talks in Malaysia",
      published: "2025-10-17",
    });
    expect(seed?.url).toBeUndefined();
    expect(kb.sources.get("us-deficit-tariff-revenue")?.text.trim()).toBe(
      "US Deficit Dips to $1.78 Trillion as Tariff Revenue Soars",
    );
  });

  it("serves a repaired article text with no mis-decoded characters or page furniture", () => {
    const text = seed?.text ?? "";
    for (const furniture of ["泭", "Toggle View", "Stay on top", "RELATED", "Want more news"]) {
      expect(text).not.toContain(furniture);
    }
    for (const repaired of [
      "world's two",
      "Bessent's comments",
      "I think we're doing",
      "Kuala Lumpur, Malaysia's",
    ]) {
      expect(text).toContain(repaired);
    }
  });

  it("records every repair with the original words from the received text", () => {
    const received = readFileSync(`knowledge/sources/${seedId}.received.txt`, "utf8");
    const repairs = seed?.repairs ?? [];
    expect(repairs.length).toBeGreaterThanOrEqual(10);
    for (const r of repairs.filter((r) => r.original.length > 20)) expect(received).toContain(r.original);
  });

  it.each([
    ["the paused 145% tariffs", "145%"],
    ["the 100% surtax", "100%"],
    ["the $1.78 trillion deficit", "$1.78 trillion"],
    ["the earlier rounds", "Madrid, Stockholm, London and Geneva"],
    ["the APEC summit", "Asia-Pacific Economic Cooperation"],
    ["the ASEAN summit", "Association of Southeast Asian Nations"],
    ["rare earths", "rare-earth"],
    ["Bessent's de-escalation quote", "de-escalated"],
    ["Trump's view of the tariffs", "not sustainable"],
    ["the time of the Bessent–He call", "8:30"],
    ["the Nov. 1 start of the surtax", "Nov. 1"],
    ["the truce expiry", "expire in November"],
    ["Kuala Lumpur", "Kuala Lumpur"],
    ["the four rounds", "four rounds"],
    ["the Fox Business interview", "Fox Business"],
  ])("has an entry about %s", (_what, words) => {
    expect(everything).toContain(words);
  });

  it("covers every sentence of the article with an entry resting on it", () => {
    // The headline restates the first Key Takeaway; the photo and video captions carry no facts of their own.
    const body = (seed?.text ?? "")
      .split("\n")
      .filter((l) => l.trim() && l !== seed?.title && !/^(Scott Bessent|\(Fox Business)/.test(l));
    const sentences = body
      .flatMap((l) => l.replace(/^\s*•\s*/, "").split(/(?<=[a-z]\.) (?=[A-Z])/))
      .map((s) => s.replace(/, (Trump|Bessent) said\.$/, ""));
    const snippets = kb.entries.map((e) => lettersAndDigits(e.snippet));
    const uncovered = sentences.filter((s) => {
      const words = lettersAndDigits(s);
      return !snippets.some((snip) => words.includes(snip) || snip.includes(words));
    });
    expect(uncovered).toEqual([]);
  });

  it("quotes people word for word, with who said it and when", () => {
    const quotes = kb.entries.filter((e) => e.kind === "quote");
    expect(quotes.map((q) => q.speaker?.name).sort()).toEqual([
      "Donald Trump",
      "Scott Bessent",
      "Scott Bessent",
      "Scott Bessent",
      "Scott Bessent",
    ]);
    for (const q of quotes) {
      expect(q.speaker?.said_on).toBe("2025-10-17");
      // The snippet is what they said, shown as their words: not the reporter's sentence about them.
      const surname = q.speaker?.name.split(" ").at(-1) ?? "";
      expect(q.snippet, q.id).not.toContain(surname);
    }
  });

  it("dates events and deadlines with the precision the article gives", () => {
    const when = (id: string) => kb.entries.find((e) => e.id === id)?.when;
    expect(when("truce-expiry")).toMatchObject({ date: "2025-11-01", precision: "month" });
    expect(when("surtax-takes-effect")).toMatchObject({ date: "2025-11-01", precision: "day" });
    expect(when("talks-in-malaysia")).toMatchObject({ date: "2025-10-20", precision: "week" });
    expect(when("trump-xi-meeting")).toMatchObject({ date: "2025-10-01", precision: "month" });
    expect(when("bessent-he-call")).toMatchObject({ date: "2025-10-17", precision: "day" });
    expect(when("bessent-he-call")?.time).toContain("8:30 or 9:00 p.m. New York time");
  });

  it("marks four to six current key points as headlines", () => {
    const headlines = kb.entries.filter((e) => e.headline).map((e) => e.id);
    expect(headlines.length).toBeGreaterThanOrEqual(4);
    expect(headlines.length).toBeLessThanOrEqual(6);
    expect(headlines).toEqual(
      expect.arrayContaining(["talks-in-malaysia", "truce-expiry", "trump-xi-meeting"]),
    );
  });

  it("gives every entry eight to fifteen questions typed the way people type in Slack", () => {
    for (const e of kb.entries) {
      expect(e.questions.length, e.id).toBeGreaterThanOrEqual(8);
      expect(e.questions.length, e.id).toBeLessThanOrEqual(15);
      for (const q of e.questions) expect(q, e.id).toBe(q.toLowerCase().replace(/\?$/, ""));
    }
  });

  it("has snippets that also match the text as received, comparing letters and digits only", () => {
    const received = lettersAndDigits(readFileSync(`knowledge/sources/${seedId}.received.txt`, "utf8"));
    const fromSeed = kb.entries.filter((e) => e.source === seedId);
    expect(fromSeed.filter((e) => !received.includes(lettersAndDigits(e.snippet))).map((e) => e.id)).toEqual(
      [],
    );
  });
});
