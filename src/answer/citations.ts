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

/** A question a button can show for an entry: its first curated phrasing, tidied. */
export function suggestionOf(entry: LoadedEntry): Suggestion {
  const q = (entry.questions[0] ?? entry.answer).trim();
  const tidy = q.charAt(0).toUpperCase() + q.slice(1);
  return { entryId: entry.id, question: /[?.!]$/.test(tidy) ? tidy : `${tidy}?` };
}
