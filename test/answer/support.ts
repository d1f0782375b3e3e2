/**
 * The fixtures the answer tests ask, each with a fixed clock: the seed article (Oct. 17, 2025)
 * asked three days later, and the seven-article knowledge asked the day after its newest article.
 */
import type { LogisticModel } from "../../src/answer/arbiter.js";
import { createCore } from "../../src/answer/core.js";
import type { Answer } from "../../src/answer/types.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";

/** The frozen copy of the live knowledge: one article and a related headline. */
export const seed = createCore(loadKnowledge("test/fixtures/seed-kb"));
/** Three days after the seed article. */
export const SEED_NOW = new Date("2025-10-20T12:00:00Z");

/** The frozen multi-article knowledge: seven articles, Oct. 17 to Nov. 14, 2025. */
export const multi = createCore(loadKnowledge("test/fixtures/multi-kb"));
/** The day after the newest multi-article source. */
export const MULTI_NOW = new Date("2025-11-15T12:00:00Z");

/** Asks the seed knowledge, three days after its article. */
export const askSeed = (question: string, now = SEED_NOW): Answer => seed.answer(question, now);
/** Asks the multi-article knowledge, the day after its newest article. */
export const askMulti = (question: string, now = MULTI_NOW): Answer => multi.answer(question, now);

/** The problems a reader would see in an answer's citations: a snippet not word for word in its source, too many, too long. */
export function citationProblems(kb: KnowledgeBase, a: Answer): string[] {
  const problems: string[] = [];
  if (a.answered && a.citations.length === 0) problems.push("answered with no citation");
  if (a.citations.length > 3) problems.push(`${a.citations.length} citations`);
  if (a.text.length > 800) problems.push(`${a.text.length} characters`);
  for (const c of a.citations) {
    const source = kb.sources.get(c.source);
    if (!source) problems.push(`cites unknown source ${c.source}`);
    else if (!source.text.includes(c.snippet)) problems.push(`snippet not in ${c.source}: ${c.snippet}`);
  }
  return problems;
}

/** Letters and digits only, for comparing quoted words regardless of punctuation. */
const letters = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The words a text puts in double quotation marks (straight or curly). */
export function quotedIn(text: string): string[] {
  return [...text.matchAll(/[“"]([^“”"]+)[”"]/g)].map((m) => m[1] as string);
}

/** Words the answer puts in quotation marks that no cited source puts in quotation marks. */
export function quotesNotInSources(kb: KnowledgeBase, a: Answer): string[] {
  const theirs = a.citations.flatMap((c) => quotedIn(kb.sources.get(c.source)?.text ?? "").map(letters));
  return quotedIn(a.text).filter((q) => !theirs.some((t) => t.includes(letters(q))));
}

/** A learned model that gives every question the same probability: always acting (bias 10) or never (-10). */
export const constantModel = (bias: number): LogisticModel => ({
  names: [],
  mean: [],
  sd: [],
  weights: [],
  bias,
  threshold: 0.5,
  trained: { examples: 0, sets: 0, positives: 0 },
});
