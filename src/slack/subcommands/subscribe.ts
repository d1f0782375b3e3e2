/**
 * `/tradetalks subscribe [HH:MM] [time zone] [weekdays|daily] [quiet]`: a daily briefing in this
 * channel. Defaults: 08:00 in the requester's Slack time zone (else DEFAULT_TIME_ZONE).
 *
 * Subscribing again changes the subscription and says what changed ("Updated: was …, now …").
 * A time or zone left out keeps the channel's current one (`subscribe London` after
 * `subscribe 7:30pm` is 19:30 London); the options are as typed (no `weekdays` means every day,
 * no `quiet` means a one-line note on unchanged days).
 */
import { nextSlot } from "../../briefing/due.js";
import { parseSubscribeArgs } from "../../briefing/parse.js";
import { slotLabel } from "../../briefing/time.js";
import type { Subscription } from "../../store/types.js";
import type { Message } from "../blocks/message.js";
import { safeMrkdwn } from "../escape.js";
import { botIsInChannel, INVITE_HINT, NOT_SET_UP, reply, userTimeZone } from "./briefing-deps.js";
import type { Subcommand, SubcommandContext } from "./types.js";

/** The default briefing time. */
export const DEFAULT_TIME = "08:00";

async function handler(ctx: SubcommandContext): Promise<Message> {
  const briefings = ctx.deps.briefings;
  if (!briefings) return NOT_SET_UP;
  const parsed = parseSubscribeArgs(ctx.args);
  if (!parsed.ok) return reply(safeMrkdwn(parsed.problem));
  if (!(await botIsInChannel(ctx))) {
    return reply(`I'm not in this channel, so I couldn't post a briefing here. ${INVITE_HINT}`);
  }
  const { request } = parsed;
  const before = await briefings.store.getSubscription(ctx.channelId);
  const timeZone =
    request.timeZone ?? before?.timeZone ?? (await userTimeZone(ctx)) ?? ctx.deps.config.defaultTimeZone;
  const sub = await briefings.store.upsertSubscription(
    {
      channelId: ctx.channelId,
      ...(ctx.teamId ? { teamId: ctx.teamId } : {}),
      time: request.time ?? before?.time ?? DEFAULT_TIME,
      timeZone,
      weekdaysOnly: request.weekdaysOnly,
      quietWhenUnchanged: request.quietWhenUnchanged,
      createdBy: ctx.userId,
    },
    ctx.now,
  );
  const next = nextSlot(sub, ctx.now);
  const days = sub.weekdaysOnly ? "every weekday" : "every day";
  const quiet = sub.quietWhenUnchanged
    ? " On days when nothing changed I'll stay quiet."
    : " On days when nothing changed you'll get a one-line note.";
  const was = before ? schedule(before) : undefined;
  const now = schedule(sub);
  const first =
    was === undefined
      ? `Subscribed <#${ctx.channelId}> to the daily briefing ${days} at ${sub.time} ${sub.timeZone}.${quiet}`
      : was === now
        ? `No change: <#${ctx.channelId}> already gets the daily briefing at ${now}.`
        : `Updated: was ${was}, now ${now}.${quiet}`;
  return reply(
    `${first}\nNext one: ${slotLabel(next.at, sub.timeZone)}. ` +
      "Preview it now with `/tradetalks briefing`; stop with `/tradetalks unsubscribe`.",
  );
}

/** A subscription's schedule in words: "19:30 UTC every day", "07:30 Europe/London every weekday, quiet when unchanged". */
function schedule(
  s: Pick<Subscription, "time" | "timeZone" | "weekdaysOnly" | "quietWhenUnchanged">,
): string {
  const days = s.weekdaysOnly ? "every weekday" : "every day";
  return `${s.time} ${s.timeZone} ${days}${s.quietWhenUnchanged ? ", quiet when unchanged" : ""}`;
}

/** The subscribe subcommand. */
export const subscribe: Subcommand = {
  name: "subscribe",
  usage: "[HH:MM] [time zone] [weekdays|daily] [quiet]",
  summary: "A daily cited briefing in this channel, e.g. `subscribe 07:30 Europe/London weekdays`",
  handler,
};
