/** `/tradetalks watch <topic>`: post here when what the sources say about a topic changes. */
import { resolveTopic, seenNow } from "../../briefing/watch.js";
import { safeMrkdwn, slackToPlain } from "../escape.js";
import { COMMAND } from "../ids.js";
import { botIsInChannel, INVITE_HINT, reply } from "./briefing-deps.js";
import type { Subcommand } from "./types.js";
import { WATCHES_NOT_SET_UP, watchLabel } from "./watch-deps.js";

/** The watch subcommand. */
export const watch: Subcommand = {
  name: "watch",
  usage: "<topic>",
  summary: "Post here when what the sources say about a topic changes (the truce, the rare-earth controls…)",
  handler: async (ctx) => {
    const { deps, args, channelId, teamId, userId, now } = ctx;
    const w = deps.watches;
    if (!w) return WATCHES_NOT_SET_UP;
    const topic = slackToPlain(args).trim();
    if (!topic) return reply(`Say what to watch, for example \`${COMMAND} watch the truce\`.`);
    const kb = w.knowledge();
    const found = resolveTopic(kb, topic);
    if (!found.ok) {
      const tries = found.suggestions.map((s) => `\`${COMMAND} watch ${safeMrkdwn(s)}\``).join(", ");
      return reply(
        `I don't know that topic: no name or alias in my knowledge matches ${safeMrkdwn(topic)}.${tries ? ` Try ${tries}.` : ""}`,
      );
    }
    // The posts come later, with nobody there to see an error: the bot must be able to post here.
    if (!(await botIsInChannel(ctx)))
      return reply(`I'm not in this channel, so I could not post what changes. ${INVITE_HINT}`);
    const added = await w.store.addWatch(
      {
        channelId,
        ...(teamId ? { teamId } : {}),
        topic,
        concepts: found.concepts,
        createdBy: userId,
        seen: seenNow(kb, found.concepts),
      },
      now,
    );
    const label = safeMrkdwn(watchLabel(kb, { topic, concepts: found.concepts }));
    if (!added) return reply(`This conversation already watches ${label}. See \`${COMMAND} watches\`.`);
    return reply(
      `Watching ${label}: when a claim about it is added or replaced, I'll post it in <#${channelId}>, once. ` +
        `Stop with \`${COMMAND} unwatch ${safeMrkdwn(topic)}\`.`,
    );
  },
};
