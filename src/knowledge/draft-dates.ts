/**
 * Finding dates in a sentence and resolving them against the article's published date:
 * "Nov. 1" → that day, "next week" → the Monday of that week (precision week), "this month" →
 * the 1st (precision month), "on Thursday" → the nearest Thursday in the sentence's tense.
 */
import { type Token, tokensOf } from "./draft-tokens.js";
import { apDated } from "./news-style.js";
import type { DatedAs } from "./schema.js";

/** A date found in a sentence. */
export interface DateMention {
  /** The words as written: "next week", "April 2", "Thursday". */
  expression: string;
  /** Offset of `expression` in the sentence. */
  index: number;
  when: DatedAs;
  /** What to write in the drafted answer instead of `expression`: "next week (the week of March 17, 2031)". */
  rewrite: string;
  /** The date says when something was said ("Bessent said Oct. 17"), not when something happens. */
  saidOn: boolean;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const FULL_MONTHS = MONTHS.map((m) => m[0]?.toUpperCase() + m.slice(1));
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const DAY_MS = 86_400_000;

const MONTH_WORD =
  "Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?";
const DAY_DATE = new RegExp(`\\b(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,\\s*(\\d{4})\\b)?`, "g");
const MONTH_ONLY = new RegExp(
  `\\b(?:in|by|until|through|before|after|during|since|from|for|early|late|mid-|end of)\\s+(?:early\\s+|late\\s+|mid-)?(${FULL_MONTHS.join("|")})\\b(?!\\s+\\d)(?:\\s+(\\d{4})\\b)?`,
  "g",
);
const RELATIVE =
  /\b(today|tonight|tomorrow|yesterday|(?:this|next|last) (?:week|month|year)|(?:in|within) (two|three|four|2|3|4) weeks)\b/gi;
const WEEKDAY = /\b(?:(last|next|this)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const FUTURE =
  /\b(will|would|shall|is to|are to|expected|scheduled|plans?|planned|set to|going to|due|upcoming|next|unless|expir\w*|takes? effect|to (?:expire|begin|start|end|meet|arrive|hold|sign|visit)|hope)\b/i;
/** A date right after a speech verb is when it was said ("said Thursday", "had forecast on Wednesday"). */
const SAID_BEFORE = /\b(?:said|says|told [^,.;]{1,40}?|added|forecast|predicted)\s+(?:on\s+)?$/i;
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4 };

function parseIso(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}
function monday(d: Date): Date {
  return addDays(d, -((d.getUTCDay() + 6) % 7));
}
function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(".", "");
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)));
}

/** A date in words at its precision: "March 12, 2031", "the week of March 17, 2031", "March 2031". */
export function describeDate(date: string, precision: DatedAs["precision"]): string {
  return apDated(date, precision);
}

type Tense = "future" | "past" | "unknown";
const PAST = /\b(took|was|were|had|did|began|begun|ended|since|ago|earlier|last|said|announced|agreed)\b/i;

/** The tense of the clause a date sits in: the verb nearest before it, else the verb after it, else the clause's words. */
function tenseBefore(sentence: string, index: number, length = 0): Tense {
  const before = sentence.slice(0, index);
  const clause = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";")) + 1);
  if (SAID_BEFORE.test(before)) return "past";
  if (/\bsince\s+$/i.test(before)) return "past";
  // The verb nearest the date decides ("they had agreed … to take up when they meet on Thursday").
  const near = verbTense(sentence, Math.max(index - clause.length, index - 40), index);
  if (near !== "unknown") return near;
  // "Trump on Tuesday signed …", "On Sunday the ministry suspended …": the verb after it.
  const after = verbTense(sentence, index + length, Math.min(sentence.length, index + length + 60), true);
  if (after !== "unknown") return after;
  if (FUTURE.test(clause)) return "future";
  if (PAST.test(clause)) return "past";
  return "unknown";
}

/**
 * The tense of the nearest verb before a date, as wink reads it: "to complete it on Thursday" and
 * "when they meet on Thursday" look ahead, "met on Thursday" looks back.
 */
function verbTense(sentence: string, from: number, to: number, forward = false): Tense {
  const words = tokensOf(sentence).filter((t) => t.start >= from && t.end <= to);
  if (forward) {
    // Only the verb of the same clause: stop at a full stop or a second comma.
    let commas = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Token;
      if (w.text === "." || w.text === ";" || (w.text === "," && ++commas > 1)) break;
      if (w.pos !== "VERB" && w.pos !== "AUX") continue;
      if (/^(?:will|would|shall)$/.test(w.lower) || words[i - 1]?.lower === "to") return "future";
      if (
        /^(?:had|was|were|did)$/.test(w.lower) ||
        /ed$/.test(w.lower) ||
        (w.lemma !== w.lower && !/(?:ing|s)$/.test(w.lower))
      )
        return "past";
      return "unknown";
    }
    return "unknown";
  }
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as Token;
    if (w.pos !== "VERB" && w.pos !== "AUX") continue;
    if (words[i - 1]?.lower === "to") return "future";
    if (
      /^(?:had|has|have|was|were|did)$/.test(words[i - 1]?.lower ?? "") ||
      /^(?:had|was|were|did)$/.test(w.lower)
    )
      return "past";
    if (
      /^(?:will|would|shall|is|are)$/.test(words[i - 1]?.lower ?? "") ||
      /^(?:will|would|shall)$/.test(w.lower)
    )
      return "future";
    if (/ed$/.test(w.lower) || (w.lemma !== w.lower && !/(?:ing|s)$/.test(w.lower))) return "past";
    if (w.lemma === w.lower || /s$/.test(w.lower)) return "future";
    return "unknown";
  }
  return "unknown";
}

