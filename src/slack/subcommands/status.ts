/** `/tradetalks status` (and an empty `/tradetalks`): where things stand. */
import { statusMessage } from "../blocks/status.js";
import type { Subcommand } from "./types.js";

/** The status subcommand. */
export const status: Subcommand = {
  name: "status",
  usage: "",
  summary: "Where the talks stand: what is in force, key numbers, upcoming dates",
  handler: ({ deps, now }) => statusMessage(deps.core.status(now), { share: true }),
};
