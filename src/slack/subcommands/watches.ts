/** `/tradetalks watches`: the topics this conversation watches, numbered for `unwatch`. */

import { safeMrkdwn } from "../escape.js";
import { COMMAND } from "../ids.js";
import { reply } from "./briefing-deps.js";
import type { Subcommand } from "./types.js";
import { WATCHES_NOT_SET_UP, watchLabel } from "./watch-deps.js";

/** The watches subcommand. */
export const watches: Subcommand = {
  name: "watches",
  usage: "",
  summary: "List the topics this conversation watches",
  handler: async ({ deps, channelId }) => {
    const w = deps.watches;
    if (!w) return WATCHES_NOT_SET_UP;
    const list = await w.store.listWatches(channelId);
    if (!list.length)
      return reply(`This conversation watches nothing. Start with \`${COMMAND} watch the truce\`.`);
    const kb = w.knowledge();
    const lines = list.map((x, i) => `${i + 1}. ${safeMrkdwn(watchLabel(kb, x))}`);
    return reply(
      `This conversation watches:\n${lines.join("\n")}\nStop one with \`${COMMAND} unwatch &lt;number or topic&gt;\`.`,
    );
  },
};
