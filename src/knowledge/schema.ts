/**
 * The knowledge-base file format, as zod schemas. The TypeScript types are derived from these,
 * so the format a curator writes and the types the code uses cannot drift apart.
 *
 * The model is small Wikidata: *concepts* (people, organisations, countries, places, measures,
 * events, topics) with their names, and *claims* about them. A claim fills one attribute of the
 * concepts it is about (when, where, who, amount…) with a typed value, says when it holds, and
 * rests on a verbatim snippet of a source. Which claim stands, and which ones disagree, follows
 * from that data (see answer/standing.ts), not from code written for one article.
 */
import { z } from "zod";

/** Ids are short, lower-case, kebab-case: `truce-expiry`, `scott-bessent`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and dashes, like truce-expiry");

/** A calendar date written YYYY-MM-DD. Checked for real dates (no Feb 30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD, like 2025-10-17")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a real calendar date");

/** How precisely a date is known: "next week" is a week, "in November" is a month. */
export const Precision = z.enum(["day", "week", "month", "year"]);

/**
 * A date with its precision. For `week` the date is the Monday of that week; for `month` the 1st;
 * for `year` January 1st. `label` is how the source put it ("probably a week from Oct. 18").
 * Used by claims' date values and by `holds`.
 */
export const DatedAs = z
  .object({
    date: IsoDate,
    precision: Precision,
    label: z.string().min(1).optional(),
    /** A clock time when the source gives one, free text: "8:30 or 9:00 p.m. New York time". */
    time: z.string().min(1).optional(),
  })
  .strict();

/** A repair made to a received source text, recorded so the curated text stays honest. */
export const Repair = z
  .object({
    what: z.string().min(1),
    original: z.string(),
    repaired: z.string(),
  })
  .strict();

/** A source: metadata here, the text itself in `text_file` beside this file. */
export const Source = z
  .object({
    id: Id,
    title: z.string().min(1),
    subtitle: z.string().min(1).optional(),
    publisher: z.string().min(1),
    published: IsoDate,
    /** Free text when the date is not certain: "Oct. 17 or 18, 2025". */
    published_note: z.string().min(1).optional(),
    credit: z.string().min(1).optional(),
    url: z.string().url().optional(),
    text_file: z.string().regex(/^[\w.-]+\.txt$/, "must be a .txt file name in the same folder"),
    repairs: z.array(Repair).default([]),
    notes: z.string().optional(),
  })
  .strict();

/** What a concept is. Places and countries answer "where"; people answer "who". */
export const ConceptType = z.enum([
  "person",
  "organisation",
  "country",
  "place",
  "measure",
  "event",
  "topic",
]);

/**
 * A concept: something claims are about. Its `name` and `aliases` are how people and sources
 * refer to it ("SecTreas", "KL", "PRC", "duties"); `roles` are descriptions that pick it out
 * ("Treasury chief"). `part_of` links it to what it belongs to or is a kind of: a city to its
 * country, a person to their government, one tariff to tariffs in general.
 */
export const Concept = z
  .object({
    id: Id,
    type: ConceptType,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    roles: z.array(z.string().min(1)).default([]),
    part_of: z.array(Id).default([]),
    /** For curators only: what this concept is, when the name alone could mislead. */
    note: z.string().optional(),
  })
  .strict();

/**
 * The attribute a claim fills: what question it answers about its concepts.
 * - when: the date something happens or happened; start / end: from when / until when it applies
 * - where: the place; who: the people or parties involved; role: a person's title or position
 * - amount: a figure (a rate, a sum, a count); duration: how long
 * - said: what someone said (a direct quote, or reported speech); stance: how someone sees it
 * - reason: why, or what for; outcome: how it turned out; status: whether it stands, goes ahead…
 * - terms: what an agreement or measure consists of; impact: what it does or could do
 * - description: what it is, in general
 */
export const Attribute = z.enum([
  "when",
  "start",
  "end",
  "where",
  "who",
  "role",
  "amount",
  "duration",
  "said",
  "stance",
  "reason",
  "outcome",
  "status",
  "terms",
  "impact",
  "description",
]);

/** Whether something stands, as a claim of attribute `status` can say. */
export const State = z.enum([
  "planned",
  "threatened",
  "agreed",
  "in_effect",
  "happened",
  "going_ahead",
  "suspended",
  "extended",
  "cancelled",
  "ended",
]);

/** A date value (the date is at its precision; `until` closes a period: "Oct. 25–26"). */
const DateValue = DatedAs.extend({ until: IsoDate.optional() }).strict();
/** Places, by concept id. */
const PlaceValue = z.object({ places: z.array(Id).min(1), label: z.string().min(1).optional() }).strict();
/** People or parties, by concept id. */
const PeopleValue = z.object({ people: z.array(Id).min(1), label: z.string().min(1).optional() }).strict();
/** A figure with its unit: 100 percent, 1.78e12 USD, 4 rounds. */
const FigureValue = z
  .object({ figure: z.number(), unit: z.string().min(1), label: z.string().min(1).optional() })
  .strict();
/** Words: what was said, a reason, the terms. */
const TextValue = z.object({ text: z.string().min(1) }).strict();
/** Whether it stands. */
const StateValue = z.object({ state: State, label: z.string().min(1).optional() }).strict();

/** A claim's typed value: one of a date, places, people, a figure, words or a state. */
export const Value = z.union([DateValue, PlaceValue, PeopleValue, FigureValue, TextValue, StateValue], {
  error:
    "must be one of: a date (date, precision), places, people, a figure (figure, unit), text, or a state",
});

