/**
 * The embedded SQLite store (better-sqlite3). Opening it creates the parent folder, checks the
 * file really is a SQLite database, switches to WAL with a busy timeout (so several processes can
 * share the file) and applies missing migrations. A bad file is a StoreError naming the path —
 * never silently a fresh empty database.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { createAssistantThreadStore } from "./assistant.js";
import { StoreError, toStoreError } from "./errors.js";
import { createFeedStore } from "./feeds.js";
import { createInstallationStore } from "./installations.js";
import { createLedger } from "./ledger.js";
import { MIGRATIONS } from "./migrations.js";
import { createNoticeStore } from "./notices.js";
import { createSubscriptions } from "./subscriptions.js";
import { createThreadStore } from "./threads.js";
import type { FeedbackRecord, Store, UnansweredRecord } from "./types.js";
import { createWatchStore } from "./watches.js";

/** How long a connection waits for another's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;
/** Slack re-delivers an event within minutes; ids older than this are forgotten. */
const EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Opens (creating and migrating as needed) the store at `path`; `:memory:` for a private in-memory one. */
export function openStore(path: string): Store {
  let db: Database.Database;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw toStoreError(err, path);
  }
  try {
    prepare(db, path);
  } catch (err) {
    db.close();
    throw toStoreError(err, path);
  }
  return createStore(db, path);
}

function prepare(db: Database.Database, path: string): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Reading the header fails with SQLITE_NOTADB for a file that is not a database.
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > 0) {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") {
      throw new StoreError("corrupt", path, `The database file ${path} is damaged (${String(check)}).`);
    }
  }
  if (path !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  migrate(db, path);
}

function migrate(db: Database.Database, path: string): void {
  // IMMEDIATE takes the write lock first, so two processes starting together migrate once;
  // it also proves the file is writable even when there is nothing to migrate.
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreError(
        "newer_schema",
        path,
        `The database file ${path} has schema version ${version}, newer than this build knows ` +
          `(${MIGRATIONS.length}). Run a newer build, or point DATABASE_PATH at another file.`,
      );
    }
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v] as string);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

interface FeedbackRow {
  user_id: string;
  channel_id: string | null;
  question: string;
  entry_ids: string;
  helpful: number;
  kb_version: string;
  at: string;
}

interface UnansweredRow {
  user_id: string;
  question: string;
  kb_version: string;
  at: string;
}

function createStore(db: Database.Database, path: string): Store {
  const insertEvent = db.prepare(
    "INSERT INTO processed_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
  );
  const pruneEvents = db.prepare("DELETE FROM processed_events WHERE seen_at < ?");
  const insertFeedback = db.prepare(
    `INSERT INTO feedback (user_id, channel_id, question, entry_ids, helpful, kb_version, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertUnanswered = db.prepare(
    "INSERT INTO unanswered (user_id, question, kb_version, at) VALUES (?, ?, ?, ?)",
  );
  const selectFeedback = db.prepare("SELECT * FROM feedback WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?");
  const selectUnanswered = db.prepare(
    "SELECT * FROM unanswered WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?",
  );
  let claimsSincePrune = 0;

  return {
    path,
    async claimEvent(eventId, at) {
      if (++claimsSincePrune >= 500) {
        claimsSincePrune = 0;
        pruneEvents.run(new Date(at.getTime() - EVENT_RETENTION_MS).toISOString());
      }
      return insertEvent.run(eventId, at.toISOString()).changes === 1;
    },
    async recordFeedback(r) {
      insertFeedback.run(
        r.userId,
        r.channelId ?? null,
        r.question,
        JSON.stringify(r.entryIds),
        r.helpful ? 1 : 0,
        r.kbVersion,
        r.at.toISOString(),
      );
    },
    async recordUnanswered(r) {
      insertUnanswered.run(r.userId, r.question, r.kbVersion, r.at.toISOString());
    },
    async listFeedback(options = {}) {
      const rows = selectFeedback.all(since(options.since), options.limit ?? -1) as FeedbackRow[];
      return rows.map(
        (row): FeedbackRecord => ({
          userId: row.user_id,
          ...(row.channel_id ? { channelId: row.channel_id } : {}),
          question: row.question,
          entryIds: JSON.parse(row.entry_ids) as string[],
          helpful: row.helpful === 1,
          kbVersion: row.kb_version,
          at: new Date(row.at),
        }),
      );
    },
    async listUnanswered(options = {}) {
      const rows = selectUnanswered.all(since(options.since), options.limit ?? -1) as UnansweredRow[];
      return rows.map(
        (row): UnansweredRecord => ({
          userId: row.user_id,
          question: row.question,
          kbVersion: row.kb_version,
          at: new Date(row.at),
        }),
      );
    },
    ...createSubscriptions(db),
    ...createLedger(db),
    ...createFeedStore(db),
    ...createNoticeStore(db),
    ...createWatchStore(db),
    ...createThreadStore(db),
    ...createAssistantThreadStore(db),
    ...createInstallationStore(db),
    async close() {
      if (db.open) db.close();
    },
  };
}

function since(date: Date | undefined): string {
  return date ? date.toISOString() : "";
}
