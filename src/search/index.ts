/**
 * The search index over curated entries. Each entry is matched through its curated question
 * phrasings (what people ask) and through the bag of all its words (what it says); terms are
 * weighted by rarity (IDF); the kind of answer the question asks for (when, where, who, how much,
 * what did X say) raises or lowers each candidate. Words the knowledge base does not know weigh
 * against every candidate, which is how off-topic questions end up below the answer threshold.
 */
import type { Token } from "./analyze.js";
import { buildIndex, type Indexed, type Posting } from "./build.js";
import { intentFactor, maxIntentFactor, sameQuestion } from "./fit.js";
import { PEOPLE, PLACES } from "./lexicon.js";
import { analyseQuery, intentsOf, type Query } from "./query.js";
import { TypoCorrector } from "./typos.js";

/** What the index needs to know of an entry; built by the answer layer from knowledge entries. */
export interface SearchDoc {
  id: string;
  kind: string;
  /** Curated ways of asking for this entry. */
  questions: string[];
  /** What the entry is about, in our words: title and answer. */
  focus: string;
  /** Everything else it says: snippet, topics, speaker. */
  text: string;
  /** Canonical speaker term for quotes (e.g. "trump"). */
  speaker?: string;
  hasDate: boolean;
  hasFigures: boolean;
  /** Whether the entry tells how something turned out (topic `outcome`). */
  outcome: boolean;
  /** Whether the entry gives a reason (its answer says because, to prepare, infuriated at …). */
  reason?: boolean;
  /** A curated headline point. */
  headline?: boolean;
}

/** A ranked candidate. */
export interface SearchHit {
  id: string;
  /** 0..1 after intent adjustment. */
  score: number;
  /** The curated phrasing that matched best, if any matched better than the entry's text. */
  via?: string;
}

/** Weights of the two ways an entry can match. */
const BAG_DISCOUNT = 0.8;
const RECALL_BETA2 = 4;
/** Entries scoring below this are never answered nor suggested, so a search may leave them out. */
const NEGLIGIBLE_SCORE = 0.15;
/** A term held by more than this share of entries is "common" and is walked only when needed. */
const COMMON_SHARE = 0.1;
/** Inserts a hit into a best-first list of at most `limit`, if it belongs there (ties keep entry order). */
function keepTop(hits: SearchHit[], limit: number, id: string, score: number, via?: string): void {
  if (score <= 0 || (hits.length >= limit && score <= (hits[limit - 1] as SearchHit).score)) return;
  let at = hits.length;
  while (at > 0 && (hits[at - 1] as SearchHit).score < score) at--;
  hits.splice(at, 0, via === undefined ? { id, score } : { id, score, via });
  if (hits.length > limit) hits.pop();
}

/** Above this many terms a question is a chatty message, and its unknown words weigh less. */
const CHATTY_TERMS = 6;
/** An unknown name or acronym (UK, EU, Busan) weighs more than an unknown common word. */
const ENTITY_FACTOR = 2;
/** General words ("new", "number", "time") count for this much of their weight. */
const GENERAL_FACTOR = 0.3;
/** A word found only in the snippet or topics counts for less than one in the curated answer. */
const CONTEXT_WEIGHT = 0.75; // F-beta with beta = 2: covering the user's words matters most

/** An immutable index; build a new one when the knowledge changes. */
export class SearchIndex {
  private readonly docs: Indexed[];
  /** Term → the entries holding it, and whether it is among each one's curated words. */
  private readonly postings: ReadonlyMap<string, Posting>;
  private readonly byId = new Map<string, Indexed>();
  /** Every indexed text and its tokens: a cache can keep them, so a later start skips the analysis. */
  readonly analysed: ReadonlyMap<string, Token[]>;
  /** Per-entry accumulators for one search, kept between searches to spare the garbage collector. */
  private readonly focusAcc: Float64Array;
  private readonly bagAcc: Float64Array;
  private readonly lightAcc: Float64Array;
  private readonly idf: ReadonlyMap<string, number>;
  private readonly unknownWeight: number;
  readonly vocabulary: ReadonlySet<string>;
  private readonly typos: TypoCorrector;

