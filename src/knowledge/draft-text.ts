/**
 * Splitting an article into sentences for the drafter. Every sentence is an exact slice of the
 * text (so it can serve as a verbatim snippet) and keeps its position and paragraph.
 */

/** One sentence of a source text, exactly as written. */
export interface Sentence {
  text: string;
  /** Offset of `text` in the whole source text. */
  start: number;
  /** Index of the paragraph (line) it came from; quotes are only joined within one. */
  paragraph: number;
}

/** Abbreviations a period does not end a sentence after (compared lower-case, without the period). */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr st jr sr gov sen rep gen col lt sgt prof no nos vs etc inc corp co ltd dept est approx " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    "u.s u.k u.n e.u e.g i.e a.m p.m"
  ).split(" "),
);

/** Lines that are page furniture rather than the story: link prompts, newsletter asks, captions. */
const FURNITURE =
  /^(?:\[.*\]|\(.*\)|related:|want more|sign up|subscribe|read more|key takeaways|reporting by|editing by|writing by|additional reporting|©|copyright|photo:|image:)/i;

/** Whether a line is page furniture that should not become a claim. */
export function isFurniture(line: string): boolean {
  return FURNITURE.test(line.trim());
}

function endsSentence(paragraph: string, dot: number): boolean {
  const ch = paragraph[dot];
  if (ch !== ".") return true; // ! and ? always end one
  const before = paragraph.slice(0, dot);
  const word = /([A-Za-z][A-Za-z.]*)$/.exec(before)?.[1] ?? "";
  if (word.length === 1 && /[A-Z]/.test(word)) return false; // an initial: "Rufus T. Firefly"
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The sentences of `text`, paragraph by paragraph (a paragraph is a non-empty line), leading
 * bullets and spaces left out. Headlines and captions (lines without closing punctuation) and
 * page furniture are skipped.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  let paragraph = 0;
  for (const line of text.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    const body = line.replace(/\s+$/, "");
    const lead = /^[\s•*·–-]*/.exec(body)?.[0].length ?? 0;
    const content = body.slice(lead);
    if (!content) continue;
    paragraph += 1;
    if (isFurniture(content) || !/[.!?]["”’)]?$/.test(content)) continue;
    // Sentence ends: punctuation, optional closing quote or bracket, spaces, then a capital, digit or opening quote.
    const boundary = /[.!?]["”’)]?(?=\s+["“‘(]?[A-Z0-9])/g;
    let from = 0;
    for (let m = boundary.exec(content); m; m = boundary.exec(content)) {
      if (!endsSentence(content, m.index)) continue;
      const end = m.index + m[0].length;
      push(sentences, content, from, end, lineStart + lead, paragraph);
      from = end;
    }
    push(sentences, content, from, content.length, lineStart + lead, paragraph);
  }
  return sentences;
}

/**
 * The sentences of one story block (a paragraph or a list item), each an exact slice of the source
 * text. A list item ending in ";" or "; and" is one sentence, its ending left out.
 */
export function blockSentences(block: { text: string; start: number }, paragraph: number): Sentence[] {
  const out: Sentence[] = [];
  const content = block.text.replace(/(?:;\s*(?:and|or)?|,\s*(?:and|or))$/, "");
  const boundary = /[.!?]["”’)]?(?=\s+["“‘(]?[A-Z0-9])/g;
  let from = 0;
  for (let m = boundary.exec(content); m; m = boundary.exec(content)) {
    if (!endsSentence(content, m.index)) continue;
    const end = m.index + m[0].length;
    push(out, content, from, end, block.start, paragraph);
    from = end;
  }
  push(out, content, from, content.length, block.start, paragraph);
  return out;
}

function push(out: Sentence[], content: string, from: number, to: number, base: number, paragraph: number) {
  const raw = content.slice(from, to);
  const skip = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) out.push({ text, start: base + from + skip, paragraph });
}

/** Lower-case words of a sentence, for keyword tests. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*/g) ?? [];
}
