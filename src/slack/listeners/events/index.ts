/** Events API listeners. */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { register as directMessage } from "./direct-message.js";
import { register as mention } from "./mention.js";
import { register as threadMessage } from "./thread-message.js";
import { register as uninstall } from "./uninstall.js";

/** Registers every message-event listener and the uninstall ones (the Home tab has its own folder). */
export function register(app: App, deps: SlackDeps): void {
  mention(app, deps);
  directMessage(app, deps);
  threadMessage(app, deps);
  uninstall(app, deps);
}
