/**
 * The briefing ledger in SQLite. The primary key (channel, local date) is the exactly-once
 * guard: a slot is claimed by inserting its row, and only the instance whose INSERT or
 * conditional UPDATE changed a row may post. See docs/briefing.md.
 */
import type Database from "better-sqlite3";
import type { BriefingLedger, BriefingRecord, BriefingState, SnapshotEntry } from "./types.js";

interface BriefingRow {
  channel_id: string;
  local_date: string;
  state: BriefingState;
  claimed_by: string;
  claimed_at: string;
  attempts: number;
  retry_at: string | null;
  posted_at: string | null;
  message_ts: string | null;
  reason: string | null;
  kb_version: string | null;
  snapshot: string;
}

function toRecord(row: BriefingRow): BriefingRecord {
  return {
    channelId: row.channel_id,
    localDate: row.local_date,
    state: row.state,
    claimedBy: row.claimed_by,
    claimedAt: new Date(row.claimed_at),
    attempts: row.attempts,
    ...(row.retry_at ? { retryAt: new Date(row.retry_at) } : {}),
    ...(row.posted_at ? { postedAt: new Date(row.posted_at) } : {}),
    ...(row.message_ts ? { messageTs: row.message_ts } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.kb_version ? { kbVersion: row.kb_version } : {}),
    snapshot: JSON.parse(row.snapshot) as SnapshotEntry[],
  };
}

/** The ledger half of the SQLite store. */
export function createLedger(db: Database.Database): BriefingLedger {
  const claim = db.prepare(
    `INSERT INTO briefings (channel_id, local_date, state, claimed_by, claimed_at)
     VALUES (?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`,
  );
  const reclaim = db.prepare(
    `UPDATE briefings SET state = 'claimed', claimed_by = @instance, claimed_at = @at,
       attempts = attempts + 1, retry_at = NULL
     WHERE channel_id = @channel AND local_date = @date AND (
       (state = 'failed' AND retry_at IS NOT NULL AND retry_at <= @at)
       OR (state = 'claimed' AND claimed_at < @stale))`,
  );
  const sending = db.prepare(
    `UPDATE briefings SET state = 'sending'
     WHERE channel_id = ? AND local_date = ? AND state = 'claimed' AND claimed_by = ?`,
  );
  const posted = db.prepare(
    `UPDATE briefings SET state = 'posted', message_ts = ?, snapshot = ?, kb_version = ?, posted_at = ?,
       reason = NULL, retry_at = NULL
     WHERE channel_id = ? AND local_date = ?`,
  );
  const failed = db.prepare(
    `UPDATE briefings SET state = 'failed', reason = ?, retry_at = ? WHERE channel_id = ? AND local_date = ?`,
  );
  const skipped = db.prepare(
    `INSERT INTO briefings (channel_id, local_date, state, claimed_by, claimed_at, reason, snapshot, kb_version)
     VALUES (@channel, @date, 'skipped', @instance, @at, @reason, @snapshot, @kb)
     ON CONFLICT DO UPDATE SET state = 'skipped', reason = @reason, snapshot = @snapshot, kb_version = @kb`,
  );
  const select = db.prepare("SELECT * FROM briefings WHERE channel_id = ? AND local_date = ?");
  const lastPosted = db.prepare(
    `SELECT * FROM briefings WHERE channel_id = ? AND state = 'posted' AND local_date < ?
     ORDER BY local_date DESC LIMIT 1`,
  );
  const list = db.prepare("SELECT * FROM briefings WHERE channel_id = ? ORDER BY local_date");

  return {
    async claimBriefing(channelId, localDate, instance, at) {
      return claim.run(channelId, localDate, instance, at.toISOString()).changes === 1;
    },
    async reclaimBriefing(channelId, localDate, instance, at, staleBefore) {
      const result = reclaim.run({
        channel: channelId,
        date: localDate,
        instance,
        at: at.toISOString(),
        stale: staleBefore.toISOString(),
      });
      return result.changes === 1;
    },
    async markSending(channelId, localDate, instance) {
      return sending.run(channelId, localDate, instance).changes === 1;
    },
    async markPosted(channelId, localDate, p) {
      posted.run(
        p.messageTs,
        JSON.stringify(p.snapshot),
        p.kbVersion,
        p.at.toISOString(),
        channelId,
        localDate,
      );
    },
    async markFailed(channelId, localDate, f) {
      failed.run(f.reason, f.retryAt ? f.retryAt.toISOString() : null, channelId, localDate);
    },
    async markSkipped(channelId, localDate, s) {
      skipped.run({
        channel: channelId,
        date: localDate,
        instance: s.instance,
        at: s.at.toISOString(),
        reason: s.reason,
        snapshot: JSON.stringify(s.snapshot ?? []),
        kb: s.kbVersion ?? null,
      });
    },
    async getBriefing(channelId, localDate) {
      const row = select.get(channelId, localDate) as BriefingRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async lastPostedBriefing(channelId, beforeLocalDate) {
      const row = lastPosted.get(channelId, beforeLocalDate ?? "9999-12-31") as BriefingRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async listBriefings(channelId) {
      return (list.all(channelId) as BriefingRow[]).map(toRecord);
    },
  };
}
