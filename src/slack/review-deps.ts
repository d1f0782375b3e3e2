/**
 * What the review buttons and the edit modal need besides the usual dependencies: the knowledge
 * folder the drafts are in, how to serve an accepted claim at once, and the knowledge being served
 * (to tell the curator it is). Optional in `SlackDeps`: without it the buttons say review is not set up.
 */
import type { KnowledgeBase } from "../knowledge/schema.js";

/** The review part of the Slack dependencies. */
export interface ReviewSlackDeps {
  /** The knowledge folder (KNOWLEDGE_DIR). */
  dir: string;
  /** Loads the folder now (the watcher's reload), so an accepted claim is served at once; absent when the bot does not reload. */
  reload?: () => void;
  /** The knowledge the bot answers from now. */
  served: () => KnowledgeBase;
}
