/**
 * The sentence a snippet sits in, from its source's stored text, so a citation shown in Slack
 * starts where the source's sentence starts. The snippet itself stays verbatim and is returned
 * apart (the renderer marks it); nothing is added around it. Sentences are found by wink-nlp (it
 * knows "U.S." and "Oct." do not end one), and a line break ends one too (captions, bullets).
 */
import { readEnglish } from "../../nlp/english.js";

/** A snippet with the rest of its sentence on either side (both empty when it is a sentence). */
export interface SnippetInSentence {
  before: string;
  snippet: string;
  after: string;
}

/** How much of the sentence is shown on either side of the snippet, at most. */
export const CONTEXT_MAX = 400;
const CACHE_MAX = 64;
const starts = new Map<string, number[]>();

/** The offsets where the text's sentences start, computed once per text. */
function sentenceStarts(text: string): number[] {
  const cached = starts.get(text);
  if (cached) return cached;
  const out: number[] = [];
  let cursor = 0;
  for (const s of readEnglish(text).sentences) {
    const at = text.indexOf(s.text, cursor);
    if (at < 0) continue;
    out.push(at);
    cursor = at + s.text.length;
  }
  if (starts.size >= CACHE_MAX) starts.delete(starts.keys().next().value as string);
  starts.set(text, out);
  return out;
}

function clipStart(s: string): string {
  if (s.length <= CONTEXT_MAX) return s;
  const cut = s.slice(s.length - CONTEXT_MAX);
  return `…${cut.slice(cut.indexOf(" ") + 1)}`;
}

function clipEnd(s: string): string {
  if (s.length <= CONTEXT_MAX) return s;
  const cut = s.slice(0, CONTEXT_MAX);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/** The snippet in its sentence of `text`; the snippet alone when the text is unknown or lacks it. */
export function snippetInSentence(text: string | undefined, snippet: string): SnippetInSentence {
  const alone = { before: "", snippet, after: "" };
  if (!text || !snippet) return alone;
  const at = text.indexOf(snippet);
  if (at < 0) return alone;
  const end = at + snippet.length;
  const sentences = sentenceStarts(text);
  let from = 0;
  let to = text.length;
  for (const s of sentences) {
    if (s <= at) from = s;
    else if (s >= end) {
      to = s;
      break;
    }
  }
  const lineStart = text.lastIndexOf("\n", at - 1);
  if (lineStart + 1 > from) from = lineStart + 1;
  const lineEnd = text.indexOf("\n", end);
  if (lineEnd !== -1 && lineEnd < to) to = lineEnd;
  const before = text
    .slice(from, at)
    .replace(/^\s*(?:[•*-]\s+)?/, "")
    .replace(/\s+/g, " ");
  const after = text.slice(end, to).trimEnd().replace(/\s+/g, " ");
  return { before: clipStart(before), snippet, after: clipEnd(after) };
}
