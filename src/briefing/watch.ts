/**
 * Watching a fact: a topic typed by a person ("the truce", "the tariff on Chinese goods") resolved
 * to concepts through the curators' names and aliases (the engine's own concept matcher, typos
 * and word forms included), and what changed about those concepts since the watch last looked.
 * A watch remembers every claim it has seen (id → content hash); a standing claim about a watched
 * concept that it has not seen is a change: one that replaced a claim it had seen is *replaced*,
 * one whose content differs from what it saw is *updated*, and one it never saw is *new* (unless it
 * only says again what a seen claim said). Which claim replaces which is `standingOf`'s answer,
 * as in the briefing. Pure: the knowledge and the seen claims are handed in.
 */
import { citationOf } from "../answer/citations.js";
import { formatDay } from "../answer/dates.js";
import type { Citation } from "../answer/types.js";
import { valueInWords, valueKind } from "../answer/values.js";
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import { readEnglish } from "../nlp/english.js";
import { ConceptMatcher } from "../search/concept-matcher.js";
import { claimHash, coveredClaims, standingFor } from "./snapshot.js";

/** A claim id and the hash of its content, as a watch saw it. */
export type Seen = Readonly<Record<string, string>>;

/** What a topic resolved to. */
export type TopicResolution =
  | { ok: true; concepts: string[]; names: string[] }
  | { ok: false; suggestions: string[] };

const matchers = new WeakMap<KnowledgeBase, ConceptMatcher>();

function matcherFor(kb: KnowledgeBase): ConceptMatcher {
  let m = matchers.get(kb);
  if (!m) {
    m = new ConceptMatcher(kb.concepts.values());
    matchers.set(kb, m);
  }
  return m;
}

/** Concept types worth watching: what changes in the news, not the people or places themselves. */
const WATCHABLE = new Set(["measure", "event", "topic"]);

/**
 * The concepts a topic names. The one named by the longest words wins ("the tariff on Chinese
 * goods" is the US tariffs, not tariffs in general); several only when they are named side by side.
 */
export function resolveTopic(kb: KnowledgeBase, topic: string): TopicResolution {
  const words = readEnglish(topic).words;
  const mentions = matcherFor(kb).find(words);
  if (!mentions.length) return { ok: false, suggestions: suggestTopics(kb) };
  const longest = Math.max(...mentions.map((m) => m.to - m.from));
  const concepts = [...new Set(mentions.filter((m) => m.to - m.from === longest).map((m) => m.concept))];
  return { ok: true, concepts, names: concepts.map((id) => kb.concepts.get(id)?.name ?? id) };
}

/** Topics people may watch: the measures and events with the most standing claims, by name. */
export function suggestTopics(kb: KnowledgeBase, max = 5): string[] {
  const count = new Map<string, number>();
  for (const c of coveredClaims(standingFor(kb))) {
    const subject = c.about[0] as string;
    count.set(subject, (count.get(subject) ?? 0) + 1);
  }
  return [...count.entries()]
    .filter(([id]) => WATCHABLE.has(kb.concepts.get(id)?.type ?? ""))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([id]) => kb.concepts.get(id)?.name ?? id);
}

/** The standing claims about any of `concepts`, as a watch records them. */
export function seenNow(kb: KnowledgeBase, concepts: readonly string[]): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const c of about(kb, concepts)) seen[c.id] = claimHash(c);
  return seen;
}

function about(kb: KnowledgeBase, concepts: readonly string[]): LoadedClaim[] {
  const wanted = new Set(concepts);
  return coveredClaims(standingFor(kb)).filter((c) => c.about.some((id) => wanted.has(id)));
}

/** One change a watch reports. */
export interface WatchChange {
  kind: "new" | "replaced" | "updated";
  claim: LoadedClaim;
  /** The seen claim it replaced (kind `replaced`). */
  replaced?: LoadedClaim;
  /** What identifies the change, once per watch: the claim and its content. */
  key: string;
  citation: Citation;
}

/** What changed about `concepts` in `kb` since the claims `seen`. */
export function watchChanges(kb: KnowledgeBase, concepts: readonly string[], seen: Seen): WatchChange[] {
  const standing = standingFor(kb);
  const changes: WatchChange[] = [];
  for (const claim of about(kb, concepts)) {
    const hash = claimHash(claim);
    const before = seen[claim.id];
    if (before === hash) continue;
    const key = `${claim.id}:${hash}`;
    const citation = citationOf(kb, claim);
    if (before !== undefined) {
      changes.push({ kind: "updated", claim, key, citation });
      continue;
    }
    const replaced = (standing.replaced.get(claim.id) ?? []).find((r) => seen[r.id] !== undefined);
    if (replaced) {
      changes.push({ kind: "replaced", claim, replaced, key, citation });
      continue;
    }
    // A newer report saying again what a seen claim said is no change in what the bot says.
    const confirms = (standing.confirmed.get(claim.id) ?? []).some((r) => seen[r.id] !== undefined);
    if (!confirms) changes.push({ kind: "new", claim, key, citation });
  }
  return changes;
}

/** "the Oct. 17, 2025 report": which report a claim rests on. */
function reportOf(kb: KnowledgeBase, claim: LoadedClaim): string {
  const s = kb.sources.get(claim.source);
  return s ? `the ${formatDay(s.published)} report` : "an earlier report";
}

/** The change in one short sentence or two, from the claims' own answers, with the report each rests on. */
export function changeText(kb: KnowledgeBase, change: WatchChange): string {
  const { claim, replaced } = change;
  if (change.kind === "replaced" && replaced) {
    // As answers say it: the old value in a few words, or, for a state or a text, its sentence.
    const words = valueInWords(kb, replaced.value);
    const kind = valueKind(replaced.value);
    return kind !== "state" && kind !== "text" && words.length <= 60
      ? `${claim.answer} It replaces ${words}, from ${reportOf(kb, replaced)}.`
      : `${claim.answer} It replaces ${reportOf(kb, replaced)}: ${replaced.answer}`;
  }
  if (change.kind === "updated") return `Corrected in the knowledge: ${claim.answer}`;
  return `New, per ${reportOf(kb, claim)}: ${claim.answer}`;
}
