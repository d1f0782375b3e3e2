/**
 * Drafting candidate claims from a new article (`tradebot kb add-source`, the feed poller). Pure:
 * text, metadata and the concepts already known in; proposed concepts and claims out. Every claim
 * rests on a verbatim snippet of the text and waits in drafts/ for a curator to review it; nothing
 * here is ever served as drafted. A figure becomes an `amount` claim, a dated event or deadline a
 * `when`, `start` or `end` claim, attributed speech a `said` claim (a quote only when the source
 * puts the words in quotation marks), and any other salient sentence a claim with a text value.
 */
import { insideQuotationMarks } from "./check.js";
import { DraftConcepts } from "./draft-concepts.js";
import { findDates, resolveDatesIn } from "./draft-dates.js";
import { findFigures } from "./draft-figures.js";
import {
  findAttribution,
  findPeople,
  mentionedPeople,
  type Person,
  properNouns,
  resolveSpeaker,
} from "./draft-speech.js";
import { type Sentence, splitSentences, words } from "./draft-text.js";
import { dateAttribute, figureValue, textAttribute } from "./draft-values.js";
import type { Attribute, Claim, Concept, Source, Value } from "./schema.js";
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

const MAX_ANSWER = 400;
const MAX_ABOUT = 5;

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
    notes: `Added with ${meta.addedBy ?? "tradebot kb add-source"}. The text exactly as received is kept as ${id}.received.txt; repair ${id}.txt if it needs it and list each repair under repairs. Claims were drafted into drafts/${id}.yml for review.`,
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

