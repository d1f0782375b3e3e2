/** Modal submission listeners. */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { register as reviewEdit } from "./review-edit.js";

/** Registers every modal's submission listener. */
export function register(app: App, deps: SlackDeps): void {
  reviewEdit(app, deps);
}
