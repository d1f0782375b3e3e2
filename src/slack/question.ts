/**
 * What a user typed in Slack, made ready for two uses: the question the core matches (bot mention
 * and broadcast mentions removed, Slack's encoding undone) and the question as shown back to them
 * (only the bot mention removed; rendering escapes and defuses the rest).
 */
import { slackToPlain } from "./escape.js";

function withoutBotMention(text: string, botUserId?: string): string {
  if (botUserId) return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>[,:]?`, "g"), " ");
  return text.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[,:]?/, " ");
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The question for the core: no mention of the bot, no @here/@channel/@everyone/group pings. */
export function normaliseQuestion(text: string, botUserId?: string): string {
  const t = withoutBotMention(text, botUserId).replace(/<!(?:here|channel|everyone|subteam\^)[^>]*>/g, " ");
  return collapse(slackToPlain(t).replace(/(^|\s)@(?:here|channel|everyone)\b/gi, " "));
}

/** The question as the user wrote it, for "You asked: …" (plain text; escape it when rendering). */
export function displayQuestion(text: string, botUserId?: string): string {
  return collapse(slackToPlain(withoutBotMention(text, botUserId)));
}
