/**
 * A cited snippet as a rich_text quote (`rich_text_quote`): the snippet verbatim, in bold when the
 * rest of its sentence is shown around it (so the quote starts where the source's sentence starts).
 * Rich-text text elements are literal: no mrkdwn, no mentions, nothing in them can ping.
 */
import type { types } from "@slack/bolt";
import type { Citation } from "../../answer/types.js";
import type { AnyBlock } from "./limits.js";
import { truncate } from "./limits.js";
import { snippetInSentence } from "./sentence.js";

/** A snippet longer than this is cut (with "…"); Slack's text limits are far above it. */
export const SNIPPET_MAX = 2800;

/** The quote block of one citation, with its sentence from the source's text when known. */
export function quoteBlock(c: Citation, sourceText?: string): AnyBlock {
  const snippet = c.snippet.trim();
  const shown = snippetInSentence(sourceText, snippet);
  const text = (t: string, bold = false): types.RichTextText => ({
    type: "text",
    text: t,
    ...(bold ? { style: { bold: true } } : {}),
  });
  const marked = Boolean(shown.before || shown.after);
  const elements = [
    ...(shown.before ? [text(shown.before)] : []),
    text(truncate(shown.snippet, SNIPPET_MAX), marked),
    ...(shown.after ? [text(shown.after)] : []),
  ];
  return { type: "rich_text", elements: [{ type: "rich_text_quote", elements }] };
}
