/** Helpful / not helpful: acknowledge the click, record it, thank the user privately. */
import type { App, BlockButtonAction } from "@slack/bolt";
import { decodeFeedback } from "../../blocks/payloads.js";
import type { SlackDeps } from "../../deps.js";
import { ACTIONS } from "../../ids.js";
import { where } from "./where.js";

/** Registers both feedback buttons. */
export function register(app: App, deps: SlackDeps): void {
  for (const [id, helpful] of [
    [ACTIONS.helpful, true],
    [ACTIONS.notHelpful, false],
  ] as const) {
    app.action<BlockButtonAction>(id, async ({ ack, action, body, respond }) => {
      await ack();
      const value = decodeFeedback(action.value);
      if (!value) {
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
    });
  }
}
