/**
 * Periods a sentence gives: a range ("Oct. 25–26", "Saturday and Sunday"), "from X until Y",
 * "until Y", "through Y", and a length from a start ("for one year from Nov. 10"), so that a pause
 * is dated by its period, not by its end alone.
 */
import type { DateMention } from "./draft-dates.js";

/** A period: from (when known) and until (when known), with how long when the text says so. */
export interface Period {
  from?: DateMention;
  until?: string;
  /** The mention that gave `until`, when the text names the end. */
  untilMention?: DateMention;
  /** "one year", "a year": the length the text gives. */
  length?: string;
}

const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

function addLength(iso: string, n: number, unit: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (unit.startsWith("year")) d.setUTCFullYear(d.getUTCFullYear() + n);
  else if (unit.startsWith("month")) d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCDate(d.getUTCDate() + 7 * n);
  d.setUTCDate(d.getUTCDate() - 1); // "for one year from Nov. 10": the last day is Nov. 9 a year on
  return d.toISOString().slice(0, 10);
}

/** The period a clause gives, if it gives one. `dates` are the clause's date mentions (not when said). */
export function periodIn(clause: string, dates: readonly DateMention[]): Period | undefined {
  const dayDates = dates.filter((d) => d.when.precision === "day" || d.when.precision === "month");
  const before = (d: DateMention) => clause.slice(Math.max(0, d.index - 45), d.index);
  const ends = dayDates.filter((d) =>
    /\b(?:until|through|to|till|expir\w*|run out|runs out)\s+(?:\d{1,2}:\d{2}\s*[ap]\.m\.[^,]{0,30}?\s+)?(?:on\s+)?(?:Monday,\s+|Tuesday,\s+)?$/i.test(
      before(d),
    ),
  );
  const starts = dayDates.filter(
    (d) =>
      /\b(?:from|starting|beginning|as of|since|effective|after)\s+(?:\d{1,2}:\d{2}\s*[ap]\.m\.[^,]{0,30}?\s+)?(?:on\s+)?(?:\w+day,?\s+)?$/i.test(
        before(d),
      ) &&
      // "tariffs announced since March 4": the date of what the measure covers, not of the change.
      !/\b\w+ed\s+since\s+$/i.test(before(d)) &&
      !ends.includes(d),
  );
  const length =
    /\b(?:for|by)\s+(a|an|one|two|three|four|five|six)\s+(?:more\s+|another\s+)?(years?|months?|weeks?)\b/i.exec(
      clause,
    ) ??
    /\b(one|two|three)-(year|month)\b/i.exec(clause) ??
    /\b(another|one more)\s+(year)\b/i.exec(clause);
  // "set to expire on Nov. 29 will be extended to Nov. 10, 2026": the new end is the one it is extended to.
  const extendedTo = ends.find((d) => /\bextend\w*\s+(?:to|until|through)\s+$/i.test(before(d)));
  const until = extendedTo ?? ends[0];
  const from = starts[0];
  if (!until && !from && !length) return undefined;
  const period: Period = {};
  if (from) period.from = from;
  if (until) {
    period.until = until.when.precision === "day" ? until.when.date : until.when.date;
    period.untilMention = until;
  }
  if (length) {
    period.length = length[0].replace(/^for\s+/i, "").replace(/^by\s+/i, "by ");
    const n = NUMBERS[(length[1] ?? "").toLowerCase()] ?? 1;
    if (!period.until && from) period.until = addLength(from.when.date, n, (length[2] ?? "").toLowerCase());
  }
  return period;
}

/** A day range written with a dash ("Oct. 25–26") after a mention: the last day, or undefined. */
export function rangeEnd(clause: string, d: DateMention): string | undefined {
  const after = clause.slice(d.index + d.expression.length);
  const dash = /^[–-](\d{1,2})\b/.exec(after);
  if (dash && d.when.precision === "day") return `${d.when.date.slice(0, 8)}${dash[1]?.padStart(2, "0")}`;
  return undefined;
}
