/**
 * Building the search index: every curated text analysed into terms, rarity weights (IDF), and
 * postings that say, for each term, which entries hold it, whether among their curated words, and
 * how light their lightest curated phrasing holding it is (which bounds scores during pruning).
 */
import { canonical, type Token, termsOfTokens, tokens } from "./analyze.js";
import type { EntryFit } from "./fit.js";
import type { SearchDoc } from "./index.js";
import type { Intent } from "./intents.js";
import { PEOPLE, PLACES, SYNONYMS } from "./lexicon.js";

/** The entries holding a term: whether it is among each one's curated words, and the weight of its
 * lightest curated phrasing holding the term (Infinity when none does), which bounds phrasing scores. */
export interface Posting {
  docs: Int32Array;
  inFocus: Uint8Array;
  lightest: Float64Array;
}

export interface Indexed extends EntryFit {
  doc: SearchDoc;
  /** `intents` is worked out the first time the phrasing is scored: most never are. */
  phrasings: { terms: Set<string>; weight: number; text: string; intents?: Set<Intent> }[];
  bag: Set<string>;
  places: boolean;
  people: Set<string>;
  /** The first person the entry's answer names: whose statement or action it is about. */
  lead?: string;
  /** Terms of the curated parts (title, answer, questions); the snippet and topics are context. */
  focus: Set<string>;
  focusWeight: number;
}

/** Everything an index is made of. */
export interface IndexData {
  docs: Indexed[];
  postings: Map<string, Posting>;
  idf: Map<string, number>;
  /** Every indexed text and its tokens. */
  analysed: Map<string, Token[]>;
  /** Every word as written, with its term: the vocabulary typos are corrected against. */
  surface: Map<string, string>;
}

/** Analyses the entries (reusing `tokenized` texts when given) and builds the index data. */
export function buildIndex(docs: readonly SearchDoc[], tokenized?: ReadonlyMap<string, Token[]>): IndexData {
  const df = new Map<string, number>();
  const analysed = new Map<string, Token[]>();
  const surface = new Map<string, string>();
  const termsOf = (text: string) => {
    const list = tokenized?.get(text) ?? tokens(text);
    analysed.set(text, list);
    for (const t of list) surface.set(t.word, t.term);
    return termsOfTokens(list);
  };
  const indexed: Indexed[] = docs.map((doc) => {
    const phraseTerms = doc.questions.map((q) => ({ text: q, terms: new Set(termsOf(q)) }));
    const focusTerms = termsOf(doc.focus);
    const focus = new Set(focusTerms);
    for (const p of phraseTerms) for (const t of p.terms) focus.add(t);
    const bag = new Set([...focus, ...termsOf(doc.text)]);
    for (const t of bag) df.set(t, (df.get(t) ?? 0) + 1);
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
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + n / count));
  const sum = (ts: Iterable<string>) => {
    let s = 0;
    for (const t of ts) s += idf.get(t) ?? 0;
    return s;
  };
  for (const d of indexed) {
    for (const p of d.phrasings) p.weight = sum(p.terms);
    d.focusWeight = sum(d.focus);
  }
  for (const word of SYNONYMS.keys()) surface.set(word, canonical(word));
  return { docs: indexed, postings: postingsOf(indexed), idf, analysed, surface };
}

/** For each term, the entries holding it, whether among their curated words, and their lightest phrasing holding it. */
function postingsOf(indexed: readonly Indexed[]): Map<string, Posting> {
  const building = new Map<string, { docs: number[]; inFocus: number[]; lightest: number[] }>();
  indexed.forEach((d, i) => {
    const light = new Map<string, number>();
    for (const p of d.phrasings)
      for (const t of p.terms) light.set(t, Math.min(light.get(t) ?? p.weight, p.weight));
    for (const t of d.bag) {
      const b = building.get(t) ?? { docs: [], inFocus: [], lightest: [] };
      if (b.docs.length === 0) building.set(t, b);
      b.docs.push(i);
      b.inFocus.push(d.focus.has(t) ? 1 : 0);
      b.lightest.push(light.get(t) ?? Number.POSITIVE_INFINITY);
    }
  });
  const postings = new Map<string, Posting>();
  for (const [t, b] of building) {
    postings.set(t, {
      docs: new Int32Array(b.docs),
      inFocus: new Uint8Array(b.inFocus),
      lightest: new Float64Array(b.lightest),
    });
  }
  return postings;
}
