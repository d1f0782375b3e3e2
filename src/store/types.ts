/**
 * Persistence behind a small interface. The default implementation is embedded SQLite
 * (`sqlite.ts`); tests use the same implementation on a temporary file or `:memory:`.
 * Surfaces (Slack, CLI, scheduler) depend on this interface, never on SQLite.
 */

/** A thumbs-up / thumbs-down on an answer. */
export interface FeedbackRecord {
  userId: string;
  channelId?: string;
  question: string;
  entryIds: string[];
  helpful: boolean;
  kbVersion: string;
  at: Date;
}

/** A question the bot could not answer. */
export interface UnansweredRecord {
  userId: string;
  question: string;
  kbVersion: string;
  at: Date;
}

/** The store operations the Slack surface needs; the briefing adds subscriptions and a ledger. */
export interface EventStore {
  /** Records an event id; true the first time it is seen, false for a re-delivery. Survives restarts. */
  claimEvent(eventId: string, at: Date): boolean;
  recordFeedback(record: FeedbackRecord): void;
  recordUnanswered(record: UnansweredRecord): void;
}
