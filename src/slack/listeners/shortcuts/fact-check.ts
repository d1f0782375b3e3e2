/**
 * "Fact-check this" on a message: acknowledge, check the message's claims against the sources
 * (the core's belief check, src/answer/factcheck.ts), and reply privately through the
 * shortcut's response_url with a Share button.
 */
import type { App, MessageShortcut } from "@slack/bolt";
import { factCheck } from "../../../answer/factcheck.js";
import { KnowledgeHolder } from "../../../knowledge/holder.js";
import { type FactCheckShare, factCheckMessage } from "../../blocks/factcheck.js";
import type { Message } from "../../blocks/message.js";
import type { SlackDeps } from "../../deps.js";
import { SHORTCUTS } from "../../ids.js";

/** The fact-check of a Slack-encoded message text, rendered; `share` adds the Share button. */
export function factCheckReply(
  deps: SlackDeps,
  text: string,
  view: { now: Date; sharedBy?: string; share?: FactCheckShare },
): Message {
  const { now } = view;
  // One knowledge base for every claim of the message, even if a reload lands meanwhile.
  const core = deps.core instanceof KnowledgeHolder ? deps.core.snapshot().core : deps.core;
  const check = factCheck(text, (q) => core.answer(q, now));
  return factCheckMessage(check, view);
}

/** Registers the message shortcut. */
export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: SHORTCUTS.factCheck, type: "message_action" },
    async ({ ack, shortcut, respond }) => {
      await ack();
      const message = shortcut.message as { text?: string; ts: string; thread_ts?: string };
      const text = message.text ?? "";
      if (!text.trim()) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: "That message has no text I can check.",
        });
        return;
      }
      const channel = shortcut.channel.id;
      const threadTs = message.thread_ts ?? (channel.startsWith("D") ? undefined : message.ts);
      const reply = factCheckReply(deps, text, {
        now: deps.now(),
        share: { text, channel, ...(threadTs ? { threadTs } : {}) },
      });
      await respond({ response_type: "ephemeral", replace_original: false, ...reply });
    },
  );
}
