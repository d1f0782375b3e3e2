import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import type { Answer } from "../../src/answer/types.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

const kb = loadKnowledge("knowledge");
const core = createCore(kb);
const late = new Date("2026-11-29T12:00:00Z");
const before = new Date("2025-10-20T12:00:00Z");

/** Every cited snippet must stand word for word in the stored text of the source it names. */
function expectTraceable(a: Answer): void {
  for (const c of a.citations) expect(kb.sources.get(c.source)?.text, c.snippet).toContain(c.snippet);
}

describe("answering a question typed the way people type in Slack", () => {
  it("answers a misspelt, lower-case question with a short answer and the verbatim snippet it rests on", () => {
    const a = core.answer("<@U0LAN0Z89> wen does the truse expire", late);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/November 2025/);
    expect(a.text.length).toBeLessThan(800);
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]).toMatchObject({
      snippet: "That agreement is set to expire in November.",
      published: "2025-10-17",
      title: "US, China Plan New Trade Talks in Malaysia",
    });
    expect(a.factIds).toEqual(["truce-expiry"]);
    expectTraceable(a);
  });

  it("places a date against now: a countdown before it, 'has passed' after, and the report's age", () => {
    const soon = core.answer("when does the 100% surtax take effect", before);
    expect(soon.text).toMatch(
      /When: Nov\. 1, 2025 \(in 12 days; per the Oct\. 17, 2025 report, 3 days old now\)/,
    );
    const gone = core.answer("when does the 100% surtax take effect", late);
    expect(gone.text).toMatch(
      /When: Nov\. 1, 2025 \(over a year ago; per the Oct\. 17, 2025 report, over a year old now\)/,
    );
    expect(gone.freshness).toBe("Newest source: Oct. 17, 2025 (over a year old)");
  });

  it("understands synonyms and fragments: ceasefire, levy, KL, APEC", () => {
    expect(core.answer("ceasefire end date?", late).factIds).toEqual(["truce-expiry"]);
    expect(core.answer("how big is the new levy on chinese goods", late).text).toMatch(/100%/);
    expect(core.answer("kl talks who", late).text).toMatch(/He Lifeng/);
    expect(core.answer("apec meeting where", late).text).toMatch(/South Korea/);
  });

  it("says it does not know, with suggestions, instead of answering off-topic questions from the nearest sentence", () => {
    for (const q of [
      "who won the world cup?",
      "what's the EU tariff on EVs?",
      "book me a flight to Madrid",
      "What did Xi say on Oct. 17?",
      "What did Jamieson Greer say?",
      "what's the tariff on goods from vietnam",
    ]) {
      const a = core.answer(q, late);
      expect(a.answered, q).toBe(false);
      expect(a.citations, q).toEqual([]);
      expect(a.suggestions.length, q).toBeGreaterThan(0);
      expect(a.suggestions.length, q).toBeLessThanOrEqual(3);
    }
  });

  it("greets a greeting instead of answering it from the nearest entry", () => {
    const a = core.answer("Good morning team", late);
    expect(a.answered).toBe(false);
    expect(a.text).toBe("Hello! Ask me about the US–China trade talks.");
  });

  it("does not pass off what was planned as how it turned out", () => {
    for (const q of ["did the malaysia talks produce a deal?", "was the 100% tariff cancelled in the end"]) {
      expect(core.answer(q, late).answered, q).toBe(false);
    }
  });

  it("answers the one answerable sentence of a chatty message", () => {
    const a = core.answer("lol coffee machine broke again. where's the next round of talks?", late);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/Malaysia/);
  });

  it("says when the sources give no exact date, and what they do give", () => {
    const a = core.answer("exact date of the trump xi meeting?", late);
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't give that exactly: they give only October 2025\./);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it("declines tasks politely rather than answering them", () => {
    const a = core.answer("can you set a reminder for the 8:30 call", late);
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/can't do that/);
  });

  it("will not say what stands today from an old source, but gives what stood then, cited", () => {
    const a = core.answer("what's the tariff on chinese goods today", late);
    expect(a.text).toMatch(
      /can't say what stands today: my newest source on this is the Oct\. 17, 2025 report \(over a year old\)\. As of then: /,
    );
    expect(a.confidence).toBeLessThan(0.75);
    expect(a.citations.length).toBeGreaterThan(0);
    expectTraceable(a);
  });

  it("answers both halves of a two-part question, each with its citation", () => {
    const a = core.answer("where were the earlier rounds held and how many were there", late);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/Madrid/);
    expect(a.text).toMatch(/four/);
    expectTraceable(a);
  });

  it("neither pings nor stumbles on @channel inside a question", () => {
    const a = core.answer("<!channel> <!here> when does the truce expire", late);
    expect(a.factIds).toEqual(["truce-expiry"]);
    expect(a.text).not.toMatch(/<!/);
  });

  it("copes with an empty message and with a 10,000-character one", () => {
    const empty = core.answer("   ", late);
    expect(empty.answered).toBe(false);
    expect(empty.suggestions.length).toBeGreaterThan(0);
    const long = core.answer(`when does the truce expire ${"and also ".repeat(1200)}`, late);
    expect(long.text.length).toBeLessThan(800);
  });

  it("answers a 'did you mean' choice by entry id, and not an unknown id", () => {
    const a = core.answerEntry("previous-round-cities", late);
    expect(a?.text).toMatch(/Madrid, Stockholm, London and Geneva/);
    expect(core.answerEntry("no-such-entry", late)).toBeUndefined();
  });

  it("answers questions about its own sources from their metadata, citing their words", () => {
    const a = core.answer("when was this article published", late);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/Oct\. 17, 2025/);
    expectTraceable(a);
  });

  it("routes almost every curated question to the entry written for it", () => {
    let right = 0;
    let total = 0;
    for (const e of kb.entries) {
      for (const q of e.questions) {
        total++;
        const a = core.answer(q, late);
        if (a.answered && a.factIds[0] === e.id) right++;
        expectTraceable(a);
      }
    }
    expect(total).toBeGreaterThan(300);
    expect(right / total).toBeGreaterThan(0.9);
  });
});
