/**
 * When a subscription's briefing is due. Pure: given the subscription, `now` and the grace
 * window, it names the local dates to act on. Yesterday is looked at too, so a 23:30 slot whose
 * grace window runs past midnight is still served.
 */
import type { Subscription } from "../store/types.js";
import { addDays, isWeekend, localDate, slotInstant } from "./time.js";

/** A slot to act on: `due` (post now) or `missed` (past the grace window: record the skip). */
export interface DueSlot {
  localDate: string;
  at: Date;
  kind: "due" | "missed";
}

/** The slots of `sub` that have come round by `now` (oldest first); none before the schedule was set. */
export function slotsAt(
  sub: Pick<Subscription, "time" | "timeZone" | "weekdaysOnly" | "scheduleSince">,
  now: Date,
  graceMinutes: number,
): DueSlot[] {
  const today = localDate(now, sub.timeZone);
  const out: DueSlot[] = [];
  for (const date of [addDays(today, -1), today]) {
    if (sub.weekdaysOnly && isWeekend(date)) continue;
    const at = slotInstant(date, sub.time, sub.timeZone);
    if (at.getTime() > now.getTime() || at.getTime() < sub.scheduleSince.getTime()) continue;
    const late = now.getTime() - at.getTime();
    out.push({ localDate: date, at, kind: late <= graceMinutes * 60_000 ? "due" : "missed" });
  }
  return out;
}

/** The next slot strictly after `now`, for "your next briefing is …" replies. */
export function nextSlot(
  sub: Pick<Subscription, "time" | "timeZone" | "weekdaysOnly">,
  now: Date,
): { localDate: string; at: Date } {
  let date = localDate(now, sub.timeZone);
  for (let i = 0; i < 9; i++, date = addDays(date, 1)) {
    if (sub.weekdaysOnly && isWeekend(date)) continue;
    const at = slotInstant(date, sub.time, sub.timeZone);
    if (at.getTime() > now.getTime()) return { localDate: date, at };
  }
  throw new Error(`no slot found for ${sub.time} ${sub.timeZone}`);
}
