/** Channel subscriptions in SQLite. */
import type Database from "better-sqlite3";
import type { Subscription, SubscriptionStatus, SubscriptionStore } from "./types.js";

interface SubscriptionRow {
  channel_id: string;
  team_id: string | null;
  time: string;
  time_zone: string;
  weekdays_only: number;
  quiet_when_unchanged: number;
  status: SubscriptionStatus;
  created_by: string;
  created_at: string;
  schedule_since: string;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    channelId: row.channel_id,
    ...(row.team_id ? { teamId: row.team_id } : {}),
    time: row.time,
    timeZone: row.time_zone,
    weekdaysOnly: row.weekdays_only === 1,
    quietWhenUnchanged: row.quiet_when_unchanged === 1,
    status: row.status,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    scheduleSince: new Date(row.schedule_since),
  };
}

/** The subscription half of the SQLite store. */
export function createSubscriptions(db: Database.Database): SubscriptionStore {
  const select = db.prepare("SELECT * FROM subscriptions WHERE channel_id = ?");
  const selectAll = db.prepare("SELECT * FROM subscriptions ORDER BY created_at, channel_id");
  // The schedule only restarts (schedule_since) when time, zone or weekdays change, so the
  // config default re-applied at every start does not push today's slot out of reach.
  const upsert = db.prepare(
    `INSERT INTO subscriptions (channel_id, team_id, time, time_zone, weekdays_only, quiet_when_unchanged,
       status, created_by, created_at, schedule_since)
     VALUES (@channel_id, @team_id, @time, @time_zone, @weekdays_only, @quiet, 'active', @created_by, @at, @at)
     ON CONFLICT (channel_id) DO UPDATE SET
       team_id = COALESCE(excluded.team_id, team_id),
       schedule_since = CASE WHEN time = excluded.time AND time_zone = excluded.time_zone
         AND weekdays_only = excluded.weekdays_only THEN schedule_since ELSE excluded.schedule_since END,
       time = excluded.time,
       time_zone = excluded.time_zone,
       weekdays_only = excluded.weekdays_only,
       quiet_when_unchanged = excluded.quiet_when_unchanged,
       status = 'active',
       created_by = excluded.created_by`,
  );
  const remove = db.prepare("DELETE FROM subscriptions WHERE channel_id = ?");
  const setStatus = db.prepare("UPDATE subscriptions SET status = ? WHERE channel_id = ?");

  return {
    async upsertSubscription(input, at) {
      upsert.run({
        channel_id: input.channelId,
        team_id: input.teamId ?? null,
        time: input.time,
        time_zone: input.timeZone,
        weekdays_only: input.weekdaysOnly ? 1 : 0,
        quiet: input.quietWhenUnchanged ? 1 : 0,
        created_by: input.createdBy,
        at: at.toISOString(),
      });
      return toSubscription(select.get(input.channelId) as SubscriptionRow);
    },
    async removeSubscription(channelId) {
      return remove.run(channelId).changes > 0;
    },
    async getSubscription(channelId) {
      const row = select.get(channelId) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : undefined;
    },
    async listSubscriptions() {
      return (selectAll.all() as SubscriptionRow[]).map(toSubscription);
    },
    async setSubscriptionStatus(channelId, status) {
      setStatus.run(status, channelId);
    },
  };
}
