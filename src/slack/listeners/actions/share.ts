/**
 * "Share in channel" on an ephemeral reply: post the same content for everyone, credited to the
 * person who shared it, then remove their private copy.
 */
import type { App, BlockButtonAction } from "@slack/bolt";
import { answerMessage } from "../../blocks/answer.js";
import type { Message } from "../../blocks/message.js";
import { decodeShare, type ShareValue } from "../../blocks/payloads.js";
import { sourcesMessage } from "../../blocks/sources.js";
import { statusMessage } from "../../blocks/status.js";
import { timelineMessage } from "../../blocks/timeline.js";
import type { SlackDeps } from "../../deps.js";
import { ACTIONS } from "../../ids.js";
import { normaliseQuestion } from "../../question.js";
import { sourceTexts } from "../../source-text.js";

/** Renders what a share button points at, for the channel; undefined when it no longer exists. */
export function sharedMessage(
  deps: SlackDeps,
  v: ShareValue,
  userId: string,
  now: Date,
): Message | undefined {
  const kbVersion = deps.core.kbVersion();
  switch (v.kind) {
    case "ask":
      return answerMessage(deps.core.answer(normaliseQuestion(v.question), now), {
        question: v.question,
        now,
        sharedBy: userId,
        feedback: { kbVersion },
        sourceText: sourceTexts(deps),
      });
    case "entry": {
      const a = deps.core.answerEntry(v.entryId, now);
      return (
        a &&
        answerMessage(a, {
          question: v.question,
          now,
          sharedBy: userId,
          feedback: { kbVersion },
          sourceText: sourceTexts(deps),
        })
      );
    }
    case "status":
      return statusMessage(deps.core.status(now), { sharedBy: userId });
    case "timeline":
      return timelineMessage(deps.core.timeline(now), { sharedBy: userId });
    case "sources":
      return sourcesMessage(deps.core.sources(), { sharedBy: userId });
  }
}

/** Registers the share button. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeShare(action.value);
    const message = value && sharedMessage(deps, value, body.user.id, deps.now());
    if (!message) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: "That can no longer be shared.",
      });
      return;
    }
    await respond({ response_type: "in_channel", replace_original: false, ...message });
    await respond({ delete_original: true }).catch((err) =>
      deps.logger.debug("could not remove the private copy", err),
    );
  });
}
