/** Assistant threads in PostgreSQL: the same rules as `assistant.ts`. */
import type { AssistantContext, AssistantThreadStore } from "./assistant.js";
import type { Db } from "./pg-db.js";

interface Row {
  channel_id: string;
  thread_ts: string;
  user_id: string;
  context: AssistantContext;
  updated_at: Date;
}

/** The assistant-threads half of the PostgreSQL store. */
export function createPgAssistantThreadStore(db: Db): AssistantThreadStore {
  return {
    async saveAssistantThread(r) {
      await db.query(
        `INSERT INTO assistant_threads (channel_id, thread_ts, user_id, context, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (channel_id, thread_ts) DO UPDATE SET user_id = EXCLUDED.user_id,
           context = EXCLUDED.context, updated_at = EXCLUDED.updated_at`,
        [r.channelId, r.threadTs, r.userId, JSON.stringify(r.context), r.at],
      );
    },
    async assistantThread(key) {
      const { rows } = await db.query<Row>(
        "SELECT * FROM assistant_threads WHERE channel_id = $1 AND thread_ts = $2",
        [key.channelId, key.threadTs],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        channelId: row.channel_id,
        threadTs: row.thread_ts,
        userId: row.user_id,
        context: row.context,
        at: row.updated_at,
      };
    },
  };
}
