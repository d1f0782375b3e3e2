/** How current an answer is: the newest source it cites, and that in words against now. */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { ageOf, formatDay } from "./dates.js";
import type { Citation } from "./types.js";

/** The publication date of the newest cited source, if any. */
export function newestCited(citations: readonly Citation[]): string | undefined {
  return citations
    .map((c) => c.published)
    .sort()
    .at(-1);
}

/** "Newest source: Oct. 17, 2025 (over a year old)". */
export function freshnessOf(kb: KnowledgeBase, citations: readonly Citation[], now: Date): string {
  const newest = newestCited(citations) ?? kb.newestSource;
  return `Newest source: ${formatDay(newest)} (${ageOf(newest, now)})`;
}

/** A confidence between 0 and 1, to three decimals. */
export function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
