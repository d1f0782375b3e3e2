/** Answers about the whole rather than one claim: the latest status, and what the sources are. */
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import { citationOf } from "./citations.js";
import { ageOf, formatDay } from "./dates.js";
import { freshnessOf } from "./freshness.js";
import type { Standing } from "./standing.js";
import type { Answer, Citation } from "./types.js";

/** The headline claims that stand (not retired by a newer status), newest source first. */
export function headlineClaims(kb: KnowledgeBase, standing: Standing): LoadedClaim[] {
  const published = (c: LoadedClaim) => kb.sources.get(c.source)?.published ?? "";
  const pool = standing.claims.filter((c) => c.headline && !standing.retired.has(c.id));
  return [...(pool.length ? pool : standing.claims)].sort((a, b) => published(b).localeCompare(published(a)));
}

/** "What's the latest?": the headline points (at most three), each cited, dated by the newest source. */
export function statusAnswer(kb: KnowledgeBase, standing: Standing, now: Date): Answer {
  const picked = headlineClaims(kb, standing).slice(0, 3);
  const citations = picked.map((c) => citationOf(kb, c));
  const newest = kb.newestSource;
  return {
    answered: true,
    text: `Latest, per the ${formatDay(newest)} report (${ageOf(newest, now)}): ${picked.map((c) => c.answer).join(" ")}`,
    citations,
    confidence: 0.9,
    factIds: picked.map((c) => c.id),
    suggestions: [],
    freshness: freshnessOf(kb, citations, now),
  };
}

/** What the sources are: title, publisher, date and credit, citing each source's opening words. */
export function sourcesAnswer(kb: KnowledgeBase, now: Date): Answer | undefined {
  const sources = [...kb.sources.values()].sort((a, b) => b.published.localeCompare(a.published));
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const s of sources.slice(0, 3)) {
    const opening = s.text
      .split("\n")
      .find((l) => l.trim().length >= 12)
      ?.trim();
    if (!opening) continue;
    citations.push({
      snippet: opening,
      source: s.id,
      title: s.title,
      publisher: s.publisher,
      published: s.published,
    });
    const when = s.published_note
      ? `${formatDay(s.published)} (${s.published_note})`
      : formatDay(s.published);
    lines.push(`${s.title} (${s.publisher}, published ${when}${s.credit ? `; credit: ${s.credit}` : ""}).`);
  }
  if (!citations.length) return undefined;
  return {
    answered: true,
    text: `My sources: ${lines.join(" ")}`,
    citations,
    confidence: 0.8,
    factIds: [],
    suggestions: [],
    freshness: freshnessOf(kb, citations, now),
  };
}
