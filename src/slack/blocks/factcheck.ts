/**
 * A fact-check as Block Kit: each claim of the message quoted (plain text, defused), its verdict
 * ("✓ supported", "✗ the sources say … (not …)", "? not in the sources"), and the snippet it rests
 * on with its source line; a "Share" button on the private copy. Within Slack's limits: at most
 * twelve claims of three blocks each, every section chunked, the fallback text capped.
 */
import type { CheckedClaim, FactCheck } from "../../answer/factcheck.js";
import { safeMrkdwn } from "../escape.js";
import { ACTIONS } from "../ids.js";
import { citationContext, quote } from "./citation.js";
import { type AnyBlock, actions, button, capBlocks, context, LIMITS, sections, truncate } from "./limits.js";
import type { Message } from "./message.js";

/** What the Share button carries: the message checked (Slack-encoded, as received) and where it was. */
export interface FactCheckShare {
  text: string;
  channel: string;
  /** The thread to post in: the message's thread, or the message itself. */
  threadTs?: string;
}

/** How a fact-check is shown. */
export interface FactCheckView {
  now: Date;
  /** Set when someone shared it to the channel: their user id. */
  sharedBy?: string;
  /** What the Share button re-posts; no button when absent. */
  share?: FactCheckShare;
}

/** The verdict line of one claim, mrkdwn. */
export function verdictLine(c: CheckedClaim): string {
  if (c.verdict === "supported") return "✓ supported";
  if (c.verdict === "contradicted") {
    const say = safeMrkdwn(c.sourcesSay ?? "");
    return c.notWhat ? `✗ the sources say ${say} (not ${safeMrkdwn(c.notWhat)})` : `✗ the sources say ${say}`;
  }
  // Cited: the sources speak of it, but neither confirm nor refute it as the message puts it.
  return c.citation ? "? not in the sources as stated; what they say:" : "? not in the sources";
}

/** One claim: the message's words, the verdict, and what the sources say (only when cited). */
function claimText(c: CheckedClaim, n: number): string {
  const said = safeMrkdwn(truncate(c.text, 500));
  const detail = c.citation && c.detail ? `\n${safeMrkdwn(truncate(c.detail, 1200))}` : "";
  return `*${n}.* ${said}\n*${verdictLine(c)}*${detail}`;
}

/** Renders a fact-check as a message with blocks and a text fallback. */
export function factCheckMessage(check: FactCheck, view: FactCheckView): Message {
  const blocks: AnyBlock[] = [];
  // The author is not named: a shared fact-check would ping them.
  const by = view.sharedBy ? ` (shared by <@${view.sharedBy}>)` : "";
  blocks.push(context([`:mag: Fact-check of the message${by}, against my sources`]));
  check.claims.forEach((c, i) => {
    blocks.push(...sections(claimText(c, i + 1)));
    if (c.citation)
      blocks.push(...sections(quote(c.citation.snippet, 1200)), citationContext(c.citation, view.now));
  });
  const summary = summaryLine(check);
  blocks.push(context([summary]));
  if (view.share)
    blocks.push(
      actions("factcheck_actions", [
        button(ACTIONS.shareFactCheck, "Share", encodeFactCheckShare(view.share), "primary"),
      ]),
    );
  return { text: fallback(check), blocks: capBlocks(blocks) };
}

function summaryLine(check: FactCheck): string {
  const count = (v: CheckedClaim["verdict"]) => check.claims.filter((c) => c.verdict === v).length;
  if (!check.claims.length)
    return "I found no claim to check in it (tariff rates, dates, places, who met or said what).";
  const parts = [
    `${count("supported")} supported`,
    `${count("contradicted")} contradicted`,
    `${count("unknown")} not in the sources`,
  ];
  const skipped = check.skipped
    ? `; ${check.skipped} sentence${check.skipped === 1 ? "" : "s"} with nothing to check skipped`
    : "";
  return `${parts.join(", ")}${skipped}.`;
}

/** The notification and screen-reader text: one line per claim. */
function fallback(check: FactCheck): string {
  if (!check.claims.length)
    return "Fact-check: I found no claim to check in that message (tariff rates, dates, places, who met or said what).";
  const lines = check.claims.map((c, i) => {
    const cite = c.citation ? ` (${c.citation.publisher}, ${c.citation.published})` : "";
    const said = c.verdict === "unknown" && c.citation && c.detail ? ` ${truncate(c.detail, 300)}` : "";
    return `${i + 1}. ${c.text} — ${verdictLine(c)}${said}${cite}`;
  });
  return truncate(safeMrkdwn(`Fact-check:\n${lines.join("\n")}\n${summaryLine(check)}`), LIMITS.fallbackText);
}

/** Encodes the share value, shortening the message text until the JSON fits Slack's 2,000 characters. */
export function encodeFactCheckShare(v: FactCheckShare): string {
  const encode = (t: string) =>
    JSON.stringify({ t, c: v.channel, ...(v.threadTs ? { th: v.threadTs } : {}) });
  let text = v.text;
  let json = encode(text);
  while (json.length > LIMITS.buttonValue && text.length > 0) {
    text = text.slice(0, Math.floor(text.length * 0.8));
    json = encode(text);
  }
  return json;
}

/** Decodes a share value; undefined when it is not one of ours. */
export function decodeFactCheckShare(value: string | undefined): FactCheckShare | undefined {
  if (!value) return undefined;
  try {
    const o = JSON.parse(value) as Record<string, unknown>;
    if (typeof o.t !== "string" || typeof o.c !== "string") return undefined;
    return { text: o.t, channel: o.c, ...(typeof o.th === "string" ? { threadTs: o.th } : {}) };
  } catch {
    return undefined;
  }
}
