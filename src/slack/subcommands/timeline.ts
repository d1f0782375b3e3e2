/** `/tradetalks timeline`: dated events and deadlines, past and upcoming, with countdowns. */
import { timelineMessage } from "../blocks/timeline.js";
import type { Subcommand } from "./types.js";

/** The timeline subcommand. */
export const timeline: Subcommand = {
  name: "timeline",
  usage: "",
  summary: "Dated events and deadlines, past and upcoming, with countdowns",
  aliases: ["dates"],
  handler: ({ deps, now }) => timelineMessage(deps.core.timeline(now), { share: true }),
};
