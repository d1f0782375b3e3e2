/**
 * The edit modal's Save: the edited YAML is checked like `tradebot kb check`; problems are shown in
 * the modal under the input (`line 7: value.date: is not a real calendar date`) and nothing is
 * written; a good edit replaces the draft and the draft's message in the channel shows it.
 */
import type { App } from "@slack/bolt";
import type { EditMeta } from "../../blocks/review.js";
import type { SlackDeps } from "../../deps.js";
import { REVIEW_EDIT_INPUT, VIEWS } from "../../ids.js";
import {
  currentDraftMessage,
  isCurator,
  NOT_SET_UP,
  ONLY_CURATORS,
  saveEditStep,
} from "../../review-steps.js";

/** Registers the edit modal's submission. */
export function register(app: App, deps: SlackDeps): void {
  app.view(VIEWS.reviewEdit, async ({ ack, body, view, client }) => {
    const refuse = (text: string) =>
      ack({ response_action: "errors", errors: { [REVIEW_EDIT_INPUT.block]: text } });
    if (!isCurator(deps, body.user.id)) return void (await refuse(ONLY_CURATORS));
    if (!deps.review) return void (await refuse(NOT_SET_UP));
    const meta = JSON.parse(view.private_metadata || "{}") as EditMeta;
    const text = view.state.values[REVIEW_EDIT_INPUT.block]?.[REVIEW_EDIT_INPUT.action]?.value ?? "";
    const saved = saveEditStep(deps.review, meta.id, text);
    if (!saved.ok) return void (await refuse(saved.errors));
    await ack();
    const message = currentDraftMessage(deps.review, saved.id);
    if (message && meta.channel && meta.ts)
      await client.chat.update({ channel: meta.channel, ts: meta.ts, ...message });
  });
}
