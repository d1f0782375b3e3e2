/**
 * The status report as Block Kit: headline, what stands per the sources, key numbers, dates coming
 * up and dates now passed, and how current the knowledge is. Nothing claims an event happened: for
 * a passed date the sources only said it was planned. Points are grouped into a few sections so the block
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

/** The section labels every surface shares (status, Home tab, timeline, briefing, local chat). */
export const LABELS = {
  stands: "*What stands, per the sources*",
  keyNumbers: "*Key numbers*",
  upcoming: "*Coming up*",
  passed: "*Dates now passed* (our sources do not say how they turned out)",
} as const;

/** One bullet per point, each with its source in brackets. */
export function pointLines(points: readonly StatusPoint[]): string {
  return points.map((p) => `• ${safeMrkdwn(p.text)} _(${shortCredit(p.citation)})_`).join("\n");
}

/** One bullet per dated item: "*Nov. 10, 2025* (in 12 days): Truce expiry". */
export function itemLines(items: readonly TimelineItem[]): string {
  return items
    .map((i) => `• *${safeMrkdwn(i.dateLabel)}* (${safeMrkdwn(i.countdown)}): ${safeMrkdwn(i.title)}`)
    .join("\n");
}

/** The blocks of a status report (no header actions); shared by the reply and the Home tab. */
export function statusBlocks(s: StatusReport): AnyBlock[] {
  const blocks: AnyBlock[] = [header("US–China trade talks: where things stand")];
  blocks.push(...sections(safeMrkdwn(s.headline)));
  if (s.inForce.length) blocks.push(...sections(`${LABELS.stands}\n${pointLines(s.inForce)}`));
  if (s.keyNumbers.length) blocks.push(...sections(`${LABELS.keyNumbers}\n${pointLines(s.keyNumbers)}`));
  if (s.upcoming.length) blocks.push(...sections(`${LABELS.upcoming}\n${itemLines(s.upcoming)}`));
  if (s.recent.length) blocks.push(...sections(`${LABELS.passed}\n${itemLines(s.recent)}`));
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
