/**
 * Answering a question asked in a message (a mention, a DM, a reply in a thread the bot is in):
 * normalise it, ask the core with the conversation's context, post the answer where it was asked,
 * keep the turn as context. Shared by the mention, DM and thread-message listeners.
 */
import type { webApi } from "@slack/bolt";
import type { ThreadTurn } from "../../../answer/followup.js";
import type { ThreadKey } from "../../../store/threads.js";
import { answerMessage } from "../../blocks/answer.js";
import { sections } from "../../blocks/limits.js";
import type { SlackDeps } from "../../deps.js";
import { COMMAND } from "../../ids.js";
import { postMessage } from "../../post.js";
import { displayQuestion, normaliseQuestion } from "../../question.js";
import { sourceTexts } from "../../source-text.js";
import { answerInConversation, rememberTurn } from "../../threads.js";

/** Where and from whom a question came. */
export interface Asked {
  text: string;
  user: string;
  channel: string;
  /** The thread to answer in; undefined answers at the top level. */
  threadTs?: string;
  botUserId?: string;
  /** The conversation whose earlier turns are the context, and which this turn joins. */
  conversation: ThreadKey;
  /** Addressed to the bot (a mention, a DM): always answered. Otherwise only when it is for the bot. */
  direct: boolean;
  /** The conversation's fresh turns, when the caller has read them already. */
  turns?: ThreadTurn[];
}

const INTRO = `Ask me about the US–China trade talks, like _when does the truce expire?_ or _what are the tariffs on Chinese goods now?_ Every answer cites its source. \`${COMMAND} help\` lists the rest.`;

/** Answers a question from a message and posts the reply; false when it was not for the bot. */
export async function replyToQuestion(
  deps: SlackDeps,
  client: webApi.WebClient,
  asked: Asked,
): Promise<boolean> {
  const question = normaliseQuestion(asked.text, asked.botUserId);
  const where = { channel: asked.channel, ...(asked.threadTs ? { thread_ts: asked.threadTs } : {}) };
  if (!question) {
    if (!asked.direct) return false;
    await postMessage(client, { ...where, text: INTRO, blocks: sections(INTRO) }, deps.logger);
    return true;
  }
  const now = deps.now();
  const reply = await answerInConversation(
    deps,
    {
      question,
      user: asked.user,
      key: asked.conversation,
      direct: asked.direct,
      ...(asked.turns ? { turns: asked.turns } : {}),
    },
    now,
  );
  if (!reply) return false;
  const message = answerMessage(reply.answer, {
    question: displayQuestion(asked.text, asked.botUserId),
    now,
    feedback: { kbVersion: deps.core.kbVersion() },
    sourceText: sourceTexts(deps),
  });
  if (await postMessage(client, { ...where, ...message }, deps.logger)) {
    await rememberTurn(deps, asked.conversation, reply, now);
  }
  return true;
}
