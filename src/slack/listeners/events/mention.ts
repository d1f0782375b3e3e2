/** `app_mention`: a question asked by mentioning the bot in a channel, answered in the thread. */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { EVENTS } from "../../ids.js";
import { replyToQuestion } from "./reply.js";

/** Registers the mention listener. */
export function register(app: App, deps: SlackDeps): void {
  app.event(EVENTS.appMention, async ({ event, context, client }) => {
    // Other bots (and our own posts) are not questions; edits arrive with a subtype.
    if (event.bot_id || event.subtype || !event.user) return;
    // A mention inside a DM also arrives as message.im, which answers it.
    if (event.channel.startsWith("D")) return;
    const threadTs = event.thread_ts ?? event.ts;
    await replyToQuestion(deps, client, {
      text: event.text,
      user: event.user,
      channel: event.channel,
      threadTs,
      botUserId: context.botUserId,
      conversation: { channelId: event.channel, threadTs },
      direct: true,
    });
  });
}
