/**
 * The curator notices in SQLite: the primary key (kind, key) makes each draft's review message and
 * each day's overdue-review reminder postable once. A claim is an INSERT that changed a row.
 */
import type Database from "better-sqlite3";
import type { NoticeKind, NoticeRecord, NoticeStore } from "./types.js";

interface NoticeRow {
  kind: NoticeKind;
  key: string;
  state: "claimed" | "posted";
  claimed_at: string;
  channel_id: string | null;
  message_ts: string | null;
}

/** The notices half of the SQLite store. */
export function createNoticeStore(db: Database.Database): NoticeStore {
  const claim = db.prepare(
    `INSERT INTO curator_notices (kind, key, state, claimed_at) VALUES (?, ?, 'claimed', ?) ON CONFLICT DO NOTHING`,
  );
  const posted = db.prepare(
    `UPDATE curator_notices SET state = 'posted', channel_id = ?, message_ts = ?, posted_at = ? WHERE kind = ? AND key = ?`,
  );
  const release = db.prepare(`DELETE FROM curator_notices WHERE kind = ? AND key = ? AND state = 'claimed'`);
  const select = db.prepare("SELECT * FROM curator_notices WHERE kind = ? AND key = ?");
  return {
    async claimNotice(kind, key, at) {
      return claim.run(kind, key, at.toISOString()).changes === 1;
    },
    async markNoticePosted(kind, key, p) {
      posted.run(p.channelId, p.ts, p.at.toISOString(), kind, key);
    },
    async releaseNotice(kind, key) {
      release.run(kind, key);
    },
    async getNotice(kind, key) {
      const row = select.get(kind, key) as NoticeRow | undefined;
      if (!row) return undefined;
      const record: NoticeRecord = {
        kind: row.kind,
        key: row.key,
        state: row.state,
        claimedAt: new Date(row.claimed_at),
        ...(row.channel_id ? { channelId: row.channel_id } : {}),
        ...(row.message_ts ? { messageTs: row.message_ts } : {}),
      };
      return record;
    },
  };
}
