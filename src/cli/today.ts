/** The curator's day for the `tradebot` command: the calendar date in the computer's own time zone. */
import { localDate } from "../briefing/time.js";

/** `now` as YYYY-MM-DD in the local time zone (what `verified_on` records and `review_by` is read against). */
export function today(now: Date): string {
  return localDate(now, Intl.DateTimeFormat().resolvedOptions().timeZone);
}
