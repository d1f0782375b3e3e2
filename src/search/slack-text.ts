/**
 * Turns Slack-encoded message text into plain words: mentions, special mentions, channel links,
 * URL links with labels, emoji codes and HTML entities. Used before matching; never for display.
 */

/** The longest question we try to match; a 40,000-character paste is cut, not refused. */
export const MAX_QUESTION_CHARS = 2_000;

/** Plain text from Slack markup, whitespace collapsed, cut to {@link MAX_QUESTION_CHARS}. */
export function plainFromSlack(text: string): string {
  const plain = text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, " ") // user mentions (the bot's own included)
    .replace(/<!(?:subteam\^[A-Z0-9]+|here|channel|everyone)(?:\|[^>]*)?>/g, " ")
    .replace(/<![^>]*>/g, " ") // dates and other specials
    .replace(/<#C[A-Z0-9]+\|([^>]*)>/g, " $1 ")
    .replace(/<#C[A-Z0-9]+>/g, " ")
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, " $1 ")
    .replace(/<(?:https?|mailto):[^>]*>/g, " ")
    .replace(/:[a-z0-9_+-]+:/g, " ") // emoji codes like :flag-cn:
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > MAX_QUESTION_CHARS ? plain.slice(0, MAX_QUESTION_CHARS) : plain;
}
