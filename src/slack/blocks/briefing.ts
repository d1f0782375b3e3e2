/**
 * The daily briefing as Block Kit: a header, the headline, what changed (or the one-line "no
 * change"), the dates coming up with countdowns, the quote of the day, and a numbered source list.
 * Built with the limit helpers, so it stays within 50 blocks and 3,000 characters a section; the
 * plain-text rendering is the notification fallback.
 */
import type { Citation } from "../../answer/types.js";
import type { BriefingContent } from "../../briefing/content.js";
import {
  changeLabel,
  dateLine,
  moreChangesLine,
  quoteBy,
  renderBriefingText,
  SourceNumbers,
  unchangedLine,
  withdrawnLine,
} from "../../briefing/text.js";
import { longDate } from "../../briefing/time.js";
import { safeMrkdwn } from "../escape.js";
import { quote, sourceLink } from "./citation.js";
import { formatDate } from "./dates.js";
import { type AnyBlock, capBlocks, context, header, LIMITS, sections, truncate } from "./limits.js";
import type { Message } from "./message.js";
import { LABELS } from "./status.js";

/** Options for one rendering. */
export interface BriefingView {
  /** A preview shown only to the asker (`/tradetalks briefing`). */
  preview?: boolean;
}

/** Renders a briefing as a message with blocks and a text fallback. */
export function briefingMessage(b: BriefingContent, view: BriefingView = {}): Message {
  const refs = new SourceNumbers();
  const cite = (c: Citation) => ` [${refs.of(c)}]`;
  const bullets = (items: string[]) => sections(items.map((i) => `• ${i}`).join("\n"));
  const blocks: AnyBlock[] = [header(`US–China trade talks briefing — ${longDate(b.localDate)}`)];
  if (view.preview) blocks.push(context(["_Preview — only you can see this._"]));

  if (b.unchanged) {
    blocks.push(...sections(safeMrkdwn(unchangedLine(b, (t) => cite(t.citation)))));
  } else {
    const headline = `*${safeMrkdwn(b.headline)}*${b.headlineCitation ? cite(b.headlineCitation) : ""}`;
    blocks.push(...sections(headline));
    if (b.standing.length)
      blocks.push(...bullets(b.standing.map((s) => `${safeMrkdwn(s.text)}${cite(s.citation)}`)));
    if (b.previousDate) {
      const lines = b.changes.map((c) => {
        const was = c.replacedText ? ` _(was: ${safeMrkdwn(truncate(c.replacedText, 300))})_` : "";
        return `*${changeLabel(c.kind)}:* ${safeMrkdwn(c.text)}${cite(c.citation)}${was}`;
      });
      if (b.moreChanges) lines.push(moreChangesLine(b.moreChanges));
      if (b.withdrawn.length) lines.push(`*Withdrawn:* ${withdrawnLine(b.withdrawn.length)}`);
      blocks.push({ type: "divider" }, ...sections(`*What changed since ${formatDate(b.previousDate)}*`));
      blocks.push(...bullets(lines));
    } else if (b.recent.length) {
      blocks.push({ type: "divider" }, ...sections(LABELS.passed));
      blocks.push(
        ...bullets(
          b.recent.map(
            (t) => `${safeMrkdwn(dateLine(t))}${t.text ? ` — ${safeMrkdwn(t.text)}` : ""}${cite(t.citation)}`,
          ),
        ),
      );
    }
    if (b.upcoming.length) {
      blocks.push({ type: "divider" }, ...sections(LABELS.upcoming));
      blocks.push(...bullets(b.upcoming.map((t) => `${safeMrkdwn(dateLine(t))}${cite(t.citation)}`)));
    }
    if (b.quote) {
      const q = b.quote;
      blocks.push(
        ...sections(`*Quote — ${safeMrkdwn(quoteBy(q))}*`),
        ...sections(`${quote(q.text, 2500)}${cite(q.citation)}`),
      );
    }
  }
  const sources = refs
    .list()
    .map(
      ({ n, citation: c }) =>
        `[${n}] ${sourceLink(c)} — ${safeMrkdwn(c.publisher)}, ${formatDate(c.published)}`,
    );
  const footer = [safeMrkdwn(b.freshness), ...sources];
  const tail = footer.length <= LIMITS.contextElements ? [context(footer)] : sections(footer.join("\n"));
  const capped = [...capBlocks(blocks, LIMITS.blocksPerMessage - tail.length), ...tail];
  return { text: truncate(safeMrkdwn(renderBriefingText(b)), LIMITS.fallbackText), blocks: capped };
}
