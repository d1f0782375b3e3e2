/**
 * The knowledge-base file format, as zod schemas. The TypeScript types are derived from these,
 * so the format a curator writes and the types the code uses cannot drift apart.
 */
import { z } from "zod";

/** Ids are short, lower-case, kebab-case: `truce-expiry`, `bessent-he-call`. */
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

/** The kinds of entry; question words are matched against them ("when" → event/deadline …). */
export const EntryKind = z.enum(["fact", "quote", "event", "deadline", "figure", "profile"]);

/** A figure stated in the source: 100%, 145%, $1.78 trillion. */
export const Figure = z
  .object({
    value: z.number(),
    unit: z.string().min(1),
    label: z.string().min(1),
  })
  .strict();

/** Who said a quote, in what role, and when. */
export const Speaker = z
  .object({
    name: z.string().min(1),
    role: z.string().min(1),
    said_on: IsoDate.optional(),
  })
  .strict();

/** One curated entry: a fact, quote, event, deadline, figure or profile, resting on a verbatim snippet. */
export const Entry = z
  .object({
    id: Id,
    kind: EntryKind,
    /** A short name for timelines and briefings: "Truce expiry", "Bessent–He talks in Malaysia". */
    title: z.string().min(3).max(80).optional(),
    /** `draft` entries (from `tradebot kb add-source`) are never served until a curator marks them reviewed. */
    status: z.enum(["reviewed", "draft"]).default("reviewed"),
    /** The short plain answer, in our words, as a complete sentence. */
    answer: z.string().min(1).max(400),
    /** The words of the source this entry rests on, copied exactly. */
    snippet: z.string().min(12),
    source: Id,
    topics: z.array(z.string().min(1)).min(1),
    /** Ways people ask the question this entry answers. */
    questions: z.array(z.string().min(3)).min(2),
    when: DatedAs.optional(),
    speaker: Speaker.optional(),
    figures: z.array(Figure).optional(),
    /** The id of an older entry this one replaces (the truce extended, a meeting moved). */
    supersedes: Id.optional(),
    /** Shown in status as a key point when true. */
    headline: z.boolean().default(false),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.kind === "quote" && !e.speaker) {
      ctx.addIssue({ code: "custom", path: ["speaker"], message: "a quote needs a speaker (name, role)" });
    }
    if ((e.kind === "event" || e.kind === "deadline") && !e.when) {
      ctx.addIssue({
        code: "custom",
        path: ["when"],
        message: `an ${e.kind} needs a date (when: date, precision)`,
      });
    }
    if (e.kind === "figure" && !e.figures?.length) {
      ctx.addIssue({
        code: "custom",
        path: ["figures"],
        message: "a figure entry needs at least one figure",
      });
    }
  });

/** An entries file: a list of entries under `entries:`. */
export const EntriesFile = z.object({ entries: z.array(Entry) }).strict();

export type Source = z.infer<typeof Source>;
export type Entry = z.infer<typeof Entry>;
export type EntryKind = z.infer<typeof EntryKind>;
export type DatedAs = z.infer<typeof DatedAs>;
export type Precision = z.infer<typeof Precision>;
export type Figure = z.infer<typeof Figure>;
export type Speaker = z.infer<typeof Speaker>;

/** A source with its text loaded. */
export interface LoadedSource extends Source {
  text: string;
  /** Path of the metadata file, relative to the knowledge folder. */
  file: string;
}

/** An entry with where it was read from, for error messages and curators. */
export interface LoadedEntry extends Entry {
  file: string;
  line: number;
}

/** The whole knowledge base, loaded and checked. Immutable once built: swap it whole. */
export interface KnowledgeBase {
  sources: ReadonlyMap<string, LoadedSource>;
  /** Reviewed entries only, in file order. Drafts are kept apart in `drafts`. */
  entries: readonly LoadedEntry[];
  drafts: readonly LoadedEntry[];
  /** A short content hash, recorded with feedback so curators know which knowledge an answer came from. */
  version: string;
  /** ISO date of the newest source. */
  newestSource: string;
}
