/**
 * Tells the admins' channel (ADMIN_CHANNEL_ID) about a briefing that will not be posted: the bot is
 * not in the channel, the channel is gone, Slack's answer never came (not re-sent, at-most-once),
 * or it kept failing until the grace window closed. The log has it either way.
 */
import { webApi } from "@slack/bolt";
import type { BriefingGiveUp } from "../briefing/scheduler.js";
import type { Logger } from "../log.js";
import { postMessage } from "./post.js";
import { retryPolicy } from "./retry.js";

/** What each failure means for the admin reading it. */
const WHY: Record<string, string> = {
  not_in_channel:
    "the bot is not in that channel. Invite it (`/invite @Trade Talk Bot`) and `/tradetalks subscribe` again",
  channel_not_found:
    "the channel is gone or the bot cannot see it. Subscribe again from a channel it can post in",
  archived: "the channel is archived. Subscribe again from a channel that is not",
  unknown_outcome:
    "Slack's answer never came, so it may or may not be in the channel; it is not re-sent, to avoid a duplicate",
  past_grace: "Slack kept refusing it until the grace window closed",
};

/** The notice's text. */
export function briefingGiveUpText(g: BriefingGiveUp): string {
  const why = WHY[g.failure] ?? g.failure;
  const detail = g.detail && g.failure !== "unknown_outcome" ? ` (${g.detail})` : "";
  return `The ${g.localDate} briefing for <#${g.channelId}> could not be posted: ${why}${detail}.`;
}

/** A give-up handler posting to `channel`; posting runs in the background and never throws. */
export function briefingAdminNotice(options: {
  botToken: string;
  channel: string;
  logger: Logger;
  apiUrl?: string;
  fetch?: webApi.FetchFunction;
}): (g: BriefingGiveUp) => void {
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retryConfig: retryPolicy(),
  });
  return (g) => {
    postMessage(client, { channel: options.channel, text: briefingGiveUpText(g) }, options.logger).catch(
      (err: unknown) =>
        options.logger.warn(`could not tell ${options.channel} about the failed briefing`, err),
    );
  };
}
