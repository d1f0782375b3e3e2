/**
 * The values a question puts forward: in "the talks are in Bangkok, right?" the asker claims a
 * place, in "is it 100 or 145 percent?" offers two figures. Dates, figures, places, people,
 * states ("cancelled", "still on") and titles are read from the words, the entities wink finds
 * and the concepts named; a value no source has ever mentioned (Bangkok) is a value all the same.
 */
import { createRequire } from "node:module";
import type { Precision, State } from "../knowledge/schema.js";
import type { Entity, Word } from "../nlp/english.js";
import { placeNameAt } from "../nlp/places.js";
import type { Mention } from "./concept-matcher.js";
import { NOT_OPTIONS } from "./form.js";
import { FUNCTION_WORDS, keyOf } from "./keys.js";

/** A value the asker puts forward. */
export interface ClaimedValue {
  kind: "date" | "figure" | "place" | "person" | "state" | "title" | "text";
  /** As written. */
  text: string;
  from: number;
  to: number;
  /** The known concept it names, if any. */
  concept?: string;
  /** A name no concept has, standing where a value goes ("in Bangkok", "X or Y"): a value, not a topic. */
  slot?: boolean;
  date?: { date: string; precision: Precision; until?: string; relative: boolean; yearGiven: boolean };
  figure?: { value: number; unit: string };
  state?: State;
}

/** Concept types, to tell places and people among the names. */
export type TypeOf = (conceptId: string) => string | undefined;

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: chrono's CJS build, loaded the first time a date is read.
let chrono: any;

/** Numbers written as words. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
};
const SCALE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  bn: 1e9,
  b: 1e9,
  tn: 1e12,
};
/** Words for a state of affairs, as lemmas, with the state they claim. */
const STATES: [RegExp, State][] = [
  [
    /\b(?:cancel|call off|scrap|drop|shelve|abandon|off the table|kill|axe|ditch|pull out of|walk away)\b/,
    "cancelled",
  ],
  [/\b(?:postpone|delay|push back|put off|reschedule)\b/, "cancelled"],
  [/\b(?:suspend|pause|freeze|halt|hold off)\b/, "suspended"],
  [/\b(?:extend|prolong|renew|roll over)\b/, "extended"],
  [/\b(?:expire|lapse|(?<!the )end(?! of| up)|over|run out|finish)\b/, "ended"],
  [/\b(?:in effect|in force|in place|take effect|kick in|impose|apply|active|live)\b/, "in_effect"],
  [/\b(?:go ahead|still on|on track|happen|take place|proceed|confirm|on schedule)\b/, "going_ahead"],
  [/\b(?:threaten|threat|warn)\b/, "threatened"],
  [/\b(?:agree|sign|seal|strike a deal|reach a deal|deal done|done deal)\b/, "agreed"],
];

/** Prepositions before a place: "in Bangkok", "at the G20". */
const PLACE_BEFORE = new Set([
  "in",
  "at",
  "to",
  "inside",
  "near",
  "from",
  "into",
  "toward",
  "towards",
  "around",
]);

