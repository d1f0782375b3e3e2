/**
 * Assistant threads (Slack's assistant panel): each thread the panel opened, who opened it and the
 * context Slack last sent for it (the channel the user was viewing), kept so answers in the thread
 * know it is an assistant thread and what the user is looking at. Declared async so a networked
 * store can implement the same interface.
 */
import type Database from "better-sqlite3";
import type { ThreadKey } from "./threads.js";

/** What Slack sends as an assistant thread's context: the channel being viewed, team, enterprise. */
export interface AssistantContext {
  channelId?: string;
  teamId?: string;
  enterpriseId?: string;
}

/** One assistant thread, as stored. */
export interface AssistantThreadRecord extends ThreadKey {
  userId: string;
  context: AssistantContext;
  at: Date;
}

/** The assistant-threads half of the store. */
export interface AssistantThreadStore {
  /** Records a thread the panel opened, or its new context (the same thread keeps one row). */
  saveAssistantThread(record: AssistantThreadRecord): Promise<void>;
  /** The thread as last saved; undefined when the panel never opened it. */
  assistantThread(key: ThreadKey): Promise<AssistantThreadRecord | undefined>;
}

interface Row {
  channel_id: string;
  thread_ts: string;
  user_id: string;
  context: string;
  updated_at: string;
}

/** The assistant-threads half of the SQLite store. */
export function createAssistantThreadStore(db: Database.Database): AssistantThreadStore {
  const upsert = db.prepare(
    `INSERT INTO assistant_threads (channel_id, thread_ts, user_id, context, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (channel_id, thread_ts) DO UPDATE SET user_id = excluded.user_id,
       context = excluded.context, updated_at = excluded.updated_at`,
  );
  const select = db.prepare("SELECT * FROM assistant_threads WHERE channel_id = ? AND thread_ts = ?");
  return {
    async saveAssistantThread(r) {
      upsert.run(r.channelId, r.threadTs, r.userId, JSON.stringify(r.context), r.at.toISOString());
    },
    async assistantThread(key) {
      const row = select.get(key.channelId, key.threadTs) as Row | undefined;
      if (!row) return undefined;
      return {
        channelId: row.channel_id,
        threadTs: row.thread_ts,
        userId: row.user_id,
        context: JSON.parse(row.context) as AssistantContext,
        at: new Date(row.updated_at),
      };
    },
  };
}
