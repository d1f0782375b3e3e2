/**
 * "Share" on a private fact-check: post it for everyone in the checked message's thread (or the
 * channel), credited to whoever shared it, then remove the private copy. Where the bot cannot post
 * (not invited), the shortcut's response_url posts it in the channel instead.
 */
import type { App, BlockButtonAction } from "@slack/bolt";
import { decodeFactCheckShare } from "../../blocks/factcheck.js";
import type { SlackDeps } from "../../deps.js";
import { ACTIONS } from "../../ids.js";
import { postMessage } from "../../post.js";
import { factCheckReply } from "../shortcuts/fact-check.js";

/** Registers the share button of a fact-check. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.shareFactCheck, async ({ ack, action, body, respond, client }) => {
    await ack();
    const value = decodeFactCheckShare(action.value);
    if (!value) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: "That can no longer be shared.",
      });
      return;
    }
    const message = factCheckReply(deps, value.text, { now: deps.now(), sharedBy: body.user.id });
    const posted = await postMessage(
      client,
      { channel: value.channel, ...(value.threadTs ? { thread_ts: value.threadTs } : {}), ...message },
      deps.logger,
    );
    if (!posted) await respond({ response_type: "in_channel", replace_original: false, ...message });
    await respond({ delete_original: true }).catch((err) =>
      deps.logger.debug("could not remove the private copy", err),
    );
  });
}