  /**
   * `exhaustive` scores every entry without pruning: slower, and the reference the pruned search
   * is tested against.
   */
  constructor(
    docs: readonly SearchDoc[],
    private readonly options: { exhaustive?: boolean; tokenized?: ReadonlyMap<string, Token[]> } = {},
  ) {
    const built = buildIndex(docs, options.tokenized);
    this.docs = built.docs;
    this.postings = built.postings;
    this.idf = built.idf;
    this.analysed = built.analysed;
    for (const d of this.docs) this.byId.set(d.doc.id, d);
    this.focusAcc = new Float64Array(this.docs.length);
    this.bagAcc = new Float64Array(this.docs.length);
    this.lightAcc = new Float64Array(this.docs.length).fill(Number.POSITIVE_INFINITY);
    this.unknownWeight = Math.log(1 + Math.max(docs.length, 1)) * 1.2;
    this.vocabulary = new Set(built.idf.keys());
    this.typos = new TypoCorrector(built.surface, new Set([...PEOPLE, ...PLACES]));
  }

  /** Number of indexed entries. */
  get size(): number {
    return this.docs.length;
  }

  /** Analyses a question against this index's vocabulary. */
  analyse(question: string): Query {
    return analyseQuery(question, this.vocabulary, this.typos);
  }

  /** The best candidates for a question, best first. */
  search(question: string | Query, limit = 5): SearchHit[] {
    const query = typeof question === "string" ? this.analyse(question) : question;
    const qWeights = new Map<string, number>();
    // In a long, chatty message most unknown words are chatter; in a short one they are the topic.
    const chatter = Math.min(1, CHATTY_TERMS / Math.max(query.terms.length, 1));
    for (const t of query.terms) {
      let w = this.idf.get(t.term) ?? 0;
      // A name weighs more than a common word, less so in a long message full of context.
      if (t.status === "unknown")
        w = this.unknownWeight * chatter * (t.entity ? 1 + (ENTITY_FACTOR - 1) * chatter : 1);
      else if (t.status === "corrected") w *= 0.9;
      if (t.general) w = Math.min(w, 1) * GENERAL_FACTOR;
      qWeights.set(t.term, w);
    }
    const qTotal = [...qWeights.values()].reduce((a, b) => a + b, 0);
    if (qTotal === 0) return [];
    // Terms most entries hold ("china" in a China knowledge base) are not walked at first: only the
    // entries holding a rarer term are ranked, with the common terms added to them. If even an
    // entry holding every common term could not reach the top `limit`, the ranking is exact;
    // otherwise every entry is ranked.
    const rare: [string, number][] = [];
    const common: [string, number][] = [];
    for (const [t, w] of qWeights) {
      const posting = this.postings.get(t);
      if (!posting || w === 0) continue;
      (posting.docs.length > this.docs.length * COMMON_SHARE ? common : rare).push([t, w]);
    }
    const bestPossible = (terms: [string, number][]) => {
      const r = terms.reduce((a, [, w]) => a + w, 0) / qTotal;
      return (
        Math.max(((1 + RECALL_BETA2) * r) / (RECALL_BETA2 + r), r * BAG_DISCOUNT) * maxIntentFactor(query)
      );
    };
    let hits: SearchHit[] = [];
    if (this.options.exhaustive) return this.rank(query, qWeights, qTotal, [...rare, ...common], [], limit);
    if (rare.length && common.length) {
      hits = this.rank(query, qWeights, qTotal, rare, common, limit);
      const kth = hits.length >= limit ? (hits[limit - 1] as SearchHit).score : 0;
      if (bestPossible(common) < Math.max(kth, NEGLIGIBLE_SCORE)) return hits;
    }
    // Nothing the common words alone could reach would be shown: spare the walk.
    if (!rare.length && bestPossible(common) < NEGLIGIBLE_SCORE) return hits;
    return this.rank(query, qWeights, qTotal, [...rare, ...common], [], limit);
  }

