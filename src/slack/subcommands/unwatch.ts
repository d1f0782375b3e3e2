/** `/tradetalks unwatch <topic|number>`: end one of this conversation's watches. */
import { resolveTopic } from "../../briefing/watch.js";
import { safeMrkdwn, slackToPlain } from "../escape.js";
import { COMMAND } from "../ids.js";
import { reply } from "./briefing-deps.js";
import type { Subcommand } from "./types.js";
import { WATCHES_NOT_SET_UP, watchLabel } from "./watch-deps.js";

/** The unwatch subcommand. */
export const unwatch: Subcommand = {
  name: "unwatch",
  usage: "<topic|number>",
  summary: "Stop watching a topic (its number in `watches`, or its name)",
  handler: async ({ deps, args, channelId }) => {
    const w = deps.watches;
    if (!w) return WATCHES_NOT_SET_UP;
    const what = slackToPlain(args).trim();
    const list = await w.store.listWatches(channelId);
    if (!list.length) return reply("This conversation watches nothing.");
    if (!what)
      return reply(`Say which, for example \`${COMMAND} unwatch 1\`; \`${COMMAND} watches\` lists them.`);
    const kb = w.knowledge();
    const number = /^#?(\d{1,4})$/.exec(what);
    let target = number ? list[Number(number[1]) - 1] : undefined;
    if (!number) {
      const lower = what.toLowerCase();
      const found = resolveTopic(kb, what);
      const concepts = found.ok ? [...found.concepts].sort().join(",") : undefined;
      target =
        list.find((x) => x.topic.toLowerCase() === lower) ??
        list.find((x) => concepts !== undefined && [...x.concepts].sort().join(",") === concepts);
    }
    if (!target)
      return reply(
        `This conversation watches nothing by that name or number (${safeMrkdwn(what)}). \`${COMMAND} watches\` lists what it watches.`,
      );
    await w.store.removeWatch(channelId, target.id);
    return reply(`Stopped watching ${safeMrkdwn(watchLabel(kb, target))}.`);
  },
};
