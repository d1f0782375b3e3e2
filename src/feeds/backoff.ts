/**
 * How long to wait after failures: the poll interval, doubled for each failure in a row after the
 * first, at most a day. A feed is never polled more often than its interval, failing or not.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The wait before the next try after `failures` failures in a row (1 = the first). */
export function backoffMs(intervalMs: number, failures: number): number {
  const doubled = intervalMs * 2 ** Math.max(0, Math.min(failures - 1, 20));
  return Math.max(intervalMs, Math.min(doubled, DAY_MS));
}

/** "30 min", "2 h", "1 day". */
export function formatWait(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const hours = minutes / 60;
  if (hours < 24) return `${+hours.toFixed(1)} h`;
  return `${+(hours / 24).toFixed(1)} day${hours === 24 ? "" : "s"}`;
}

/**
 * A Retry-After header (seconds, or an HTTP date) as milliseconds from `now`; undefined when
 * absent or unreadable. At most a day.
 */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header?.trim()) return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : new Date(value).getTime() - now.getTime();
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  return Math.min(ms, DAY_MS);
}
