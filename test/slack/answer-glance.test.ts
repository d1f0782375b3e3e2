/**
 * Answers people can read at a glance, as Slack shows them: at most 300 characters before the first
 * quote, each later part ("Also: …") just before the quote it rests on, each quote a rich_text
 * quote that starts where the source's sentence starts with the snippet itself verbatim and marked,
 * Slack's native feedback buttons, and the whole answer still in the text fallback.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import type { Answer } from "../../src/answer/types.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { answerMessage } from "../../src/slack/blocks/answer.js";
import { answerLayout, cutAtSentence, LEAD_MAX } from "../../src/slack/blocks/answer-layout.js";
import { LIMITS } from "../../src/slack/blocks/limits.js";
import { decodeFeedback } from "../../src/slack/blocks/payloads.js";
import { snippetInSentence } from "../../src/slack/blocks/sentence.js";
import { quotes } from "../support/blocks.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const kb = loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
const core = createCore(kb);
const sourceText = (id: string) => kb.sources.get(id)?.text;
type Obj = Record<string, unknown>;

/** The text a reader sees before the first quote: every section above the first rich_text block. */
function beforeFirstQuote(blocks: Obj[]): string {
  const first = blocks.findIndex((b) => b.type === "rich_text");
  return blocks
    .slice(0, first)
    .filter((b) => b.type === "section")
    .map((b) => String((b.text as Obj).text))
    .join(" ");
}

const citation = {
  snippet: "The first snippet.",
  source: "s1",
  title: "Title",
  publisher: "Publisher",
  published: "2025-10-17",
};

describe("the text before the first quote", () => {
  it("is at most 300 characters, cut at a sentence end; the rest follows that quote and the fallback keeps it all", () => {
    const sentence = (i: number) =>
      `Sentence number ${i} of a long answer says something about the U.S. tariffs.`;
    const text = Array.from({ length: 8 }, (_, i) => sentence(i + 1)).join(" ");
    const a: Answer = {
      answered: true,
      text,
      citations: [citation],
      confidence: 1,
      factIds: ["c1"],
      suggestions: [],
    };
    const m = answerMessage(a, { question: "q", now: NOW });
    const blocks = m.blocks as unknown as Obj[];
    const lead = beforeFirstQuote(blocks);
    expect(text.length).toBeGreaterThan(LEAD_MAX);
    expect(lead.length).toBeLessThanOrEqual(LEAD_MAX);
    expect(lead).toMatch(/tariffs\.$/);
    expect(text.startsWith(lead)).toBe(true);
    // The rest comes right after the quote and its source line, word for word.
    const quoteAt = blocks.findIndex((b) => b.type === "rich_text");
    expect(blocks[quoteAt + 1]?.type).toBe("context");
    const rest = String((blocks[quoteAt + 2]?.text as Obj | undefined)?.text);
    expect(`${lead} ${rest}`).toBe(text);
    expect(m.text.startsWith(text)).toBe(true);
  });

  it("never cuts after an abbreviation like U.S. or Nov.", () => {
    const [lead] = cutAtSentence(
      `${"word ".repeat(30)}talks went on. The U.S. Treasury said on Nov. 1 that ${"more ".repeat(30)}done.`,
      290,
    );
    expect(lead).toMatch(/talks went on\.$/);
    const [none, after] = cutAtSentence("x".repeat(10) + " y".repeat(200), 100);
    expect(none.length).toBeLessThanOrEqual(100);
    expect(none.endsWith("…")).toBe(true);
    expect(after.startsWith("…")).toBe(true);
  });

  it("puts each later part of a two-part answer just before the quote it rests on", () => {
    const a = core.answer("when does the surtax take effect and where are the talks", NOW);
    expect(a.citations).toHaveLength(2);
    expect(answerLayout(a.text, 2).map((i) => i.kind)).toEqual(["text", "citation", "text", "citation"]);
    const blocks = answerMessage(a, { question: "q", now: NOW, sourceText }).blocks as unknown as Obj[];
    const kinds = blocks.map((b) => b.type);
    const second = kinds.lastIndexOf("rich_text");
    const part = String((blocks[second - 1]?.text as Obj | undefined)?.text);
    expect(part).toMatch(/^Also: Bessent said he will meet Chinese Vice Premier He Lifeng in Malaysia/);
    expect(quotes(blocks)[1]).toContain(a.citations[1]?.snippet);
    expect(beforeFirstQuote(blocks)).not.toContain("Also:");
  });
});

