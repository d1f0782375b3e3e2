/**
 * The PostgreSQL store (pg, a connection pool), chosen by DATABASE_URL=postgres://…: the same
 * interface and the same rules as the SQLite store, for several instances sharing one database.
 * Opening it waits for the server (saying so in the log, password hidden) while the server cannot
 * be reached, then applies missing migrations. Once open, a query that finds the server gone is
 * retried for a few seconds (pg-db.ts) and then fails as a StoreError `unavailable`.
 */
import type { Logger } from "../log.js";
import { createPgAssistantThreadStore } from "./pg-assistant.js";
import { createDb, type Db, type RetryPolicy, toPostgresError } from "./pg-db.js";
import { createPgFeedStore } from "./pg-feeds.js";
import { createPgInstallationStore } from "./pg-installations.js";
import { createPgLedger } from "./pg-ledger.js";
import { migratePostgres, PG_MIGRATIONS } from "./pg-migrations.js";
import { createPgNoticeStore } from "./pg-notices.js";
import { createPgSubscriptions } from "./pg-subscriptions.js";
import { createPgThreadStore } from "./pg-threads.js";
import { createPgWatchStore } from "./pg-watches.js";
import type { FeedbackRecord, Store, UnansweredRecord } from "./types.js";

/** Slack re-delivers an event within minutes; ids older than this are forgotten. */
const EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** How opening behaves. */
export interface PostgresOptions {
  logger?: Logger;
  /**
   * How long opening keeps trying while the server cannot be reached (default: forever, for the
   * app; the CLI gives a few seconds). A refused login or a missing database fails at once.
   */
  waitForMs?: number;
  /** The retry of each query while the server cannot be reached (pg-db.ts QUERY_RETRY). */
  retry?: RetryPolicy;
  poolSize?: number;
  /** The migrations to apply (tests give fewer, to make an older database). */
  migrations?: readonly string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the store at `url`, waiting for the server as `options.waitForMs` allows. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const db = createDb(url, {
    ...(options.logger ? { logger: options.logger } : {}),
    // Opening has its own, longer wait; inside it, each try is one attempt.
    retry: { attempts: 1, delayMs: 0, maxDelayMs: 0 },
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
  });
  const deadline = Date.now() + (options.waitForMs ?? Number.POSITIVE_INFINITY);
  let wait = 1000;
  for (;;) {
    try {
      await migratePostgres(db, options.migrations ?? PG_MIGRATIONS);
      break;
    } catch (err) {
      const error = toPostgresError(err, db.where);
      if (error.code !== "unavailable" || Date.now() + wait > deadline) {
        await db.close();
        throw error;
      }
      options.logger?.warn(`${error.message} Trying again in ${Math.round(wait / 1000)} s.`);
      await sleep(wait);
      wait = Math.min(wait * 2, 30_000);
    }
  }
  await db.close();
  options.logger?.info(`store: PostgreSQL at ${db.where}`);
  return createPostgresStore(
    createDb(url, {
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    }),
  );
}

interface FeedbackRow {
  user_id: string;
  channel_id: string | null;
  question: string;
  entry_ids: string[];
  helpful: boolean;
  kb_version: string;
  at: Date;
}

interface UnansweredRow {
  user_id: string;
  question: string;
  kb_version: string;
  at: Date;
}

function createPostgresStore(db: Db): Store {
  let claimsSincePrune = 0;
  let closed = false;
  return {
    path: db.where,
    async claimEvent(eventId, at) {
      if (++claimsSincePrune >= 500) {
        claimsSincePrune = 0;
        await db.query("DELETE FROM processed_events WHERE seen_at < $1", [
          new Date(at.getTime() - EVENT_RETENTION_MS),
        ]);
      }
      // Atomic across instances: a second INSERT of the same id waits for the first to commit and
      // then inserts nothing, so exactly one instance sees rowCount 1 and answers.
      const result = await db.query(
        "INSERT INTO processed_events (event_id, seen_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        [eventId, at],
      );
      return result.rowCount === 1;
    },
    async recordFeedback(r) {
      await db.query(
        `INSERT INTO feedback (user_id, channel_id, question, entry_ids, helpful, kb_version, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [r.userId, r.channelId ?? null, r.question, JSON.stringify(r.entryIds), r.helpful, r.kbVersion, r.at],
      );
    },
    async recordUnanswered(r) {
      await db.query("INSERT INTO unanswered (user_id, question, kb_version, at) VALUES ($1, $2, $3, $4)", [
        r.userId,
        r.question,
        r.kbVersion,
        r.at,
      ]);
    },
    async listFeedback(options = {}) {
      const { rows } = await db.query<FeedbackRow>(
        `SELECT * FROM feedback WHERE ($1::timestamptz IS NULL OR at >= $1)
         ORDER BY at DESC, id DESC LIMIT $2`,
        [options.since ?? null, options.limit ?? null],
      );
      return rows.map(
        (row): FeedbackRecord => ({
          userId: row.user_id,
          ...(row.channel_id ? { channelId: row.channel_id } : {}),
          question: row.question,
          entryIds: row.entry_ids,
          helpful: row.helpful,
          kbVersion: row.kb_version,
          at: row.at,
        }),
      );
    },
    async listUnanswered(options = {}) {
      const { rows } = await db.query<UnansweredRow>(
        `SELECT * FROM unanswered WHERE ($1::timestamptz IS NULL OR at >= $1)
         ORDER BY at DESC, id DESC LIMIT $2`,
        [options.since ?? null, options.limit ?? null],
      );
      return rows.map(
        (row): UnansweredRecord => ({
          userId: row.user_id,
          question: row.question,
          kbVersion: row.kb_version,
          at: row.at,
        }),
      );
    },
    ...createPgSubscriptions(db),
    ...createPgLedger(db),
    ...createPgFeedStore(db),
    ...createPgNoticeStore(db),
    ...createPgWatchStore(db),
    ...createPgThreadStore(db),
    ...createPgAssistantThreadStore(db),
    ...createPgInstallationStore(db),
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
