/** A message as every renderer here returns it: blocks plus the `text` fallback Slack requires. */
import type { AnyBlock } from "./limits.js";

/** Blocks with their notification fallback. */
export interface Message {
  text: string;
  blocks: AnyBlock[];
}
