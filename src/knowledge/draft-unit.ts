/**
 * What the fact finders share about one sentence: its clauses, the concepts it names, its dates,
 * who said it, and the unit being read (the whole sentence, or one piece of what a speaker said),
 * with the helpers that find what a date, figure or change of status belongs to.
 */
import type { Rewrite } from "./draft-answer.js";
import { type Clause, clauseAt, clauseChain } from "./draft-clauses.js";
import type { ConceptMention, DraftConcepts } from "./draft-concepts.js";
import type { DateMention } from "./draft-dates.js";
import type { EventAt } from "./draft-mentions.js";
import { tokensOf } from "./draft-tokens.js";
import type { Attribute, Concept, Holds, Value } from "./schema.js";

/** A claim as drafted, before it gets its id. */
export interface DraftFact {
  attribute: Attribute;
  about: string[];
  value: Value;
  holds?: Holds;
  speaker?: string;
  quote?: boolean;
  /** The words of the source the fact rests on (the sentence, or a quotation inside it). */
  snippet: string;
  /** The sentence words the answer is made from, when it is not given. */
  basis: string;
  /** The answer, when the finder wrote it. */
  answer?: string;
  title?: string;
  /** A status "extended by a year" with no new end said: the length, for the new end from the standing one. */
  extendsBy?: string;
}

/** A part of a sentence read as one: the sentence, or one thing a speaker said. */
export interface Unit {
  from: number;
  to: number;
  /** Who said it, when the unit is reported speech. */
  speaker?: Concept;
  /** The speech verb as written ("said", "called"), for answers. */
  verb?: string;
  stance?: boolean;
  /** For a list item: who says it, in words ("According to the White House fact sheet,"). */
  according?: string;
  /** For a list item under "… will:": what it says is to come. */
  future?: boolean;
  /** The speaker is a place named as a source ("The White House has said"): not written as a speaker. */
  asSource?: boolean;
}

/** One sentence, read. */
export interface Reading {
  sentence: string;
  /** "According to the document, China will:" for a list item. */
  leadIn?: string;
  clauses: Clause[];
  mentions: ConceptMention[];
  /** Its dates (not those inside quotation marks, nor the day something was said). */
  dates: DateMention[];
  /** All its dates, for answers. */
  allDates: DateMention[];
  /** When it was said, when the sentence says so ("said on Thursday"). */
  holdsSaid?: Holds;
  published: string;
  /** The event the article was last talking about. */
  currentEvent?: Concept;
  /** The talks or meeting the article is about. */
  talks?: Concept;
  concepts: DraftConcepts;
  /** Words named from context, for answers: "the ministry" → "China's Commerce Ministry". */
  rewrites: Rewrite[];
  /** The talks or meeting the people named in a clause point to ("when they meet on Thursday"). */
  meetingOf(ids: ReadonlySet<string>): Concept | undefined;
  /** Whether a known event can be the one a clause on that day, at those places, speaks of. */
  fitsEvent(event: Concept, at: EventAt): boolean;
  /** A meeting named by its place, proposed in the series of the meeting of the people in `ids`. */
  proposeMeeting(place: Concept, ids: ReadonlySet<string>, said?: readonly string[]): Concept;
}

export const EVENTISH = new Set(["event", "measure"]);

/** The measures and events named in characters `from`..`to`. */
export function thingsIn(r: Reading, from: number, to: number): ConceptMention[] {
  return r.mentions.filter((m) => m.start >= from && m.end <= to && EVENTISH.has(m.concept.type));
}

/** The span of the clause holding `at` and those it hangs on, within the unit. */
export function chainSpan(r: Reading, u: Unit, at: number): [number, number] {
  const chain = clauseChain(r.clauses, at);
  const from = Math.max(u.from, chain[0]?.start ?? u.from);
  const to = Math.min(u.to, chain.at(-1)?.end ?? u.to);
  return [from, to];
}

/**
 * The clauses inside a fact's chain that it does not hang on, to leave out of its answer: "Sales
 * data, held up by the shutdown, showed …" → the answer says "Sales data showed …".
 */
export function chainGaps(r: Reading, u: Unit, at: number): Rewrite[] {
  const chain = clauseChain(r.clauses, at).filter((c) => c.end > u.from && c.start < u.to);
  const out: Rewrite[] = [];
  for (let i = 1; i < chain.length; i++) {
    const a = chain[i - 1] as Clause;
    const b = chain[i] as Clause;
    const skipped = r.clauses.filter((c) => c.start >= a.end && c.end <= b.start);
    if (skipped.length && !skipped.some((c) => at >= c.start && at < c.end))
      out.push({ start: a.end, end: b.start, text: " " });
  }
  return out;
}

