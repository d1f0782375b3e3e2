/** Shortcut listeners (message shortcuts declared under `features.shortcuts` in manifest.yml). */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { register as factCheck } from "./fact-check.js";

/** Registers every shortcut. */
export function register(app: App, deps: SlackDeps): void {
  factCheck(app, deps);
}
