/**
 * The answer of a drafted claim: one short plain sentence that says the claim's own fact. Dates,
 * periods, statuses and who took part are said in our words from the claim itself ("The US-China
 * talks in Malaysia took place on Oct. 25–26, 2025."); other facts in the words of their clause,
 * with relative dates written out, "he", "the ministry", "the document" or "the talks" named, the
 * dateline and a leading "But" gone, and quotation marks only around words the article itself
 * puts in quotation marks.
 */

import { type DateMention, tidyPossessives } from "./draft-dates.js";
import { nameHead } from "./draft-measures.js";
import { apDate, apDated } from "./news-style.js";
import type { Concept, DatedAs, State } from "./schema.js";

const MAX = 400;

/** A person's or body's short name for answers: the alias the article uses, else the name. */
export function shortName(c: Concept): string {
  if (c.type === "person") return c.aliases.find((a) => c.name.split(" ").includes(a)) ?? c.name;
  return c.name;
}

/** Whether a concept's name is plural ("US tariffs on Chinese goods", "port fees"). */
export function plural(c: Concept): boolean {
  if (c.type === "person" || c.type === "country") return false;
  const words = c.name.split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:on|in|of|for|with|at|to|against|between)$/.test(w));
  const head = ((cut > 0 ? words[cut - 1] : words.at(-1)) ?? "").toLowerCase();
  return /[^s]s$/.test(head) && !/(?:ss|us|is)$/.test(head);
}

/** A concept's name as the subject or object of a sentence: "the US-China trade truce", "China's …", "Scott Bessent". */
/** The head words of a body's name that take "the": "the Commerce Ministry", "the Board of Trade". */
export const BODY_HEADS =
  "Ministry|Department|Commission|Office|Administration|Council|Board|Court|Committee|Authority|Bureau|Agency|Party|House|Union|Institute|Center|Centre|Foundation|Federation|Association|Chamber";

