import type { ThreadAnswer, ThreadTurn } from "./followup.js";

/** What the answer engine returns; every surface (CLI, Slack, briefing) renders these. */

/** A verbatim snippet and where it comes from. */
export interface Citation {
  snippet: string;
  /** Source id. */
  source: string;
  title: string;
  publisher: string;
  /** ISO date YYYY-MM-DD. */
  published: string;
  url?: string;
}

/** Something related the bot can answer, offered when it is not sure. */
export interface Suggestion {
  entryId: string;
  /** A question phrased for a button: "When does the truce expire?" */
  question: string;
}

/** The answer to one question: a sourced answer, or an honest "I don't know" with suggestions. */
export interface Answer {
  answered: boolean;
  /** A short plain answer (or the "I don't know" sentence). */
  text: string;
  /** 1 to 3 when answered; none otherwise. */
  citations: Citation[];
  /** 0..1. */
  confidence: number;
  /** Ids of the claims the answer rests on. */
  factIds: string[];
  /** Up to 3 related things it can answer, when not sure. */
  suggestions: Suggestion[];
  /** How current the newest cited source is, in words: "published Oct. 17, 2025, over a year ago". */
  freshness?: string;
}

/** A dated event or deadline placed against `now`. */
export interface TimelineItem {
  entryId: string;
  /** Short name: "Truce expiry", "Bessent–He talks in Malaysia". */
  title: string;
  /** The answer sentence of the claim. */
  text: string;
  /** ISO date (start of the period for week/month precision). */
  date: string;
  /** ISO date of the period's last day (the same as `date` for a day); timelines sort by it. */
  until: string;
  precision: "day" | "week" | "month" | "year";
  /** The date in words at its precision: "Nov. 1, 2025", "week of Oct. 20, 2025", "November 2025". */
  dateLabel: string;
  /** Against now: "in 12 days", "today", "3 days ago", "over a year ago". */
  countdown: string;
  /** Whether the whole period lies before now. */
  past: boolean;
  citation: Citation;
}

/** One line of the status: a statement that stands (not tied to a date now passed), or a key number. */
export interface StatusPoint {
  entryId: string;
  text: string;
  citation: Citation;
}

/** The latest status: what stands now, key numbers, dated events, and how current it all is. */
export interface StatusReport {
  /** One-sentence summary. */
  headline: string;
  inForce: StatusPoint[];
  keyNumbers: StatusPoint[];
  upcoming: TimelineItem[];
  recent: TimelineItem[];
  /** ISO date of the newest source, and that in words against now. */
  newestSource: string;
  freshness: string;
  kbVersion: string;
}

/** A source as listed by `/tradetalks sources`. */
export interface SourceSummary {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url?: string;
  entryCount: number;
}

/**
 * The core the surfaces use. It always answers from one whole knowledge base: a hot reload swaps
 * the snapshot behind it, so no request sees half of one.
 */
export interface Core {
  answer(question: string, now: Date): Answer;
  /** The answer of one claim (by id, as `entryId`), for "did you mean" buttons; undefined when the id is unknown. */
  answerEntry(entryId: string, now: Date): Answer | undefined;
  /**
   * A message in a thread (or DM) read with the thread's earlier turns (oldest first, still fresh):
   * a follow-up is resolved against them; undefined when it is not for the bot (always for the bot
   * when `direct`, in a DM).
   */
  answerInThread(
    message: string,
    turns: readonly ThreadTurn[],
    now: Date,
    options?: { direct?: boolean },
  ): ThreadAnswer | undefined;
  status(now: Date): StatusReport;
  timeline(now: Date): TimelineItem[];
  sources(): SourceSummary[];
  kbVersion(): string;
}
