/**
 * Every `tradebot` subcommand, loaded only when used so that `tradebot ask` does not pay for the
 * database or the YAML parser. Adding a command is a new file and one line here.
 */
import type { CliCommand } from "../command.js";

/** A command's name and how to load it. */
export interface CommandEntry {
  name: string;
  load: () => Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  { name: "ask", load: async () => (await import("./ask.js")).ask },
  { name: "status", load: async () => (await import("./status.js")).status },
  { name: "timeline", load: async () => (await import("./status.js")).timeline },
  { name: "briefing", load: async () => (await import("./briefing.js")).briefing },
  { name: "kb check", load: async () => (await import("./kb-check.js")).kbCheck },
  { name: "kb add-source", load: async () => (await import("./kb-add-source.js")).kbAddSource },
  { name: "kb review", load: async () => (await import("./kb-review.js")).kbReview },
  { name: "kb gaps", load: async () => (await import("./kb-gaps.js")).kbGaps },
  { name: "feeds poll", load: async () => (await import("./feeds-poll.js")).feedsPoll },
];
