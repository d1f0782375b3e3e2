/** The context line under a cited snippet: source, publisher, date and how old it is. */
import type { Citation } from "../../answer/types.js";
import { safeMrkdwn } from "../escape.js";
import { formatDate, howOld } from "./dates.js";
import { type AnyBlock, context, truncate } from "./limits.js";

/** The source title, linked when it has a URL. */
export function sourceLink(c: Citation): string {
  const title = safeMrkdwn(truncate(c.title, 200));
  return c.url ? `<${c.url.replace(/[<>|]/g, encodeURIComponent)}|${title.replace(/\|/g, "¦")}>` : title;
}

/** A short inline credit: "Reuters, Oct 17, 2025". */
export function shortCredit(c: Citation): string {
  return `${safeMrkdwn(c.publisher)}, ${formatDate(c.published)}`;
}

/** The context block for one citation. */
export function citationContext(c: Citation, now: Date): AnyBlock {
  const age = howOld(c.published, now);
  return context([
    `:newspaper: ${sourceLink(c)}`,
    safeMrkdwn(c.publisher),
    `${formatDate(c.published)}${age ? ` (${age})` : ""}`,
  ]);
}

/** A snippet as a mrkdwn quote, every line prefixed so the whole snippet is quoted. */
export function quote(snippet: string, max = 2800): string {
  return safeMrkdwn(truncate(snippet.trim(), max))
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");
}
