/**
 * An Answer as Block Kit: the answer, each cited snippet as a quote with its source line, suggestion
 * buttons when the core offers them ("Related questions:" under an answer, "You could ask:" under a
 * "don't know"), feedback buttons, and "Share in channel" on ephemeral replies. At most 3 citations
 * and 3 suggestions, so it stays far below 50 blocks.
 */

import type { types } from "@slack/bolt";
import type { Answer } from "../../answer/types.js";
import { safeMrkdwn, safePlain } from "../escape.js";
import { ACTIONS, actionId } from "../ids.js";
import { citationContext, quote, shortCredit } from "./citation.js";
import { type AnyBlock, actions, button, capBlocks, LIMITS, sections, truncate } from "./limits.js";
import type { Message } from "./message.js";
import { encodeFeedback, encodeShare, type ShareValue } from "./payloads.js";

/** How an answer is being shown. */
export interface AnswerView {
  /** The question as asked, plain text (from `displayQuestion`); escaped here. */
  question: string;
  now: Date;
  /** Show "You asked: …" (slash-command replies, where the question is not visible above). */
  showQuestion?: boolean;
  /** Set when someone shared it to the channel: their user id. */
  sharedBy?: string;
  /** What "Share in channel" should re-post; no button when absent. */
  share?: ShareValue;
  /** Offer helpful / not helpful, recording the knowledge version that produced the answer. */
  feedback?: { kbVersion: string };
}

/** Renders an answer as a message with blocks and a text fallback. */
export function answerMessage(a: Answer, view: AnswerView): Message {
  const blocks: AnyBlock[] = [];
  if (view.sharedBy || view.showQuestion) blocks.push(askedContext(view.question, view.sharedBy));
  blocks.push(...sections(safeMrkdwn(a.text)));
  for (const c of a.citations.slice(0, 3)) {
    blocks.push(...sections(quote(c.snippet)), citationContext(c, view.now));
  }
  if (a.suggestions.length) {
    blocks.push(...sections(suggestionsLabel(a)));
    blocks.push(
      actions(
        "suggestions",
        a.suggestions
          .slice(0, 3)
          .map((s, i) => button(actionId(ACTIONS.suggestion, i), safePlain(s.question), s.entryId)),
      ),
    );
  }
  const buttons = [];
  if (view.feedback && a.answered) {
    const value = encodeFeedback({
      question: view.question,
      entryIds: a.factIds,
      kbVersion: view.feedback.kbVersion,
    });
    buttons.push(
      button(ACTIONS.helpful, ":thumbsup: Helpful", value),
      button(ACTIONS.notHelpful, ":thumbsdown: Not helpful", value),
    );
  }
  if (view.share) buttons.push(button(ACTIONS.share, "Share in channel", encodeShare(view.share), "primary"));
  if (buttons.length) blocks.push(actions("answer_actions", buttons));
  return { text: answerFallback(a), blocks: capBlocks(blocks) };
}

/** How long an echoed question may be before it is cut with an ellipsis. */
export const ASKED_MAX = 200;

/** The heading over the suggestion buttons: related questions under an answer, else what to ask. */
export function suggestionsLabel(a: Pick<Answer, "answered">): string {
  return a.answered ? "*Related questions:*" : "*You could ask:*";
}

/**
 * "You asked: “…”" (or "<@U…> asked: “…”" when shared): the question as plain text, on one line,
 * cut to ASKED_MAX characters, so no `_` or `*` in it can turn into emphasis.
 */
function askedContext(question: string, sharedBy?: string): AnyBlock {
  const asked = `“${safePlain(truncate(question.replace(/\s+/g, " ").trim(), ASKED_MAX))}”`;
  const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text, emoji: false });
  return {
    type: "context",
    elements: sharedBy
      ? [{ type: "mrkdwn", text: `<@${sharedBy}> asked:` }, plain(asked)]
      : [plain(`You asked: ${asked}`)],
  };
}

/** The notification text: the answer and its first source. */
export function answerFallback(a: Answer): string {
  const first = a.citations[0];
  const credit = first ? ` (${shortCredit(first)})` : "";
  return truncate(`${safeMrkdwn(a.text)}${credit}`, LIMITS.fallbackText);
}
