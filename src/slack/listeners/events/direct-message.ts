/**
 * `message.im`: a question sent to the bot in a direct message. Answered as a conversation: at the
 * top level, or in the thread when the question was asked in one; either keeps its context, so a
 * follow-up ("and the tariff?") is read with the questions before it.
 */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { directKey } from "../../threads.js";
import { replyToQuestion } from "./reply.js";

/** Registers the direct-message listener. */
export function register(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, context, client }) => {
    if (event.channel_type !== "im") return;
    // Edits, deletions, joins and bot posts all carry a subtype; only plain user messages are questions.
    if (event.subtype !== undefined) return;
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    await replyToQuestion(deps, client, {
      text: event.text ?? "",
      user: event.user,
      channel: event.channel,
      threadTs: event.thread_ts,
      botUserId: context.botUserId,
      conversation: directKey(event.channel, event.thread_ts),
      direct: true,
    });
  });
}
