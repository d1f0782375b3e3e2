/**
 * Drafting candidate entries from a new article (`tradebot kb add-source`). Pure: text and
 * metadata in, entries out. Every entry is `status: draft`, rests on a verbatim snippet of the
 * text, and waits for a curator to review it; nothing here is ever served as drafted.
 */
import { stringify } from "yaml";
import { findDates, resolveDatesIn } from "./draft-dates.js";
import { findFigures } from "./draft-figures.js";
import {
  datedQuestions,
  factQuestions,
  figureQuestions,
  nameTopic,
  quoteQuestions,
  topicsFor,
} from "./draft-questions.js";
import {
  findAttribution,
  findPeople,
  mentionedPeople,
  type Person,
  properNouns,
  resolveSpeaker,
} from "./draft-speech.js";
import { type Sentence, splitSentences, words } from "./draft-text.js";
import type { Entry, Source } from "./schema.js";

/** What the curator says about a new source on the command line. */
export interface SourceMeta {
  title: string;
  publisher: string;
  /** YYYY-MM-DD. */
  published: string;
  url?: string;
  /** The article's subtitle (standfirst), when it has one. */
  subtitle?: string;
  /** Who wrote it (the byline), when known. */
  credit?: string;
  /** How the source came in, for its notes: "tradebot kb add-source" unless said otherwise. */
  addedBy?: string;
}

/** The role written when the article names a speaker without saying who they are. */
export const ROLE_NOT_GIVEN = "role not given in the article: add it";

const DEADLINE = /\b(expir\w*|deadline|takes? effect|took effect|due|until|lapses?|ends?)\b/i;
const MAX_ANSWER = 400;

/** A lower-case kebab-case id from words: "US, China Plan New Trade Talks" → "us-china-plan-new-trade-talks". */
export function slugify(text: string, maxWords = 6): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9\s-]/g, " ")
      .split(/[\s-]+/)
      .filter((w) => w && !SLUG_SKIP.has(w))
      .slice(0, maxWords)
      .join("-") || "source"
  );
}

