/** How an answer reads in Slack: one heading over the suggestions, and the question echoed plainly. */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { ASKED_MAX, answerMessage } from "../../src/slack/blocks/answer.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const suggestions = [
  { entryId: "truce-expiry", question: "When does the truce expire?" },
  { entryId: "kl-talks", question: "Where were the talks held?" },
];
const notAnswered: Answer = {
  answered: false,
  text: "I don't have anything on banana exports in my sources.",
  citations: [],
  confidence: 0.1,
  factIds: [],
  suggestions,
};
const answered: Answer = {
  answered: true,
  text: "The truce runs until Nov. 10, 2026.",
  citations: [
    {
      snippet: "The truce was extended to Nov. 10, 2026.",
      source: "s1",
      title: "Truce extended",
      publisher: "Reuters",
      published: "2025-11-01",
    },
  ],
  confidence: 0.5,
  factIds: ["truce-expiry"],
  suggestions,
};

type Block = { type: string; text?: { text: string }; elements?: { type: string; text?: unknown }[] };
const blocksOf = (a: Answer, view: Partial<Parameters<typeof answerMessage>[1]> = {}) =>
  answerMessage(a, { question: "q", now: NOW, ...view }).blocks as Block[];
const sectionTexts = (blocks: Block[]) => blocks.map((b) => b.text?.text ?? "");
const contextElements = (blocks: Block[]) =>
  blocks.filter((b) => b.type === "context").flatMap((b) => b.elements ?? []);

describe("suggestion headings", () => {
  it("offers a don't-know's suggestions under 'You could ask:', and nothing else as a heading", () => {
    const texts = sectionTexts(blocksOf(notAnswered));
    expect(texts).toContain("*You could ask:*");
    expect(texts.join("\n")).not.toMatch(/Did you mean|Related questions/);
  });

  it("offers an answer's suggestions under 'Related questions:'", () => {
    const texts = sectionTexts(blocksOf(answered));
    expect(texts).toContain("*Related questions:*");
    expect(texts.join("\n")).not.toMatch(/Did you mean|You could ask/);
  });
});

describe("the echoed question", () => {
  it("shows a 3,000-character question cut to about 200 characters, closed and without emphasis", () => {
    const question = "why ".repeat(750).trim();
    const [asked, ...rest] = contextElements(blocksOf(answered, { question, showQuestion: true }));
    expect(rest.filter((e) => String(e.text).includes("You asked"))).toHaveLength(0);
    expect(asked?.type).toBe("plain_text");
    const text = String(asked?.text);
    expect(text.startsWith("You asked: “why why")).toBe(true);
    expect(text.endsWith("…”")).toBe(true);
    expect(text.length).toBeLessThanOrEqual("You asked: “”".length + ASKED_MAX);
  });

  it("keeps underscores and asterisks in a question as typed, as plain text", () => {
    const question = "what is the _snake_case_ *tariff* rate?";
    const [asked] = contextElements(blocksOf(answered, { question, showQuestion: true }));
    expect(asked).toEqual({ type: "plain_text", text: `You asked: “${question}”`, emoji: false });
  });

  it("names who shared it, then the question as plain text, and never lets the question ping", () => {
    const question = `@here ${"x".repeat(400)}`;
    const elements = contextElements(blocksOf(answered, { question, sharedBy: "U123" }));
    expect(elements[0]).toEqual({ type: "mrkdwn", text: "<@U123> asked:" });
    expect(elements[1]?.type).toBe("plain_text");
    const text = String(elements[1]?.text);
    expect(text).toMatch(/^“@\u200bhere x+…”$/);
    expect(text.length).toBeLessThanOrEqual(ASKED_MAX + 3); // quotes and the zero-width space
  });
});
