/**
 * Watches and their change notices in PostgreSQL, with the same rules as `watches.ts`: a notice is
 * claimed by `INSERT … ON CONFLICT DO NOTHING` (or the conditional UPDATE of a stale claim), and
 * only the instance whose statement changed a row posts.
 */
import type { Db } from "./pg-db.js";
import type { Watch, WatchNoticeRecord, WatchNoticeState, WatchStore } from "./watch-types.js";

interface WatchRow {
  id: string | number;
  channel_id: string;
  team_id: string | null;
  topic: string;
  concepts: string[];
  created_by: string;
  created_at: Date;
  seen: Record<string, string>;
}

interface NoticeRow {
  watch_id: string | number;
  change_key: string;
  state: WatchNoticeState;
  claimed_by: string;
  claimed_at: Date;
  message_ts: string | null;
  reason: string | null;
}

function toWatch(row: WatchRow): Watch {
  return {
    id: Number(row.id),
    channelId: row.channel_id,
    ...(row.team_id ? { teamId: row.team_id } : {}),
    topic: row.topic,
    concepts: row.concepts,
    createdBy: row.created_by,
    createdAt: row.created_at,
    seen: row.seen,
  };
}

function toNotice(row: NoticeRow): WatchNoticeRecord {
  return {
    watchId: Number(row.watch_id),
    changeKey: row.change_key,
    state: row.state,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    ...(row.message_ts ? { messageTs: row.message_ts } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

/** The watches half of the PostgreSQL store. */
export function createPgWatchStore(db: Db): WatchStore {
  const changed = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rowCount === 1;
  return {
    async addWatch(w, at) {
      const { rows } = await db.query<WatchRow>(
        `INSERT INTO watches (channel_id, team_id, topic, concepts, created_by, created_at, seen)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING *`,
        [
          w.channelId,
          w.teamId ?? null,
          w.topic,
          JSON.stringify([...w.concepts].sort()),
          w.createdBy,
          at,
          JSON.stringify(w.seen),
        ],
      );
      return rows[0] ? toWatch(rows[0]) : undefined;
    },
    async listWatches(channelId) {
      const { rows } =
        channelId === undefined
          ? await db.query<WatchRow>("SELECT * FROM watches ORDER BY id")
          : await db.query<WatchRow>("SELECT * FROM watches WHERE channel_id = $1 ORDER BY id", [channelId]);
      return rows.map(toWatch);
    },
    removeWatch(channelId, id) {
      return changed("DELETE FROM watches WHERE channel_id = $1 AND id = $2", [channelId, id]);
    },
    async addWatchSeen(id, seen) {
      // One statement: jsonb's || merges in place, so two instances adding at once both keep theirs.
      await db.query("UPDATE watches SET seen = seen || $2::jsonb WHERE id = $1", [id, JSON.stringify(seen)]);
    },
    async claimWatchNotice(watchId, changeKey, instance, at, staleBefore) {
      const inserted = await changed(
        `INSERT INTO watch_notices (watch_id, change_key, state, claimed_by, claimed_at)
         VALUES ($1, $2, 'claimed', $3, $4) ON CONFLICT DO NOTHING`,
        [watchId, changeKey, instance, at],
      );
      if (inserted) return true;
      return changed(
        `UPDATE watch_notices SET claimed_by = $3, claimed_at = $4
         WHERE watch_id = $1 AND change_key = $2 AND state = 'claimed' AND claimed_at < $5`,
        [watchId, changeKey, instance, at, staleBefore],
      );
    },
    markWatchNoticeSending(watchId, changeKey, instance) {
      return changed(
        `UPDATE watch_notices SET state = 'sending'
         WHERE watch_id = $1 AND change_key = $2 AND state = 'claimed' AND claimed_by = $3`,
        [watchId, changeKey, instance],
      );
    },
    async markWatchNoticePosted(watchId, changeKey, p) {
      await db.query(
        "UPDATE watch_notices SET state = 'posted', message_ts = $1, posted_at = $2 WHERE watch_id = $3 AND change_key = $4",
        [p.messageTs, p.at, watchId, changeKey],
      );
    },
    async markWatchNoticeFailed(watchId, changeKey, reason) {
      await db.query(
        "UPDATE watch_notices SET state = 'failed', reason = $1 WHERE watch_id = $2 AND change_key = $3",
        [reason, watchId, changeKey],
      );
    },
    async getWatchNotice(watchId, changeKey) {
      const { rows } = await db.query<NoticeRow>(
        "SELECT * FROM watch_notices WHERE watch_id = $1 AND change_key = $2",
        [watchId, changeKey],
      );
      return rows[0] ? toNotice(rows[0]) : undefined;
    },
    async listWatchNotices(watchId) {
      const { rows } = await db.query<NoticeRow>(
        'SELECT * FROM watch_notices WHERE watch_id = $1 ORDER BY claimed_at, change_key COLLATE "C"',
        [watchId],
      );
      return rows.map(toNotice);
    },
  };
}
