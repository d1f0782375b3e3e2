/** Publication dates as the knowledge writes them: YYYY-MM-DD. */

/**
 * The calendar date of a date text or Date: a text that starts with YYYY-MM-DD keeps the date it
 * was written with (the publisher's own day, whatever the offset); anything else is read as a
 * time and given in UTC. Undefined when it is no date.
 */
export function isoDay(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") {
    const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (m) {
      const [, y, mo, d] = m;
      const check = new Date(`${y}-${mo}-${d}T00:00:00Z`);
      return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(`${y}-${mo}-${d}`)
        ? `${y}-${mo}-${d}`
        : undefined;
    }
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
  }
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
}