export function theName(c: Concept): string {
  const n = c.name;
  if (c.type === "country" && /^(?:United|Republic|Netherlands|Philippines)\b/.test(n)) return `the ${n}`;
  if (
    c.type === "place" &&
    /\b(?:House|Tower|tower|Building|building|Hall|Base|Airport|Palace|Square|Strait)$/.test(n)
  )
    return `the ${n}`;
  if (["person", "country", "place"].includes(c.type) && !/^(?:[a-z]|US-|U\.S\.)/.test(n)) return n;
  if (/^(?:the|a|an)\s/i.test(n) || /^[A-Z][\w.-]*['’]s\s/.test(n)) return n;
  if (c.type === "organisation" && !new RegExp(`\\b(?:${BODY_HEADS}|office)\\b`).test(n)) return n;
  return `the ${n}`;
}

/** A sentence's first letter in capitals. */
export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A date value in words: "Oct. 30, 2025", "Oct. 25–26, 2025", "the week of Nov. 3, 2025", "November 2025". */
export function dateInWords(v: Pick<DatedAs, "date" | "precision"> & { until?: string }): string {
  if (v.until && v.precision === "day") {
    const [y1, m1] = v.date.split("-");
    const [y2, m2, d2] = v.until.split("-");
    if (y1 === y2 && m1 === m2) return `${apDate(v.date).replace(/, \d{4}$/, "")}–${Number(d2)}, ${y1}`;
    return `${apDate(v.date)} to ${apDate(v.until)}`;
  }
  return apDated(v.date, v.precision);
}

/** "on Oct. 30, 2025", "in the week of Nov. 3, 2025", "in November 2025". */
export function onDate(v: Pick<DatedAs, "date" | "precision"> & { until?: string }): string {
  const words = dateInWords(v);
  if (v.until && v.precision === "day" && / to /.test(words)) return `from ${words}`;
  return v.precision === "day" ? `on ${words}` : `in ${words}`;
}

/** How a change of status reads after "is"/"will be": "suspended", "in effect". */
const STATE_WORDS: Record<State, string> = {
  planned: "planned",
  threatened: "threatened",
  agreed: "agreed",
  in_effect: "in effect",
  happened: "over",
  going_ahead: "going ahead",
  suspended: "suspended",
  extended: "extended",
  cancelled: "called off",
  ended: "ended",
};

/** "for a year", "by a year": a length as the article gives it. */
function forLength(length: string): string {
  return /^(?:by|for)\s/i.test(length) ? length : `for ${length}`;
}

/** "According to the White House, " — for a fact reported from someone's words. */
export function according(speaker: Concept | undefined, subject?: Concept): string {
  if (!speaker || speaker.id === subject?.id) return "";
  return `According to ${theName(speaker)}, `;
}

/** The answer of a status claim: "China's rare-earth export controls are suspended until Nov. 10, 2026." */
export function statusAnswer(o: {
  subject: Concept;
  state: State;
  words?: string;
  future: boolean;
  from?: string;
  until?: string;
  length?: string;
  speaker?: Concept;
  /** Who says it, in words, instead of the speaker: "According to the White House fact sheet,". */
  prefix?: string;
}): string {
  const be = o.future ? "will be" : plural(o.subject) ? "are" : "is";
  const what = o.words ?? STATE_WORDS[o.state];
  const period =
    o.from && o.until
      ? ` from ${apDate(o.from)} until ${apDate(o.until)}`
      : o.until
        ? ` until ${apDate(o.until)}`
        : o.from
          ? ` from ${apDate(o.from)}${o.length ? ` ${forLength(o.length)}` : ""}`
          : o.length
            ? ` ${forLength(o.length)}`
            : ""; // "finalized", "agreed": what has been done, said so.
  const done =
    o.state === "agreed" && !o.future
      ? `${plural(o.subject) ? "have" : "has"} been ${what}`
      : o.state === "in_effect" && o.future && !o.words
        ? "will stay in effect"
        : undefined;
  const verb = done ?? (/^(?:will|would|could|is|are|be|not)\b/.test(what) ? what : `${be} ${what}`);
  return finish(
    `${o.prefix ? `${o.prefix} ` : according(o.speaker, o.subject)}${theName(o.subject)} ${verb}${period}`,
  );
}

/** The answer of a when, start or end claim of an event or measure, said from the claim itself. */
export function dateAnswer(o: {
  subject: Concept;
  attribute: "when" | "start" | "end";
  value: Pick<DatedAs, "date" | "precision"> & { until?: string };
  published: string;
  speaker?: Concept;
  prefix?: string;
  /** "which Trump had set to begin Nov. 1": what was to be, said as such. */
  wasSet?: boolean;
  /** The verb the article dates a document by: "released", "issued". */
  done?: string;
}): string {
  const last = o.value.until ?? periodEnd(o.value.date, o.value.precision);
  const ongoing = o.value.date <= o.published && last >= o.published && o.value.precision !== "day";
  const past =
    !ongoing && (last < o.published || (o.value.date <= o.published && o.value.precision === "day"));
  if (o.wasSet && o.attribute !== "when") {
    const verb = o.attribute === "start" ? "take effect" : "end";
    return finish(
      `${o.prefix ? `${o.prefix} ` : according(o.speaker, o.subject)}${theName(o.subject)} ${plural(o.subject) ? "were" : "was"} set to ${verb} ${onDate(o.value)}`,
    );
  }
  const s = theName(o.subject);
  const on = onDate(o.value);
  const pl = plural(o.subject);
  let body: string;
  const document = /^(?:sheet|summary|notice|announcement|statement|report|order|release)s?$/i.test(
    nameHead(o.subject.name),
  );
  if (o.attribute === "when" && document) body = `${s} ${pl ? "were" : "was"} ${o.done ?? "issued"} ${on}`;
  else if (o.attribute === "when")
    body =
      o.subject.type !== "event"
        ? `${s}: ${dateInWords(o.value)}`
        : ongoing
          ? `${s} ${pl ? "take" : "takes"} place ${on}`
          : past
            ? `${s} took place ${on}`
            : `${s} ${pl ? "are" : "is"} set for ${dateInWords(o.value)}`;
  else if (o.attribute === "start")
    body = past ? `${s} took effect ${on}` : `${s} ${pl ? "take" : "takes"} effect ${on}`;
  else body = past ? `${s} ended ${on}` : `${s} ${pl ? "are" : "is"} due to end ${on}`;
  return finish(`${o.prefix ? `${o.prefix} ` : according(o.speaker, o.subject)}${body}`);
}

/** The last day of a date at its precision. */
function periodEnd(date: string, precision: DatedAs["precision"]): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (precision === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (precision === "month") d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else if (precision === "year") d.setUTCFullYear(d.getUTCFullYear(), 11, 31);
  return d.toISOString().slice(0, 10);
}

/** The answer of a who claim: "Scott Bessent and Jamieson Greer took part in the US-China talks in Malaysia for the United States." */
export function whoAnswer(
  people: readonly Concept[],
  event: Concept,
  side?: Concept,
  future = false,
): string {
  const names = people.map((p) => p.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  return finish(
    `${list} ${future ? "will take" : "took"} part in ${theName(event)}${side ? ` for ${theName(side)}` : ""}`,
  );
}

/** The answer of a where claim: "The Trump–Xi meeting took place at Gimhae Air Base." */
export function whereAnswer(event: Concept, places: readonly Concept[], at: string, future = false): string {
  const names = places.map((p) => theName(p));
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  return finish(
    `${theName(event)} ${future ? (plural(event) ? "are to take" : "is to take") : "took"} place ${at} ${list}`,
  );
}

/** A part of a sentence rewritten: characters `start`..`end` become `text`. */
export interface Rewrite {
  start: number;
  end: number;
  text: string;
}

function balanced(s: string): boolean {
  return (
    (s.match(/"/g) ?? []).length % 2 === 0 &&
    (s.match(/\u201c/g) ?? []).length === (s.match(/\u201d/g) ?? []).length
  );
}

/**
 * The answer made from characters `from`..`to` of `sentence`: its dates written out (the dates
 * found in the sentence, so the answer says what the claim's value says), the words named in
 * `rewrites` replaced, and `prefix` ("Scott Bessent said") put before it.
 */
export function wordsAnswer(
  sentence: string,
  from: number,
  to: number,
  o: { dates?: readonly DateMention[]; rewrites?: readonly Rewrite[]; prefix?: string; leadIn?: string } = {},
): string {
  const dates = o.dates ?? [];
  // "earlier this month, on Oct. 9": the day says it; the month is not written out again.
  const said = (d: DateMention) =>
    d.when.precision === "day" ||
    !dates.some(
      (x) =>
        x !== d &&
        x.when.precision === "day" &&
        x.when.date.slice(0, 7) === d.when.date.slice(0, 7) &&
        Math.abs(x.index - d.index) < 30,
    );
  const edits: Rewrite[] = [
    ...dates
      .filter((d) => d.index >= from && d.index + d.expression.length <= to && said(d))
      .map((d) => ({ start: d.index, end: d.index + d.expression.length, text: d.rewrite })),
    ...(o.rewrites ?? []).filter((r) => r.start >= from && r.end <= to && !insideQuotes(sentence, r.start)),
  ]
    // An edit inside another gives way to it ("he" inside ", he said, ").
    .filter(
      (e, i, all) =>
        !all.some(
          (x, j) => j !== i && x.start <= e.start && x.end >= e.end && (x.start < e.start || x.end > e.end),
        ),
    )
    .sort((a, b) => b.start - a.start);
  let a = sentence.slice(from, to);
  let last = Number.POSITIVE_INFINITY;
  for (const e of edits) {
    if (e.end > last) continue;
    a = a.slice(0, e.start - from) + e.text + a.slice(e.end - from);
    last = e.start;
  }
  a = tidyPossessives(a);
  a = a.replace(/^[A-Z][A-Z .'-]+(?:,\s+[A-Z][\w .]+?)?\s+[—–-]{1,2}\s+/, "");
  a = a.replace(
    /^(?:But|And|However|Still|Meanwhile|Also|Separately|So far|On shipping|At the same time|In turn),?\s+(\w)/,
    (_m, c: string) => c.toUpperCase(),
  );
  a = a.replace(/\s*[,;:]\s*$/, "");
  if (o.leadIn) a = `${o.leadIn.replace(/:\s*$/, "")} ${a}`;
  else if (o.prefix)
    a = `${o.prefix} ${a.charAt(0).toLowerCase() === a.charAt(0) || /^(?:The|A|An|Its|Their|His|Her|It|They|That|This|Those|These|Both|Each|Some|All|Certain|Parts)\b/.test(a) || /^[A-Z][a-z]+s\s+(?:that|which|who)\b/.test(a) ? lowerFirst(a) : a}`;
  if (!balanced(a)) a = a.replace(/["\u201c\u201d]/g, "");
  return finish(a);
}

/** Whether character `at` of `text` is inside quotation marks. */
function insideQuotes(text: string, at: number): boolean {
  return (text.slice(0, at).match(/["\u201c\u201d]/g) ?? []).length % 2 === 1;
}

function lowerFirst(a: string): string {
  if (/^(?:I|I'm|I've)\b/.test(a) || /^[A-Z]{2}/.test(a) || /^[A-Z][a-z]+[A-Z]/.test(a)) return a;
  const word = /^[A-Z][a-z]*/.exec(a)?.[0] ?? "";
  return /^(?:The|A|An|Its|Their|His|Her|It|They|That|This|Those|These|Both|Each|Some|All|Certain|Any|Parts)$/.test(
    word,
  )
    ? a.charAt(0).toLowerCase() + a.slice(1)
    : a;
}

/** The answer for a claim drafted from `basis` (a slice of the article), published on `published`. */
export function answerFrom(
  basis: string,
  _published: string,
  opts: { speaker?: Concept; leadIn?: string; quoteOf?: string; dates?: readonly DateMention[] } = {},
): string {
  if (opts.quoteOf && opts.speaker)
    return finish(`${opts.speaker.name} said: "${opts.quoteOf.replace(/[.,]$/, "")}."`);
  let a = wordsAnswer(basis, 0, basis.length, { dates: opts.dates ?? [], leadIn: opts.leadIn });
  if (opts.speaker?.type === "person") {
    const name = shortName(opts.speaker);
    a = a.replace(/^(?:He|She)\b/, name).replace(/([,] )(?:he|she)( said| added| told)/, `$1${name}$2`);
  }
  return finish(a);
}

export function finish(text: string): string {
  let a = text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .trim();
  a = a.charAt(0).toUpperCase() + a.slice(1);
  a = a.replace(/,"$/, '."').replace(/[,;:]$/, "");
  if (!/[.!?]["\u201d]?$/.test(a)) a += ".";
  if (a.length <= MAX) return a;
  const cut = a.slice(0, MAX - 1);
  const clause = Math.max(cut.lastIndexOf(", "), cut.lastIndexOf("; "));
  return `${cut.slice(0, clause > 200 ? clause : cut.lastIndexOf(" ")).replace(/["\u201c\u201d]/g, "")}.`;
}