/** When a claim holds. `as_of` defaults to its source's publication date. */
export const Holds = z
  .object({
    as_of: IsoDate.optional(),
    from: IsoDate.optional(),
    until: IsoDate.optional(),
  })
  .strict();

/** One curated claim: it fills one attribute of the concepts it is about, resting on a verbatim snippet. */
export const Claim = z
  .object({
    id: Id,
    /** The concepts the claim is about; the first is its subject. */
    about: z.array(Id).min(1),
    attribute: Attribute,
    value: Value,
    holds: Holds.optional(),
    /** The short plain answer, in our words, as a complete sentence. */
    answer: z.string().min(1).max(400),
    /** The words of the source this claim rests on, copied exactly. */
    snippet: z.string().min(12),
    source: Id,
    /** Who said it, for `said` and `stance` claims and for facts reported from someone's words. */
    speaker: Id.optional(),
    /** Whether the snippet is the speaker's own words (the source puts them in quotation marks). */
    quote: z.boolean().default(false),
    /** A short name for timelines and briefings: "Truce expiry". */
    title: z.string().min(3).max(80).optional(),
    /** Shown in status as a key point when true. */
    headline: z.boolean().default(false),
    /** Optional extra ways of asking, for idioms the concepts and attribute don't carry. */
    phrasings: z.array(z.string().min(3)).default([]),
    /** Older claims this one replaces, where the newest-wins rule does not see it. */
    supersedes: z.array(Id).default([]),
    /** Claims this one disagrees with: both are shown. */
    disputes: z.array(Id).default([]),
    /** Who checked this claim against its source, and when; and when it should be checked again. */
    verified_by: z.string().min(1).optional(),
    verified_on: IsoDate.optional(),
    review_by: IsoDate.optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const v = c.value;
    const needs = (ok: boolean, what: string) => {
      if (!ok)
        ctx.addIssue({ code: "custom", path: ["value"], message: `a ${c.attribute} claim needs ${what}` });
    };
    if (c.attribute === "when" || c.attribute === "start" || c.attribute === "end")
      needs("date" in v, "a date value (date, precision)");
    if (c.attribute === "where") needs("places" in v, "a places value (concept ids)");
    if (c.attribute === "who") needs("people" in v || "text" in v, "a people value (concept ids) or text");
    if (c.attribute === "role") needs("text" in v, "a text value (the title, as the source gives it)");
    if (c.attribute === "amount") needs("figure" in v, "a figure value (figure, unit)");
    if (c.attribute === "status") needs("state" in v, "a state value");
    if ((c.attribute === "said" || c.attribute === "stance") && !c.speaker) {
      ctx.addIssue({
        code: "custom",
        path: ["speaker"],
        message: `a ${c.attribute} claim needs a speaker (a concept id)`,
      });
    }
    if (c.quote && !c.speaker) {
      ctx.addIssue({ code: "custom", path: ["speaker"], message: "a quote needs a speaker (a concept id)" });
    }
  });

/** A concepts file: a list under `concepts:`. */
export const ConceptsFile = z.object({ concepts: z.array(Concept) }).strict();
/** A claims file: a list under `claims:`. */
export const ClaimsFile = z.object({ claims: z.array(Claim) }).strict();
/**
 * A drafts file (`drafts/<source-id>.yml`, from `tradebot kb add-source` or a feed): proposed
 * concepts and claims from one source. Never served; accepting a draft moves it into claims/.
 */
export const DraftsFile = z
  .object({ concepts: z.array(z.unknown()).default([]), claims: z.array(z.unknown()).default([]) })
  .strict();

export type Source = z.infer<typeof Source>;
export type Concept = z.infer<typeof Concept>;
export type ConceptType = z.infer<typeof ConceptType>;
export type Claim = z.infer<typeof Claim>;
export type Attribute = z.infer<typeof Attribute>;
export type State = z.infer<typeof State>;
export type Value = z.infer<typeof Value>;
export type Holds = z.infer<typeof Holds>;
export type DatedAs = z.infer<typeof DatedAs>;
export type Precision = z.infer<typeof Precision>;

/** A source with its text loaded. */
export interface LoadedSource extends Source {
  text: string;
  /** Path of the metadata file, relative to the knowledge folder. */
  file: string;
}

/** Where a concept or claim was read from, for error messages and curators. */
export interface Located {
  file: string;
  line: number;
}

/** A concept with where it was read from. */
export interface LoadedConcept extends Concept, Located {}

/** A claim with where it was read from, and the date it is "as of" (its own, else its source's). */
export interface LoadedClaim extends Claim, Located {
  asOf: string;
}

/** Drafts waiting for review: never served. Those with problems are left out and reported. */
export interface Drafts {
  concepts: readonly LoadedConcept[];
  claims: readonly LoadedClaim[];
}

/** The whole knowledge base, loaded and checked. Immutable once built: swap it whole. */
export interface KnowledgeBase {
  sources: ReadonlyMap<string, LoadedSource>;
  concepts: ReadonlyMap<string, LoadedConcept>;
  /** Reviewed claims, in file order. */
  claims: readonly LoadedClaim[];
  /** Valid drafts (drafts/), kept apart: never served. */
  drafts: Drafts;
  /** A short content hash, recorded with feedback so curators know which knowledge an answer came from. */
  version: string;
  /** ISO date of the newest source. */
  newestSource: string;
}
