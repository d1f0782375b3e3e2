/** Citations and suggestions built from entries: the only way an answer refers to a source. */
import type { KnowledgeBase, LoadedEntry } from "../knowledge/schema.js";
import type { Citation, Suggestion } from "./types.js";

/** The citation of an entry: its verbatim snippet and its source's metadata. */
export function citationOf(kb: KnowledgeBase, entry: LoadedEntry): Citation {
  const source = kb.sources.get(entry.source);
  if (!source) throw new Error(`entry ${entry.id} cites unknown source ${entry.source}`);
  return {
    snippet: entry.snippet,
    source: source.id,
    title: source.title,
    publisher: source.publisher,
    published: source.published,
    ...(source.url ? { url: source.url } : {}),
  };
}

/**
 * How the sources write each word that they only ever write with capitals ("Trump", "APEC",
 * "Kuala"), so a curated phrasing typed in lower case can be shown properly on a button.
 */
export function casingOf(kb: KnowledgeBase): ReadonlyMap<string, string> {
  const seen = new Map<string, string>();
  const lower = new Set<string>();
  for (const source of kb.sources.values()) {
    for (const m of source.text.matchAll(/(?<![\w'])([A-Za-z][A-Za-z-]*)/g)) {
      const word = m[1] as string;
      if (word === word.toLowerCase()) lower.add(word);
      else if (!seen.has(word.toLowerCase())) seen.set(word.toLowerCase(), word);
    }
  }
  for (const w of lower) seen.delete(w);
  return seen;
}

const QUESTION_START =
  /^(?:when|where|who|what|whats|what's|how|why|which|is|are|did|does|do|will|was|were|can)\b/i;

/** A question a button can show for an entry: its best-formed curated phrasing, tidied. */
export function suggestionOf(
  entry: LoadedEntry,
  casing: ReadonlyMap<string, string> = new Map(),
): Suggestion {
  const q = (
    entry.questions.find((x) => QUESTION_START.test(x) && x.split(/\s+/).length >= 3) ??
    entry.questions[0] ??
    entry.answer
  ).trim();
  const words = q
    .replace(/\bwhats\b/i, "what's")
    .replace(/\bwhos\b/i, "who's")
    .replace(/\b(us|u\.s\.)\b(?=\s+(?:china|chinese|tariff|deficit|side|trade))/gi, "US")
    .replace(/(?<!')\b[A-Za-z][A-Za-z-]+/g, (w) => casing.get(w.toLowerCase()) ?? w);
  const tidy = words.charAt(0).toUpperCase() + words.slice(1);
  return { entryId: entry.id, question: /[?.!]$/.test(tidy) ? tidy : `${tidy}?` };
}
