/**
 * The feed poller's state in PostgreSQL, with the same rules as `feeds.ts`: a poll is claimed by a
 * conditional upsert on `next_poll_at` (one statement, so two instances never both poll a feed).
 */

import { type FeedItemRow, type FeedRow, feedFromRow, feedItemFromRow } from "./feeds.js";
import type { Db } from "./pg-db.js";
import type { FeedItemRecord, FeedStore } from "./types.js";

const CLAIM = `
  INSERT INTO feeds AS f (url, last_polled_at, next_poll_at) VALUES ($1, $2, $3)
  ON CONFLICT (url) DO UPDATE SET last_polled_at = EXCLUDED.last_polled_at, next_poll_at = EXCLUDED.next_poll_at
  WHERE f.next_poll_at <= EXCLUDED.last_polled_at`;

const UPSERT_ITEM = `
  INSERT INTO feed_items AS i (feed_url, item_key, state, attempts, text_hash, url, last_error, first_seen_at, updated_at)
  VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $7)
  ON CONFLICT (feed_url, item_key) DO UPDATE SET state = EXCLUDED.state, attempts = i.attempts + 1,
    text_hash = COALESCE(EXCLUDED.text_hash, i.text_hash), url = COALESCE(EXCLUDED.url, i.url),
    last_error = EXCLUDED.last_error, updated_at = EXCLUDED.updated_at
  RETURNING *`;

/** The feed half of the PostgreSQL store. */
export function createPgFeedStore(db: Db): FeedStore {
  const item = async (sql: string, values: unknown[]) => {
    const { rows } = await db.query<FeedItemRow>(sql, values);
    return rows[0] ? feedItemFromRow(rows[0]) : undefined;
  };
  return {
    async claimFeedPoll(url, at, nextPollAt) {
      return (await db.query(CLAIM, [url, at, nextPollAt])).rowCount === 1;
    },
    async getFeedState(url) {
      const { rows } = await db.query<FeedRow>("SELECT * FROM feeds WHERE url = $1", [url]);
      return rows[0] ? feedFromRow(rows[0]) : undefined;
    },
    async recordFeedSuccess(url, validators) {
      await db.query(
        "UPDATE feeds SET etag = $1, last_modified = $2, failures = 0, last_error = NULL WHERE url = $3",
        [validators.etag ?? null, validators.lastModified ?? null, url],
      );
    },
    async recordFeedFailure(url, f) {
      const { rows } = await db.query<{ failures: number }>(
        "UPDATE feeds SET failures = failures + 1, last_error = $1, next_poll_at = $2 WHERE url = $3 RETURNING failures",
        [f.reason, f.nextPollAt, url],
      );
      return rows[0]?.failures ?? 1;
    },
    getFeedItem(feedUrl, key) {
      return item("SELECT * FROM feed_items WHERE feed_url = $1 AND item_key = $2", [feedUrl, key]);
    },
    findIngestedText(textHash) {
      return item(
        "SELECT * FROM feed_items WHERE text_hash = $1 AND state = 'ingested' ORDER BY first_seen_at LIMIT 1",
        [textHash],
      );
    },
    async recordFeedItem(feedUrl, key, outcome) {
      const done = "textHash" in outcome;
      const record = await item(UPSERT_ITEM, [
        feedUrl,
        key,
        outcome.state,
        done ? outcome.textHash : null,
        outcome.url ?? null,
        done ? null : outcome.reason,
        outcome.at,
      ]);
      return record as FeedItemRecord;
    },
  };
}
