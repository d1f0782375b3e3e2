/** The core the surfaces use, over one knowledge base: answers, status, timeline and sources. */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { AnswerEngine, type EngineParts } from "./engine.js";
import { answerInThread } from "./followup.js";
import { buildStatus } from "./status.js";
import { buildTimeline } from "./timeline.js";
import type { Core, SourceSummary } from "./types.js";

/**
 * A `Core` over a loaded knowledge base; build a new one when the knowledge changes. `parts`, when
 * given, are the standing claims and the index already built for it (see core-steps.ts).
 */
export function createCore(
  kb: KnowledgeBase,
  parts?: EngineParts,
): Core & { engine: AnswerEngine; kb: KnowledgeBase } {
  const engine = new AnswerEngine(kb, parts);
  const claimsOf = new Map<string, number>();
  for (const c of kb.claims) claimsOf.set(c.source, (claimsOf.get(c.source) ?? 0) + 1);
  const sources: SourceSummary[] = [...kb.sources.values()]
    .map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      published: s.published,
      ...(s.url ? { url: s.url } : {}),
      entryCount: claimsOf.get(s.id) ?? 0,
    }))
    .sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title));
  return {
    engine,
    kb,
    answer: (question, now) => engine.answer(question, now),
    answerEntry: (entryId, now) => engine.answerEntry(entryId, now),
    answerInThread: (message, turns, now, options) => answerInThread(engine, message, turns, now, options),
    status: (now) => buildStatus(kb, engine.standing, now),
    timeline: (now) => buildTimeline(kb, engine.standing, now),
    sources: () => sources,
    kbVersion: () => kb.version,
  };
}
