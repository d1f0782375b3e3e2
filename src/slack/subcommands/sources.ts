/** `/tradetalks sources`: the curated sources the answers rest on. */
import { sourcesMessage } from "../blocks/sources.js";
import type { Subcommand } from "./types.js";

/** The sources subcommand. */
export const sources: Subcommand = {
  name: "sources",
  usage: "",
  summary: "The curated sources the answers rest on",
  handler: ({ deps }) => sourcesMessage(deps.core.sources(), { share: true }),
};
