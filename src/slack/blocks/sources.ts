/** The list of sources the knowledge base rests on, as Block Kit. */
import type { SourceSummary } from "../../answer/types.js";
import { safeMrkdwn } from "../escape.js";
import { ACTIONS } from "../ids.js";
import { formatDate } from "./dates.js";
import { type AnyBlock, actions, button, capBlocks, context, header, sections } from "./limits.js";
import type { Message } from "./message.js";
import { encodeShare } from "./payloads.js";

function line(s: SourceSummary): string {
  const title = safeMrkdwn(s.title);
  const linked = s.url
    ? `<${s.url.replace(/[<>|]/g, encodeURIComponent)}|${title.replace(/\|/g, "¦")}>`
    : title;
  const n = `${s.entryCount} ${s.entryCount === 1 ? "entry" : "entries"}`;
  return `• ${linked}: ${safeMrkdwn(s.publisher)}, ${formatDate(s.published)} (${n})`;
}

/** The sources as a message, newest first. */
export function sourcesMessage(
  list: readonly SourceSummary[],
  opts: { share?: boolean; sharedBy?: string } = {},
): Message {
  const sorted = [...list].sort((a, b) => b.published.localeCompare(a.published));
  const blocks: AnyBlock[] = [header("Sources behind the answers")];
  if (opts.sharedBy) blocks.push(context([`Shared by <@${opts.sharedBy}>`]));
  blocks.push(...sections(sorted.length ? sorted.map(line).join("\n") : "No sources loaded."));
  if (opts.share)
    blocks.push(
      actions("sources_actions", [
        button(ACTIONS.share, "Share in channel", encodeShare({ kind: "sources" }), "primary"),
      ]),
    );
  return { text: `The answers rest on ${list.length} curated sources.`, blocks: capBlocks(blocks) };
}
