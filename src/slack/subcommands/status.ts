/** `/tradetalks status` (and an empty `/tradetalks`): where things stand. */
import { statusMessage } from "../blocks/status.js";
import type { Subcommand } from "./types.js";

/** The status subcommand. */
export const status: Subcommand = {
  name: "status",
  usage: "",
  summary: "Where the talks stand per the sources: key numbers, dates coming up and dates now passed",
  handler: ({ deps, now }) => statusMessage(deps.core.status(now), { share: true }),
};
