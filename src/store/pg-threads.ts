/** Conversations in threads in PostgreSQL: the same rules as `threads.ts`. */
import type { ThreadTurn } from "../answer/followup.js";
import type { Db } from "./pg-db.js";
import type { ThreadStore } from "./threads.js";

interface TurnRow {
  question: string;
  fact_ids: string[];
  answered: boolean;
  at: Date;
}

/** At most this many turns of a thread are read back: the newest ones matter. */
const MAX_TURNS = 20;

/** The threads half of the PostgreSQL store. */
export function createPgThreadStore(db: Db): ThreadStore {
  return {
    async recordThreadTurn(t) {
      await db.query(
        `INSERT INTO thread_turns (channel_id, thread_ts, question, fact_ids, answered, at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [t.channelId, t.threadTs, t.question, JSON.stringify(t.factIds), t.answered, t.at],
      );
    },
    async threadTurns(key, since) {
      const { rows } = await db.query<TurnRow>(
        `SELECT question, fact_ids, answered, at FROM (
           SELECT id, question, fact_ids, answered, at FROM thread_turns
           WHERE channel_id = $1 AND thread_ts = $2 AND at >= $3 ORDER BY at DESC, id DESC LIMIT $4
         ) newest ORDER BY at ASC, id ASC`,
        [key.channelId, key.threadTs, since, MAX_TURNS],
      );
      return rows.map(
        (r): ThreadTurn => ({ question: r.question, factIds: r.fact_ids, answered: r.answered, at: r.at }),
      );
    },
    async pruneThreadTurns(before) {
      return (await db.query("DELETE FROM thread_turns WHERE at < $1", [before])).rowCount ?? 0;
    },
    async threadRepliesEnabled(channelId) {
      const { rows } = await db.query<{ enabled: boolean }>(
        "SELECT enabled FROM thread_settings WHERE channel_id = $1",
        [channelId],
      );
      return rows[0] ? rows[0].enabled : true;
    },
    async setThreadReplies(channelId, enabled, by, at) {
      await db.query(
        `INSERT INTO thread_settings (channel_id, enabled, updated_by, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by,
           updated_at = EXCLUDED.updated_at`,
        [channelId, enabled, by, at],
      );
    },
  };
}
