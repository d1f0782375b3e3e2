/**
 * `message.channels`, `message.groups`, `message.mpim`: a reply in a thread the bot has answered
 * in, answered without a new mention. Only threads with fresh context count (the bot is in them);
 * a channel can turn this off with `/tradetalks threads off`. Messages that also mention the bot
 * are the mention listener's, and a message addressed to another person, or that is not a question
 * or a follow-up (the core's rule), gets no reply.
 */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { EVENTS } from "../../ids.js";
import { freshTurns } from "../../threads.js";
import { replyToQuestion } from "./reply.js";

/** The conversation types whose thread replies are read, and the Events API type each arrives as. */
export const THREAD_MESSAGE_EVENTS: Readonly<Record<string, string>> = {
  channel: EVENTS.messageChannels,
  group: EVENTS.messageGroups,
  mpim: EVENTS.messageMpim,
};

/** A user mention (`<@U123>`, `<@W123|name>`) of anyone but the bot: the message is for them. */
export function mentionsSomeoneElse(text: string, botUserId?: string): boolean {
  return [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].some((m) => m[1] !== botUserId);
}

/** Registers the thread-reply listener. */
export function register(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, context, client }) => {
    if (!event.channel_type || !(event.channel_type in THREAD_MESSAGE_EVENTS)) return;
    // Edits, deletions, joins, thread broadcasts and bot posts carry a subtype; only plain replies count.
    if (event.subtype !== undefined) return;
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    if (!event.thread_ts || event.thread_ts === event.ts) return;
    const text = event.text ?? "";
    // The mention listener answers a message that mentions the bot: one reply, not two.
    if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    if (mentionsSomeoneElse(text, context.botUserId)) return;
    const conversation = { channelId: event.channel, threadTs: event.thread_ts };
    const now = deps.now();
    const turns = await freshTurns(deps, conversation, now);
    if (!turns.length) return;
    if (!(await deps.store.threadRepliesEnabled(event.channel))) return;
    await replyToQuestion(deps, client, {
      text,
      user: event.user,
      channel: event.channel,
      threadTs: event.thread_ts,
      botUserId: context.botUserId,
      conversation,
      direct: false,
      turns,
    });
  });
}
