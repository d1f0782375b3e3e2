/** `/tradetalks unsubscribe`: no more briefings in this channel. */
import { NOT_SET_UP, reply } from "./briefing-deps.js";
import type { Subcommand } from "./types.js";

/** The unsubscribe subcommand. */
export const unsubscribe: Subcommand = {
  name: "unsubscribe",
  usage: "",
  summary: "Stop the daily briefing in this channel",
  handler: async ({ deps, channelId }) => {
    if (!deps.briefings) return NOT_SET_UP;
    return (await deps.briefings.store.removeSubscription(channelId))
      ? reply(`Unsubscribed: no more daily briefings in <#${channelId}>.`)
      : reply("This channel has no daily briefing. Start one with `/tradetalks subscribe 08:00`.");
  },
};
