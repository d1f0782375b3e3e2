/**
 * Dates as the Slack surface shows them, in the same news style as the answers themselves:
 * "Oct. 17, 2025", and how old that is against `now` ("8 days old", "over a year old").
 */
import { ageOf, formatDay } from "../../answer/dates.js";

/** An ISO date (YYYY-MM-DD) written out: "Oct. 17, 2025"; anything else is shown as given. */
export function formatDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDay(iso) : iso;
}

/** How old an ISO date is against `now`: "published today", "8 days old", "over a year old". */
export function howOld(iso: string, now: Date): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? ageOf(iso, now) : "";
}
