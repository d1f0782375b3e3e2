/**
 * Scores the answer engine on labelled questions, in-process: top-1 accuracy on answerable
 * questions, abstention accuracy on out-of-scope ones, and citation validity (every cited
 * snippet appears word for word in the stored text of the source it names).
 * The question format is the one ../shared/eval/score.mjs reads.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Answer, Core } from "../src/answer/types.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";

/** One labelled question: answerable with expected words (every group, any alternative), or out of scope. */
export type LabelledQuestion =
  | { q: string; kind: "answer"; expect: string[][] }
  | { q: string; kind: "abstain" };

/** What an evaluation found. */
export interface EvalResult {
  answerable: number;
  answeredRight: number;
  abstainable: number;
  abstainedRight: number;
  answered: number;
  citedValid: number;
  misses: string[];
  /** Milliseconds per question, answering only. */
  msPerQuestion: number;
}

/** The labelled question sets, tuning sets first, then the held-out ones and the shared sample. */
export function evalFiles(): string[] {
  return [
    "eval/questions.jsonl",
    "eval/holdout.jsonl",
    "eval/tuning2.jsonl",
    "eval/tuning3.jsonl",
    "eval/final.jsonl",
    "eval/final2.jsonl",
    "eval/abstain.jsonl",
    "../shared/eval/dev.jsonl",
  ].filter((f) => existsSync(f));
}

/** Reads a JSONL question file. */
export function readQuestions(path: string): LabelledQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledQuestion);
}

/** The scorer's own folding (../shared/eval/score.mjs): lower case, no apostrophes, spaces collapsed, padded. */
const fold = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/\s+/g, " ")} `;
const want = (alt: string) => alt.toLowerCase().replace(/[\u2018\u2019']/g, "");

/** Whether every cited snippet is verbatim in the stored text of its source. */
export function citationsValid(kb: KnowledgeBase, a: Answer): boolean {
  return (
    a.citations.length > 0 && a.citations.every((c) => kb.sources.get(c.source)?.text.includes(c.snippet))
  );
}

/** Whether an answer gives what an answerable question expects, concisely (as score.mjs judges it). */
export function answersRight(q: LabelledQuestion, a: Answer): boolean {
  if (q.kind !== "answer" || !a.answered) return false;
  const hay = fold([a.text, ...a.citations.map((c) => c.snippet)].join(" "));
  const concise = a.text.length <= 800 && a.citations.length <= 3;
  return concise && q.expect.every((g) => g.some((alt) => hay.includes(want(alt))));
}

/** Answers every question and scores the answers. */
export function evaluate(
  core: Core,
  kb: KnowledgeBase,
  questions: LabelledQuestion[],
  now: Date,
): EvalResult {
  const r: EvalResult = {
    answerable: 0,
    answeredRight: 0,
    abstainable: 0,
    abstainedRight: 0,
    answered: 0,
    citedValid: 0,
    misses: [],
    msPerQuestion: 0,
  };
  const t0 = performance.now();
  for (const q of questions) {
    const a = core.answer(q.q, now);
    if (a.answered) {
      r.answered++;
      if (citationsValid(kb, a)) r.citedValid++;
      else r.misses.push(`invalid citation: ${q.q}`);
    }
    if (q.kind === "abstain") {
      r.abstainable++;
      if (!a.answered) r.abstainedRight++;
      else r.misses.push(`should abstain: ${q.q}\n    -> ${a.text.slice(0, 160)}`);
      continue;
    }
    r.answerable++;
    if (answersRight(q, a)) r.answeredRight++;
    else
      r.misses.push(
        `wrong/missing: ${q.q}  (want ${JSON.stringify(q.expect)})\n    -> ${a.answered ? a.text.slice(0, 160) : "(abstained)"}`,
      );
  }
  r.msPerQuestion = (performance.now() - t0) / Math.max(questions.length, 1);
  return r;
}

/** A percentage with one decimal. */
export function pct(a: number, b: number): string {
  return b ? ((100 * a) / b).toFixed(1) : "n/a";
}
