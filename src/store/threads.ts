/**
 * Conversations in threads: each question the bot answered in a thread (or a DM), with the claims
 * it was answered from, kept for a while as the context follow-ups are read in; and each channel's
 * choice of whether the bot answers thread replies without a mention (`/tradetalks threads`).
 * Declared async so a networked store can implement the same interface.
 */
import type Database from "better-sqlite3";
import type { ThreadTurn } from "../answer/followup.js";

/** Where a conversation is: a channel and a thread (a DM's top level is the thread ""). */
export interface ThreadKey {
  channelId: string;
  threadTs: string;
}

/** One answered question, as stored. */
export interface ThreadTurnRecord extends ThreadKey, ThreadTurn {}

/** The threads half of the store. */
export interface ThreadStore {
  /** Records an answered question in its thread. */
  recordThreadTurn(turn: ThreadTurnRecord): Promise<void>;
  /** The thread's turns at or after `since`, oldest first; older ones are ignored. */
  threadTurns(key: ThreadKey, since: Date): Promise<ThreadTurn[]>;
  /** Deletes turns before `before`; returns how many. */
  pruneThreadTurns(before: Date): Promise<number>;
  /** Whether the bot answers thread replies in this channel without a mention; on unless turned off. */
  threadRepliesEnabled(channelId: string): Promise<boolean>;
  setThreadReplies(channelId: string, enabled: boolean, by: string, at: Date): Promise<void>;
}

interface TurnRow {
  question: string;
  fact_ids: string;
  answered: number;
  at: string;
}

/** At most this many turns of a thread are read back: the newest ones matter. */
const MAX_TURNS = 20;

/** The threads half of the SQLite store. */
export function createThreadStore(db: Database.Database): ThreadStore {
  const insert = db.prepare(
    `INSERT INTO thread_turns (channel_id, thread_ts, question, fact_ids, answered, at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare(
    `SELECT question, fact_ids, answered, at FROM (
       SELECT id, question, fact_ids, answered, at FROM thread_turns
       WHERE channel_id = ? AND thread_ts = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?
     ) ORDER BY at ASC, id ASC`,
  );
  const prune = db.prepare("DELETE FROM thread_turns WHERE at < ?");
  const getSetting = db.prepare("SELECT enabled FROM thread_settings WHERE channel_id = ?");
  const setSetting = db.prepare(
    `INSERT INTO thread_settings (channel_id, enabled, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (channel_id) DO UPDATE SET enabled = excluded.enabled, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
  );
  return {
    async recordThreadTurn(t) {
      insert.run(
        t.channelId,
        t.threadTs,
        t.question,
        JSON.stringify(t.factIds),
        t.answered ? 1 : 0,
        t.at.toISOString(),
      );
    },
    async threadTurns(key, since) {
      const rows = select.all(key.channelId, key.threadTs, since.toISOString(), MAX_TURNS) as TurnRow[];
      return rows.map((r) => ({
        question: r.question,
        factIds: JSON.parse(r.fact_ids) as string[],
        answered: r.answered === 1,
        at: new Date(r.at),
      }));
    },
    async pruneThreadTurns(before) {
      return prune.run(before.toISOString()).changes;
    },
    async threadRepliesEnabled(channelId) {
      const row = getSetting.get(channelId) as { enabled: number } | undefined;
      return row ? row.enabled === 1 : true;
    },
    async setThreadReplies(channelId, enabled, by, at) {
      setSetting.run(channelId, enabled ? 1 : 0, by, at.toISOString());
    },
  };
}
