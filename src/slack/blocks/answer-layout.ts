/**
 * Where an answer's text goes among its citations, so it reads at a glance: at most LEAD_MAX
 * characters before the first quote; a longer lead continues after that quote, and each later part
 * of the answer ("Also: …", "It replaces …", "Since then …", "That was …") goes just before the
 * quote of the claim it rests on (the core cites the parts' claims in the order they are said).
 */

/** The most answer text shown before the first citation. */
export const LEAD_MAX = 300;

/** One piece of the answer's layout: text, or the citation with this index. */
export type LayoutItem = { kind: "text"; text: string } | { kind: "citation"; index: number };

/** A later part of an answer starts with one of these, after a sentence of its own. */
const PART_START = /(?<=[.!?:])\s+(?=(?:Also:|It replaces|Since then|That was)\s)/;
/** Words a full stop follows without ending the sentence. */
const ABBREVIATION =
  /(?:\b[A-Z]\.)+$|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|No|Vol|vs|approx)\.$/;

/** Cuts `text` at the last sentence end within `max` characters (else a word, marked with "…"). */
export function cutAtSentence(text: string, max: number): [string, string] {
  if (text.length <= max) return [text, ""];
  const ends = /[.!?]["”’)]?(?=\s+["“(]?[A-Z0-9])/g;
  let best = -1;
  for (let m = ends.exec(text); m && m.index + m[0].length <= max; m = ends.exec(text)) {
    const end = m.index + m[0].length;
    if (!ABBREVIATION.test(text.slice(0, m.index + 1))) best = end;
  }
  if (best > 0) return [text.slice(0, best), text.slice(best).trimStart()];
  const space = text.lastIndexOf(" ", max - 1);
  const cut = space > max / 2 ? space : max - 1;
  return [`${text.slice(0, cut).trimEnd()}…`, `…${text.slice(cut).trimStart()}`];
}

/** The layout of an answer's text around `citations` quotes. */
export function answerLayout(text: string, citations: number): LayoutItem[] {
  const [first = "", ...parts] = text.split(PART_START);
  if (citations === 0) return [{ kind: "text", text }];
  const [lead, overflow] = cutAtSentence(first, LEAD_MAX);
  const items: LayoutItem[] = [
    { kind: "text", text: lead },
    { kind: "citation", index: 0 },
  ];
  if (overflow) items.push({ kind: "text", text: overflow });
  for (let i = 1; i < citations; i++) {
    const part = parts.shift();
    if (part) items.push({ kind: "text", text: part });
    items.push({ kind: "citation", index: i });
  }
  if (parts.length) items.push({ kind: "text", text: parts.join(" ") });
  return items;
}