/** The year for a month/day the text gives without one: the next one for the future, the last for the past, else the nearest. */
function yearFor(published: Date, month: number, day: number, tense: Tense): number {
  const y = published.getUTCFullYear();
  const p = published.getTime();
  const candidates = [y - 1, y, y + 1].map((yy) => Date.UTC(yy, month, day));
  const pick =
    tense === "future"
      ? candidates.find((c) => c >= p)
      : tense === "past"
        ? [...candidates].reverse().find((c) => c <= p)
        : [...candidates].sort((a, b) => Math.abs(a - p) - Math.abs(b - p))[0];
  return new Date(pick ?? Date.UTC(y, month, day)).getUTCFullYear();
}

function relative(expr: string, published: Date): { date: Date; precision: DatedAs["precision"] } {
  const e = expr.toLowerCase();
  if (e === "today" || e === "tonight") return { date: published, precision: "day" };
  if (e === "tomorrow") return { date: addDays(published, 1), precision: "day" };
  if (e === "yesterday") return { date: addDays(published, -1), precision: "day" };
  const [which, unit] = e.split(" ");
  const step = which === "next" ? 1 : which === "last" ? -1 : 0;
  if (unit === "week") return { date: addDays(monday(published), 7 * step), precision: "week" };
  if (unit === "month") {
    return {
      date: new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth() + step, 1)),
      precision: "month",
    };
  }
  if (unit === "year")
    return { date: new Date(Date.UTC(published.getUTCFullYear() + step, 0, 1)), precision: "year" };
  // "in two weeks", "within 3 weeks"
  const n = NUMBER_WORDS[e.split(" ")[1] ?? ""] ?? Number(e.split(" ")[1]);
  return { date: monday(addDays(published, 7 * n)), precision: "week" };
}

function weekday(
  which: string | undefined,
  name: string,
  published: Date,
  tense: Tense,
): { date: Date; precision: "day" } {
  const target = WEEKDAYS.indexOf(name.toLowerCase());
  const today = published.getUTCDay();
  const ahead = (target - today + 7) % 7;
  const behind = (today - target + 7) % 7;
  let offset: number;
  if (which === "next") offset = ahead === 0 ? 7 : ahead;
  else if (which === "last") offset = -(behind === 0 ? 7 : behind);
  else if (which === "this") offset = ahead;
  else offset = tense === "future" ? ahead : -behind;
  return { date: addDays(published, offset), precision: "day" };
}

