/**
 * Answering a question asked in a message (a mention or a DM): normalise it, ask the core, post
 * the answer where it was asked. Shared by the mention and DM listeners.
 */
import type { webApi } from "@slack/bolt";
import { askCore } from "../../ask.js";
import { answerMessage } from "../../blocks/answer.js";
import { sections } from "../../blocks/limits.js";
import type { SlackDeps } from "../../deps.js";
import { COMMAND } from "../../ids.js";
import { postMessage } from "../../post.js";
import { displayQuestion, normaliseQuestion } from "../../question.js";

/** Where and from whom a question came. */
export interface Asked {
  text: string;
  user: string;
  channel: string;
  /** The thread to answer in; undefined answers at the top level. */
  threadTs?: string;
  botUserId?: string;
}

const INTRO = `Ask me about the US–China trade talks, like _when does the truce expire?_ or _what are the tariffs on Chinese goods now?_ Every answer cites its source. \`${COMMAND} help\` lists the rest.`;

/** Answers a question from a message and posts the reply. */
export async function replyToQuestion(
  deps: SlackDeps,
  client: webApi.WebClient,
  asked: Asked,
): Promise<void> {
  const question = normaliseQuestion(asked.text, asked.botUserId);
  const where = { channel: asked.channel, ...(asked.threadTs ? { thread_ts: asked.threadTs } : {}) };
  if (!question) {
    await postMessage(client, { ...where, text: INTRO, blocks: sections(INTRO) }, deps.logger);
    return;
  }
  const now = deps.now();
  const answer = await askCore(deps, question, asked.user, now);
  const message = answerMessage(answer, {
    question: displayQuestion(asked.text, asked.botUserId),
    now,
    feedback: { kbVersion: deps.core.kbVersion() },
  });
  await postMessage(client, { ...where, ...message }, deps.logger);
}