/** The words an answer for a fact at `at` is made of: its clause and those it hangs on, up to the next coordinated verb. */
export function answerSpan(r: Reading, u: Unit, at: number): [number, number] {
  const [from, chainTo] = chainSpan(r, u, at);
  // "15% on chicken, wheat, corn and cotton": the list the clause goes on with, up to the next figure.
  let to = chainTo;
  // "The special port fees, also charged since Oct. 14, started at 400 yuan": a clause inside a subject needs its verb.
  const nextClause = r.clauses.find((c) => c.start >= to && c.start <= to + 3);
  if (nextClause?.continues && clauseAt(r.clauses, at)?.dependent) to = Math.min(u.to, nextClause.end);
  for (const c of r.clauses) {
    if (c.start < to || c.start > to + 3) continue;
    if (
      !c.dependent ||
      /\d/.test(c.text) ||
      tokensOf(c.text).some((t) => t.pos === "VERB" || t.pos === "AUX")
    )
      break;
    to = Math.min(u.to, c.end);
  }
  const tokens = tokensOf(r.sentence).filter((t) => t.start > at && t.end <= to);
  for (let i = 0; i < tokens.length - 1; i++)
    if (tokens[i]?.lower === "and" && ["VERB", "AUX"].includes(tokens[i + 1]?.pos ?? ""))
      return [from, tokens[i]?.start as number];
  return [from, to];
}

/**
 * What a fact at `at` is about:a measure or event in its clause (after it for a verb that acts on
 * something, before it otherwise), then in the unit before it, then after it.
 */
export function subjectAt(r: Reading, u: Unit, at: number, prefer: "before" | "after"): Concept | undefined {
  const chain = clauseChain(r.clauses, at).map(
    (c) => [Math.max(u.from, c.start), Math.min(u.to, c.end)] as const,
  );
  const here = chain.at(-1) ?? ([u.from, u.to] as const);
  const inHere = thingsIn(r, here[0], here[1]);
  const before =
    inHere.filter((m) => m.end <= at).at(-1)?.concept ??
    [...chain.slice(0, -1)]
      .reverse()
      .map(([a, b]) => thingsIn(r, a, b).at(-1)?.concept)
      .find(Boolean);
  const after = inHere.find((m) => m.start >= at)?.concept;
  const first = prefer === "after" ? (after ?? before) : (before ?? after);
  return first ?? thingsIn(r, u.from, at).at(-1)?.concept ?? thingsIn(r, at, u.to)[0]?.concept;
}

/** The concepts a fact is about: its subject first, then what its clause names (and the speaker). */
export function aboutOf(
  r: Reading,
  u: Unit,
  at: number,
  subject: Concept,
  extra: (string | undefined)[] = [],
): string[] {
  const [from, to] = chainSpan(r, u, at);
  const gaps = chainGaps(r, u, at);
  const named = r.mentions
    .filter((m) => m.start >= from && m.end <= to && !gaps.some((g) => m.start >= g.start && m.end <= g.end))
    .map((m) => m.concept.id);
  return [...new Set([subject.id, ...extra, ...named].filter((x): x is string => Boolean(x)))].slice(0, 5);
}

/** Whether the words before `at` in its clause speak of what will be. */
export function futureAt(r: Reading, u: Unit, at: number): boolean {
  if (u.future) return true;
  // The words of its own clause: "…, which Trump had set to begin Nov. 1, …, describing it as off the table" is not to come.
  const from = Math.max(u.from, clauseAt(r.clauses, at)?.start ?? u.from);
  return /\b(?:will|would|shall|is to|are to|set to|going to|plans? to|expected to|due to|to be)\b/i.test(
    r.sentence.slice(from, at),
  );
}

/**
 * Whether a fact at `at` is the speaker's: not when it sits in a relative clause with its own
 * actor ("…, which Trump had set to begin Nov. 1").
 */
export function speakerAt(r: Reading, u: Unit, at: number): Concept | undefined {
  if (!u.speaker || u.asSource) return undefined;
  const clause = clauseAt(r.clauses, at);
  if (clause && /^(?:which|who)\b/i.test(clause.text)) {
    const actor = r.mentions.some(
      (m) =>
        m.start >= clause.start &&
        m.end <= at &&
        ["person", "organisation", "country"].includes(m.concept.type),
    );
    if (actor) return undefined;
  }
  return u.speaker;
}

/** The base of a fact: its snippet (the sentence), the speaker, and when it was said. */
export function baseOf(
  r: Reading,
  speaker: Concept | undefined,
): Pick<DraftFact, "snippet" | "basis" | "speaker" | "holds"> {
  return {
    snippet: r.sentence,
    basis: r.sentence,
    ...(speaker ? { speaker: speaker.id } : {}),
    ...(r.holdsSaid ? { holds: { ...r.holdsSaid } } : {}),
  };
}
