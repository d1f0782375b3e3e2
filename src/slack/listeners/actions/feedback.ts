/**
 * Feedback on an answer: Slack's native feedback buttons (one action id, the value says which), and
 * the separate helpful / not helpful buttons of answers posted before them. Acknowledge the click,
 * record it with the question, the claim ids and the knowledge version, thank the user privately.
 */
import type { App, BlockAction, BlockButtonAction, BlockFeedbackButtonsAction, RespondFn } from "@slack/bolt";
import { decodeFeedback, type FeedbackValue } from "../../blocks/payloads.js";
import type { SlackDeps } from "../../deps.js";
import { ACTIONS } from "../../ids.js";
import { where } from "./where.js";

async function record(
  deps: SlackDeps,
  body: BlockAction,
  respond: RespondFn,
  value: FeedbackValue | undefined,
  helpful: boolean | undefined,
): Promise<void> {
  if (!value || helpful === undefined) {
    deps.logger.warn(`ignoring a feedback click with an unreadable value from ${body.user.id}`);
    return;
  }
  await deps.store.recordFeedback({
    userId: body.user.id,
    channelId: where(body).channel,
    question: value.question,
    entryIds: value.entryIds,
    helpful,
    kbVersion: value.kbVersion,
    at: deps.now(),
  });
  await respond({
    response_type: "ephemeral",
    replace_original: false,
    text: helpful
      ? "Thanks, glad it helped."
      : "Thanks for saying so. The curators will look at this question.",
  });
}

/** Registers the native feedback buttons and the two older buttons. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockFeedbackButtonsAction>(ACTIONS.feedback, async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeFeedback(action.value);
    await record(deps, body, respond, value, value?.helpful);
  });
  for (const [id, helpful] of [
    [ACTIONS.helpful, true],
    [ACTIONS.notHelpful, false],
  ] as const) {
    app.action<BlockButtonAction>(id, async ({ ack, action, body, respond }) => {
      await ack();
      await record(deps, body, respond, decodeFeedback(action.value), helpful);
    });
  }
}
