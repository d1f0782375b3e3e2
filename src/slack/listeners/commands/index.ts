/** Slash-command listeners. */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { register as tradetalks } from "./tradetalks.js";

/** Registers every slash command. */
export function register(app: App, deps: SlackDeps): void {
  tradetalks(app, deps);
}
