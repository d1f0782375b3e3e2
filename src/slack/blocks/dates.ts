/** Dates as the Slack surface shows them: "Oct 17, 2025" and how old that is against `now`. */
import dayjs from "dayjs";
import relativeTime from "dayjs/plugin/relativeTime.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(relativeTime);
dayjs.extend(utc);

/** An ISO date (YYYY-MM-DD) written out: "Oct 17, 2025". */
export function formatDate(iso: string): string {
  const d = dayjs.utc(iso);
  return d.isValid() ? d.format("MMM D, YYYY") : iso;
}

/** How long before `now` an ISO date was: "a year ago", "3 days ago", "today". */
export function howOld(iso: string, now: Date): string {
  const d = dayjs.utc(iso);
  if (!d.isValid()) return "";
  const today = dayjs.utc(now).startOf("day");
  if (d.isSame(today, "day")) return "today";
  return d.from(today);
}
