/**
 * Posting with failures that are the workspace's doing (the bot not invited, a channel gone)
 * turned into one clear log line instead of an exception. Anything else is rethrown.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../log.js";

/** Platform errors that mean "this channel cannot take our message", with what to do about it. */
const CHANNEL_PROBLEMS: Record<string, string> = {
  not_in_channel: "the bot is not a member of that channel; invite it with /invite",
  channel_not_found: "the channel does not exist or the bot cannot see it",
  is_archived: "the channel is archived",
  restricted_action: "the workspace does not allow the bot to post there",
  cannot_dm_bot: "that conversation is with another bot",
};

/** The Slack platform error code of a failed call, if it was one. */
export function platformError(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: string } };
  return e?.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
}

/** Posts a message; false (and a logged reason) when the channel cannot take it. */
export async function postMessage(
  client: webApi.WebClient,
  args: webApi.ChatPostMessageArguments,
  logger: Logger,
): Promise<boolean> {
  try {
    await client.chat.postMessage({ unfurl_links: false, unfurl_media: false, ...args });
    return true;
  } catch (err) {
    const code = platformError(err);
    const why = code ? CHANNEL_PROBLEMS[code] : undefined;
    if (!why) throw err;
    logger.warn(`could not post to ${args.channel}: ${code}: ${why}`);
    return false;
  }
}
