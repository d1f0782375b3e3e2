/**
 * The review buttons on a draft in the curators' channel: Accept and Reject replace the message
 * with who decided and when; Edit opens the modal with the draft's YAML. Only curators may act;
 * anyone else is told so privately.
 */
import type { App, BlockButtonAction, RespondFn } from "@slack/bolt";
import { type AnyBlock, context } from "../../blocks/limits.js";
import { editModal } from "../../blocks/review.js";
import type { SlackDeps } from "../../deps.js";
import { safeMrkdwn } from "../../escape.js";
import { ACTIONS } from "../../ids.js";
import {
  acceptStep,
  editText,
  isCurator,
  NOT_SET_UP,
  noteMessage,
  ONLY_CURATORS,
  rejectStep,
  type StepOutcome,
} from "../../review-steps.js";
import { where } from "./where.js";

/** The name a click is recorded under as `verified_by`. */
function nameOf(body: BlockButtonAction): string {
  const user = body.user as { id: string; name?: string; username?: string };
  return user.name || user.username || user.id;
}

/** Takes the buttons off a draft's message that no longer has a draft behind it, saying why. */
async function settle(body: BlockButtonAction, respond: RespondFn, note: string): Promise<void> {
  const blocks = ((body.message as { blocks?: AnyBlock[] } | undefined)?.blocks ?? []).filter(
    (b) => b.type !== "actions",
  );
  await respond({
    replace_original: true,
    text: note,
    blocks: [...blocks, context([`:grey_question: ${safeMrkdwn(note)}`])],
  });
}

/** Registers Accept, Edit and Reject. */
export function register(app: App, deps: SlackDeps): void {
  const steps = { [ACTIONS.reviewAccept]: acceptStep, [ACTIONS.reviewReject]: rejectStep };
  for (const [actionId, step] of Object.entries(steps)) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      await ack();
      const privately = (text: string) =>
        respond({ response_type: "ephemeral", replace_original: false, ...noteMessage(text) });
      if (!isCurator(deps, body.user.id)) return void (await privately(ONLY_CURATORS));
      if (!deps.review) return void (await privately(NOT_SET_UP));
      const outcome: StepOutcome = step(deps, deps.review, {
        userId: body.user.id,
        name: nameOf(body),
        id: action.value ?? "",
      });
      if ("note" in outcome && outcome.gone) return void (await settle(body, respond, outcome.note));
      if ("note" in outcome) return void (await privately(outcome.note));
      await respond({ replace_original: true, ...outcome.message });
    });
  }

  app.action<BlockButtonAction>(ACTIONS.reviewEdit, async ({ ack, action, body, client, respond }) => {
    await ack();
    const privately = (text: string) =>
      respond({ response_type: "ephemeral", replace_original: false, ...noteMessage(text) });
    if (!isCurator(deps, body.user.id)) return void (await privately(ONLY_CURATORS));
    if (!deps.review) return void (await privately(NOT_SET_UP));
    const id = action.value ?? "";
    const yaml = editText(deps.review, id);
    if (yaml === undefined) return void (await privately(`The draft ${id} is no longer in drafts/.`));
    if (yaml.length > 3000)
      return void (await privately(
        `${id} is too long to edit here; edit it in a terminal with \`tradebot kb review\`.`,
      ));
    const place = where(body);
    const ts =
      (body.message as { ts?: string } | undefined)?.ts ??
      (body.container as { message_ts?: string }).message_ts;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: editModal(id, yaml, {
        id,
        ...(place.channel ? { channel: place.channel } : {}),
        ...(ts ? { ts } : {}),
      }),
    });
  });
}
