/**
 * What the watch subcommands share: the watch store and the knowledge (optional in `SlackDeps`,
 * so a deployment without them still answers), and the reply when they are missing.
 */
import type { KnowledgeBase } from "../../knowledge/schema.js";
import type { WatchStore } from "../../store/watch-types.js";
import { reply } from "./briefing-deps.js";

/** The watches' part of the Slack dependencies. */
export interface WatchSlackDeps {
  store: WatchStore;
  /** The current knowledge base (the same snapshot `deps.core` answers from). */
  knowledge: () => KnowledgeBase;
}

/** The reply when watches are not set up in this deployment. */
export const WATCHES_NOT_SET_UP = reply(
  "Watches are not set up in this deployment (no database). Ask the admin who runs the bot.",
);

/** How one watch reads in a list: its topic as typed and the concepts it follows. */
export function watchLabel(kb: KnowledgeBase, w: { topic: string; concepts: readonly string[] }): string {
  const names = w.concepts.map((id) => kb.concepts.get(id)?.name ?? id).join(", ");
  return `${w.topic} (${names})`;
}
