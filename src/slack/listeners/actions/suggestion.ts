/**
 * A "did you mean" button: answer from the suggested claim where the button was. In a channel or
 * thread the answer is posted in that thread; on an ephemeral reply it comes back ephemerally.
 */
import type { App, BlockButtonAction } from "@slack/bolt";
import { answerMessage } from "../../blocks/answer.js";
import type { SlackDeps } from "../../deps.js";
import { ACTIONS, actionMatcher } from "../../ids.js";
import { postMessage } from "../../post.js";
import { sourceTexts } from "../../source-text.js";
import { where } from "./where.js";

/** Registers the suggestion buttons. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    actionMatcher(ACTIONS.suggestion),
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const now = deps.now();
      const answer = deps.core.answerEntry(action.value ?? "", now);
      if (!answer) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: "That suggestion is no longer in the knowledge base. Try asking again.",
        });
        return;
      }
      const place = where(body);
      const question = action.text.text;
      const message = answerMessage(answer, {
        question,
        now,
        showQuestion: true,
        feedback: { kbVersion: deps.core.kbVersion() },
        sourceText: sourceTexts(deps),
        share: place.ephemeral ? { kind: "entry", entryId: action.value ?? "", question } : undefined,
      });
      if (place.ephemeral || !place.channel) {
        await respond({ response_type: "ephemeral", replace_original: false, ...message });
        return;
      }
      await postMessage(
        client,
        { channel: place.channel, thread_ts: place.threadTs, ...message },
        deps.logger,
      );
    },
  );
}
