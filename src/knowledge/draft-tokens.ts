/**
 * A sentence as words with their place in it: wink-nlp's reading (lemma, part of speech) with the
 * character offsets the drafter needs to cut verbatim snippets and spans.
 */
import { readEnglish, type Word } from "../nlp/english.js";

/** One word of a sentence, where it stands in the sentence. */
export interface Token extends Word {
  start: number;
  end: number;
}

const cache = new Map<string, Token[]>();

/** The words of `sentence`, read once and remembered for the drafting run. */
export function tokensOf(sentence: string): Token[] {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const out: Token[] = [];
  let at = 0;
  for (const w of readEnglish(sentence).words) {
    const i = sentence.indexOf(w.text, at);
    const start = i < 0 ? at : i;
    out.push({ ...w, start, end: start + w.text.length });
    at = start + w.text.length;
  }
  if (cache.size > 2000) cache.clear();
  cache.set(sentence, out);
  return out;
}

/** The words of a token list as plain Words (for the concept matcher). */
export function wordsOf(tokens: readonly Token[]): readonly Word[] {
  return tokens as readonly Word[];
}
