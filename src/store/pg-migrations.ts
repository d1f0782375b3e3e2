/**
 * The PostgreSQL schema, as ordered migrations (the same tables as SQLite's `migrations.ts`, in
 * PostgreSQL's types: timestamptz, boolean, jsonb). `tradebot_schema.version` is the number
 * applied. Instances starting together take a transaction-level advisory lock first, so exactly
 * one of them migrates and the others then find nothing to do. Append, never edit.
 */
import type pg from "pg";
import { StoreError } from "./errors.js";
import type { Db } from "./pg-db.js";

/** Migration `i` takes the schema from version `i` to `i + 1`. */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE processed_events (
    event_id TEXT PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX processed_events_seen_at ON processed_events (seen_at);

  CREATE TABLE feedback (
    id BIGSERIAL PRIMARY KEY,
    user_id TEXT NOT NULL,
    channel_id TEXT,
    question TEXT NOT NULL,
    entry_ids JSONB NOT NULL,
    helpful BOOLEAN NOT NULL,
    kb_version TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX feedback_at ON feedback (at);

  CREATE TABLE unanswered (
    id BIGSERIAL PRIMARY KEY,
    user_id TEXT NOT NULL,
    question TEXT NOT NULL,
    kb_version TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX unanswered_at ON unanswered (at);

  CREATE TABLE subscriptions (
    channel_id TEXT PRIMARY KEY,
    team_id TEXT,
    time TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    weekdays_only BOOLEAN NOT NULL,
    quiet_when_unchanged BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    schedule_since TIMESTAMPTZ NOT NULL
  );

  CREATE TABLE briefings (
    channel_id TEXT NOT NULL,
    local_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sending', 'posted', 'failed', 'skipped')),
    claimed_by TEXT NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    retry_at TIMESTAMPTZ,
    posted_at TIMESTAMPTZ,
    message_ts TEXT,
    reason TEXT,
    kb_version TEXT,
    snapshot JSONB NOT NULL DEFAULT '[]',
    PRIMARY KEY (channel_id, local_date)
  );

  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled_at TIMESTAMPTZ NOT NULL,
    next_poll_at TIMESTAMPTZ NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );

  CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('failed', 'ingested', 'duplicate', 'gave_up')),
    attempts INTEGER NOT NULL DEFAULT 0,
    text_hash TEXT,
    url TEXT,
    last_error TEXT,
    first_seen_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feed_url, item_key)
  );
  CREATE INDEX feed_items_text_hash ON feed_items (text_hash);

  CREATE TABLE curator_notices (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'posted')),
    claimed_at TIMESTAMPTZ NOT NULL,
    channel_id TEXT,
    message_ts TEXT,
    posted_at TIMESTAMPTZ,
    PRIMARY KEY (kind, key)
  );
  `,
];

/** Any fixed number: the advisory lock all instances of this app take to migrate one at a time. */
const MIGRATION_LOCK = 7_214_620_251;

async function schemaVersion(client: pg.PoolClient): Promise<number> {
  await client.query("CREATE TABLE IF NOT EXISTS tradebot_schema (version INTEGER NOT NULL)");
  const { rows } = await client.query<{ version: number }>("SELECT version FROM tradebot_schema");
  if (rows[0]) return rows[0].version;
  await client.query("INSERT INTO tradebot_schema (version) VALUES (0)");
  return 0;
}

/** Applies the missing migrations in one transaction; refuses a schema newer than this build. */
export async function migratePostgres(db: Db, migrations: readonly string[] = PG_MIGRATIONS): Promise<void> {
  await db.transaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    const version = await schemaVersion(client);
    if (version > migrations.length) {
      throw new StoreError(
        "newer_schema",
        db.where,
        `The PostgreSQL database at ${db.where} has schema version ${version}, newer than this build knows ` +
          `(${migrations.length}). Run a newer build, or point DATABASE_URL at another database.`,
      );
    }
    for (let v = version; v < migrations.length; v++) await client.query(migrations[v] as string);
    if (version !== migrations.length)
      await client.query("UPDATE tradebot_schema SET version = $1", [migrations.length]);
  });
}