/** Small words an id can do without: "US and China Reach Deal in Busan" → us-china-reach-deal-busan. */
const SLUG_SKIP = new Set(["a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "with", "as", "by"]);

/** A source id from the title that is not in `taken` (a number is added when it is). */
export function sourceIdFor(meta: SourceMeta, taken: ReadonlySet<string>): string {
  const base = slugify(meta.title);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The source metadata file for a new source whose text is `<id>.txt`. */
export function draftSource(id: string, meta: SourceMeta): Source {
  return {
    id,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    publisher: meta.publisher,
    published: meta.published,
    ...(meta.credit ? { credit: meta.credit } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    text_file: `${id}.txt`,
    repairs: [],
    notes: `Added with ${meta.addedBy ?? "tradebot kb add-source"}. The text exactly as received is kept as ${id}.received.txt; repair ${id}.txt if it needs it and list each repair under repairs. Entries were drafted into entries/${id}.yml for review.`,
  };
}

/** A run of sentences read together: a quotation that spans sentences is one unit. */
interface Unit {
  text: string;
  start: number;
  end: number;
  paragraph: number;
}

function openQuote(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length % 2 === 1;
  const curly = (text.match(/“/g) ?? []).length > (text.match(/”/g) ?? []).length;
  return straight || curly;
}

function units(text: string, sentences: readonly Sentence[]): Unit[] {
  const out: Unit[] = [];
  for (const s of sentences) {
    const prev = out.at(-1);
    const end = s.start + s.text.length;
    if (prev && prev.paragraph === s.paragraph && openQuote(prev.text)) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
    } else {
      out.push({ text: s.text, start: s.start, end, paragraph: s.paragraph });
    }
  }
  return out;
}

/** The verbatim pieces of a quotation: inside quotation marks when there are any, trailing comma left out. */
function quotedPieces(unitText: string, content: string): string[] {
  const inMarks = [...unitText.matchAll(/["“]([^"“”]+)["”]/g)].map((m) =>
    (m[1] ?? "").replace(/,\s*$/, "").trim(),
  );
  if (inMarks.length) return inMarks.filter((p) => p.length > 2);
  return [content.replace(/[.,]\s*$/, "")];
}

function display(p: Person): string {
  return p.role && p.role !== "organization" && p.role !== ROLE_NOT_GIVEN ? `${p.role} ${p.name}` : p.name;
}

function tidyAnswer(text: string): string {
  let a = text.replace(/\s+/g, " ").trim();
  a = a.replace(/^(?:But|And|However|Still|Meanwhile|Also),?\s+(\w)/, (_m, c: string) => c.toUpperCase());
  if (!/[.!?]["”]?$/.test(a)) a += ".";
  if (a.length <= MAX_ANSWER) return a;
  const cut = a.slice(0, MAX_ANSWER - 1);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/** Whether a sentence is worth a fact entry: long enough, a statement, about something named. */
function salient(text: string, nouns: ReadonlySet<string>): boolean {
  const w = words(text);
  if (w.length < 8 || text.endsWith("?")) return false;
  return w.some((x) => nouns.has(x)) || topicsFor(text)[0] !== "news";
}

/** Candidate entries for a source's text, all `status: draft`, ids `<sourceId>-<kind>-<n>`. */
export function draftEntries(text: string, source: { id: string; published: string }): Entry[] {
  const people = findPeople(text);
  const nouns = properNouns(text);
  const entries: Entry[] = [];
  const counts = new Map<string, number>();
  const nextId = (kind: string) => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    return `${source.id}-${kind}-${n}`;
  };
  const base = (
    kind: Entry["kind"],
    unit: Unit,
    answer: string,
    topics: string[],
    questions: string[],
  ): Entry => ({
    id: nextId(kind),
    kind,
    status: "draft",
    answer: tidyAnswer(answer),
    snippet: unit.text,
    source: source.id,
    topics,
    questions,
    headline: false,
  });

  let last: Person | undefined;
  let openQuotation: { entry: Entry; pieces: string[]; speaker: Person; unit: Unit } | undefined;
  for (const unit of units(text, splitSentences(text))) {
    if (unit.text.length < 12) continue;
    const fullyQuoted = /^["“]/.test(unit.text) && /["”]$/.test(unit.text);
    if (openQuotation && fullyQuoted && openQuotation.unit.paragraph === unit.paragraph) {
      // "…," Firefly said. "More words." — the second sentence belongs to the same quotation.
      const q = openQuotation;
      q.pieces.push(...quotedPieces(unit.text, unit.text));
      q.entry.snippet = text.slice(q.unit.start, unit.end);
      q.entry.answer = tidyAnswer(
        `${display(q.speaker)} said: ${q.pieces.map((p) => `"${p}"`).join(" and ")}`,
      );
      continue;
    }
    openQuotation = undefined;

    const dates = findDates(unit.text, source.published);
    const resolved = resolveDatesIn(unit.text, dates);
    const figures = findFigures(unit.text);
    const topics = topicsFor(unit.text);
    const topic = topics[0] ?? "news";
    const before = entries.length;

    const attribution = findAttribution(unit.text);
    const speaker = attribution && resolveSpeaker(attribution.who, { people, last, properNouns: nouns });
    if (attribution && speaker) {
      const role = speaker.role || ROLE_NOT_GIVEN;
      const saidOn = dates.find((d) => d.saidOn && d.when.precision === "day")?.when.date;
      let answer: string;
      let pieces: string[] = [];
      if (attribution.form === "trailing") {
        pieces = quotedPieces(unit.text, attribution.content);
        answer = `${display(speaker)} said: ${pieces.map((p) => `"${p}"`).join(" and ")}`;
      } else if (attribution.form === "leading") {
        answer = `${display(speaker)} said ${resolveDatesIn(attribution.content, findDates(attribution.content, source.published))}`;
      } else {
        answer = resolved;
      }
      const entry = base(
        "quote",
        unit,
        answer,
        topicsFor(unit.text, [nameTopic(speaker.name)]),
        quoteQuestions(speaker.name, speaker.role, topic),
      );
      entry.speaker = { name: speaker.name, role, ...(saidOn ? { said_on: saidOn } : {}) };
      if (figures.length) entry.figures = figures;
      entries.push(entry);
      if (attribution.form === "trailing") openQuotation = { entry, pieces, speaker, unit };
      if (speaker.role !== "organization") last = speaker;
    }

    // "last year" or "this year" is background, not something that happens on a date.
    const happening = dates.filter(
      (d) => !d.saidOn && (d.when.precision !== "year" || /next/i.test(d.expression)),
    );
    const mention = happening.find((d) => d.when.date >= source.published) ?? happening[0];
    if (mention) {
      const near = unit.text.slice(Math.max(0, mention.index - 40), mention.index);
      const kind = DEADLINE.test(near) ? "deadline" : "event";
      const who = mentionedPeople(unit.text, people)[0]?.name.split(" ").pop();
      const entry = base(kind, unit, resolved, topics, datedQuestions(kind, unit.text, mention.when, who));
      entry.when = mention.when;
      entries.push(entry);
    }
    const [figure] = figures;
    if (figure && !(attribution && speaker)) {
      const entry = base("figure", unit, resolved, topics, figureQuestions(figure, topic));
      entry.figures = figures;
      entries.push(entry);
    }
    if (entries.length === before && salient(unit.text, nouns)) {
      entries.push(base("fact", unit, resolved, topics, factQuestions(unit.text, topic)));
    }
    const mentioned = mentionedPeople(unit.text, people);
    if (mentioned.length && !(attribution && speaker)) last = mentioned.at(-1);
  }
  return entries;
}

/** The drafts file: a header telling the curator what to do, then the entries. */
export function renderDrafts(entries: readonly Entry[], source: Source): string {
  const header = [
    `# Draft entries for source ${source.id}: "${source.title}" (${source.publisher}, ${source.published}).`,
    "# Drafted by `tradebot kb add-source`. NOTHING HERE IS SERVED until you review it:",
    "#   1. Read each entry's snippet in the article; delete entries that are not worth keeping.",
    "#   2. Fix the answer (a plain sentence), the speaker's name and role, dates and figures.",
    "#   3. If it replaces an older entry, add `supersedes: <older-entry-id>`.",
    "#   4. Change `status: draft` to `status: reviewed` and save. See docs/keeping-current.md.",
    "",
  ].join("\n");
  return `${header}${stringify({ entries }, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** The source metadata file's text; `addedBy` says how it came in, for the header line. */
export function renderSource(source: Source, addedBy = "`tradebot kb add-source`"): string {
  return `# Added with ${addedBy}. The article's text is ${source.text_file}, beside this file.\n${stringify(source, { lineWidth: 0 })}`;
}
