/** The deploy-time default subscription (DEFAULT_SUBSCRIPTION_* in configuration), applied at start. */
import type { Config } from "../config.js";
import type { Subscription, SubscriptionStore } from "../store/types.js";

/** Who the config default is recorded as created by. */
export const CONFIG_CREATOR = "config";

/**
 * Upserts the configured default subscription, if any. Re-applying the same settings keeps its
 * schedule, so a restart inside the grace window still posts today's briefing; it also
 * re-activates a default channel marked not_in_channel, so inviting the bot and restarting works.
 */
export async function applyDefaultSubscription(
  store: SubscriptionStore,
  config: Pick<Config, "defaultSubscription">,
  now: Date,
): Promise<Subscription | undefined> {
  const d = config.defaultSubscription;
  if (!d) return undefined;
  const existing = await store.getSubscription(d.channel);
  // Someone re-subscribed the channel from Slack with their own settings: theirs win.
  if (existing && existing.createdBy !== CONFIG_CREATOR) return existing;
  return store.upsertSubscription(
    {
      channelId: d.channel,
      time: d.time,
      timeZone: d.timeZone,
      weekdaysOnly: d.weekdaysOnly,
      quietWhenUnchanged: existing?.quietWhenUnchanged ?? false,
      createdBy: CONFIG_CREATOR,
    },
    now,
  );
}
