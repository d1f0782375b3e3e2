/** `/tradetalks help`: generated from the registered subcommands, so it cannot drift from the router. */
import { type AnyBlock, context, header, sections } from "../blocks/limits.js";
import type { Message } from "../blocks/message.js";
import { safeMrkdwn } from "../escape.js";
import { COMMAND } from "../ids.js";
import type { Subcommand } from "./types.js";

/** How a subcommand is typed: `/tradetalks ask <question>`. */
export function usageLine(s: Subcommand): string {
  return [COMMAND, s.name, s.usage].filter(Boolean).join(" ");
}

/** The help text for a list of subcommands, optionally after a note (an unknown subcommand). */
export function helpMessage(list: readonly Subcommand[], note?: string): Message {
  // Usages hold < and >, which Slack reads as markup even inside code: escaped like all text.
  const lines = list.map((s) => `\`${safeMrkdwn(usageLine(s))}\`: ${safeMrkdwn(s.summary)}`);
  const blocks: AnyBlock[] = [];
  if (note) blocks.push(...sections(note));
  blocks.push(header(`${COMMAND}: ask about the US–China trade talks`));
  blocks.push(...sections(lines.join("\n")));
  blocks.push(
    context([
      `\`${COMMAND}\` alone shows the status; \`${COMMAND} &lt;question&gt;\` asks a question. You can also mention me in a channel or send me a direct message.`,
    ]),
  );
  // The note is mrkdwn already (its user word escaped by the router).
  const names = safeMrkdwn(`${COMMAND} subcommands: ${list.map((s) => s.name).join(", ")}`);
  return { text: `${note ? `${note}\n` : ""}${names}`, blocks };
}

/** The help subcommand. */
export const help: Subcommand = {
  name: "help",
  usage: "",
  summary: "This list",
  handler: ({ subcommands }) => helpMessage(subcommands),
};