/** Reads the values put forward in words `from`..`to`. */
export function claimedValues(
  words: readonly Word[],
  entities: readonly Entity[],
  mentions: readonly Mention[],
  typeOf: TypeOf,
  from: number,
  to: number,
  reference: Date,
): ClaimedValue[] {
  const out: ClaimedValue[] = [];
  const taken = new Set<number>();
  const take = (v: ClaimedValue) => {
    for (let i = v.from; i <= v.to; i++) taken.add(i);
    out.push(v);
  };
  const inRange = (a: number, b: number) => a >= from && b <= to;
  const textOf = (a: number, b: number) =>
    words
      .slice(a, b + 1)
      .map((w) => w.text)
      .join(" ")
      .replace(/\s+([%.,])/g, "$1")
      .replace(/\s+('s|'|n't)\b/gi, "$1");

  const inName = (a: number, b: number) => mentions.some((m) => m.from <= a && b <= m.to && m.from !== m.to);
  for (const e of entities) {
    if (!inRange(e.from, e.to) || inName(e.from, e.to)) continue;
    if (e.type === "DATE" || e.type === "TIME") {
      // "today in 2026", "this year": the time of asking, not a value put forward.
      if (/\b(?:today|now|currently|this year|these days)\b/i.test(e.value)) continue;
      const date = parseDate(e.value, reference);
      if (date) take({ kind: "date", text: e.value, from: e.from, to: e.to, date });
    } else if (e.type === "PERCENT" || e.type === "MONEY" || e.type === "CARDINAL") {
      const figure = parseFigure(words, e);
      if (figure)
        take({
          kind: "figure",
          text: textOf(e.from, figure.to),
          from: e.from,
          to: figure.to,
          figure: figure.figure,
        });
    }
  }
  // Month names and "nov1"-style dates wink left alone.
  for (let i = from; i <= to; i++) {
    if (taken.has(i)) continue;
    const w = words[i] as Word;
    if (
      /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\d{0,2}$/i.test(w.lower) &&
      (w.lower !== "may" || /\d/.test(words[i + 1]?.text ?? ""))
    ) {
      const span = /\d/.test(words[i + 1]?.text ?? "") ? i + 1 : i;
      const date = parseDate(fullMonth(textOf(i, span)), reference);
      if (date) take({ kind: "date", text: textOf(i, span), from: i, to: span, date });
    }
  }
  // Number words: "four rounds", "50 percent" written out; figures of time are durations.
  for (let i = from; i <= to; i++) {
    if (taken.has(i)) continue;
    const n = NUMBER_WORDS[(words[i] as Word).lower];
    if (n === undefined) continue;
    const unitWord = words[i + 1];
    if (
      unitWord &&
      /^(?:percent|%|round|rounds|ton|tons|tonne|tonnes|day|days|week|weeks|month|months|year|years)$/.test(
        unitWord.lower,
      )
    ) {
      take({
        kind: "figure",
        text: textOf(i, i + 1),
        from: i,
        to: i + 1,
        figure: { value: n, unit: unitOf(unitWord.lower) },
      });
    }
  }
  const afterPlace = (i: number) => {
    const prev = words[i - 1];
    const prev2 = words[i - 2];
    return Boolean(
      (prev && PLACE_BEFORE.has(prev.lower)) ||
        (prev && /^(?:the|a|an)$/.test(prev.lower) && prev2 && PLACE_BEFORE.has(prev2.lower)),
    );
  };
  for (const m of mentions) {
    if (!inRange(m.from, m.to)) continue;
    const type = typeOf(m.concept);
    if (type === "place" || type === "country")
      take({
        kind: "place",
        text: m.text,
        from: m.from,
        to: m.to,
        concept: m.concept,
        slot: afterPlace(m.from),
      });
    else if (type === "person")
      take({ kind: "person", text: m.text, from: m.from, to: m.to, concept: m.concept });
  }
  // Names no concept has: a capitalised or unknown word, after "in"/"at" a place, else a person.
  const named = new Set(mentions.flatMap((m) => range(m.from, m.to)));
  const lower = words.map((w) => w.lower);
  for (let i = from; i <= to; i++) {
    if (taken.has(i) || named.has(i)) continue;
    const w = words[i] as Word;
    // A country or city, however typed ("in japan", "bangkok or singapore").
    const place = placeNameAt(lower, i);
    if (place && i + place - 1 <= to && !range(i, i + place - 1).some((k) => taken.has(k) || named.has(k))) {
      const j = i + place - 1;
      const slot = Boolean(afterPlace(i) || words[i - 1]?.lower === "or" || words[j + 1]?.lower === "or");
      take({ kind: "place", text: textOf(i, j), from: i, to: j, slot });
      i = j;
      continue;
    }
    // A name: a proper noun, or a word English does not know that is not a verb or adjective form
    // ("de-escalated" is not a name; "yellen" typed in lower case is).
    const looksLikeName =
      (w.pos === "PROPN" ||
        (w.unknown &&
          w.pos !== "VERB" &&
          w.pos !== "ADJ" &&
          !/(?:ed|ing)$/.test(w.lower) &&
          !(w.text.includes("-") && !w.capital)) ||
        (w.capital && !w.first)) &&
      /^[a-z]/i.test(w.text) &&
      !FUNCTION_WORDS.has(w.lower) &&
      w.text.length > 1;
    if (!looksLikeName || NOT_OPTIONS.test(w.lower)) continue;
    let j = i;
    while (j + 1 <= to && !taken.has(j + 1) && !named.has(j + 1) && isNameWord(words[j + 1] as Word)) j++;
    const prev = words[i - 1];
    const afterPlaceWord = afterPlace(i);
    const inChoice = prev?.lower === "or" || words[j + 1]?.lower === "or";
    // The option on the other side of "or" says what kind this one is ("Xi or Li Qiang").
    const facing = inChoice
      ? out.find(
          (v) =>
            (prev?.lower === "or" && v.to === i - 2) || (words[j + 1]?.lower === "or" && v.from === j + 2),
        )
      : undefined;
    const kind =
      afterPlaceWord || (inChoice && (facing ? facing.kind === "place" : placeChoice(out)))
        ? "place"
        : "person";
    take({ kind, text: textOf(i, j), from: i, to: j, slot: Boolean(afterPlaceWord || inChoice) });
    i = j;
  }
  // "He Lifeng is China's foreign minister": a title put forward for a person named.
  for (const m of mentions) {
    if (!inRange(m.from, m.to) || typeOf(m.concept) !== "person") continue;
    let i = m.to + 1;
    if (!/^(?:is|'s|was|be|remains|became|=|as)$/.test(words[i]?.lower ?? "")) continue;
    i++;
    const start = i;
    while (
      i <= to &&
      (words[i] as Word).pos !== "PUNCT" &&
      !/^(?:right|correct|yeah|no|who|and|or|in|at|on|to|meeting|negotiating)$/.test((words[i] as Word).lower)
    )
      i++;
    const title = textOf(start, i - 1)
      .replace(/^(?:the|a|an)\s+/i, "")
      .trim();
    const looksLikeTitle =
      title &&
      /\b(?:minister|secretary|premier|president|chief|head|leader|negotiator|representative|envoy|ambassador|governor|chair|chairman|director|official|spokes\w*|adviser|advisor|czar|deputy|vice|trade rep|commerce|treasury|finance|foreign|state)\b/i.test(
        title,
      );
    if (looksLikeTitle) take({ kind: "title", text: title, from: start, to: i - 1, concept: m.concept });
  }
  // "south korea or japan?", "rare earths or semiconductors?": what follows "or" is an option of the
  // same kind as what precedes it, whatever the words.
  for (let i = from + 1; i < to; i++) {
    if ((words[i] as Word).lower !== "or") continue;
    const before = out.filter((v) => v.to === i - 1 || v.to === i - 2).sort((a, b) => b.to - a.to)[0];
    const start = i + 1;
    if (taken.has(start)) continue;
    let end = start;
    while (
      end + 1 <= to &&
      (words[end + 1] as Word).pos !== "PUNCT" &&
      !/^(?:when|for|in|at|on|to|now|then|right|correct|yeah|the)$/.test((words[end + 1] as Word).lower) &&
      end - start < 3
    )
      end++;
    if ((words[start] as Word).pos === "PUNCT" || FUNCTION_WORDS.has((words[start] as Word).lower)) continue;
    // "Bessent and He, or others too?", "or not?", "or someone else": no option of its own.
    if (NOT_OPTIONS.test((words[start] as Word).lower)) continue;
    const text = textOf(start, end);
    if (before && before.kind !== "state")
      take({ kind: before.kind, text, from: start, to: end, slot: true });
    else if (!before) {
      const prevStart = Math.max(from, i - 3);
      const prevText = textOf(prevStart, i - 1);
      take({ kind: "text", text: prevText, from: prevStart, to: i - 1, slot: true });
      take({ kind: "text", text, from: start, to: end, slot: true });
    }
  }
  const lemmas = words
    .slice(from, to + 1)
    .map((w) => w.lemma)
    .join(" ");
  for (const [pattern, state] of STATES) {
    const m = pattern.exec(lemmas);
    if (m) out.push({ kind: "state", text: m[0], from, to, state });
  }
  return out;
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

/** "oct" → "october", "sept 3" → "september 3": chrono reads a month alone only when spelled out. */
function fullMonth(text: string): string {
  return text.replace(
    /^([a-z]{3,4})\.?/i,
    (m, abbr: string) => MONTHS.find((x) => x.startsWith(abbr.toLowerCase().slice(0, 3))) ?? m,
  );
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

function isNameWord(w: Word): boolean {
  return (
    (w.pos === "PROPN" || w.unknown || w.capital) && /^[a-z0-9]/i.test(w.text) && !FUNCTION_WORDS.has(w.lower)
  );
}

function placeChoice(values: readonly ClaimedValue[]): boolean {
  return values.some((v) => v.kind === "place");
}

function unitOf(word: string): string {
  const k = keyOf(word);
  if (k === "percent" || k === "percentage") return "percent";
  if (k === "dollar" || k === "usd") return "USD";
  if (k === "tonne") return "ton";
  return k;
}

/** A figure from a wink entity, with the unit that follows it ("12 million tons"). */
function parseFigure(
  words: readonly Word[],
  e: Entity,
): { figure: { value: number; unit: string }; to: number } | undefined {
  const text = e.value.toLowerCase().replace(/,/g, "");
  const number = /(\d+(?:\.\d+)?)/.exec(text);
  let value = number ? Number(number[1]) : NUMBER_WORDS[text.split(/\s+/)[0] ?? ""];
  if (value === undefined || Number.isNaN(value)) return undefined;
  for (const [word, scale] of Object.entries(SCALE))
    if (new RegExp(`\\b${word}\\b`).test(text)) value *= scale;
  let unit = e.type === "PERCENT" ? "percent" : e.type === "MONEY" ? "USD" : "";
  let to = e.to;
  // "$14bn", "30 bln": a scale written as its own word after the number.
  const scaleWord = words[to + 1]?.lower.replace(/\.$/, "") ?? "";
  const scale =
    SCALE[scaleWord] ??
    (scaleWord === "bln" ? 1e9 : scaleWord === "mln" || scaleWord === "mn" ? 1e6 : undefined);
  if (scale && !new RegExp(`\\b${scaleWord}\\b`).test(text)) {
    value *= scale;
    to += 1;
  }
  if (!unit) {
    const at = to;
    const next = words[at + 1];
    const after = words[at + 2];
    if (next && /^(?:percent|pct|%)$/.test(next.lower)) {
      unit = "percent";
      to = at + 1;
    } else if (next && /^(?:metric|short)$/.test(next.lower) && after) {
      unit = unitOf(after.lower);
      to = at + 2;
    } else if (next && next.pos === "NOUN") {
      unit = unitOf(next.lower);
      to = at + 1;
    }
  }
  // "2.1 trillion", "3 or 5": a number without its unit still puts a figure forward; clock times do not.
  if (!unit && /\d:\d/.test(e.value)) return undefined;
  return { figure: { value, unit }, to };
}

/** A date in words, resolved against `reference`, at the precision the words give. */
export function parseDate(text: string, reference: Date): ClaimedValue["date"] {
  if (/^(?:today|now|currently|tonight|right now)$/i.test(text.trim())) return undefined;
  chrono ??= require("chrono-node");
  const results = chrono.parse(text, { instant: reference, timezone: "UTC" });
  const r = results[0];
  if (!r) {
    const year = /\b(20\d\d)\b/.exec(text);
    return year
      ? { date: `${year[1]}-01-01`, precision: "year", relative: false, yearGiven: true }
      : undefined;
  }
  const known = new Set(Object.keys(r.start.knownValues ?? {}));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const start: Date = r.start.date();
  const relative = !known.has("month") && !known.has("year");
  let precision: Precision = "day";
  if (/\bweek\b/i.test(r.text)) precision = "week";
  else if (known.has("month") && !known.has("day")) precision = "month";
  else if (!known.has("day") && !known.has("weekday") && known.has("year")) precision = "year";
  let date = iso(start);
  if (precision === "week") {
    const monday = new Date(start.getTime() - ((start.getUTCDay() + 6) % 7) * 86_400_000);
    date = iso(monday);
  } else if (precision === "month") date = `${date.slice(0, 8)}01`;
  else if (precision === "year") date = `${date.slice(0, 5)}01-01`;
  return {
    date,
    precision,
    ...(r.end ? { until: iso(r.end.date()) } : {}),
    relative,
    yearGiven: known.has("year") || relative,
  };
}
