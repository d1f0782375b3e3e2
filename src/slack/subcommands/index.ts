/**
 * The `/tradetalks` subcommands, in the order `help` lists them. To add one: write a file in this
 * folder exporting a `Subcommand`, and add it to this list. The router and `help` pick it up.
 */
import { ask } from "./ask.js";
import { briefing } from "./briefing.js";
import { gaps } from "./gaps.js";
import { help } from "./help.js";
import { sources } from "./sources.js";
import { status } from "./status.js";
import { subscribe } from "./subscribe.js";
import { subscriptions } from "./subscriptions.js";
import { threads } from "./threads.js";
import { timeline } from "./timeline.js";
import type { Subcommand } from "./types.js";
import { unsubscribe } from "./unsubscribe.js";
import { unwatch } from "./unwatch.js";
import { watch } from "./watch.js";
import { watches } from "./watches.js";

/** Every registered subcommand. */
export const subcommands: readonly Subcommand[] = [
  status,
  ask,
  timeline,
  sources,
  briefing,
  subscribe,
  unsubscribe,
  subscriptions,
  watch,
  watches,
  unwatch,
  threads,
  gaps,
  help,
];
