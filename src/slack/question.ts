/**
 * Turns what a user typed in Slack into the question the core sees: the bot's mention removed,
 * Slack's encoding undone, whitespace collapsed.
 */
import { slackToPlain } from "./escape.js";

/** The question inside a message, without the leading (or any) mention of the bot. */
export function normaliseQuestion(text: string, botUserId?: string): string {
  let t = text;
  if (botUserId) t = t.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>[,:]?`, "g"), " ");
  else t = t.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[,:]?/, " ");
  return slackToPlain(t).replace(/\s+/g, " ").trim();
}
