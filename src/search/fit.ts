/**
 * How well an entry fits the kind of answer a question asks for: a "when" question wants a dated
 * entry, "how much" a figure, "what did X say" a quote by X, "why" an entry that gives a reason.
 * The factors multiply the match score; `maxIntentFactor` bounds them for search pruning.
 */
import type { SearchDoc } from "./index.js";
import type { Intent } from "./intents.js";
import type { Query } from "./query.js";

/** What the fit needs to know of an indexed entry. */
export interface EntryFit {
  doc: SearchDoc;
  /** Whether the entry names a place (answers "where"). */
  places: boolean;
  /** The people it names. */
  people: Set<string>;
  /** The first person the entry's answer names: whose statement or action it is about. */
  lead?: string;
}

/** A small preference for curated headline points, between entries that otherwise tie. */
const HEADLINE_FACTOR = 1.02;

/** The largest factor each intent can give an entry (see `intentFactor`). */
const MAX_INTENT_FACTOR: Partial<Record<Intent, number>> = {
  why: 1.1,
  when: 1.1,
  howmuch: 1.1,
  outcome: 1.1,
  where: 1.05,
  who: 1.1,
  say: 1.1,
};

/** An upper bound of `intentFactor` for any entry, for this question. */
export function maxIntentFactor(query: Query): number {
  let f = HEADLINE_FACTOR;
  for (const i of query.intents) f *= MAX_INTENT_FACTOR[i] ?? 1;
  return f;
}

/** How far a curated phrasing asks the same kind of question (1 the same, less when it differs). */
export function sameQuestion(asked: ReadonlySet<Intent>, phrased: ReadonlySet<Intent>): number {
  if (asked.size === 0 && phrased.size === 0) return 1;
  if (asked.size === 0 || phrased.size === 0) return 0.97;
  for (const i of asked) if (phrased.has(i)) return 1;
  return 0.9;
}

/**
 * How well the kind of entry fits the kind of answer asked for. Bonuses multiply; of the
 * penalties only the mildest counts, so an entry answering one part of a two-part question
 * ("what rate, and from when?") is not punished twice for not answering the other.
 */
export function intentFactor(query: Query, d: EntryFit): number {
  const { doc } = d;
  const factors: number[] = [];
  const has = (i: Intent) => query.intents.has(i);
  if (has("when")) factors.push(doc.hasDate ? 1.1 : 0.75);
  if (has("howmuch")) factors.push(doc.hasFigures ? 1.1 : 0.55);
  if (has("outcome")) factors.push(doc.outcome ? 1.1 : 0.35);
  if (has("why")) factors.push(doc.reason ? 1.1 : 0.85);
  if (has("where")) factors.push(d.places ? 1.05 : 0.75);
  if (has("who") && !has("say")) {
    // "who is X" wants X's profile; "who is X meeting" wants an entry naming someone else.
    let others = false;
    for (const p of d.people) if (!query.people.has(p)) others = true;
    if (query.terms.length <= query.people.size) factors.push(doc.kind === "profile" ? 1.1 : 1);
    else factors.push(others ? 1.05 : d.people.size > 0 ? 1 : 0.85);
  }
  if (has("say")) {
    if (query.speakers.size > 0) {
      const bySomeoneAsked = doc.speaker !== undefined && query.speakers.has(doc.speaker);
      // Quotes, and facts reporting what someone said (they carry a speaker), are about words.
      if (doc.kind === "quote" || doc.speaker !== undefined) factors.push(bySomeoneAsked ? 1.1 : 0.45);
      else if (doc.kind === "profile") factors.push(0.5);
      else factors.push(d.lead !== undefined && query.speakers.has(d.lead) ? 0.85 : 0.5);
    } else {
      factors.push(doc.kind === "quote" ? 1.1 : 0.85);
    }
  }
  let f = doc.headline ? HEADLINE_FACTOR : 1;
  let mildestPenalty = 0;
  for (const x of factors) {
    if (x >= 1) f *= x;
    else mildestPenalty = Math.max(mildestPenalty, x);
  }
  return mildestPenalty ? f * mildestPenalty : f;
}
