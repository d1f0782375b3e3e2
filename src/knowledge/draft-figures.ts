/**
 * Figures in a sentence for the drafter: percentages, money ("$4.2 billion") and counted things
 * ("12,000 tons"), each with a short label from the words around it.
 */

/** A figure as the sentence gives it: 35 "%", 4.2 "$ billion", 12000 "tons". */
export interface Figure {
  value: number;
  unit: string;
  label: string;
  /** Where the figure is written in the sentence: characters `at`..`end`. */
  at: number;
  end: number;
}

import { NUMBER_WORDS } from "../search/claimed.js";

const PERCENT = /(\d+(?:\.\d+)?)\s?(%|percent\b|per cent\b)/gi;
const MONEY = /([$€£¥])\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(trillion|billion|million|thousand|bn|m)\b)?/gi;
const COUNT =
  /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s(million|billion|trillion))?\s((?:metric\s)?[a-z]{3,}s)\b(?!\s+(?:ago|later|earlier))/g;
/**
 * A count of things named with a word or two before them: "13 precursor chemicals", "six
 * export-control notices" (numbers up to twelve in words; not "the two sides").
 */
const MODIFIED_COUNT =
  /(?<![\d,.$])\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s((?:[a-z][a-z-]+\s){1,2}[a-z]{3,}s)\b(?!\s+(?:ago|later|earlier))/g;
/** Plural nouns a count of which says nothing worth recording: "the two sides", "two leaders". */
const GENERIC_COUNTED = new Set([
  "sides",
  "leaders",
  "countries",
  "nations",
  "people",
  "men",
  "women",
  "things",
  "ways",
  "parts",
]);
/** Plural nouns after a number that are not quantities worth recording (durations, dates). */
const NOT_UNITS = new Set([
  "days",
  "weeks",
  "months",
  "years",
  "hours",
  "minutes",
  "seconds",
  "times",
  "decades",
  "centuries",
]);
const STOP = new Set(
  "a an the of on in to for from by with and or as at is was were are be been its their his her this that these those last next than about over under up down".split(
    " ",
  ),
);
const SCALE: Record<string, string> = { bn: "billion", m: "million" };

function number(s: string): number {
  return Number(s.replace(/,/g, ""));
}

/** Up to three content words after `end` (the 100% "import surtax"), else before `start`. */
function labelAround(sentence: string, start: number, end: number): string {
  const after: string[] = [];
  for (const w of sentence.slice(end).split(/\s+/).filter(Boolean)) {
    const clean = w.replace(/[^\w'’-]/g, "");
    if (!clean || STOP.has(clean.toLowerCase()) || /^\d/.test(clean)) break;
    after.push(clean);
    if (after.length === 3 || /[,.;:]$/.test(w)) break;
  }
  if (after.length) return after.join(" ");
  const before = sentence
    .slice(0, start)
    .split(/\s+/)
    .map((w) => w.replace(/[^\w'’-]/g, ""))
    .filter((w) => w && !STOP.has(w.toLowerCase()))
    .slice(-3);
  return before.join(" ") || "figure";
}

/** The figures stated in `sentence`, in order. */
export function findFigures(sentence: string): Figure[] {
  const found: Figure[] = [];
  const taken: Array<[number, number]> = [];
  const add = (at: number, end: number, figure: Omit<Figure, "at" | "end">) => {
    if (taken.some(([s, e]) => at < e && end > s)) return;
    taken.push([at, end]);
    found.push({ ...figure, at, end });
  };
  for (const m of sentence.matchAll(PERCENT)) {
    const end = m.index + m[0].length;
    add(m.index, end, { value: number(m[1] ?? ""), unit: "%", label: labelAround(sentence, m.index, end) });
  }
  for (const m of sentence.matchAll(MONEY)) {
    const end = m.index + m[0].length;
    const scale = m[3] ? (SCALE[m[3].toLowerCase()] ?? m[3].toLowerCase()) : "";
    const unit = scale ? `${m[1]} ${scale}` : (m[1] ?? "$");
    add(m.index, end, { value: number(m[2] ?? ""), unit, label: labelAround(sentence, m.index, end) });
  }
  // "400 yuan": a sum in a currency named by its word.
  for (const m of sentence.matchAll(
    /\b(\d[\d,]*(?:\.\d+)?)(?:\s(million|billion))?\s(yuan|yen|won|euros?|pounds)\b/g,
  )) {
    const end = m.index + m[0].length;
    add(m.index, end, {
      value: number(m[1] ?? ""),
      unit: m[2] ? `${m[2]} ${m[3]}` : (m[3] ?? ""),
      label: m[3] ?? "",
    });
  }
  for (const m of sentence.matchAll(COUNT)) {
    const noun = m[3] ?? "";
    if (NOT_UNITS.has(noun.split(" ").pop() ?? "") || noun.endsWith("ss")) continue;
    // "April 2 unless…": the day of a date is not a count.
    if (/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$/.test(sentence.slice(0, m.index)))
      continue;
    const value = number(m[1] ?? "");
    // A bare year ("in 2025 tariffs…") is not a count.
    if (!m[2] && value >= 1900 && value <= 2100 && !m[1]?.includes(",")) continue;
    const end = m.index + m[0].length;
    const unit = m[2] ? `${m[2]} ${noun}` : noun;
    const ofWords = /^\s+of\s+(?:the\s+)?([a-z][\w-]*)/.exec(sentence.slice(end))?.[1];
    add(m.index, end, { value, unit, label: ofWords ? `${noun} of ${ofWords}` : noun });
  }
  for (const m of sentence.matchAll(MODIFIED_COUNT)) {
    const noun = m[2] ?? "";
    const head = noun.split(" ").pop() ?? "";
    if (NOT_UNITS.has(head) || GENERIC_COUNTED.has(head) || head.endsWith("ss")) continue;
    // ("two months of this year": a span, and "this" no thing counted)
    if (noun.split(" ").some((w) => STOP.has(w) || NOT_UNITS.has(w))) continue;
    // ("the 13 precursor …" after a month is a date's day; "of the six" a part of a list)
    if (/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$/.test(sentence.slice(0, m.index)))
      continue;
    // "the world's two leading economies", "the two sides": things already known, not counted here.
    if (/(?:\b(?:the|its|their|his|her|our|these|those)|['’]s)\s+$/i.test(sentence.slice(0, m.index)))
      continue;
    const first = noun.split(" ")[0] ?? "";
    if (/^(?:of|and|or|to|in|on|for|by|per|more|less|times|percent|million|billion|trillion)$/.test(first))
      continue;
    const value = NUMBER_WORDS[(m[1] ?? "").toLowerCase()] ?? number(m[1] ?? "");
    const end = m.index + m[0].length;
    add(m.index, end, { value, unit: noun, label: noun });
  }
  return found.sort((a, b) => a.at - b.at);
}
