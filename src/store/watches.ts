/**
 * Watches and their change notices in SQLite. The primary key (watch, change) of `watch_notices`
 * is the exactly-once guard, as in the briefing ledger: a notice is claimed by inserting its row,
 * and only the instance whose INSERT (or conditional UPDATE of a stale claim) changed a row posts.
 */
import type Database from "better-sqlite3";
import type { Watch, WatchNoticeRecord, WatchNoticeState, WatchStore } from "./watch-types.js";

interface WatchRow {
  id: number;
  channel_id: string;
  team_id: string | null;
  topic: string;
  concepts: string;
  created_by: string;
  created_at: string;
  seen: string;
}

interface NoticeRow {
  watch_id: number;
  change_key: string;
  state: WatchNoticeState;
  claimed_by: string;
  claimed_at: string;
  message_ts: string | null;
  reason: string | null;
}

function toWatch(row: WatchRow): Watch {
  return {
    id: row.id,
    channelId: row.channel_id,
    ...(row.team_id ? { teamId: row.team_id } : {}),
    topic: row.topic,
    concepts: JSON.parse(row.concepts) as string[],
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    seen: JSON.parse(row.seen) as Record<string, string>,
  };
}

function toNotice(row: NoticeRow): WatchNoticeRecord {
  return {
    watchId: row.watch_id,
    changeKey: row.change_key,
    state: row.state,
    claimedBy: row.claimed_by,
    claimedAt: new Date(row.claimed_at),
    ...(row.message_ts ? { messageTs: row.message_ts } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

/** The watches half of the SQLite store. */
export function createWatchStore(db: Database.Database): WatchStore {
  const insert = db.prepare(
    `INSERT INTO watches (channel_id, team_id, topic, concepts, created_by, created_at, seen)
     VALUES (@channel, @team, @topic, @concepts, @by, @at, @seen) ON CONFLICT DO NOTHING`,
  );
  const byId = db.prepare("SELECT * FROM watches WHERE id = ?");
  const all = db.prepare("SELECT * FROM watches ORDER BY id");
  const ofChannel = db.prepare("SELECT * FROM watches WHERE channel_id = ? ORDER BY id");
  const remove = db.prepare("DELETE FROM watches WHERE channel_id = ? AND id = ?");
  const setSeen = db.prepare("UPDATE watches SET seen = ? WHERE id = ?");
  const claim = db.prepare(
    `INSERT INTO watch_notices (watch_id, change_key, state, claimed_by, claimed_at)
     VALUES (?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`,
  );
  const reclaim = db.prepare(
    `UPDATE watch_notices SET claimed_by = @instance, claimed_at = @at
     WHERE watch_id = @watch AND change_key = @key AND state = 'claimed' AND claimed_at < @stale`,
  );
  const sending = db.prepare(
    `UPDATE watch_notices SET state = 'sending'
     WHERE watch_id = ? AND change_key = ? AND state = 'claimed' AND claimed_by = ?`,
  );
  const posted = db.prepare(
    `UPDATE watch_notices SET state = 'posted', message_ts = ?, posted_at = ? WHERE watch_id = ? AND change_key = ?`,
  );
  const failed = db.prepare(
    `UPDATE watch_notices SET state = 'failed', reason = ? WHERE watch_id = ? AND change_key = ?`,
  );
  const notice = db.prepare("SELECT * FROM watch_notices WHERE watch_id = ? AND change_key = ?");
  const notices = db.prepare(
    "SELECT * FROM watch_notices WHERE watch_id = ? ORDER BY claimed_at, change_key",
  );
  // Read and write in one transaction, so two instances adding at once both keep what they add.
  const mergeSeen = db.transaction((id: number, seen: Record<string, string>) => {
    const row = byId.get(id) as WatchRow | undefined;
    if (!row) return;
    setSeen.run(JSON.stringify({ ...(JSON.parse(row.seen) as Record<string, string>), ...seen }), id);
  });

  return {
    async addWatch(w, at) {
      const result = insert.run({
        channel: w.channelId,
        team: w.teamId ?? null,
        topic: w.topic,
        concepts: JSON.stringify([...w.concepts].sort()),
        by: w.createdBy,
        at: at.toISOString(),
        seen: JSON.stringify(w.seen),
      });
      if (result.changes !== 1) return undefined;
      return toWatch(byId.get(result.lastInsertRowid) as WatchRow);
    },
    async listWatches(channelId) {
      const rows = (channelId === undefined ? all.all() : ofChannel.all(channelId)) as WatchRow[];
      return rows.map(toWatch);
    },
    async removeWatch(channelId, id) {
      return remove.run(channelId, id).changes === 1;
    },
    async addWatchSeen(id, seen) {
      mergeSeen.immediate(id, seen);
    },
    async claimWatchNotice(watchId, changeKey, instance, at, staleBefore) {
      if (claim.run(watchId, changeKey, instance, at.toISOString()).changes === 1) return true;
      const taken = reclaim.run({
        watch: watchId,
        key: changeKey,
        instance,
        at: at.toISOString(),
        stale: staleBefore.toISOString(),
      });
      return taken.changes === 1;
    },
    async markWatchNoticeSending(watchId, changeKey, instance) {
      return sending.run(watchId, changeKey, instance).changes === 1;
    },
    async markWatchNoticePosted(watchId, changeKey, p) {
      posted.run(p.messageTs, p.at.toISOString(), watchId, changeKey);
    },
    async markWatchNoticeFailed(watchId, changeKey, reason) {
      failed.run(reason, watchId, changeKey);
    },
    async getWatchNotice(watchId, changeKey) {
      const row = notice.get(watchId, changeKey) as NoticeRow | undefined;
      return row ? toNotice(row) : undefined;
    },
    async listWatchNotices(watchId) {
      return (notices.all(watchId) as NoticeRow[]).map(toNotice);
    },
  };
}
