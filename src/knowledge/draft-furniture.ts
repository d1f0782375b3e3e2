/**
 * Telling a pasted article's story from its page furniture: the headline and subhead, photo labels,
 * captions and credits, "Key Takeaways" toggles and their summary bullets, newsletter and podcast
 * prompts, RELATED links and disclaimers are not facts and are never drafted. The text itself is
 * kept as received; only the drafter skips these lines, and says which and why.
 */

/** A line of the story the drafter reads: a paragraph, or one item of a list its lead-in introduces. */
export interface StoryBlock {
  /** The block's text, exactly as in the source (no bullet, no trailing space). */
  text: string;
  /** Offset of `text` in the source text. */
  start: number;
  /** For a list item: the line that introduces the list ("According to the document, China will:"). */
  leadIn?: string;
}

/** A line the drafter left out, and why. */
export interface FurnitureLine {
  line: string;
  why: string;
}

/** What the drafter reads of an article, and what it left out. */
export interface Story {
  blocks: StoryBlock[];
  furniture: FurnitureLine[];
}

const BULLET = /^[\s•*·▪–-]+/;
const ENDS_SENTENCE = /[.!?]["”’)]?$/;
const CREDIT = /\(([^()]{2,60})\)\s*$/;

/** The first matching rule says why a line is furniture. */
const RULES: [RegExp, string][] = [
  [/^key takeaways\b/i, "Key Takeaways toggle label"],
  [/^\[.*\]$/, "newsletter or promotion prompt"],
  [/^related:/i, "link to a related article"],
  [/^(?:want more news\?|listen to\b|read more\b|sign up\b|subscribe\b)/i, "podcast or newsletter prompt"],
  [/\bfor general information only\b|\bdoes not constitute\b.*\badvice\b/i, "disclaimer"],
  [/^(?:reporting by|editing by|writing by|additional reporting|©|copyright)\b/i, "byline or copyright line"],
  [/^\([^()]*\)$/, "caption of an embedded clip or photo"],
];

/** Whether a line ends with a credit in brackets, as photo captions do: "(Reuters)", "(Eric Lee/Bloomberg)". */
function hasCredit(line: string): boolean {
  const m = CREDIT.exec(line);
  if (!m) return false;
  const inside = m[1] ?? "";
  return (
    /\//.test(inside) ||
    /^(?:file photo|reuters|ap|afp|getty images|bloomberg|xinhua|handout)$/i.test(inside) ||
    /^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}$/.test(inside)
  );
}

/** Reads the story out of an article: its blocks in order, and the furniture lines it skipped. */
export function readStory(text: string): Story {
  const lines: { text: string; start: number }[] = [];
  let offset = 0;
  for (const raw of text.split("\n")) {
    const body = raw.replace(/\s+$/, "");
    const lead = BULLET.exec(body)?.[0].length ?? /^\s*/.exec(body)?.[0].length ?? 0;
    if (body.trim()) lines.push({ text: body.slice(lead), start: offset + lead });
    offset += raw.length + 1;
  }
  const bulletAt = new Set<number>();
  {
    let o = 0;
    for (const raw of text.split("\n")) {
      if (/^\s*[•*·▪]/.test(raw)) bulletAt.add(o + (BULLET.exec(raw)?.[0].length ?? 0));
      o += raw.length + 1;
    }
  }
  const blocks: StoryBlock[] = [];
  const furniture: FurnitureLine[] = [];
  const skip = (line: string, why: string) => furniture.push({ line, why });
  let leadIn: string | undefined;
  let inTakeaways = false;
  for (const [i, l] of lines.entries()) {
    const bullet = bulletAt.has(l.start);
    if (!bullet) inTakeaways = false;
    if (i === 0 && !ENDS_SENTENCE.test(l.text)) {
      skip(l.text, "headline");
      continue;
    }
    if (i === 1 && !ENDS_SENTENCE.test(l.text)) {
      skip(l.text, "subhead");
      continue;
    }
    const rule = RULES.find(([re]) => re.test(l.text));
    if (rule) {
      if (/^key takeaways/i.test(l.text)) inTakeaways = true;
      skip(l.text, rule[1]);
      continue;
    }
    if (inTakeaways) {
      skip(l.text, "Key Takeaways summary bullet (the story's own sentences carry these facts)");
      continue;
    }
    if (hasCredit(l.text)) {
      skip(l.text, "photo caption and credit");
      continue;
    }
    const next = lines[i + 1];
    if (!ENDS_SENTENCE.test(l.text) && !/[:;,]$/.test(l.text) && next && hasCredit(next.text) && !bullet) {
      skip(l.text, "photo label");
      continue;
    }
    if (bullet && leadIn) {
      blocks.push({ text: l.text, start: l.start, leadIn });
      continue;
    }
    leadIn = undefined;
    if (/:$/.test(l.text)) {
      leadIn = l.text;
      continue;
    }
    if (!ENDS_SENTENCE.test(l.text)) {
      skip(l.text, "heading or label (no sentence)");
      continue;
    }
    blocks.push({ text: l.text, start: l.start });
  }
  return { blocks, furniture };
}
