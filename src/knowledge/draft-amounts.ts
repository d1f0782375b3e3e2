/**
 * Figures and lengths a unit gives: a rate, a sum or a count as an `amount` of what it measures
 * (the measure it stands before, "24% additional tariff"; the thing counted, "12 million metric
 * tons of soybeans"; else the measure its clause is about), a change of rate once ("to 10% from
 * 20%" → 10, labelled "fentanyl-related tariff, 20% → 10%"), and a length as a `duration`.
 * Section numbers, notice numbers, thresholds ("at least 50% owned") and a rate a measure is named
 * by ("the 100% tariff") are not figures of anything.
 */
import { capital, finish, theName, wordsAnswer } from "./draft-answer.js";
import type { DateMention } from "./draft-dates.js";
import { type Figure, findFigures } from "./draft-figures.js";
import { tokensOf } from "./draft-tokens.js";
import {
  aboutOf,
  answerSpan,
  baseOf,
  chainGaps,
  chainSpan,
  type DraftFact,
  EVENTISH,
  type Reading,
  speakerAt,
  subjectAt,
  type Unit,
} from "./draft-unit.js";
import type { Concept, Value } from "./schema.js";

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const CURRENCIES: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "CNY" };
const DURATION =
  /\b(?:(\d+|one|two|three|four|five|six|seven)-(day|week|month|year|hour)\b|(\d+|one|two|three|four|five) (days?|hours?|weeks?)(?: and (\d+) minutes)? of\b|lasted (?:about |nearly |some )?(one|two|three|\d+) (hours?|days?)(?: and (\d+) minutes)?)/i;
const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

function num(s: string | undefined): number {
  return WORD_NUMBERS[(s ?? "").toLowerCase()] ?? Number(s);
}

function figureValue(value: number, unit: string): { figure: number; unit: string } {
  if (unit === "%") return { figure: value, unit: "percent" };
  const [first = "", second = ""] = unit.split(" ");
  const currency = CURRENCIES[first];
  const scale = SCALES[currency ? second : first] ?? 1;
  const rest = currency ? currency : SCALES[first] ? unit.split(" ").slice(1).join(" ") : unit;
  return { figure: Math.round(value * scale * 1000) / 1000, unit: rest };
}

/** The words that say what a counted figure is of: "12 million metric tons of soybeans in the current season". */
function countedSpan(sentence: string, f: Figure): string {
  const rest = sentence.slice(f.at);
  // Not at the comma or "and" of a list of years ("in 2026, 2027 and 2028"), nor at the point of "Oct.".
  const end =
    /[,;:]\s(?!\d{4}\b)|(?<![A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No))\.(?:\s|$)|\s(?:and|while|but|because|which|after|before|through)\s(?!\d{4}\b)/.exec(
      rest,
    );
  return rest
    .slice(0, end ? end.index : rest.length)
    .split(" ")
    .slice(0, 12)
    .join(" ");
}

