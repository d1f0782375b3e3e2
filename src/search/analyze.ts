/**
 * Text → canonical terms. Questions and curated entries go through the same steps, so an alias
 * or a stem folded on one side always meets the same form on the other.
 */
import { BROADER, GENERAL_WORDS, PHRASES, SHORT_TYPOS, STOP_WORDS, SYNONYMS } from "./lexicon.js";
import { plainFromSlack } from "./slack-text.js";

/** Words after which a lone "he" is the Vice Premier (He Lifeng), not a pronoun. */
const HE_LIFENG_BEFORE = /\b(with|and|meet|meets|meeting|met|to|&|vs|between)\s+he\b/g;
/** Words after which a lower-case "us" is the country, not the pronoun. */
const US_COUNTRY_AFTER =
  /\bus(?=\s+(?:china|chinese|deficit|tariffs?|trade|treasury|president|economy|government|side|delegation|officials?|and|debt|budget|dollar|markets?|stance|position|team)\b)/g;

/** Lower-case, accent-free, with names and phrases folded, before splitting into words. */
export function foldText(raw: string): string {
  let t = plainFromSlack(raw)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, " - ")
    .replace(/\u00a0/g, " ");
  // Case carries meaning before we drop it: "US" is the country and a capitalised "He" in the
  // middle of a sentence is He Lifeng.
  t = t
    .replace(/\bHe and I\b/g, "helifeng and I")
    .replace(/\bU\.?S\.?A?\b(?!\w)/g, " usa ")
    .replace(/([^.!?\s]\s+)He\b(?!\s+(?:said|says|also|added|will|would|is|was|has|had)\b)/g, "$1helifeng");
  t = t.toLowerCase();
  for (const [triggers, pattern, replacement] of PHRASES) {
    if (triggers.some((x) => t.includes(x))) t = t.replace(pattern, replacement);
  }
  return t
    .replace(HE_LIFENG_BEFORE, "$1 helifeng")
    .replace(US_COUNTRY_AFTER, "usa")
    .replace(/\bthe\s+us\b/g, "the usa");
}

/** A light, consistent stemmer: the same word always gets the same stem, which is what matching needs. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith("ing") && /[aeiouy].*[^aeiouy]$/.test(w.slice(0, -3)) && w.length > 6)
    w = w.slice(0, -3).replace(/([^aeiouls])\1$/, "$1");
  else if (w.endsWith("ed") && /[aeiouy]/.test(w.slice(0, -2)) && w.length > 4)
    w = w.slice(0, -2).replace(/([^aeiouls])\1$/, "$1");
  return w.length > 4 && w.endsWith("e") ? w.slice(0, -1) : w;
}

/** Splits folded text into raw words (numbers keep their decimals: 1.78). */
export function words(folded: string): string[] {
  return folded
    .replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?(\d)/g, "$1 $2")
    .replace(/\b(\d+)(?:st|nd|rd|th)\b/g, "$1")
    .replace(/'s\b/g, "")
    .replace(/'/g, "")
    .split(/[^a-z0-9.]+|(?<!\d)\.|\.(?!\d)/)
    .filter(Boolean);
}

/** One word to its canonical term: typo table, synonym table, else its stem. */
export function canonical(word: string): string {
  const known = canonicalCache.get(word);
  if (known !== undefined) return known;
  const fixed = SHORT_TYPOS.get(word) ?? word;
  const stemmed = stem(fixed);
  const fixedStem = SHORT_TYPOS.get(stemmed) ?? stemmed;
  const term = SYNONYMS.get(fixed) ?? SYNONYMS.get(fixedStem) ?? fixedStem;
  if (canonicalCache.size > 50_000) canonicalCache.clear();
  canonicalCache.set(word, term);
  return term;
}

/** Words repeat a great deal; their canonical terms are worth remembering. */
const canonicalCache = new Map<string, string>();

/** A word of a text and the canonical term it stands for. */
export interface Token {
  word: string;
  term: string;
}

/** The tokens of a text: folded, split, canonical, without stop words. Order and duplicates kept. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const w of words(foldText(text))) {
    const fixed = SHORT_TYPOS.get(w) ?? w;
    if (STOP_WORDS.has(fixed)) continue;
    out.push({ word: fixed, term: canonical(fixed) });
  }
  return out;
}

/** The canonical terms of a text (see {@link tokens}), each followed by its broader term if it has one. */
export function terms(text: string): string[] {
  return termsOfTokens(tokens(text));
}

/** The canonical terms of tokens already made, each followed by its broader term if it has one. */
export function termsOfTokens(list: readonly Token[]): string[] {
  return list.flatMap((t) => {
    const broader = BROADER.get(t.term);
    return broader ? [t.term, broader] : [t.term];
  });
}

/** General words, as terms; a word the synonym table folds into a topic ("end" → expire) is not general. */
const GENERAL_TERMS = new Set(
  [...GENERAL_WORDS].filter((w) => !SYNONYMS.has(w) && !SYNONYMS.has(stem(w))).map(canonical),
);

/** Whether a term says nothing about the topic: its presence or absence decides little. */
export function isGeneralTerm(term: string): boolean {
  return GENERAL_TERMS.has(term) || STOP_WORDS.has(term);
}
