/**
 * Block Kit limits, enforced by construction: every block builder in this folder goes through
 * these helpers, so no message can exceed what Slack accepts.
 */
import type { types } from "@slack/bolt";

/** Slack's documented limits. */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  headerText: 150,
  actionsElements: 25,
  /** The `text` fallback is truncated by Slack after 40,000 characters; we stay well below. */
  fallbackText: 4000,
} as const;

/** A block of any kind we build. */
export type AnyBlock = types.KnownBlock;

/** Cuts `text` to at most `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Splits mrkdwn into chunks of at most `max` characters, preferring line breaks, then spaces,
 * and never cutting inside an escaped entity like `&amp;`.
 */
export function chunk(text: string, max: number = LIMITS.sectionText): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    const amp = rest.lastIndexOf("&", cut);
    if (amp !== -1 && cut - amp < 6 && !rest.slice(amp, cut).includes(";")) cut = amp;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.trim() || out.length === 0) out.push(rest);
  return out;
}

/** Mrkdwn sections holding `text`, each within the section limit; none for blank text (Slack rejects empty sections). */
export function sections(text: string): AnyBlock[] {
  return chunk(text)
    .filter((t) => t.trim() !== "")
    .map((t) => ({ type: "section", text: { type: "mrkdwn", text: t } }));
}

/** A context block with at most ten mrkdwn elements. */
export function context(parts: string[]): AnyBlock {
  return {
    type: "context",
    elements: parts
      .filter(Boolean)
      .slice(0, LIMITS.contextElements)
      .map((t) => ({ type: "mrkdwn", text: truncate(t, LIMITS.sectionText) })),
  };
}

/** A header block (plain text, at most 150 characters). */
export function header(text: string): AnyBlock {
  return {
    type: "header",
    text: { type: "plain_text", text: truncate(text, LIMITS.headerText), emoji: true },
  };
}

/** A button within the text and value limits. */
export function button(
  actionId: string,
  text: string,
  value: string,
  style?: "primary" | "danger",
): types.Button {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: truncate(text, LIMITS.buttonText), emoji: true },
    value: truncate(value, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** An actions block; Slack wants unique action ids within it, so each gets a block-unique suffix via block_id. */
export function actions(blockId: string, elements: types.Button[]): AnyBlock {
  return { type: "actions", block_id: blockId, elements: elements.slice(0, LIMITS.actionsElements) };
}

/**
 * Keeps a message within the block limit: when there are too many, the tail is replaced by one
 * context line saying what was left out.
 */
export function capBlocks(blocks: AnyBlock[], max: number = LIMITS.blocksPerMessage, more = ""): AnyBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [
    ...kept,
    context([`…${blocks.length - kept.length} more blocks not shown.${more ? ` ${more}` : ""}`]),
  ];
}