/** What a figure counts, when it says: "tons of soybeans", "94% of the world's gallium", "cargoes of cheaper Brazilian soybeans". */
function countedThing(r: Reading, f: Figure): Concept | undefined {
  const after = r.sentence.slice(f.end);
  const of = /^\s+(?:[a-z]+\s+){0,2}?of\s+(?:the\s+world['’]s\s+|the\s+|its\s+)?/i.exec(after);
  if (!of) return undefined;
  const from = f.end + of[0].length;
  // The noun and the names before it: "cheaper Brazilian soybeans" → "Brazilian soybeans"; "cheese across the border" → "cheese".
  const words: string[] = [];
  for (const t of tokensOf(r.sentence).filter((x) => x.start >= from)) {
    if (t.pos === "NOUN" || t.pos === "PROPN" || (t.pos === "ADJ" && /^[A-Z]/.test(t.text)))
      words.push(t.text);
    else if (t.pos === "ADJ" && !words.length) continue;
    else break;
    if (words.length >= 3) break;
  }
  const name = words.join(" ").trim();
  if (!name || !/[a-z]/.test(name)) return undefined;
  // "25% of the proceeds", "a third of sales": a share of money or business is the figure of what
  // the sentence is about, not a topic of its own.
  if (
    /^(?:proceeds|sales|revenue|revenues|income|profits?|money|value|total|amount|share|cost|costs|earnings)$/i.test(
      name,
    )
  )
    return undefined;
  const known = r.mentions.find((m) => r.sentence.slice(m.start, m.end).toLowerCase() === name.toLowerCase());
  // "U.S. soybeans" are the soybeans the knowledge has.
  const bare = name.replace(/^(?:U\.S\.|US|American|Chinese|China's)\s+/, "");
  return known?.concept ?? r.concepts.named(bare) ?? r.concepts.propose({ name, type: "topic" });
}

/**
 * "a license to ship 13 precursor chemicals used to make fentanyl": a count of things nothing else
 * in the sentence owns is a figure of those things.
 */
function countedTopic(r: Reading, f: Figure): Concept | undefined {
  if (
    !/^[a-z][a-z-]*(?:\s[a-z][a-z-]*){1,2}$/.test(f.unit) ||
    /\b(?:million|billion|tons?|metric)\b/.test(f.unit)
  )
    return undefined;
  const known = r.mentions.find((m) => r.sentence.slice(m.start, m.end).toLowerCase() === f.unit);
  return known?.concept ?? r.concepts.named(f.unit) ?? r.concepts.propose({ name: f.unit, type: "topic" });
}

const LEAST = /\b(?:at least|about|nearly|some|more than|up to)\s+$/;
const COUNT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** Where a figure's words begin: "at least 12 million", else the figure. */
function figureStart(sentence: string, f: Figure): number {
  const least = LEAST.exec(sentence.slice(Math.max(0, f.at - 14), f.at));
  return least ? f.at - least[0].length : f.at;
}

/**
 * The figures a figure is listed with: "at least 12 million metric tons … this year and at least
 * 25 million tons a year in 2026, 2027 and 2028" — the one before it and the one after it, joined
 * by "and" with nothing but their own words between.
 */
function listedWith(
  sentence: string,
  f: Figure,
  all: readonly Figure[],
): { before?: Figure; after?: Figure } {
  const joined = (a: Figure, b: Figure) =>
    /(?:,\s*|\s+)and\s+$/.test(sentence.slice(a.end, figureStart(sentence, b))) &&
    !all.some((x) => x.at > a.end && x.at < b.at) &&
    !/;\s|[a-z]{3,}\.\s/.test(sentence.slice(a.end, b.at));
  const before = all.filter((x) => x.end <= f.at && joined(x, f)).at(-1);
  const after = all.find((x) => x.at >= f.end && joined(f, x));
  return { before, after };
}

/**
 * The period a figure's own words give: "a year in 2026, 2027 and 2028" → 2026-01-01..2028-12-31;
 * "in the last two months of this year" → Nov. 1..Dec. 31 of the report's year.
 */
function periodOf(words: string, published: string): { from: string; until: string } | undefined {
  const years = /\bin\s+((?:each of\s+)?\d{4}(?:,\s*\d{4})*(?:,?\s+(?:and|through)\s+\d{4})?)\b/.exec(words);
  if (years) {
    const ys = (years[1] ?? "").match(/\d{4}/g) ?? [];
    return { from: `${ys[0]}-01-01`, until: `${ys.at(-1)}-12-31` };
  }
  const months =
    /\b(?:the\s+)?(last|final|first)\s+(two|three|four|five|six)\s+months\s+of\s+(this year|next year|\d{4})\b/i.exec(
      words,
    );
  if (months) {
    const y0 = Number(published.slice(0, 4));
    const which = (months[3] ?? "").toLowerCase();
    const y = which === "this year" ? y0 : which === "next year" ? y0 + 1 : Number(which);
    const n = COUNT_WORDS[(months[2] ?? "").toLowerCase()] ?? 0;
    const last = /last|final/i.test(months[1] ?? "");
    const m0 = last ? 13 - n : 1;
    const m1 = last ? 12 : n;
    const endDay = new Date(Date.UTC(y, m1, 0)).getUTCDate();
    return {
      from: `${y}-${String(m0).padStart(2, "0")}-01`,
      until: `${y}-${String(m1).padStart(2, "0")}-${endDay}`,
    };
  }
  return undefined;
}

/** "Scott Bessent said", "The Commerce Ministry said": who said a unit, for an answer. */
export function speakerSaid(u: Unit): string {
  if (!u.speaker) return "";
  if (u.verb === "according to") return `According to ${theName(u.speaker)},`;
  return capital(`${theName(u.speaker)} ${u.verb ?? "said"}`);
}

/** The amount and duration claims of a unit; `used` gets the dates that bound a figure ("12 million tons … through January"). */
export function amountFacts(r: Reading, u: Unit, used = new Set<DateMention>()): DraftFact[] {
  const out: DraftFact[] = [];
  const allFigures = findFigures(r.sentence);
  const figures = allFigures.filter(
    (f) => f.at >= u.from && f.at < u.to && !/^(?:section|no|nos)\b/i.test(f.label),
  );
  const pairs = [...r.sentence.matchAll(/(\d+(?:\.\d+)?)%\s+from\s+(\d+(?:\.\d+)?)%/g)].map((m) => ({
    to: Number(m[1]),
    from: Number(m[2]),
    at: m.index,
    fromAt: m.index + m[0].lastIndexOf(m[2] ?? ""),
  }));
  for (const f of figures) {
    if (pairs.some((p) => p.fromAt === f.at)) continue;
    if (
      /(?:Section|No\.|Nos\.)\s+$|(?:Sections?|Nos?\.)\s+[\d.]+\s+and\s+$/.test(
        r.sentence.slice(Math.max(0, f.at - 24), f.at),
      ) &&
      f.unit !== "%" &&
      !/^[$€£¥]/.test(f.unit)
    )
      continue;
    // "at least 50% owned by …": a threshold, not a figure of anything.
    if (/^\s+(?:owned|controlled|held)\b/.test(r.sentence.slice(f.end))) continue;
    // "400 yuan, about $56": the sum again in another currency.
    if (
      /^[$€£¥]/.test(f.unit) &&
      /\d\s*(?:yuan|yen|won|euros?|pounds|dollars)?,\s+(?:about|around|roughly|or)\s+$/.test(
        r.sentence.slice(Math.max(0, f.at - 24), f.at),
      )
    )
      continue;
    // "a scheduled increase to 34%": where a change would have gone, not what stands.
    if (/\b(?:increase|rise|hike|jump|raise)\s+to\s+$/.test(r.sentence.slice(Math.max(0, f.at - 14), f.at)))
      continue;
    const before = r.mentions.find(
      (m) => EVENTISH.has(m.concept.type) && m.start >= f.end && m.start - f.end <= 16,
    );
    const inside = r.mentions.find((m) => EVENTISH.has(m.concept.type) && m.start <= f.at && m.end >= f.end);
    const own =
      inside ??
      (before && /^\s*(?:[\w-]+\s+){0,2}$/.test(r.sentence.slice(f.end, before.start)) ? before : undefined);
    const pair = pairs.find((p) => p.at === f.at);
    // "about 47 miles south of Gyeongju": the distance of the place named before it.
    const distance =
      /^\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|from)\b/.test(
        r.sentence.slice(f.end),
      ) && /^(?:miles|kilometers|kilometres|km)$/.test(f.unit);
    const [chainFrom] = chainSpan(r, u, f.at);
    const place = distance
      ? (r.mentions.find((m) => m.start >= chainFrom && m.end <= f.at && m.concept.type === "place") ??
        r.mentions.filter((m) => m.end <= f.at && ["place", "country"].includes(m.concept.type)).at(-1))
      : undefined;
    if (distance && !place) continue;
    const counted = own || distance ? undefined : countedThing(r, f);
    const subject =
      place?.concept ??
      own?.concept ??
      counted ??
      subjectAt(r, u, f.at, "before") ??
      r.mentions.find((m) => m.start >= chainFrom && !["person", "country"].includes(m.concept.type))
        ?.concept ??
      countedTopic(r, f);
    if (!subject) continue;
    // A figure other than the rate the subject is named by is not its figure ("13% tariff … compared with 3% for beans from Brazil").
    const named = /(\d+(?:\.\d+)?)%/.exec(subject.name)?.[1];
    if (named && f.unit === "%" && Number(named) !== f.value && !pair) continue;
    // The period a figure is for: "12 million metric tons … through January".
    const bound = r.dates.find(
      (d) =>
        d.index > f.end &&
        d.index - f.end < 70 &&
        /\b(?:through|until|by)\s+$/.test(r.sentence.slice(Math.max(0, d.index - 9), d.index)),
    );
    if (bound) used.add(bound);
    // "100,000 tons on Oct. 30": the day of the figure, in its label, not a date of its own.
    const dayOf = r.dates.find((d) => /^\s+on\s+$/.test(r.sentence.slice(f.end, d.index)));
    if (dayOf) used.add(dayOf);
    const v = figureValue(f.value, f.unit);
    const on =
      /^\s+(on|for)\s+((?:[\w.'’-]+,?\s){0,9}?[\w.'’-]+(?![\w.'’-]))(?=,\s+and\s+\d|;|\.(?:\s|$)|,\s+(?:while|which|who|but|and\s+(?:the|a|its))\b|$)/.exec(
        r.sentence.slice(own ? own.end : f.end),
      );
    const least =
      /\b(?:at least|about|nearly|some|more than|up to)\s+$/.exec(
        r.sentence.slice(Math.max(0, f.at - 14), f.at),
      )?.[0] ?? "";
    const span = `${least}${countedSpan(r.sentence, f)}`.trim();
    const label = pair
      ? `${subject.name}, ${pair.from}% → ${pair.to}%`
      : counted || distance
        ? span
        : on && !subject.name.toLowerCase().includes((on[2] ?? "").replace(/[,.]\s*$/, "").toLowerCase())
          ? `${subject.name} ${on[1]} ${on[2]?.replace(/[,.]\s*$/, "")}`
          : span.toLowerCase().includes(subject.name.toLowerCase()) || own
            ? `${subject.name}${own ? "" : `: ${span}`}`
            : `${subject.name}: ${span}`;
    const speaker = speakerAt(r, u, f.at);
    const [from, spanTo] = answerSpan(r, u, f.at);
    // "… at least 12 million metric tons … this year and at least 25 million tons a year in 2026,
    // 2027 and 2028": each figure answered with its own words, the other left out.
    const listed = listedWith(r.sentence, f, allFigures);
    const nextStart = listed.after ? figureStart(r.sentence, listed.after) : undefined;
    const andAt =
      nextStart !== undefined && nextStart <= spanTo
        ? f.end + r.sentence.slice(f.end, nextStart).search(/(?:,\s*|\s+)and\s+$/)
        : undefined;
    const to = andAt ?? spanTo;
    const gap =
      listed.before && listed.before.at >= from
        ? [{ start: figureStart(r.sentence, listed.before), end: figureStart(r.sentence, f), text: "" }]
        : [];
    const period = periodOf(r.sentence.slice(f.end, nextStart ?? spanTo), r.published);
    const base = baseOf(r, speaker);
    // "larger than the 15% discussed in August": a figure dated in the past stood then, not at the
    // report (so it does not replace the report's own, newer figure).
    const dated = r.allDates.find(
      (d) =>
        !d.saidOn &&
        d.index >= f.end &&
        d.index - f.end <= 40 &&
        !/[,;]|\d/.test(r.sentence.slice(f.end, d.index)) &&
        d.when.date < r.published.slice(0, 7) &&
        // ("booked 8 million tons this year": the year the report is in is not past; the count stands at the report)
        !(d.when.precision === "year" && r.published.startsWith(d.when.date.slice(0, 4))),
    );
    if (dated && !period) base.holds = { ...(base.holds ?? {}), as_of: dated.when.date };
    out.push({
      ...base,
      attribute: "amount",
      about: aboutOf(r, u, f.at, subject),
      value: { ...v, label },
      ...(period
        ? { holds: { ...(base.holds ?? {}), ...period } }
        : bound
          ? { holds: { ...(base.holds ?? {}), until: bound.when.date } }
          : {}),
      answer: wordsAnswer(r.sentence, from, to, {
        dates: r.allDates,
        rewrites: [...r.rewrites, ...gap, ...chainGaps(r, u, f.at)],
        prefix: u.speaker ? speakerSaid(u) : undefined,
        leadIn: r.leadIn,
      }),
    });
  }
  const text = r.sentence.slice(u.from, u.to);
  const dur = DURATION.exec(text);
  if (dur) {
    const at = u.from + dur.index;
    const n = num(dur[1] ?? dur[3] ?? dur[6]);
    const unit = (dur[2] ?? dur[4] ?? dur[7] ?? "").replace(/s$/, "");
    const minutes = Number(dur[5] ?? dur[8] ?? 0);
    // "two days of trade talks": what it is a length of; else what the clause is about.
    const of = /\bof$/.test(dur[0])
      ? r.mentions.find((m) => m.start > at && m.start - at < 40 && EVENTISH.has(m.concept.type))
      : undefined;
    // "a one-year deal": the length of what it names, when the article names it; else nothing.
    const hyphened = /-/.test(dur[0]);
    const named = hyphened
      ? r.mentions.find((m) => m.start >= at && m.start - at < 20 && EVENTISH.has(m.concept.type))
      : undefined;
    // "one day of public comment": the length of what it names; nothing when that is no concept.
    const subject = hyphened
      ? named?.concept
      : /\bof$/.test(dur[0])
        ? of?.concept
        : (subjectAt(r, u, at, "before") ?? r.currentEvent);
    if (subject && n) {
      const value: Value = minutes
        ? { figure: n * 60 + minutes, unit: "minutes", label: dur[0] }
        : { figure: n, unit: `${unit}${n === 1 ? "" : "s"}`, label: dur[0] };
      const speaker = speakerAt(r, u, at);
      const length = dur[0]
        .replace(/^lasted\s+/, "")
        .replace(/\s+of$/, "")
        .replace(/^(\w+)-(\w+)$/, (_m, a: string, b: string) => `${a} ${b}${n === 1 ? "" : "s"}`);
      const past = /\b(?:lasted|ended|took|was|were|held)\b/.test(text);
      // "the one-year pause" read as what was paused: the pause lasts, not the measure.
      const change = named?.context
        ? /^(?:pause|suspension|freeze|halt|extension)$/i.exec(r.sentence.slice(named.start, named.end))?.[0]
        : undefined;
      const what = change ? `the ${change.toLowerCase()} of ${theName(subject)}` : theName(subject);
      out.push({
        ...baseOf(r, speaker),
        attribute: "duration",
        about: aboutOf(r, u, at, subject),
        value,
        answer: finish(
          `${speaker && speaker.id !== subject.id ? `According to ${theName(speaker)}, ${what}` : capital(what)} ${past ? "lasted" : "lasts"} ${length}`,
        ),
      });
    }
  }
  return out;
}
