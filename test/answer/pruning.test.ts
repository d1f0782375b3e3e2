import { describe, expect, it } from "vitest";
import { readQuestions } from "../../scripts/evaluate.js";
import { synthetic } from "../../scripts/synthetic.js";
import { AnswerEngine } from "../../src/answer/engine.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

// A knowledge base large enough that common concepts have far more claims than are scored in full.
const kb = synthetic(loadKnowledge("test/fixtures/seed-kb"), 2500);
const questions = readQuestions("eval/questions.jsonl").map((q) => q.q);
const now = new Date("2025-10-20T09:00:00Z");

describe("scoring only the roughly best claims", () => {
  // Thousands of claims scored both ways: slow on a loaded machine, and a check of answers, not of time.
  it("gives the same answers as scoring every claim", { timeout: 120_000 }, () => {
    const pruned = new AnswerEngine(kb);
    const full = new AnswerEngine(kb, undefined, { maxScored: Number.POSITIVE_INFINITY });
    const differ = questions.filter((q) => {
      const a = pruned.answer(q, now);
      const b = full.answer(q, now);
      return a.text !== b.text || a.answered !== b.answered;
    });
    expect(differ).toEqual([]);
  });

  it("scores no more claims in full than the budget, though thousands tie", () => {
    // The synthetic claims about a common concept tie on what they are about and the words shared.
    class Probe extends AnswerEngine {
      scored(question: string): number {
        return this.candidates(this.read(question)).length;
      }
    }
    const probe = new Probe(kb, undefined, { maxScored: 50 });
    const all = new Probe(kb, undefined, { maxScored: Number.POSITIVE_INFINITY });
    const common = questions.filter((q) => all.scored(q) > 500);
    expect(common.length).toBeGreaterThan(0);
    for (const q of common) expect(probe.scored(q)).toBeLessThanOrEqual(50 + 10);
  });

  it("really prunes: with a tiny budget some answers change", () => {
    const tiny = new AnswerEngine(kb, undefined, { maxScored: 3 });
    const full = new AnswerEngine(kb, undefined, { maxScored: Number.POSITIVE_INFINITY });
    const changed = questions.filter((q) => tiny.answer(q, now).text !== full.answer(q, now).text);
    expect(changed.length).toBeGreaterThan(0);
  });
});
