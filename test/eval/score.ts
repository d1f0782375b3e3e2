/**
 * The shared scorer (../shared/eval/score.mjs), in-process: the same question folding, the same
 * match of expected words against the answer's text and snippets, the same "concise" rule (at most
 * 800 characters and 3 citations) and the same citation check (each snippet found in a source text,
 * punctuation-insensitive, or 80% of its five-word runs found), over the same source texts the
 * scorer reads: ../shared/seed when it exists, plus the fixture's own sources folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Answer, Core } from "../../src/answer/types.js";

/** One labelled question, as the shared scorer reads it. */
export type LabelledQuestion =
  | { q: string; kind: "answer"; expect: string[][] }
  | { q: string; kind: "abstain" };

/** What the scorer prints: answer, abstain and cited counts, and the questions it counted as misses. */
export interface Score {
  answerable: number;
  answeredRight: number;
  abstainable: number;
  abstainedRight: number;
  answered: number;
  citedValid: number;
  misses: { q: string; why: string }[];
}

/** The shared seed folder the scorer always reads its sources from, relative to the project. */
export const SHARED_SEED = "../shared/seed";

/** Reads a JSONL question file. */
export function readQuestions(path: string): LabelledQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledQuestion);
}

function readTexts(p: string): string[] {
  const st = statSync(p);
  if (st.isFile()) return [readFileSync(p, "utf8")];
  return readdirSync(p).flatMap((f) => readTexts(join(p, f)));
}

const norm = (s: string) =>
  ` ${String(s)
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/\s+/g, " ")} `;
const alnum = (s: string) =>
  String(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
const words = (s: string) =>
  String(s)
    .toLowerCase()
    .replace(/[^a-z0-9\s]+/g, "")
    .split(/\s+/)
    .filter(Boolean);
const want = (alt: string) => alt.toLowerCase().replace(/[\u2018\u2019']/g, "");

/** A snippet check over the given source folders, as the scorer's `snippetFound`. */
export function snippetChecker(sourcePaths: readonly string[]): (snippet: string) => boolean {
  const sources = sourcePaths.filter((p) => existsSync(p)).flatMap(readTexts);
  const sourceAlnum = sources.map(alnum).join("|");
  const sourceWords = sources.map((s) => words(s).join(" ")).join(" | ");
  return (snippet) => {
    const a = alnum(snippet);
    if (a.length < 12) return false;
    if (sourceAlnum.includes(a)) return true;
    const w = words(snippet);
    if (w.length < 6) return false;
    let hit = 0;
    let total = 0;
    for (let i = 0; i + 5 <= w.length; i++) {
      total++;
      if (sourceWords.includes(w.slice(i, i + 5).join(" "))) hit++;
    }
    return total > 0 && hit / total >= 0.8;
  };
}

/** Answers every question (newlines folded to spaces, as the scorer sends them) and scores the answers. */
export function score(
  core: Pick<Core, "answer">,
  questions: readonly LabelledQuestion[],
  now: Date,
  found: (snippet: string) => boolean,
): Score {
  const s: Score = {
    answerable: 0,
    answeredRight: 0,
    abstainable: 0,
    abstainedRight: 0,
    answered: 0,
    citedValid: 0,
    misses: [],
  };
  for (const q of questions) {
    const r: Answer = core.answer(q.q.replace(/\n/g, " "), now);
    const snippets = (r.citations || []).map((c) => c.snippet || "");
    if (r.answered) {
      s.answered++;
      if (snippets.length > 0 && snippets.every(found)) s.citedValid++;
      else s.misses.push({ q: q.q, why: "uncited/invented snippet" });
    }
    if (q.kind === "abstain") {
      s.abstainable++;
      if (!r.answered) s.abstainedRight++;
      else s.misses.push({ q: q.q, why: "should abstain" });
      continue;
    }
    s.answerable++;
    const hay = norm([r.text, ...snippets].join(" "));
    const concise = String(r.text || "").length <= 800 && snippets.length <= 3;
    const ok = r.answered && concise && q.expect.every((g) => g.some((alt) => hay.includes(want(alt))));
    if (ok) s.answeredRight++;
    else s.misses.push({ q: q.q, why: r.answered ? "wrong answer" : "abstained" });
  }
  return s;
}

/** A share in percent, one decimal, as the scorer prints it. */
export function percent(a: number, b: number): number {
  return b ? Math.round((1000 * a) / b) / 10 : 100;
}
