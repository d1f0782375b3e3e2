import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, readQuestions } from "../../scripts/evaluate.js";
import { createCore } from "../../src/answer/core.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

const kb = loadKnowledge("knowledge");
const core = createCore(kb);
const now = new Date("2026-11-29T12:00:00Z");

// The bars sit a little under what `npm run eval` measured when they were set, so a change that
// makes the bot answer worse fails the suite. Raise them as the engine improves.
const bars: [file: string, answer: number, abstain: number][] = [
  ["eval/questions.jsonl", 0.89, 0.85],
  ["eval/holdout.jsonl", 0.9, 0.93],
  ["eval/tuning2.jsonl", 0.9, 0.86],
  ["eval/tuning3.jsonl", 0.88, 0.93],
  ["eval/final.jsonl", 0.89, 0.9],
  ["eval/final2.jsonl", 0.92, 0.9],
  ["eval/abstain.jsonl", 0.93, 0.88],
  ["../shared/eval/dev.jsonl", 0.95, 0.9],
];

describe("answer quality on the labelled question sets", () => {
  for (const [file, answerBar, abstainBar] of bars) {
    it.runIf(existsSync(file))(
      `${file}: answers and abstains above the bar, and every citation is real`,
      () => {
        const r = evaluate(core, kb, readQuestions(file), now);
        expect(r.answerable + r.abstainable).toBeGreaterThan(30);
        expect(r.answeredRight / r.answerable, r.misses.join("\n")).toBeGreaterThanOrEqual(answerBar);
        expect(r.abstainedRight / r.abstainable, r.misses.join("\n")).toBeGreaterThanOrEqual(abstainBar);
        expect(r.citedValid).toBe(r.answered);
      },
    );
  }
});