  /**
   * Ranks the entries holding any `walk` term (found through the postings), with the `add` terms
   * looked up in each. The word score is exact from the postings; the phrasing score is bounded by
   * how much of the question the entry's curated words cover and by its lightest phrasing, so only
   * the entries that could still make the top `limit` are scored in full (MaxScore-style pruning).
   */
  private rank(
    query: Query,
    qWeights: Map<string, number>,
    qTotal: number,
    walk: [string, number][],
    add: [string, number][],
    limit: number,
  ): SearchHit[] {
    const { focusAcc, bagAcc, lightAcc } = this;
    const touched: number[] = [];
    for (const [t, w] of walk) {
      const { docs, inFocus, lightest } = this.postings.get(t) as Posting;
      for (let k = 0; k < docs.length; k++) {
        const i = docs[k] as number;
        if (bagAcc[i] === 0) touched.push(i);
        if ((lightest[k] as number) < (lightAcc[i] as number)) lightAcc[i] = lightest[k] as number;
        if (inFocus[k]) {
          focusAcc[i] = (focusAcc[i] as number) + w;
          bagAcc[i] = (bagAcc[i] as number) + w;
        } else bagAcc[i] = (bagAcc[i] as number) + w * CONTEXT_WEIGHT;
      }
    }
    const hits: SearchHit[] = [];
    const pending: { i: number; factor: number; bound: number }[] = [];
    for (const i of touched) {
      const d = this.docs[i] as Indexed;
      let focus = focusAcc[i] as number;
      let bagMatched = bagAcc[i] as number;
      let light = lightAcc[i] as number;
      focusAcc[i] = 0;
      bagAcc[i] = 0;
      lightAcc[i] = Number.POSITIVE_INFINITY;
      for (const [t, w] of add) {
        if (d.focus.has(t)) {
          focus += w;
          bagMatched += w;
          for (const p of d.phrasings) if (p.terms.has(t)) light = Math.min(light, p.weight);
        } else if (d.bag.has(t)) bagMatched += w * CONTEXT_WEIGHT;
      }
      const factor = intentFactor(query, d);
      const bag = this.bagScore(d, bagMatched, qTotal);
      const rFocus = focus / qTotal;
      // A phrasing matching any of these words weighs at least `light`, which bounds its precision.
      const pMax = Math.min(1, focus / light);
      const phraseBound =
        rFocus > 0 ? ((1 + RECALL_BETA2) * pMax * rFocus) / (RECALL_BETA2 * pMax + rFocus) : 0;
      if (phraseBound <= bag) keepTop(hits, limit, d.doc.id, bag * factor);
      else pending.push({ i, factor, bound: phraseBound * factor });
    }
    pending.sort((a, b) => b.bound - a.bound);
    for (const { i, factor, bound } of pending) {
      if (!this.options.exhaustive && hits.length >= limit && bound < (hits[limit - 1] as SearchHit).score)
        break;
      const hit = this.score(query, this.docs[i] as Indexed, qWeights, qTotal, factor);
      keepTop(hits, limit, hit.id, hit.score, hit.via);
    }
    return hits;
  }

  /** The word score: how much of the question the entry's words cover, preferring entries about them. */
  private bagScore(d: Indexed, bagMatched: number, qTotal: number): number {
    const focusPrecision = Math.min(1, bagMatched / Math.max(d.focusWeight, 1e-9));
    return (bagMatched / qTotal) * BAG_DISCOUNT * (0.95 + 0.05 * focusPrecision);
  }

  /** The full score of one entry: its best curated phrasing or its words, times the intent fit. */
  private score(
    query: Query,
    d: Indexed,
    qWeights: Map<string, number>,
    qTotal: number,
    factor: number,
  ): SearchHit {
    let best = 0;
    let via: string | undefined;
    for (const p of d.phrasings) {
      let matched = 0;
      for (const t of p.terms) matched += qWeights.get(t) ?? 0;
      if (matched === 0 || p.weight === 0) continue;
      const recall = matched / qTotal;
      const precision = Math.min(1, matched / p.weight);
      // "when do they talk" and "where are the talks" share their words, not their question.
      p.intents ??= intentsOf(p.text);
      const asked = sameQuestion(query.intents, p.intents);
      const f = (asked * ((1 + RECALL_BETA2) * precision * recall)) / (RECALL_BETA2 * precision + recall);
      if (f > best) {
        best = f;
        via = p.text;
      }
    }
    let bagMatched = 0;
    for (const [t, w] of qWeights) {
      if (d.focus.has(t)) bagMatched += w;
      else if (d.bag.has(t)) bagMatched += w * CONTEXT_WEIGHT;
    }
    const bagScore = this.bagScore(d, bagMatched, qTotal);
    if (bagScore > best) {
      best = bagScore;
      via = undefined;
    }
    return { id: d.doc.id, score: best * factor, via };
  }

  /** Whether a term is in so many entries (over 40%) that it says little about which one is meant. */
  isCommon(term: string): boolean {
    return (this.postings.get(term)?.docs.length ?? 0) > this.docs.length * 0.4;
  }

  /** The query terms an indexed entry contains, and their share of the question's weight. */
  coverage(query: Query, id: string): { terms: Set<string>; share: number } {
    const d = this.byId.get(id);
    const covered = new Set<string>();
    let total = 0;
    let matched = 0;
    for (const t of query.terms) {
      const idf = this.idf.get(t.term) ?? 0;
      const w = t.status === "unknown" ? 0 : t.general ? Math.min(idf, 1) * GENERAL_FACTOR : idf;
      total += w;
      if (d?.bag.has(t.term)) {
        covered.add(t.term);
        matched += w;
      }
    }
    return { terms: covered, share: total ? matched / total : 0 };
  }
}
