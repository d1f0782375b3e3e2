/**
 * Reading what people type after `/tradetalks subscribe`: a time ("7:30", "07:30", "7am",
 * "7:30pm"), a time zone (IANA, or a common alias) and options ("weekdays", "daily", "quiet").
 * A word that is neither a zone nor an option is reported as an unknown option (with the option
 * it looks like), not glued onto the zone.
 */
import { isTimeZone } from "./time.js";

/** Common names people type, mapped to IANA zones. Lower-case keys. */
export const ZONE_ALIASES: Readonly<Record<string, string>> = {
  utc: "UTC",
  gmt: "UTC",
  london: "Europe/London",
  uk: "Europe/London",
  bst: "Europe/London",
  paris: "Europe/Paris",
  berlin: "Europe/Berlin",
  brussels: "Europe/Brussels",
  cet: "Europe/Paris",
  "new york": "America/New_York",
  newyork: "America/New_York",
  nyc: "America/New_York",
  washington: "America/New_York",
  et: "America/New_York",
  est: "America/New_York",
  edt: "America/New_York",
  eastern: "America/New_York",
  ct: "America/Chicago",
  cst: "America/Chicago",
  central: "America/Chicago",
  chicago: "America/Chicago",
  mt: "America/Denver",
  mountain: "America/Denver",
  pt: "America/Los_Angeles",
  pst: "America/Los_Angeles",
  pdt: "America/Los_Angeles",
  pacific: "America/Los_Angeles",
  "los angeles": "America/Los_Angeles",
  "san francisco": "America/Los_Angeles",
  beijing: "Asia/Shanghai",
  shanghai: "Asia/Shanghai",
  china: "Asia/Shanghai",
  "hong kong": "Asia/Hong_Kong",
  hongkong: "Asia/Hong_Kong",
  hkt: "Asia/Hong_Kong",
  singapore: "Asia/Singapore",
  "kuala lumpur": "Asia/Kuala_Lumpur",
  malaysia: "Asia/Kuala_Lumpur",
  tokyo: "Asia/Tokyo",
  jst: "Asia/Tokyo",
  seoul: "Asia/Seoul",
  taipei: "Asia/Taipei",
  india: "Asia/Kolkata",
  ist: "Asia/Kolkata",
  sydney: "Australia/Sydney",
  auckland: "Pacific/Auckland",
  nz: "Pacific/Auckland",
  nzt: "Pacific/Auckland",
};

/** Reads a time of day as HH:MM (24-hour); undefined when it is not one. */
export function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3]?.toLowerCase().replace(/\./g, "");
  if (m[2] === undefined && !meridiem) return undefined; // a bare "7" is too ambiguous
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  } else if (hour > 23) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Resolves an IANA name (any case) or an alias to an IANA zone; undefined when unknown. */
export function resolveTimeZone(text: string): string | undefined {
  const key = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (!key) return undefined;
  const alias = ZONE_ALIASES[key] ?? ZONE_ALIASES[key.replace(/_/g, " ")];
  if (alias) return alias;
  const canonical = canonicalZone(text.trim());
  return canonical && isTimeZone(canonical) ? canonical : undefined;
}

/** Intl accepts zones case-insensitively and reports the canonical spelling. */
function canonicalZone(text: string): string | undefined {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(text)) return undefined;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** What `subscribe` was asked for; unset fields take their defaults. */
export interface SubscribeRequest {
  time?: string;
  timeZone?: string;
  weekdaysOnly: boolean;
  quietWhenUnchanged: boolean;
}

/** The result of reading subscribe arguments: a request, or a sentence saying what was wrong. */
export type SubscribeParse = { ok: true; request: SubscribeRequest } | { ok: false; problem: string };

/** An example shown with every problem, so the fix is one copy away. */
export const SUBSCRIBE_EXAMPLE = "/tradetalks subscribe 07:30 Europe/London weekdays";

/** Reads `[time] [time zone] [weekdays|daily] [quiet]` in any order. */
export function parseSubscribeArgs(args: string): SubscribeParse {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const request: SubscribeRequest = { weekdaysOnly: false, quietWhenUnchanged: false };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const lower = word.toLowerCase();
    const withNext = `${word} ${words[i + 1] ?? ""}`.trim();
    if (WEEKDAYS.includes(lower)) request.weekdaysOnly = true;
    else if (DAILY.includes(lower)) request.weekdaysOnly = false;
    else if (QUIET.includes(lower)) request.quietWhenUnchanged = true;
    else if (request.time === undefined && parseTime(word)) request.time = parseTime(word);
    else if (request.time === undefined && words[i + 1] && parseTime(withNext)) {
      request.time = parseTime(withNext); // "7 am"
      i++;
    } else if (/^\d/.test(word)) {
      return {
        ok: false,
        problem: `I couldn't read "${word}" as a time. Use 24-hour HH:MM or am/pm, e.g. \`${SUBSCRIBE_EXAMPLE}\` or \`/tradetalks subscribe 7:30am\`.`,
      };
    } else rest.push(word);
  }
  if (rest.length) {
    const zone = findZone(rest);
    const others = zone ? [...rest.slice(0, zone.start), ...rest.slice(zone.end)] : rest;
    const option = zone ? others[0] : others.find((w) => closestOption(w));
    if (option !== undefined) return { ok: false, problem: unknownOption(option) };
    if (!zone) {
      return {
        ok: false,
        problem: `I don't know the time zone "${rest.join(" ")}". Use an IANA name like Europe/London, America/New_York or Asia/Shanghai, e.g. \`${SUBSCRIBE_EXAMPLE}\`.`,
      };
    }
    request.timeZone = zone.zone;
  }
  return { ok: true, request };
}

const WEEKDAYS = ["weekdays", "weekday", "weekdays-only", "mon-fri"];
const DAILY = ["daily", "everyday", "every-day"];
const QUIET = ["quiet", "silent"];
/** The options as shown to people. */
const OPTIONS = ["weekdays", "daily", "quiet"] as const;

/** The longest run of words (at most three) naming a time zone, and where it is. */
function findZone(words: readonly string[]): { zone: string; start: number; end: number } | undefined {
  for (let len = Math.min(3, words.length); len >= 1; len--) {
    for (let start = 0; start + len <= words.length; start++) {
      const zone = resolveTimeZone(words.slice(start, start + len).join(" "));
      if (zone) return { zone, start, end: start + len };
    }
  }
  return undefined;
}

/** The option a mistyped word most likely meant: same first four letters, or two edits away. */
function closestOption(word: string): string | undefined {
  const w = word.toLowerCase();
  return OPTIONS.find((o) => (w.length >= 4 && o.startsWith(w.slice(0, 4))) || editDistance(w, o) <= 2);
}

function unknownOption(word: string): string {
  const guess = closestOption(word);
  const hint = guess ? ` — did you mean ${guess}?` : ".";
  return `I don't know the option "${word}"${hint} Options are ${OPTIONS.join(", ")}, e.g. \`${SUBSCRIBE_EXAMPLE}\`.`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