/** Every date mentioned in `sentence`, in order, resolved against `published` (YYYY-MM-DD). */
export function findDates(
  sentence: string,
  published: string,
  weekdays?: Map<string, string>,
): DateMention[] {
  const base = parseIso(published);
  const report = `in a report published ${describeDate(published, "day")}`;
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const add = (
    index: number,
    expression: string,
    date: Date,
    precision: DatedAs["precision"],
    absolute: boolean,
  ) => {
    const end = index + expression.length;
    if (taken.some(([s, e]) => index < e && end > s)) return;
    taken.push([index, end]);
    const described = describeDate(iso(date), precision);
    const label = absolute ? expression : `${expression} (${report}): ${described}`;
    const year = date.getUTCFullYear();
    let rewrite = `${expression} (${described})`;
    // "this year's harvest" → "2025's harvest"; "this week's summit" → "the summit".
    if (!absolute && /^['’]s\b/.test(sentence.slice(index + expression.length)))
      rewrite = precision === "year" || precision === "month" ? described : POSSESSIVE_THE;
    if (absolute && /\d{4}$/.test(expression)) rewrite = expression;
    else if (absolute)
      rewrite =
        precision === "day"
          ? `${expression.replace(/\s+of\s+(?:this|next|last)\s+year$/i, "")}, ${year}`
          : `${expression} ${year}`;
    const saidOn = SAID_BEFORE.test(sentence.slice(0, index));
    found.push({ expression, index, when: { date: iso(date), precision, label }, rewrite, saidOn });
  };
  for (const m of sentence.matchAll(DAY_DATE)) {
    const month = monthIndex(m[1] ?? "");
    const day = Number(m[2]);
    const byTense = yearFor(base, month, day, tenseBefore(sentence, m.index, m[0].length));
    const nearest = yearFor(base, month, day, "unknown");
    // A day without a year read as more than half a year from the report is the nearest one ("Oct. 9" in a
    // November report is that October; "from Nov. 10" in a Nov. 5 report is that November), unless "since" says it is past.
    const since = /\bsince\s+$/i.test(sentence.slice(0, m.index));
    // "Nov. 10 of this year": the year it says.
    const ofYear = !m[3]
      ? /^\s+of\s+(this|next|last)\s+year\b/i.exec(sentence.slice(m.index + m[0].length))
      : null;
    const year = ofYear
      ? base.getUTCFullYear() +
        ({ this: 0, next: 1, last: -1 }[(ofYear[1] ?? "this").toLowerCase() as "this"] ?? 0)
      : m[3]
        ? Number(m[3])
        : !since && Math.abs(Date.UTC(byTense, month, day) - base.getTime()) > 183 * DAY_MS
          ? nearest
          : byTense;
    const date = new Date(Date.UTC(year, month, day));
    if (date.getUTCMonth() !== month) continue; // "Feb. 30" is not a date
    add(m.index, ofYear ? m[0] + ofYear[0] : m[0], date, "day", true);
  }
  let lastMonth: { end: number; date: number } | undefined;
  for (const m of sentence.matchAll(MONTH_ONLY)) {
    const month = monthIndex(m[1] ?? "");
    const since = /^since\b/i.test(m[0]);
    // "cargoes booked for December": what something is for may lie ahead whatever the verb's tense.
    const forMonth = /^for\b/i.test(m[0]);
    const byTense = yearFor(base, month, 15, tenseBefore(sentence, m.index));
    // A month something is for, read as more than half a year from the report, is the nearest one
    // ("booked cargoes for December" in a November report is the coming December).
    let year = m[2]
      ? Number(m[2])
      : forMonth && !since && Math.abs(Date.UTC(byTense, month, 15) - base.getTime()) > 183 * DAY_MS
        ? yearFor(base, month, 15, "unknown")
        : byTense;
    // "the surplus for January through November": a span of months ends at the nearest of its last
    // month, and begins before it.
    const through = new RegExp(
      `^\\s+(?:through|thru|to|until|[–-])\\s+(${FULL_MONTHS.join("|")})\\b(?!\\s+\\d)`,
    ).exec(sentence.slice(m.index + m[0].length));
    if (!m[2] && forMonth && through) {
      const last = monthIndex(through[1] ?? "");
      const endYear = yearFor(base, last, 15, "unknown");
      year = last >= month ? endYear : endYear - 1;
    }
    // "for December and for March through July": months listed together run forward.
    const at = m.index + m[0].indexOf(m[1] ?? "");
    const linked =
      lastMonth && /^\s*(?:,|,?\s*and|or|[–-])?\s*$/i.test(sentence.slice(lastMonth.end, m.index));
    if (!m[2] && linked && lastMonth) while (Date.UTC(year, month, 1) < lastMonth.date) year++;
    add(at, m[0].slice(m[0].indexOf(m[1] ?? "")), new Date(Date.UTC(year, month, 1)), "month", true);
    lastMonth = { end: m.index + m[0].length, date: Date.UTC(year, month, 1) };
  }
  for (const m of sentence.matchAll(RELATIVE)) {
    const r = relative(m[0], base);
    add(m.index, m[0], r.date, r.precision, false);
  }
  for (const m of sentence.matchAll(WEEKDAY)) {
    // "Monday, Nov. 10": the date says it.
    if (new RegExp(`^,?\\s+(?:${MONTH_WORD})\\s+\\d`).test(sentence.slice(m.index + m[0].length))) continue;
    const name = (m[2] ?? "").toLowerCase();
    // A weekday the article has already dated is the same day ("On Sunday …. The suspension runs from Sunday").
    const known = !m[1] ? weekdays?.get(name) : undefined;
    if (known) {
      add(m.index, m[0], parseIso(known), "day", false);
      continue;
    }
    const local = tenseBefore(sentence, m.index, m[0].length);
    const tense = local !== "unknown" ? local : FUTURE.test(sentence) ? "future" : "past";
    const r = weekday(m[1]?.toLowerCase(), m[2] ?? "", base, tense);
    if (!m[1]) weekdays?.set(name, iso(r.date));
    add(m.index, m[0], r.date, r.precision, false);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Written for "this week's" in an answer: the possessive goes with it ("this week's summit" → "the summit"). */
export const POSSESSIVE_THE = "\u2063the";

/** A rewritten text with the possessive relative dates tidied. */
export function tidyPossessives(text: string): string {
  return text.replace(/\u2063the['’]s\b/g, "the").replace(/\u2063/g, "");
}

/** `sentence` with each mentioned date rewritten absolutely ("next week (the week of March 17, 2031)"). */
export function resolveDatesIn(sentence: string, mentions: readonly DateMention[]): string {
  let out = sentence;
  for (const m of [...mentions].sort((a, b) => b.index - a.index)) {
    out = out.slice(0, m.index) + m.rewrite + out.slice(m.index + m.expression.length);
  }
  return tidyPossessives(out);
}
