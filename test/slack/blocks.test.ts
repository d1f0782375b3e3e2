/** Every message stays within Block Kit's limits by construction, however long the content. */
import { describe, expect, it } from "vitest";
import type { Answer, Citation, StatusReport, TimelineItem } from "../../src/answer/types.js";
import { answerMessage } from "../../src/slack/blocks/answer.js";
import { homeView } from "../../src/slack/blocks/home.js";
import { chunk } from "../../src/slack/blocks/limits.js";
import { statusMessage } from "../../src/slack/blocks/status.js";
import { timelineMessage } from "../../src/slack/blocks/timeline.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const long = (n: number, word = "tariff") => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");

const citation = (i: number): Citation => ({
  snippet: long(900, `s${i}-`),
  source: `src-${i}`,
  title: long(80, "Title"),
  publisher: long(40, "Publisher"),
  published: "2025-10-17",
  url: "https://example.com/a|b<c>",
});

const item = (i: number): TimelineItem => ({
  entryId: `e-${i}`,
  title: `Event ${i}`,
  text: long(60),
  date: `2025-${String((i % 12) + 1).padStart(2, "0")}-10`,
  until: `2025-${String((i % 12) + 1).padStart(2, "0")}-10`,
  precision: "day",
  dateLabel: "Oct. 10, 2025",
  countdown: i % 2 ? "in 3 days" : "3 days ago",
  past: i % 2 === 0,
  citation: citation(i),
});

type AnyBlock = { type: string; text?: { text: string }; elements?: { type: string; text?: unknown }[] };

function expectWithinLimits(blocks: AnyBlock[], maxBlocks = 50) {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const b of blocks) {
    if (b.type === "section") expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    if (b.type === "header") expect(b.text?.text.length).toBeLessThanOrEqual(150);
    if (b.type === "context") expect(b.elements?.length).toBeLessThanOrEqual(10);
    if (b.type === "actions")
      for (const e of b.elements ?? []) {
        const t = (e.text as { text: string }).text;
        expect(t.length).toBeLessThanOrEqual(75);
      }
  }
}

describe("answer messages", () => {
  it("split a very long answer and snippets into sections of at most 3,000 characters", () => {
    const a: Answer = {
      answered: true,
      text: long(2000),
      citations: [citation(1), citation(2), citation(3), citation(4)],
      confidence: 0.4,
      factIds: ["a", "b"],
      suggestions: [1, 2, 3, 4].map((i) => ({ entryId: `e${i}`, question: long(40, "why") })),
    };
    const m = answerMessage(a, {
      question: long(500),
      now: NOW,
      showQuestion: true,
      feedback: { kbVersion: "v" },
    });
    expectWithinLimits(m.blocks as AnyBlock[]);
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(4000);
    // The whole answer is still there, across sections.
    const shown = (m.blocks as AnyBlock[]).map((b) => b.text?.text ?? "").join(" ");
    expect(shown).toContain("tariff1999");
    // A URL with | < > cannot break the link markup.
    expect(JSON.stringify(m.blocks)).not.toContain("a|b<c>");
  });

  it("always carry a text fallback, even for an I-don't-know", () => {
    const m = answerMessage(
      { answered: false, text: "I don't know.", citations: [], confidence: 0, factIds: [], suggestions: [] },
      { question: "x", now: NOW },
    );
    expect(m.text).toBe("I don't know.");
  });
});

describe("lists", () => {
  const items = Array.from({ length: 400 }, (_, i) => item(i));
  const status: StatusReport = {
    headline: long(100),
    inForce: items.slice(0, 100).map((i) => ({ entryId: i.entryId, text: i.text, citation: i.citation })),
    keyNumbers: items.slice(0, 100).map((i) => ({ entryId: i.entryId, text: i.text, citation: i.citation })),
    upcoming: items.filter((i) => !i.past),
    recent: items.filter((i) => i.past),
    newestSource: "2025-10-17",
    freshness: "8 days old",
    kbVersion: "abc",
  };

  it("keep a 400-event timeline within 50 blocks, saying what was left out", () => {
    const m = timelineMessage(items, { share: true });
    expectWithinLimits(m.blocks as AnyBlock[]);
    expect(JSON.stringify(m.blocks.at(-1))).toMatch(/more blocks not shown/);
  });

  it("keep a huge status within 50 blocks and the Home tab within 100", () => {
    expectWithinLimits(statusMessage(status, { share: true }).blocks as AnyBlock[]);
    expectWithinLimits(homeView(status, items).blocks as AnyBlock[], 100);
  });
});

describe("chunk", () => {
  it("never cuts an escaped entity in half", () => {
    const text = `${"x".repeat(2997)}&amp; more`;
    const [first, second] = chunk(text, 3000);
    expect(first).toBe("x".repeat(2997));
    expect(second?.startsWith("&amp;")).toBe(true);
  });
});
