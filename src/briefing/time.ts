/**
 * Local dates and briefing slots in a channel's time zone (dayjs with utc + timezone). A slot that
 * falls in a DST gap moves forward to the first real minute after it; an ambiguous one (the hour
 * repeated when clocks go back) is the one dayjs picks — either way one instant, one local date.
 */
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { apDate } from "../knowledge/news-style.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** True when `tz` is an IANA zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  if (!tz || /^[+-]?\d/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) at `now` in `tz`. */
export function localDate(now: Date, tz: string): string {
  return dayjs(now).tz(tz).format("YYYY-MM-DD");
}

/** The local date one day before or after `date`. */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, "day").format("YYYY-MM-DD");
}

/** The instant of `hhmm` on local `date` in `tz`. */
export function slotInstant(date: string, hhmm: string, tz: string): Date {
  return dayjs.tz(`${date} ${hhmm}`, "YYYY-MM-DD HH:mm", tz).toDate();
}

/** True for Saturday and Sunday. */
export function isWeekend(date: string): boolean {
  const day = dayjs.utc(date).day();
  return day === 0 || day === 6;
}

/** A local date in words, in the sources' AP style: "Monday, Nov. 30, 2026". */
export function longDate(date: string): string {
  return `${dayjs.utc(date).format("dddd")}, ${apDate(date)}`;
}

/** A local date in AP style: "Oct. 17, 2025". */
export function shortDate(date: string): string {
  return apDate(date);
}

/** An instant as a briefing slot in `tz`: "Mon., Nov. 30, 2026, 07:30 Europe/London". */
export function slotLabel(at: Date, tz: string): string {
  const d = dayjs(at).tz(tz);
  return `${d.format("ddd")}., ${apDate(d.format("YYYY-MM-DD"))}, ${d.format("HH:mm")} ${tz}`;
}