describe("a quote", () => {
  it("starts at the source's sentence, with the snippet verbatim and marked, and no quotation marks added", () => {
    const a = core.answer("what happened to the 145% tariffs under the truce?", NOW);
    const [c] = a.citations;
    expect(c?.snippet).toBe("Washington paused 145% tariffs on Chinese goods");
    const blocks = answerMessage(a, { question: "q", now: NOW, sourceText }).blocks as unknown as Obj[];
    const rich = blocks.find((b) => b.type === "rich_text") as Obj;
    const [q] = rich.elements as Obj[];
    expect(q?.type).toBe("rich_text_quote");
    const parts = q?.elements as { text: string; style?: { bold?: boolean } }[];
    const marked = parts.filter((p) => p.style?.bold);
    expect(marked.map((p) => p.text)).toEqual([c?.snippet]);
    const shown = parts.map((p) => p.text).join("");
    expect(shown).toBe(
      "Earlier this year, the U.S. and China agreed to a truce in which Washington paused 145% tariffs on Chinese goods while Beijing pledged to resume the flow of rare-earth magnets.",
    );
    expect(sourceText(c?.source ?? "")).toContain(shown);
    expect(shown).not.toMatch(/["“”]/);
  });

  it("keeps the source's own quotation marks, and is the snippet alone when the source text is unknown", () => {
    const t = sourceText("us-china-malaysia-talks") ?? "";
    const s = snippetInSentence(t, "I think things have de-escalated");
    expect(`${s.before}${s.snippet}${s.after}`).toBe(
      '"I think things have de-escalated," Bessent said Oct. 17.',
    );
    expect(snippetInSentence(undefined, "Some words")).toEqual({
      before: "",
      snippet: "Some words",
      after: "",
    });
    expect(snippetInSentence(t, "words the source never had")).toEqual({
      before: "",
      snippet: "words the source never had",
      after: "",
    });
  });

  it("stays within Block Kit's limits for a very long snippet", () => {
    const long = { ...citation, snippet: "word ".repeat(2000).trim() };
    const a: Answer = {
      answered: true,
      text: "Short.",
      citations: [long],
      confidence: 1,
      factIds: [],
      suggestions: [],
    };
    const m = answerMessage(a, { question: "q", now: NOW });
    expect(quotes(m.blocks)[0]?.length).toBeLessThanOrEqual(2800);
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });
});

describe("feedback", () => {
  it("is Slack's native feedback buttons, each value within 2,000 characters and saying which button it is", () => {
    const a = core.answer("when does the truce expire?", NOW);
    const question = `${'a very long question & "quoted" '.repeat(80)}?`;
    const m = answerMessage(a, { question, now: NOW, feedback: { kbVersion: "v1" } });
    const block = m.blocks.find((b) => b.type === "context_actions") as unknown as Obj;
    const [el] = block.elements as Obj[];
    expect(el?.type).toBe("feedback_buttons");
    for (const [side, helpful] of [
      ["positive_button", true],
      ["negative_button", false],
    ] as const) {
      const button = el?.[side] as { value: string; text: { text: string } };
      expect(button.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
      expect(button.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
      expect(decodeFeedback(button.value)).toMatchObject({ helpful, entryIds: a.factIds, kbVersion: "v1" });
    }
    // No feedback on a "don't know", and none of the old separate buttons.
    const unsure = answerMessage(core.answer("bananas in Peru?", NOW), {
      question: "q",
      now: NOW,
      feedback: { kbVersion: "v1" },
    });
    expect(unsure.blocks.some((b) => b.type === "context_actions")).toBe(false);
    expect(JSON.stringify(m.blocks)).not.toContain("tradetalks_helpful");
  });
});
