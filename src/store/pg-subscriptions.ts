/** Channel subscriptions in PostgreSQL: the same rules as `subscriptions.ts`. */
import type { Db } from "./pg-db.js";
import type { Subscription, SubscriptionStatus, SubscriptionStore } from "./types.js";

interface SubscriptionRow {
  channel_id: string;
  team_id: string | null;
  time: string;
  time_zone: string;
  weekdays_only: boolean;
  quiet_when_unchanged: boolean;
  status: SubscriptionStatus;
  created_by: string;
  created_at: Date;
  schedule_since: Date;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    channelId: row.channel_id,
    ...(row.team_id ? { teamId: row.team_id } : {}),
    time: row.time,
    timeZone: row.time_zone,
    weekdaysOnly: row.weekdays_only,
    quietWhenUnchanged: row.quiet_when_unchanged,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    scheduleSince: row.schedule_since,
  };
}

// The schedule only restarts (schedule_since) when time, zone or weekdays change, so the config
// default re-applied at every start does not push today's slot out of reach.
const UPSERT = `
  INSERT INTO subscriptions AS s (channel_id, team_id, time, time_zone, weekdays_only, quiet_when_unchanged,
    status, created_by, created_at, schedule_since)
  VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $8)
  ON CONFLICT (channel_id) DO UPDATE SET
    team_id = COALESCE(EXCLUDED.team_id, s.team_id),
    schedule_since = CASE WHEN s.time = EXCLUDED.time AND s.time_zone = EXCLUDED.time_zone
      AND s.weekdays_only = EXCLUDED.weekdays_only THEN s.schedule_since ELSE EXCLUDED.schedule_since END,
    time = EXCLUDED.time,
    time_zone = EXCLUDED.time_zone,
    weekdays_only = EXCLUDED.weekdays_only,
    quiet_when_unchanged = EXCLUDED.quiet_when_unchanged,
    status = 'active',
    created_by = EXCLUDED.created_by
  RETURNING *`;

/** The subscription half of the PostgreSQL store. */
export function createPgSubscriptions(db: Db): SubscriptionStore {
  return {
    async upsertSubscription(input, at) {
      const { rows } = await db.query<SubscriptionRow>(UPSERT, [
        input.channelId,
        input.teamId ?? null,
        input.time,
        input.timeZone,
        input.weekdaysOnly,
        input.quietWhenUnchanged,
        input.createdBy,
        at,
      ]);
      return toSubscription(rows[0] as SubscriptionRow);
    },
    async removeSubscription(channelId) {
      const result = await db.query("DELETE FROM subscriptions WHERE channel_id = $1", [channelId]);
      return (result.rowCount ?? 0) > 0;
    },
    async getSubscription(channelId) {
      const { rows } = await db.query<SubscriptionRow>("SELECT * FROM subscriptions WHERE channel_id = $1", [
        channelId,
      ]);
      return rows[0] ? toSubscription(rows[0]) : undefined;
    },
    async listSubscriptions() {
      const { rows } = await db.query<SubscriptionRow>(
        'SELECT * FROM subscriptions ORDER BY created_at, channel_id COLLATE "C"',
      );
      return rows.map(toSubscription);
    },
    async setSubscriptionStatus(channelId, status) {
      await db.query("UPDATE subscriptions SET status = $1 WHERE channel_id = $2", [status, channelId]);
    },
  };
}
