/**
 * Dates in words, at the precision the source gave, and where they stand against `now`.
 * All calendar arithmetic is dayjs in UTC: knowledge dates are calendar dates, not instants.
 */
import dayjs, { type Dayjs } from "dayjs";
import utc from "dayjs/plugin/utc.js";
import { apDate, apDated } from "../knowledge/news-style.js";
import type { DatedAs, Precision } from "../knowledge/schema.js";

dayjs.extend(utc);

/** "Oct. 17, 2025" — the news style our sources use. */
export function formatDay(iso: string): string {
  return apDate(iso);
}

/** The date in words at its precision: "Nov. 1, 2025", "the week of Oct. 20, 2025", "November 2025", "2025". */
export function formatDated(date: string, precision: Precision): string {
  return apDated(date, precision);
}

/** The first and last day (inclusive, UTC midnight) of a dated period. */
export function period(date: string, precision: Precision): { start: Dayjs; end: Dayjs } {
  const start = dayjs.utc(date);
  const end = precision === "day" ? start : start.add(1, precision).subtract(1, "day");
  return { start, end };
}

/** A span of days in words: "1 day", "12 days", "about 3 weeks", "about 5 months", "over a year". */
export function spanInWords(days: number): string {
  if (days <= 1) return "1 day";
  if (days < 45) return `${days} days`;
  if (days < 60) return `about ${Math.round(days / 7)} weeks`;
  if (days < 335) return `about ${Math.round(days / 30.4)} months`;
  if (days < 365) return "about a year";
  if (days < 730) return "over a year";
  return `over ${Math.floor(days / 365)} years`;
}

/**
 * Where a dated period stands against now. A day: "in 12 days", "today", "3 days ago". A week,
 * month or year, whose exact day the source did not give: "starts in 12 days", "this month",
 * "ended 3 days ago" — never more precise than the source. A deadline (the end of a measure: a
 * truce, a pause, a tariff) "expires in 12 days", "expires this month", "expired 3 days ago".
 */
export function countdown(
  when: Pick<DatedAs, "date" | "precision">,
  now: Date,
  options: { deadline?: boolean } = {},
): { text: string; past: boolean } {
  const today = dayjs.utc(now).startOf("day");
  const { start, end } = period(when.date, when.precision);
  const exact = when.precision === "day";
  if (end.isBefore(today)) {
    const ago = `${spanInWords(today.diff(end, "day"))} ago`;
    return { text: options.deadline ? `expired ${ago}` : exact ? ago : `ended ${ago}`, past: true };
  }
  if (start.isAfter(today)) {
    const until = `in ${spanInWords(start.diff(today, "day"))}`;
    // A deadline known only to its month is not "in 12 days": it may be any day of that month.
    if (options.deadline && !exact) {
      const first = spanInWords(start.diff(today, "day"));
      const last = spanInWords(end.diff(today, "day"));
      const both = / days$/.test(first) && / days$/.test(last);
      return { text: `expires in ${both ? first.replace(/ days$/, "") : first} to ${last}`, past: false };
    }
    return { text: options.deadline ? `expires ${until}` : exact ? until : `starts ${until}`, past: false };
  }
  if (exact) return { text: options.deadline ? "expires today" : "today", past: false };
  return { text: `${options.deadline ? "expires " : ""}this ${when.precision}`, past: false };
}

/** How old a source is: "published today", "3 days old", "over a year old". */
export function ageOf(published: string, now: Date): string {
  const days = dayjs.utc(now).startOf("day").diff(dayjs.utc(published), "day");
  if (days <= 0) return "published today";
  return `${spanInWords(days)} old`;
}
