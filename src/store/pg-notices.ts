/**
 * The curator notices in PostgreSQL: the primary key (kind, key) makes each notice postable once.
 * A claim is `INSERT … ON CONFLICT DO NOTHING` that inserted a row: a concurrent claim of the same
 * key waits for the first to commit and then inserts nothing, so exactly one instance wins.
 */
import type { Db } from "./pg-db.js";
import type { NoticeKind, NoticeRecord, NoticeStore } from "./types.js";

interface NoticeRow {
  kind: NoticeKind;
  key: string;
  state: "claimed" | "posted";
  claimed_at: Date;
  channel_id: string | null;
  message_ts: string | null;
}

/** The notices half of the PostgreSQL store. */
export function createPgNoticeStore(db: Db): NoticeStore {
  return {
    async claimNotice(kind, key, at) {
      const result = await db.query(
        `INSERT INTO curator_notices (kind, key, state, claimed_at) VALUES ($1, $2, 'claimed', $3)
         ON CONFLICT DO NOTHING`,
        [kind, key, at],
      );
      return result.rowCount === 1;
    },
    async markNoticePosted(kind, key, p) {
      await db.query(
        `UPDATE curator_notices SET state = 'posted', channel_id = $1, message_ts = $2, posted_at = $3
         WHERE kind = $4 AND key = $5`,
        [p.channelId, p.ts, p.at, kind, key],
      );
    },
    async releaseNotice(kind, key) {
      await db.query("DELETE FROM curator_notices WHERE kind = $1 AND key = $2 AND state = 'claimed'", [
        kind,
        key,
      ]);
    },
    async getNotice(kind, key) {
      const { rows } = await db.query<NoticeRow>(
        "SELECT * FROM curator_notices WHERE kind = $1 AND key = $2",
        [kind, key],
      );
      const row = rows[0];
      if (!row) return undefined;
      const record: NoticeRecord = {
        kind: row.kind,
        key: row.key,
        state: row.state,
        claimedAt: row.claimed_at,
        ...(row.channel_id ? { channelId: row.channel_id } : {}),
        ...(row.message_ts ? { messageTs: row.message_ts } : {}),
      };
      return record;
    },
  };
}
