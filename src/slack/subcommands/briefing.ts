/**
 * `/tradetalks briefing`: today's briefing for this channel, shown only to the asker. "What
 * changed" is relative to the channel's last posted briefing; the date is the channel's local
 * date (its subscription's zone, else the asker's).
 */
import { buildBriefing } from "../../briefing/content.js";
import { localDate } from "../../briefing/time.js";
import { briefingMessage } from "../blocks/briefing.js";
import type { Message } from "../blocks/message.js";
import { NOT_SET_UP, userTimeZone } from "./briefing-deps.js";
import type { Subcommand, SubcommandContext } from "./types.js";

async function handler(ctx: SubcommandContext): Promise<Message> {
  const briefings = ctx.deps.briefings;
  if (!briefings) return NOT_SET_UP;
  const sub = await briefings.store.getSubscription(ctx.channelId);
  const zone = sub?.timeZone ?? (await userTimeZone(ctx)) ?? ctx.deps.config.defaultTimeZone;
  const today = localDate(ctx.now, zone);
  const last = await briefings.store.lastPostedBriefing(ctx.channelId, today);
  const content = buildBriefing({
    kb: briefings.knowledge(),
    core: ctx.deps.core,
    now: ctx.now,
    localDate: today,
    ...(last ? { previous: { localDate: last.localDate, snapshot: last.snapshot } } : {}),
  });
  return briefingMessage(content, { preview: true });
}

/** The briefing preview subcommand. */
export const briefing: Subcommand = {
  name: "briefing",
  usage: "",
  summary: "Preview today's briefing for this channel (only you see it)",
  handler,
};
