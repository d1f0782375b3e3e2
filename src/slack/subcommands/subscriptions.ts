/** `/tradetalks subscriptions`: every channel with a daily briefing, its time, zone and state. */
import { nextSlot } from "../../briefing/due.js";
import { slotLabel } from "../../briefing/time.js";
import type { Subscription } from "../../store/types.js";
import { capBlocks, header, sections } from "../blocks/limits.js";
import type { Message } from "../blocks/message.js";
import { INVITE_HINT, NOT_SET_UP, reply } from "./briefing-deps.js";
import type { Subcommand, SubcommandContext } from "./types.js";

function line(sub: Subscription, now: Date): string {
  const days = sub.weekdaysOnly ? "weekdays" : "daily";
  const quiet = sub.quietWhenUnchanged ? ", quiet when unchanged" : "";
  const base = `• <#${sub.channelId}> — ${days} at ${sub.time} ${sub.timeZone}${quiet}`;
  if (sub.status !== "active") {
    const why = sub.status === "not_in_channel" ? "I was removed from the channel" : "the channel is gone";
    return `${base}\n    :warning: paused: ${why}. ${INVITE_HINT}`;
  }
  const next = nextSlot(sub, now);
  return `${base}; next ${slotLabel(next.at, sub.timeZone)}`;
}

async function handler({ deps, now, teamId }: SubcommandContext): Promise<Message> {
  if (!deps.briefings) return NOT_SET_UP;
  const subs = (await deps.briefings.store.listSubscriptions()).filter(
    (s) => !teamId || !s.teamId || s.teamId === teamId,
  );
  if (!subs.length)
    return reply("No channel has a daily briefing yet. Start one with `/tradetalks subscribe 08:00`.");
  const channels = subs.length === 1 ? "1 channel gets" : `${subs.length} channels get`;
  const text = `${channels} the daily briefing:\n${subs.map((s) => line(s, now)).join("\n")}`;
  return { text, blocks: capBlocks([header("Daily briefing subscriptions"), ...sections(text)]) };
}

/** The subscriptions subcommand. */
export const subscriptions: Subcommand = {
  name: "subscriptions",
  usage: "",
  summary: "List the channels that get the daily briefing",
  handler,
};
