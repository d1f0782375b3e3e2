/**
 * The form words are compared in when a question is matched against concept names and claim
 * texts: lower case, no accents, abbreviation dots and possessives gone, "%" as "percent", and a
 * plural folded to its singular. The same function serves both sides, so they always meet.
 */
import { createRequire } from "node:module";

/** Words that carry no topic: they never name a concept alone and never count as unknown. */
export const FUNCTION_WORDS = new Set(
  `a an the is are was were be been being am do does did doing done has have had having of in on at to
  for with and or but nor about above after before between into through during from by as up down out off
  over under again then once here there this that these those it its itself they them their what which who
  whom whose when where why how all any both each few more most other some such no not only own same so
  than too very can could will would shall should may might must i me my mine we our ours you your yours
  he him his she her hers us s t just also yet ever even really still now ok okay hi hey hello yo thanks
  thank pls please plz lol`.split(/\s+/),
);

/**
 * Keys and stems already worked out, word → key and key → stem: a question or a claim text is
 * mostly words seen before, and NFKD folding and the Porter stemmer are the slow part of reading
 * them. Cleared when full, so a long-running process keeps a bounded cache.
 */
const keyCache = new Map<string, string>();
const stemCache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

function remember<T>(cache: Map<string, T>, from: string, to: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(from, to);
  return to;
}

/**
 * Empties the caches: an index build fills them with every word of the knowledge, which would
 * otherwise stay in memory as long as the process (a question's few words fill them again).
 */
export function forgetWords(): void {
  keyCache.clear();
  stemCache.clear();
  tokenStemCache.clear();
}

/** The comparison key of one word; empty for punctuation and possessive endings. */
export function keyOf(word: string): string {
  return keyCache.get(word) ?? remember(keyCache, word, foldKey(word));
}

function foldKey(word: string): string {
  let w = word
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
  if (w === "%" || w === "pct" || w === "percent" || w === "per-cent") return "percent";
  if (w === "$" || w === "us$") return "dollar";
  if (w === "n't" || w === "nt") return "not";
  if (w === "'s" || w === "'") return "";
  w = w.replace(/'s$/, "").replace(/'/g, "");
  // u.s. → us, u.s.a. → usa, nov. → nov; but 1.78 stays a number
  if (!/^\d+(?:\.\d+)?$/.test(w)) w = w.replace(/\./g, "");
  w = w.replace(/[^a-z0-9.]+/g, "");
  return singular(w);
}

/** A plural to its singular, lightly and consistently: "tariffs" → "tariff", "duties" → "duty". */
export function singular(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !/(?:ss|us|is|os)$/.test(w)) return w.slice(0, -1);
  return w;
}

const require = createRequire(import.meta.url);
const porter = require("wink-eng-lite-web-model/dist/porter-stemmer.js") as (word: string) => string;

/** The stem of a key (keys with digits are their own stem). */
export function stemOfKey(k: string): string {
  return stemCache.get(k) ?? remember(stemCache, k, /\d/.test(k) ? k : porter(k));
}

/** The key a word is compared by when claims are ranked by their words: its stem ("canceling" → "cancel"). */
export function stemKey(word: string): string {
  const k = keyOf(word);
  return k ? stemOfKey(k) : k;
}

/** A text's word as written (between spaces) → the stems stemsOf keeps of it. */
const tokenStemCache = new Map<string, readonly string[]>();

/** The stems of a text's words, function words left out. */
export function stemsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(/\s+/)) {
    let stems = tokenStemCache.get(w);
    if (stems === undefined) stems = remember(tokenStemCache, w, tokenStems(w));
    for (const st of stems) out.push(st);
  }
  return out;
}

/** The stems of one word as written; none for a function word. */
function tokenStems(w: string): string[] {
  // Function words are dropped as written, before "does" could become "doe".
  const bare = w
    .toLowerCase()
    .replace(/[^a-z']/g, "")
    .replace(/'s$/, "");
  if (FUNCTION_WORDS.has(bare)) return [];
  const out: string[] = [];
  for (const k of keysOf(w)) if (!FUNCTION_WORDS.has(k)) out.push(stemOfKey(k));
  return out;
}

/** The keys of a short text (a name, an alias), split the way wink splits words, punctuation dropped. */
export function keysOf(text: string): string[] {
  const out: string[] = [];
  for (const part of wordsOf(text)) {
    const k = keyOf(part);
    if (k) out.push(k);
  }
  return out;
}

/** The words of a text as written, split as `keysOf` splits them (some give no key: punctuation). */
export function wordsOf(text: string): string[] {
  let spaced = text;
  if (spaced.includes("%")) spaced = spaced.replace(/(\d)\s*%/g, "$1 %");
  if (spaced.includes("$")) spaced = spaced.replace(/\$\s*(\d)/g, "$ $1");
  // Split at the separators, then at a possessive 's after a letter: the same cuts as one regex
  // with both (the separators hold no letter or apostrophe), and much faster on a long text.
  let parts = spaced.split(/[\s\-–—/,;:()"“”!?]+/);
  if (spaced.includes("'"))
    parts = parts.flatMap((part) => (part.includes("'") ? part.split(/(?<=[a-z])'s\b/i) : [part]));
  if (!spaced.includes("%")) return parts;
  return parts.flatMap((part) => (part === "%" || part === "$" ? [part] : part.split(/(?=%)/)));
}
