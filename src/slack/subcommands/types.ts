/**
 * The shape of a `/tradetalks` subcommand. Each lives in its own file in this folder and is listed
 * once in `index.ts`; the router and the `help` reply are both generated from that list.
 */
import type { types, webApi } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";

/** A reply to a slash command, sent ephemerally through `response_url`. */
export interface Reply {
  /** Notification and screen-reader fallback; always set. */
  text: string;
  blocks?: (types.KnownBlock | types.Block)[];
}

/** What a subcommand handler is given. */
export interface SubcommandContext {
  /** The text after the subcommand name, trimmed (Slack-encoded: escape it before quoting it). */
  args: string;
  userId: string;
  channelId: string;
  teamId?: string;
  /** The moment the command arrived, from the injected clock. */
  now: Date;
  deps: SlackDeps;
  /** The Web API client, for subcommands that need Slack itself (e.g. `users.info` for a time zone). */
  client: webApi.WebClient;
  /** Every registered subcommand, so `help` can list them. */
  subcommands: readonly Subcommand[];
}

/** One subcommand: `name` is the first word after `/tradetalks`. */
export interface Subcommand {
  name: string;
  /** The argument synopsis after the name: `<question>`, `[channel]`; empty when it takes none. */
  usage: string;
  /** One line for `help`. */
  summary: string;
  /** Other words that reach the same handler. */
  aliases?: readonly string[];
  handler(ctx: SubcommandContext): Promise<Reply> | Reply;
}
