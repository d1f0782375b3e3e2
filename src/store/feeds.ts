/**
 * The feed poller's state in SQLite. A poll is claimed by a conditional upsert on `next_poll_at`,
 * so the minimum interval holds across restarts and between processes sharing the file.
 */
import type Database from "better-sqlite3";
import type { FeedItemRecord, FeedItemState, FeedState, FeedStore } from "./types.js";

/** A `feeds` row, as either database returns it (SQLite gives times as text, PostgreSQL as Dates). */
export interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | Date;
  next_poll_at: string | Date;
  failures: number;
  last_error: string | null;
}

/** A `feed_items` row, as either database returns it. */
export interface FeedItemRow {
  feed_url: string;
  item_key: string;
  state: FeedItemState;
  attempts: number;
  text_hash: string | null;
  url: string | null;
  last_error: string | null;
  first_seen_at: string | Date;
  updated_at: string | Date;
}

/** A feed's state from its row, for both databases. */
export function feedFromRow(row: FeedRow): FeedState {
  return {
    url: row.url,
    ...(row.etag ? { etag: row.etag } : {}),
    ...(row.last_modified ? { lastModified: row.last_modified } : {}),
    lastPolledAt: new Date(row.last_polled_at),
    nextPollAt: new Date(row.next_poll_at),
    failures: row.failures,
    ...(row.last_error ? { lastError: row.last_error } : {}),
  };
}

/** A feed item from its row, for both databases. */
export function feedItemFromRow(row: FeedItemRow): FeedItemRecord {
  return {
    feedUrl: row.feed_url,
    key: row.item_key,
    state: row.state,
    attempts: row.attempts,
    ...(row.text_hash ? { textHash: row.text_hash } : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    firstSeenAt: new Date(row.first_seen_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** The feed half of the SQLite store. */
export function createFeedStore(db: Database.Database): FeedStore {
  const claim = db.prepare(
    `INSERT INTO feeds (url, last_polled_at, next_poll_at) VALUES (@url, @at, @next)
     ON CONFLICT (url) DO UPDATE SET last_polled_at = @at, next_poll_at = @next
     WHERE feeds.next_poll_at <= @at`,
  );
  const selectFeed = db.prepare("SELECT * FROM feeds WHERE url = ?");
  const success = db.prepare(
    "UPDATE feeds SET etag = ?, last_modified = ?, failures = 0, last_error = NULL WHERE url = ?",
  );
  const failure = db.prepare(
    `UPDATE feeds SET failures = failures + 1, last_error = ?, next_poll_at = ? WHERE url = ?
     RETURNING failures`,
  );
  const selectItem = db.prepare("SELECT * FROM feed_items WHERE feed_url = ? AND item_key = ?");
  const selectText = db.prepare(
    "SELECT * FROM feed_items WHERE text_hash = ? AND state = 'ingested' ORDER BY first_seen_at LIMIT 1",
  );
  const upsertItem = db.prepare(
    `INSERT INTO feed_items (feed_url, item_key, state, attempts, text_hash, url, last_error, first_seen_at, updated_at)
     VALUES (@feed, @key, @state, 1, @hash, @url, @error, @at, @at)
     ON CONFLICT (feed_url, item_key) DO UPDATE SET state = @state, attempts = attempts + 1,
       text_hash = COALESCE(@hash, text_hash), url = COALESCE(@url, url), last_error = @error, updated_at = @at
     RETURNING *`,
  );

  return {
    async claimFeedPoll(url, at, nextPollAt) {
      return claim.run({ url, at: at.toISOString(), next: nextPollAt.toISOString() }).changes === 1;
    },
    async getFeedState(url) {
      const row = selectFeed.get(url) as FeedRow | undefined;
      return row ? feedFromRow(row) : undefined;
    },
    async recordFeedSuccess(url, validators) {
      success.run(validators.etag ?? null, validators.lastModified ?? null, url);
    },
    async recordFeedFailure(url, f) {
      const row = failure.get(f.reason, f.nextPollAt.toISOString(), url) as { failures: number } | undefined;
      return row?.failures ?? 1;
    },
    async getFeedItem(feedUrl, key) {
      const row = selectItem.get(feedUrl, key) as FeedItemRow | undefined;
      return row ? feedItemFromRow(row) : undefined;
    },
    async findIngestedText(textHash) {
      const row = selectText.get(textHash) as FeedItemRow | undefined;
      return row ? feedItemFromRow(row) : undefined;
    },
    async recordFeedItem(feedUrl, key, outcome) {
      const done = "textHash" in outcome;
      const row = upsertItem.get({
        feed: feedUrl,
        key,
        state: outcome.state,
        hash: done ? outcome.textHash : null,
        url: outcome.url ?? null,
        error: done ? null : outcome.reason,
        at: outcome.at.toISOString(),
      }) as FeedItemRow;
      return feedItemFromRow(row);
    },
  };
}
