/** `/tradetalks threads on|off`: whether the bot answers replies in its threads here without a mention. */
import { reply } from "./briefing-deps.js";
import type { Subcommand } from "./types.js";

/** The threads subcommand. */
export const threads: Subcommand = {
  name: "threads",
  usage: "on|off",
  summary:
    "Answer follow-ups in my threads in this channel without a mention (on, the default) or only when mentioned (off)",
  handler: async ({ deps, channelId, userId, args, now }) => {
    const choice = args.trim().toLowerCase();
    if (choice !== "on" && choice !== "off") {
      const enabled = await deps.store.threadRepliesEnabled(channelId);
      return reply(
        `Follow-ups in my threads here are ${enabled ? "on: I answer them without a mention" : "off: mention me to ask"}. ` +
          "Use `/tradetalks threads on` or `/tradetalks threads off`.",
      );
    }
    await deps.store.setThreadReplies(channelId, choice === "on", userId, now);
    return reply(
      choice === "on"
        ? `Thread follow-ups on: in <#${channelId}> I answer follow-up questions in my threads without a mention.`
        : `Thread follow-ups off: in <#${channelId}> I answer only when mentioned.`,
    );
  },
};
