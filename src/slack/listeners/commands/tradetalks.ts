/**
 * `/tradetalks`: acknowledge at once, route to a subcommand, reply ephemerally through
 * `response_url`. The subcommands live in `src/slack/subcommands/`.
 */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { COMMAND } from "../../ids.js";
import { subcommands } from "../../subcommands/index.js";
import { route } from "../../subcommands/router.js";

/** Registers the slash command. */
export function register(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const { subcommand, args } = route(command.text ?? "", subcommands);
    const reply = await subcommand.handler({
      args,
      userId: command.user_id,
      channelId: command.channel_id,
      teamId: command.team_id,
      now: deps.now(),
      deps,
      client,
      subcommands,
    });
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: reply.text,
      blocks: reply.blocks,
    });
  });
}
