/** Dates written the way our news sources write them (AP style), shared by drafts and answers. */

/** Month names in AP style: abbreviated with a period, except the short ones. */
export const AP_MONTHS = [
  "Jan.",
  "Feb.",
  "March",
  "April",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
] as const;

/** An ISO calendar date (YYYY-MM-DD) in AP style: "Oct. 17, 2025". */
export function apDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${AP_MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

const FULL_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** A date in words at its precision: "Nov. 1, 2025", "the week of Oct. 20, 2025", "November 2025", "2025". */
export function apDated(iso: string, precision: "day" | "week" | "month" | "year"): string {
  const [y, m] = iso.split("-").map(Number);
  if (precision === "day") return apDate(iso);
  if (precision === "week") return `the week of ${apDate(iso)}`;
  if (precision === "month") return `${FULL_MONTHS[(m ?? 1) - 1]} ${y}`;
  return String(y);
}
