/**
 * The search index over curated entries. Each entry is matched through its curated question
 * phrasings (what people ask) and through the bag of all its words (what it says); terms are
 * weighted by rarity (IDF); the kind of answer the question asks for (when, where, who, how much,
 * what did X say) raises or lowers each candidate. Words the knowledge base does not know weigh
 * against every candidate, which is how off-topic questions end up below the answer threshold.
 */
import { canonical, terms, tokens } from "./analyze.js";
import { type Intent, PEOPLE, PLACES, SYNONYMS } from "./lexicon.js";
import { analyseQuery, type Query } from "./query.js";
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
}

/** A ranked candidate. */
export interface SearchHit {
  id: string;
  /** 0..1 after intent adjustment. */
  score: number;
  /** The curated phrasing that matched best, if any matched better than the entry's text. */
  via?: string;
}

interface Indexed {
  doc: SearchDoc;
  phrasings: { terms: Set<string>; weight: number; text: string }[];
  bag: Set<string>;
  places: boolean;
  people: Set<string>;
  /** The first person the entry's answer names: whose statement or action it is about. */
  lead?: string;
  /** Terms of the curated parts (title, answer, questions); the snippet and topics are context. */
  focus: Set<string>;
  focusWeight: number;
}

/** Weights of the two ways an entry can match. */
const BAG_DISCOUNT = 0.8;
const RECALL_BETA2 = 4;
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
  private readonly postings = new Map<string, number[]>();
  private readonly byId = new Map<string, Indexed>();
  private readonly idf = new Map<string, number>();
  private readonly unknownWeight: number;
  readonly vocabulary: ReadonlySet<string>;
  private readonly typos: TypoCorrector;

  constructor(docs: readonly SearchDoc[]) {
    const df = new Map<string, number>();
    this.docs = docs.map((doc, i) => {
      const phraseTerms = doc.questions.map((q) => ({ text: q, terms: new Set(terms(q)) }));
      const focusTerms = terms(doc.focus);
      const focus = new Set(focusTerms);
      for (const p of phraseTerms) for (const t of p.terms) focus.add(t);
      const bag = new Set([...focus, ...terms(doc.text)]);
      for (const t of bag) {
        df.set(t, (df.get(t) ?? 0) + 1);
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
      return {
        doc,
        phrasings: phraseTerms.map((p) => ({ ...p, weight: 0 })),
        bag,
        places: [...bag].some((t) => PLACES.has(t)),
        people: new Set([...bag].filter((t) => PEOPLE.has(t))),
        lead: focusTerms.find((t) => PEOPLE.has(t)),
        focus,
        focusWeight: 0,
      };
    });
    const n = Math.max(docs.length, 1);
    for (const [t, count] of df) this.idf.set(t, Math.log(1 + n / count));
    this.unknownWeight = Math.log(1 + n) * 1.2;
    for (const d of this.docs) {
      this.byId.set(d.doc.id, d);
      for (const p of d.phrasings) p.weight = this.sum(p.terms);
      d.focusWeight = this.sum(d.focus);
    }
    this.vocabulary = new Set(df.keys());
    const surface = new Map<string, string>();
    for (const d of docs) {
      for (const t of tokens([d.focus, d.text, ...d.questions].join(" \n "))) surface.set(t.word, t.term);
    }
    for (const word of Object.keys(SYNONYMS)) surface.set(word, canonical(word));
    this.typos = new TypoCorrector(surface);
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
      if (t.status === "unknown") w = this.unknownWeight * chatter * (t.entity ? ENTITY_FACTOR : 1);
      else if (t.status === "corrected") w *= 0.9;
      if (t.general) w = Math.min(w, 1) * GENERAL_FACTOR;
      qWeights.set(t.term, w);
    }
    const qTotal = [...qWeights.values()].reduce((a, b) => a + b, 0);
    if (qTotal === 0) return [];
    const candidates = new Set<number>();
    for (const t of qWeights.keys()) for (const i of this.postings.get(t) ?? []) candidates.add(i);
    const hits: SearchHit[] = [];
    for (const i of candidates) {
      const d = this.docs[i] as Indexed;
      let best = 0;
      let via: string | undefined;
      for (const p of d.phrasings) {
        let matched = 0;
        for (const [t, w] of qWeights) if (p.terms.has(t)) matched += w;
        if (matched === 0 || p.weight === 0) continue;
        const recall = matched / qTotal;
        const precision = Math.min(1, matched / p.weight);
        const f = ((1 + RECALL_BETA2) * precision * recall) / (RECALL_BETA2 * precision + recall);
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
      // Among entries that mention the same words, prefer the one that is about them.
      const focusPrecision = Math.min(1, bagMatched / Math.max(d.focusWeight, 1e-9));
      const bagScore = (bagMatched / qTotal) * BAG_DISCOUNT * (0.95 + 0.05 * focusPrecision);
      if (bagScore > best) {
        best = bagScore;
        via = undefined;
      }
      const score = Math.min(1, best * this.intentFactor(query, d));
      if (score > 0) hits.push({ id: d.doc.id, score, via });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
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

  private sum(ts: Iterable<string>): number {
    let s = 0;
    for (const t of ts) s += this.idf.get(t) ?? 0;
    return s;
  }

  /** How well the kind of entry fits the kind of answer asked for. */
  private intentFactor(query: Query, d: Indexed): number {
    const { doc } = d;
    let f = 1;
    const has = (i: Intent) => query.intents.has(i);
    if (has("when")) f *= doc.hasDate ? 1.1 : 0.75;
    if (has("howmuch")) f *= doc.hasFigures ? 1.1 : 0.65;
    if (has("outcome")) f *= doc.outcome ? 1.1 : 0.45;
    if (has("where")) f *= d.places ? 1.05 : 0.75;
    if (has("who") && !has("say")) {
      // "who is X" wants X's profile; "who is X meeting" wants an entry naming someone else.
      const others = [...d.people].some((p) => !query.people.has(p));
      if (query.terms.length <= query.people.size) f *= doc.kind === "profile" ? 1.1 : 1;
      else f *= others ? 1.05 : d.people.size > 0 ? 1 : 0.85;
    }
    if (has("say")) {
      if (query.speakers.size > 0) {
        const bySomeoneAsked = doc.speaker !== undefined && query.speakers.has(doc.speaker);
        if (doc.kind === "quote") f *= bySomeoneAsked ? 1.1 : 0.45;
        else if (doc.kind === "profile") f *= 0.5;
        else f *= d.lead !== undefined && query.speakers.has(d.lead) ? 0.85 : 0.5;
      } else {
        f *= doc.kind === "quote" ? 1.1 : 0.85;
      }
    }
    return f;
  }
}
