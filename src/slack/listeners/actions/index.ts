/** Block Kit button listeners. */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { register as feedback } from "./feedback.js";
import { register as review } from "./review.js";
import { register as share } from "./share.js";
import { register as shareFactCheck } from "./share-fact-check.js";
import { register as suggestion } from "./suggestion.js";

/** Registers every button listener. */
export function register(app: App, deps: SlackDeps): void {
  suggestion(app, deps);
  feedback(app, deps);
  share(app, deps);
  shareFactCheck(app, deps);
  review(app, deps);
}
