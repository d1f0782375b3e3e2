/**
 * The status report as Block Kit: headline, what is in force, key numbers, upcoming and recent
 * dates, and how current the knowledge is. Points are grouped into a few sections so the block
 * count stays bounded however long the lists grow.
 */
import type { StatusPoint, StatusReport, TimelineItem } from "../../answer/types.js";
import { safeMrkdwn } from "../escape.js";
import { ACTIONS } from "../ids.js";
import { shortCredit } from "./citation.js";
import {
  type AnyBlock,
  actions,
  button,
  capBlocks,
  context,
  header,
  LIMITS,
  sections,
  truncate,
} from "./limits.js";
import type { Message } from "./message.js";
import { encodeShare } from "./payloads.js";

/** One bullet per point, each with its source in brackets. */
export function pointLines(points: readonly StatusPoint[]): string {
  return points.map((p) => `• ${safeMrkdwn(p.text)} _(${shortCredit(p.citation)})_`).join("\n");
}

/** One bullet per dated item: "*Nov 10, 2025* (in 12 days): Truce expiry". */
export function itemLines(items: readonly TimelineItem[]): string {
  return items
    .map((i) => `• *${safeMrkdwn(i.dateLabel)}* (${safeMrkdwn(i.countdown)}): ${safeMrkdwn(i.title)}`)
    .join("\n");
}

/** The blocks of a status report (no header actions); shared by the reply and the Home tab. */
export function statusBlocks(s: StatusReport): AnyBlock[] {
  const blocks: AnyBlock[] = [header("US–China trade talks: where things stand")];
  blocks.push(...sections(safeMrkdwn(s.headline)));
  if (s.inForce.length) blocks.push(...sections(`*In force*\n${pointLines(s.inForce)}`));
  if (s.keyNumbers.length) blocks.push(...sections(`*Key numbers*\n${pointLines(s.keyNumbers)}`));
  if (s.upcoming.length) blocks.push(...sections(`*Coming up*\n${itemLines(s.upcoming)}`));
  if (s.recent.length) blocks.push(...sections(`*Recently*\n${itemLines(s.recent)}`));
  blocks.push(context([safeMrkdwn(s.freshness), `Knowledge version ${safeMrkdwn(s.kbVersion)}`]));
  return blocks;
}

/** The status as a message, with "Share in channel" when it is an ephemeral reply. */
export function statusMessage(s: StatusReport, opts: { share?: boolean; sharedBy?: string } = {}): Message {
  const blocks = statusBlocks(s);
  if (opts.sharedBy) blocks.unshift(context([`Shared by <@${opts.sharedBy}>`]));
  if (opts.share)
    blocks.push(
      actions("status_actions", [
        button(ACTIONS.share, "Share in channel", encodeShare({ kind: "status" }), "primary"),
      ]),
    );
  return {
    text: truncate(`Trade talks status: ${safeMrkdwn(s.headline)}`, LIMITS.fallbackText),
    blocks: capBlocks(blocks),
  };
}
