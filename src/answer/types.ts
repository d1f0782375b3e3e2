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
  /** Entry ids the answer rests on. */
  factIds: string[];
  /** Up to 3 related things it can answer, when not sure. */
  suggestions: Suggestion[];
  /** How current the newest cited source is, in words: "published Oct. 17, 2025, over a year ago". */
  freshness?: string;
}
