/**
 * An Answer as Block Kit: the answer (at most 300 characters before the first quote; each later
 * part just before the quote it rests on, answer-layout.ts), each cited snippet as a rich_text quote
 * in its source's sentence with its source line, suggestion buttons when the core offers them
 * ("Related questions:" under an answer, "You could ask:" under a "don't know"), Slack's native
 * feedback buttons, and "Share in channel" on ephemeral replies. At most 3 citations and 3
 * suggestions, so it stays far below 50 blocks; the `text` fallback keeps the whole answer.
 */

import type { types } from "@slack/bolt";
import type { Answer } from "../../answer/types.js";
import { safeMrkdwn, safePlain } from "../escape.js";
import { ACTIONS, actionId } from "../ids.js";
import { answerLayout } from "./answer-layout.js";
import { citationContext, shortCredit } from "./citation.js";
import { type AnyBlock, actions, button, capBlocks, LIMITS, sections, truncate } from "./limits.js";
import type { Message } from "./message.js";
import { encodeFeedback, encodeShare, type FeedbackValue, type ShareValue } from "./payloads.js";
import { quoteBlock } from "./quote-block.js";

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
  /** A source's stored text by its id, to show each snippet in its whole sentence; the snippet alone without it. */
  sourceText?: (sourceId: string) => string | undefined;
}

/** Renders an answer as a message with blocks and a text fallback. */
export function answerMessage(a: Answer, view: AnswerView): Message {
  const blocks: AnyBlock[] = [];
  if (view.sharedBy || view.showQuestion) blocks.push(askedContext(view.question, view.sharedBy));
  const cited = a.citations.slice(0, 3);
  for (const item of answerLayout(a.text, cited.length)) {
    if (item.kind === "text") {
      blocks.push(...sections(safeMrkdwn(item.text)));
      continue;
    }
    const c = cited[item.index];
    if (c) blocks.push(quoteBlock(c, view.sourceText?.(c.source)), citationContext(c, view.now));
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
  if (view.feedback && a.answered) {
    blocks.push(
      feedbackBlock({ question: view.question, entryIds: a.factIds, kbVersion: view.feedback.kbVersion }),
    );
  }
  if (view.share)
    blocks.push(
      actions("answer_actions", [
        button(ACTIONS.share, "Share in channel", encodeShare(view.share), "primary"),
      ]),
    );
  return { text: answerFallback(a), blocks: capBlocks(blocks) };
}

/**
 * Slack's native feedback buttons in a context_actions block; each button's value records the
 * question, the claims the answer rests on, the knowledge version, and which button it is.
 */
export function feedbackBlock(v: Omit<FeedbackValue, "helpful">): AnyBlock {
  const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text, emoji: true });
  return {
    type: "context_actions",
    block_id: "answer_feedback",
    elements: [
      {
        type: "feedback_buttons",
        action_id: ACTIONS.feedback,
        positive_button: {
          text: plain("Helpful"),
          accessibility_label: "This answer was helpful",
          value: encodeFeedback({ ...v, helpful: true }),
        },
        negative_button: {
          text: plain("Not helpful"),
          accessibility_label: "This answer was not helpful",
          value: encodeFeedback({ ...v, helpful: false }),
        },
      },
    ],
  };
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
