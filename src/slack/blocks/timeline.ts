/**
 * The timeline as Block Kit: upcoming dates first (soonest first) with countdowns, then past ones
 * (latest first, labelled as dates now passed: the sources do not say how they turned out), each
 * line with its source. Lines are packed into sections, so the block count
 * depends on the text length, never on the number of items.
 */
import type { TimelineItem } from "../../answer/types.js";
import { safeMrkdwn } from "../escape.js";
import { ACTIONS } from "../ids.js";
import { shortCredit } from "./citation.js";
import { type AnyBlock, actions, button, capBlocks, context, header, sections } from "./limits.js";
import type { Message } from "./message.js";
import { encodeShare } from "./payloads.js";
import { LABELS } from "./status.js";

function line(i: TimelineItem): string {
  return `• *${safeMrkdwn(i.dateLabel)}* (${safeMrkdwn(i.countdown)}): *${safeMrkdwn(i.title)}*: ${safeMrkdwn(i.text)} _(${shortCredit(i.citation)})_`;
}

/** The timeline as a message. */
export function timelineMessage(
  items: readonly TimelineItem[],
  opts: { share?: boolean; sharedBy?: string } = {},
): Message {
  const upcoming = items.filter((i) => !i.past).sort((a, b) => a.until.localeCompare(b.until));
  const past = items.filter((i) => i.past).sort((a, b) => b.until.localeCompare(a.until));
  const blocks: AnyBlock[] = [header("US–China trade talks: timeline")];
  if (opts.sharedBy) blocks.push(context([`Shared by <@${opts.sharedBy}>`]));
  if (!items.length) blocks.push(...sections("No dated events in the knowledge base yet."));
  if (upcoming.length) blocks.push(...sections(`${LABELS.upcoming}\n${upcoming.map(line).join("\n")}`));
  if (past.length) blocks.push(...sections(`${LABELS.passed}\n${past.map(line).join("\n")}`));
  if (opts.share)
    blocks.push(
      actions("timeline_actions", [
        button(ACTIONS.share, "Share in channel", encodeShare({ kind: "timeline" }), "primary"),
      ]),
    );
  const next = upcoming[0];
  const text = next
    ? `Trade talks timeline: next up ${next.title}, ${next.dateLabel} (${next.countdown}).`
    : `Trade talks timeline: ${items.length} dated ${items.length === 1 ? "event" : "events"}, none upcoming.`;
  return { text: safeMrkdwn(text), blocks: capBlocks(blocks) };
}