/** The words inside quotation marks, trailing comma left out; none when the unit has no quotation marks. */
function quotedPieces(unitText: string): string[] {
  return [...unitText.matchAll(/["“]([^"“”]+)["”]/g)]
    .map((m) => (m[1] ?? "").replace(/,\s*$/, "").trim())
    .filter((p) => p.length > 2);
}

/** Whether offset `at` of a unit lies inside a quotation (an odd number of quotation marks before it). */
function withinQuotation(text: string, at: number): boolean {
  return (text.slice(0, at).match(/["“”]/g) ?? []).length % 2 === 1;
}

function display(p: Person): string {
  return p.role && p.role !== "organization" ? `${p.role} ${p.name}` : p.name;
}

function tidyAnswer(text: string): string {
  let a = text.replace(/\s+/g, " ").trim();
  a = a.replace(/^(?:But|And|However|Still|Meanwhile|Also),?\s+(\w)/, (_m, c: string) => c.toUpperCase());
  if (!/[.!?]["”]?$/.test(a)) a += ".";
  if (a.length <= MAX_ANSWER) return a;
  const cut = a.slice(0, MAX_ANSWER - 1);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/** Words that make a sentence news about the talks, when it names nothing the article capitalises. */
const NEWSWORTHY =
  /\b(tariffs?|surtax|duty|duties|levy|truce|ceasefire|talks|negotiat\w*|summit|agreement|deal|export controls?|rare[- ]earths?|soybeans?|ports?|trade|exports?|imports?|economy|deficit|fentanyl)\b/i;

/** Whether a sentence is worth a claim of its own: long enough, a statement, about something named. */
function salient(text: string, nouns: ReadonlySet<string>): boolean {
  const w = words(text);
  if (w.length < 8 || text.endsWith("?")) return false;
  return w.some((x) => nouns.has(x)) || NEWSWORTHY.test(text);
}

/** What a source's claims are drafted from, beyond its text. */
export interface DraftInput {
  source: { id: string; title: string; published: string };
  /** The concepts the knowledge already has (reviewed and drafted). */
  known: readonly Concept[];
  /** Every id already in use (sources, concepts, claims), which no proposal may take. */
  takenIds: ReadonlySet<string>;
}

/** Proposed concepts and candidate claims from one source. */
export interface Drafted {
  concepts: Concept[];
  claims: Claim[];
}

/** Candidate claims for a source's text, ids `<sourceId>-<attribute>-<n>`, with the concepts they need. */
export function draftClaims(text: string, input: DraftInput): Drafted {
  const { source } = input;
  const people = findPeople(text);
  const nouns = properNouns(text);
  const concepts = new DraftConcepts(input.known, new Set(input.takenIds), source.id);
  for (const p of people) concepts.party(p);
  const claims: Claim[] = [];
  const counts = new Map<string, number>();
  const nextId = (attribute: string) => {
    const n = (counts.get(attribute) ?? 0) + 1;
    counts.set(attribute, n);
    return `${source.id}-${attribute}-${n}`;
  };
  /** The concepts a claim is about: its subject first, then what the sentence names, in order. */
  const aboutFor = (unit: Unit, subject?: Concept, prefer?: (c: Concept) => boolean): string[] => {
    const named = [
      ...concepts.mentionedIn(unit.text),
      ...mentionedPeople(unit.text, people).flatMap((p) => concepts.party(p) ?? []),
    ];
    const first = subject ?? named.find((c) => prefer?.(c)) ?? named[0] ?? concepts.subject(source.title);
    return [...new Set([first, ...named].map((c) => c.id))].slice(0, MAX_ABOUT);
  };
  const claim = (
    attribute: Attribute,
    unit: Unit,
    fields: {
      about: string[];
      value: Value;
      answer: string;
      snippet?: string;
      speaker?: string;
      quote?: boolean;
    },
  ): Claim => ({
    id: nextId(attribute),
    about: fields.about,
    attribute,
    value: fields.value,
    answer: tidyAnswer(fields.answer),
    snippet: fields.snippet ?? unit.text,
    source: source.id,
    ...(fields.speaker ? { speaker: fields.speaker } : {}),
    quote: fields.quote ?? false,
    headline: false,
    phrasings: [],
    supersedes: [],
    disputes: [],
  });
  const isEvent = (c: Concept) => c.type === "event" || c.type === "measure";

  let last: Person | undefined;
  let openQuotation: { claim: Claim; pieces: string[]; speaker: Person; unit: Unit } | undefined;
  for (const unit of units(text, splitSentences(text))) {
    if (unit.text.length < 12) continue;
    const fullyQuoted = /^["“]/.test(unit.text) && /["”]$/.test(unit.text);
    if (openQuotation && fullyQuoted && openQuotation.unit.paragraph === unit.paragraph) {
      // "…," Firefly said. "More words." — the second sentence belongs to the same quotation.
      const q = openQuotation;
      q.pieces.push(...quotedPieces(unit.text));
      q.claim.value = { text: q.pieces.join(" … ") };
      q.claim.answer = tidyAnswer(
        `${display(q.speaker)} said: ${q.pieces.map((p) => `"${p}"`).join(" and ")}`,
      );
      continue;
    }
    openQuotation = undefined;

    const dates = findDates(unit.text, source.published);
    // A date inside quotation marks stays as the speaker said it: quoted words are checked word for word.
    const resolved = resolveDatesIn(
      unit.text,
      dates.filter((d) => !withinQuotation(unit.text, d.index)),
    );
    const figures = findFigures(unit.text);
    const before = claims.length;

    const attribution = findAttribution(unit.text);
    const person = attribution && resolveSpeaker(attribution.who, { people, last, properNouns: nouns });
    const speaker = person ? concepts.party(person) : undefined;
    if (attribution && person && speaker && attribution.form !== "according") {
      const saidOn = dates.find(
        (d) => d.saidOn && d.when.precision === "day" && d.when.date <= source.published,
      );
      const pieces = attribution.form === "trailing" ? quotedPieces(unit.text) : [];
      const [firstPiece = ""] = pieces;
      // The speaker's own words when the source quotes them; else the reporter's sentence, reported speech.
      const quoted = firstPiece.length >= 12 && insideQuotationMarks(firstPiece, text);
      const answer = quoted
        ? `${display(person)} said: ${pieces.map((p) => `"${p}"`).join(" and ")}`
        : `${display(person)} said ${resolveDatesIn(attribution.content, findDates(attribution.content, source.published)).replace(/\.$/, "")}`;
      const said = claim("said", unit, {
        about: aboutFor(unit, speaker),
        value: { text: quoted ? pieces.join(" … ") : attribution.content.replace(/\.$/, "") },
        answer,
        ...(quoted ? { snippet: firstPiece, quote: true } : {}),
        speaker: speaker.id,
      });
      if (saidOn) said.holds = { as_of: saidOn.when.date };
      claims.push(said);
      if (quoted && attribution.form === "trailing")
        openQuotation = { claim: said, pieces: [...pieces], speaker: person, unit };
      if (person.role !== "organization") last = person;
    }
    // Facts reported from someone's words ("according to the Bureau") name them as the speaker.
    const reportedBy = attribution && speaker ? { speaker: speaker.id } : {};

    // "last year" or "this year" is background, not something that happens on a date.
    const happening = dates.filter(
      (d) => !d.saidOn && (d.when.precision !== "year" || /next/i.test(d.expression)),
    );
    const mention = happening.find((d) => d.when.date >= source.published) ?? happening[0];
    if (mention) {
      claims.push(
        claim(dateAttribute(unit.text, mention), unit, {
          about: aboutFor(unit, undefined, isEvent),
          value: { ...mention.when },
          answer: resolved,
          ...reportedBy,
        }),
      );
    }
    for (const figure of figures) {
      claims.push(
        claim("amount", unit, {
          about: aboutFor(unit, undefined, (c) => c.type === "measure"),
          value: figureValue(figure),
          answer: resolved,
          ...reportedBy,
        }),
      );
    }
    if (claims.length === before && salient(unit.text, nouns)) {
      claims.push(
        claim(textAttribute(unit.text), unit, {
          about: aboutFor(unit),
          value: { text: unit.text.replace(/[.!]$/, "") },
          answer: resolved,
          ...reportedBy,
        }),
      );
    }
    const mentioned = mentionedPeople(unit.text, people);
    if (mentioned.length && !(attribution && person)) last = mentioned.at(-1);
  }
  return { concepts: concepts.proposed, claims };
}
