/**
 * One sentence of an article → the claims it states. Each fact is drafted once, as the attribute
 * that fits it best: a period or a status change of a measure (suspended, extended, cancelled…),
 * a date of an event (when, start, end), a figure (amount) or a length (duration), who took part,
 * where, a quotation (said, quote: true only inside quotation marks), reported speech (said, with
 * its speaker), and otherwise what the sentence says in words (description, reason, terms…).
 */

import type { Speech } from "./draft-attribution.js";
import type { ConceptMention, DraftConcepts } from "./draft-concepts.js";
import { type DateMention, findDates } from "./draft-dates.js";
import { findFigures } from "./draft-figures.js";
import { periodIn, rangeEnd } from "./draft-periods.js";
import { tokensOf } from "./draft-tokens.js";
import type { Attribute, Claim, Concept, Holds, State, Value } from "./schema.js";

/** A claim as drafted, before it gets its id and answer. */
export interface DraftFact {
  attribute: Attribute;
  about: string[];
  value: Value;
  holds?: Holds;
  speaker?: string;
  quote?: boolean;
  /** The words of the sentence the fact rests on (the sentence, or a quotation inside it). */
  snippet: string;
  /** The sentence words the answer is made from (a slice of the sentence). */
  basis: string;
  title?: string;
}

/** One sentence to draft, with what has been found in it. */
export interface SentenceFacts {
  text: string;
  /** "According to the document, China will:" for a list item. */
  leadIn?: string;
  mentions: ConceptMention[];
  speech?: Speech;
  published: string;
  /** The event the article was last talking about, for "the leaders met at …". */
  currentEvent?: Concept;
  concepts: DraftConcepts;
}

const STATES: [RegExp, State][] = [
  [
    /\b(?:off the table|will not be imposed|not be imposed|scrapped|cancel(?:l?ed|s)?|withdr[ae]w\w*)\b/i,
    "cancelled",
  ],
  [
    /\b(?:suspend\w*|paus\w*|halt\w*|on hold|hold off|froze|freez\w*|stop(?:ped|s)? (?:charging|collecting))\b/i,
    "suspended",
  ],
  [
    /\b(?:extend(?:ed|s)?|pushing back the expiry|push(?:ed|es)? back)\b(?! export restrictions)/i,
    "extended",
  ],
  [/\b(?:lift(?:ed|s)?|removed?|ended|drop(?:ped|s)? (?:its|the)|end (?:its|the))\b/i, "ended"],
  [
    /\b(?:take effect|took effect|takes effect|in effect|staying in place|stays? in place|remain in force|retain\w*|keeps? [^,.]{0,40}\bat \d+%)\b/i,
    "in_effect",
  ],
  [/\b(?:threaten\w*)\b/i, "threatened"],
  [
    /\b(?:agreed (?:on|to)|reached (?:a |an )?(?:\w+ )?(?:consensus|deal|agreement)|finali[sz]ed|worked out)\b/i,
    "agreed",
  ],
];
const PARTICIPATION =
  /\b(?:sat down|met with|brought|accompanied by|joined|attended|led|was also in|were also in|took part)\b/i;
const WHERE = /\b(?:met|meet|held|hold|take place|took place|gather\w*)\b[^.]*?\b(?:at|in)\b/i;
const REASON =
  /\b(?:because|prompting|in return for|in retaliation for|in order to|so that|aim(?:s|ed)? to|to prepare|to ease|over fentanyl)\b/i;
const TERMS =
  /\b(?:agreed to|pledged?|committed to|commit(?:s|ted)?|promised|will (?:buy|halt|suspend|issue|end|take|drop|lower|keep|resume)|under (?:the|both) (?:deal|agreement|orders?|truce))\b/i;
const IMPACT = /\b(?:disadvantage|too expensive|could (?:hit|hurt|cost|affect)|effect on|impact)\b/i;
const OUTCOME = /\b(?:produced|resulted|outcome|yield(?:ed)?)\b/i;
const EVENTISH = new Set(["event", "measure"]);
const DURATION =
  /\b(?:(\d+|one|two|three|four|five|six|seven)-(day|week|month|year|hour)\b|(\d+|one|two|three|four|five) (days?|hours?|weeks?)(?: and (\d+) minutes)? of\b|lasted (?:about |nearly |some )?(one|two|three|\d+) (hours?|days?)(?: and (\d+) minutes)?)/i;
const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

function num(s: string | undefined): number {
  return WORD_NUMBERS[(s ?? "").toLowerCase()] ?? Number(s);
}

function stateIn(text: string): { state: State; at: number } | undefined {
  const tokens = tokensOf(text);
  for (const [re, state] of STATES) {
    const m = re.exec(text);
    if (!m) continue;
    // A noun is not a change of status: "the mutual tariff pause", "an extension of the truce".
    const word = tokens.find((t) => t.start === m.index);
    if (word && !/\s/.test(m[0]) && (word.pos === "NOUN" || word.pos === "ADJ" || /ing$/.test(word.lower)))
      continue;
    if (
      state !== "cancelled" &&
      /\b(?:not|no|never)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, m.index - 12), m.index))
    )
      continue;
    return { state, at: m.index };
  }
  return undefined;
}

/** The measure or event a part of the sentence is about: the first one named there. */
function thingIn(
  mentions: readonly ConceptMention[],
  from = 0,
  to = Number.POSITIVE_INFINITY,
): Concept | undefined {
  return mentions.find((m) => m.start >= from && m.end <= to && EVENTISH.has(m.concept.type))?.concept;
}

function lastThingIn(mentions: readonly ConceptMention[], from: number, to: number): Concept | undefined {
  return mentions.filter((m) => m.start >= from && m.end <= to && EVENTISH.has(m.concept.type)).at(-1)
    ?.concept;
}

function uniq(ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((x): x is string => Boolean(x)))].slice(0, 6);
}

/** The claims a sentence states. */
export function factsOf(s: SentenceFacts): DraftFact[] {
  const out: DraftFact[] = [];
  const text = s.text;
  const named = s.mentions.map((m) => m.concept.id);
  const speaker = s.speech?.speaker.id;
  const quoted = [...text.matchAll(/["\u201c]([^"\u201c\u201d]{3,})["\u201d]/g)];
  // Dates inside quotation marks stay as the speaker said them; the date a thing was said is not an event.
  const dates = findDates(text, s.published).filter(
    (d) => !d.saidOn && !quoted.some((q) => d.index > q.index && d.index < q.index + q[0].length),
  );
  const saidOn = findDates(text, s.published).find((d) => d.saidOn && d.when.precision === "day");
  const holdsSaid: Holds | undefined =
    saidOn && saidOn.when.date <= s.published ? { as_of: saidOn.when.date } : undefined;
  const base = {
    snippet: text,
    basis: text,
    ...(speaker ? { speaker } : {}),
    ...(holdsSaid ? { holds: holdsSaid } : {}),
  };

  // 1. Quotations: the speaker's own words, a quote only when they are a statement of some length.
  if (s.speech) {
    for (const q of quoted) {
      const words = (q[1] ?? "").replace(/[,.]$/, "").trim();
      // A statement of its own is a quote; a phrase the reporter quotes inside a sentence ("a very
      // successful framework") stays in its sentence, reported speech with the words in quotation marks.
      const long = words.length >= 12 && (/^[A-Z]/.test(words) || words.split(" ").length >= 6);
      out.push({
        ...base,
        attribute: "said",
        about: uniq([speaker, ...named.filter((id) => id !== speaker)]),
        value: { text: words },
        ...(long ? { snippet: words, quote: true } : {}),
        basis: text,
      });
    }
  }

  // 2. A measure's status, dated by its period when the sentence gives one.
  const content = s.speech && !quoted.length ? s.speech.content : text;
  const contentAt = text.indexOf(content);
  const state = stateIn(content);
  const period = periodIn(text, dates);
  let statusDrafted = false;
  if (state) {
    const verbAt = contentAt + state.at;
    const subject =
      thingIn(s.mentions, verbAt) ??
      thingIn(s.mentions, 0, verbAt) ??
      (state.state === "agreed" ? undefined : undefined);
    if (subject && !(state.state === "agreed" && subject.type !== "measure")) {
      const holds: Holds = { ...(holdsSaid ?? {}) };
      if (period?.from) holds.from = period.from.when.date;
      if (period?.until) holds.until = period.until;
      const st: State = state.state === "ended" && subject.type === "event" ? "happened" : state.state;
      out.push({
        ...base,
        attribute: "status",
        about: uniq([subject.id, ...named]),
        value: { state: st, label: labelOf(content, state.at) },
        ...(Object.keys(holds).length ? { holds } : {}),
      });
      statusDrafted = true;
    }
  }

  // 3. Dates: when, start or end of the measure or event the sentence is about.
  const used = new Set<DateMention>();
  if (statusDrafted && period) {
    if (period.from) used.add(period.from);
    if (period.untilMention) used.add(period.untilMention);
  }
  for (const d of dates) {
    if (used.has(d) || (d.when.precision === "year" && !/next/i.test(d.expression))) continue;
    // "earlier this month, on Oct. 9": the day says it; the month adds nothing.
    if (
      d.when.precision !== "day" &&
      dates.some(
        (x) =>
          x.when.precision === "day" &&
          x.when.date.slice(0, 7) === d.when.date.slice(0, 7) &&
          Math.abs(x.index - d.index) < 30,
      )
    )
      continue;
    const near = text.slice(Math.max(0, d.index - 45), d.index);
    const attribute: Attribute =
      /\b(?:until|through|expir\w*|run out|lapse|deadline|due to end)\W+(?:\S+\s+){0,6}$/i.test(near)
        ? "end"
        : /\b(?:from|starting|beginning|as of|since|effective|take effect|takes effect|to begin|begin|start|at or after)\W+(?:\S+\s+){0,6}$/i.test(
              near,
            )
          ? "start"
          : "when";
    // The thing the date belongs to: "last week's trade deal" → the deal; else the nearest named before it.
    const possessive = /^['’]s\b/.test(text.slice(d.index + d.expression.length));
    const subject =
      (possessive ? thingIn(s.mentions, d.index) : undefined) ??
      lastThingIn(s.mentions, 0, d.index) ??
      thingIn(s.mentions) ??
      (attribute === "when" ? s.currentEvent : undefined);
    const thing = subject ?? eventFromVerb(s, d.index);
    if (!thing) continue;
    const until = rangeEnd(text, d) ?? nextDayAfterAnd(text, d, dates);
    if (until) {
      const other = dates.find((x) => x !== d && x.when.date === until);
      if (other) used.add(other);
    }
    used.add(d);
    out.push({
      ...base,
      attribute,
      about: uniq([thing.id, ...named]),
      value: { ...d.when, ...(until ? { until } : {}) },
      title: titleFor(thing, attribute),
    });
  }

  // 4. Figures and lengths.
  const figures = findFigures(text).filter((f) => !/^(?:section|no|nos)\b/i.test(f.label));
  const percentPairs = /(\d+(?:\.\d+)?)%\s+from\s+(\d+(?:\.\d+)?)%/.exec(text);
  for (const f of figures) {
    if (percentPairs && f.unit === "%" && f.value === Number(percentPairs[2])) continue;
    const at = findFigureAt(text, f.value);
    if (at >= 0 && /Section\s+$|No\.\s+$|Nos\.\s+$/.test(text.slice(Math.max(0, at - 9), at))) continue;
    const around =
      s.mentions.find((m) => EVENTISH.has(m.concept.type) && m.start <= at && m.end > at) ??
      s.mentions.find((m) => EVENTISH.has(m.concept.type) && m.start > at && m.start - at < 40);
    const counted = /^[\d,.]+\s+[a-z ]+?\s+of\s+([a-z][a-z -]{2,30}?)(?=[\s,.;]|$)/.exec(text.slice(at))?.[1];
    const subject =
      around?.concept ??
      nearestThing(s.mentions, at) ??
      (counted ? s.concepts.propose({ name: counted, type: "topic" }) : undefined) ??
      s.mentions[0]?.concept;
    if (!subject) continue;
    const value = figureValue(f.value, f.unit);
    const from =
      percentPairs && f.unit === "%" && f.value === Number(percentPairs[1])
        ? `, ${percentPairs[2]}% → ${percentPairs[1]}%`
        : "";
    out.push({
      ...base,
      attribute: "amount",
      about: uniq([subject.id, ...named]),
      value: {
        ...value,
        label: from ? `${subject.name}${from}` : labelFor(subject.name, spanAround(text, at)),
      },
    });
  }
  const dur = DURATION.exec(text);
  if (dur) {
    const n = num(dur[1] ?? dur[3] ?? dur[6]);
    const unit = (dur[2] ?? dur[4] ?? dur[7] ?? "").replace(/s$/, "");
    const minutes = Number(dur[5] ?? dur[8] ?? 0);
    const subject = thingIn(s.mentions, dur.index) ?? thingIn(s.mentions) ?? s.currentEvent;
    if (subject && n) {
      const value: Value = minutes
        ? { figure: n * 60 + minutes, unit: "minutes", label: dur[0] }
        : { figure: n, unit: `${unit}${n === 1 ? "" : "s"}`, label: dur[0] };
      out.push({ ...base, attribute: "duration", about: uniq([subject.id, ...named]), value });
    }
  }

  // 5. Who took part, and where.
  const people = s.mentions.filter((m) => m.concept.type === "person").map((m) => m.concept.id);
  if (PARTICIPATION.test(text) && people.length) {
    const event = thingIn(s.mentions) ?? s.currentEvent;
    if (event) {
      const after = PARTICIPATION.exec(text)?.index ?? 0;
      const listed = /brought|accompanied by/i.test(text)
        ? s.mentions.filter((m) => m.concept.type === "person" && m.start > after).map((m) => m.concept.id)
        : people;
      out.push({
        ...base,
        attribute: "who",
        about: uniq([event.id, ...listed]),
        value: { people: uniq(listed) },
      });
    }
  }
  if (WHERE.test(text) && !out.some((f) => f.attribute === "where")) {
    const verbAt = WHERE.exec(text)?.index ?? 0;
    const clauseEnd = text.indexOf(",", verbAt) < 0 ? text.length : text.indexOf(",", verbAt);
    const places = s.mentions.filter(
      (m) =>
        (m.concept.type === "place" || m.concept.type === "country") &&
        m.start > verbAt &&
        m.start < clauseEnd + 2 &&
        /\b(?:at|in)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, m.start - 8), m.start)),
    );
    const event = thingIn(s.mentions) ?? s.currentEvent;
    if (places.length && event) {
      const ids = uniq(places.map((p) => p.concept.id));
      out.push({ ...base, attribute: "where", about: uniq([event.id, ...ids]), value: { places: ids } });
    }
  }

  // 6. Otherwise, what the sentence says in words.
  if (!out.length) {
    const words = (s.speech && !quoted.length ? s.speech.content : text).replace(/[.]$/, "");
    const subject = s.speech
      ? s.speech.stance
        ? s.speech.speaker
        : (thingIn(s.mentions, contentAt) ?? s.speech.speaker)
      : (thingIn(s.mentions) ?? s.mentions[0]?.concept ?? s.currentEvent);
    if (!subject || words.split(" ").length < (s.speech ? 5 : 7)) return out;
    const attribute: Attribute = s.speech
      ? s.speech.stance
        ? "stance"
        : "said"
      : s.leadIn && TERMS.test(`${s.leadIn} ${words}`)
        ? "terms"
        : REASON.test(words)
          ? "reason"
          : TERMS.test(words)
            ? "terms"
            : IMPACT.test(words)
              ? "impact"
              : OUTCOME.test(words)
                ? "outcome"
                : "description";
    out.push({ ...base, attribute, about: uniq([subject.id, ...named]), value: { text: tidyValue(words) } });
  }
  return out;
}

/** Verbs to the form an event's name takes: "arrive" → "arrives". */
function thirdPerson(verb: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/**
 * A dated happening the article names by a verb, not a noun ("Trentino is expected to arrive in
 * Fredonville on Thursday"): proposed as an event named by who does what, "Trentino arrives in Fredonville".
 */
function eventFromVerb(s: SentenceFacts, dateAt: number): Concept | undefined {
  const actor = s.mentions.find(
    (m) => ["person", "organisation", "country"].includes(m.concept.type) && m.start < dateAt,
  );
  if (!actor) return undefined;
  const tokens = tokensOf(s.text).filter((t) => t.start >= actor.end && t.end <= dateAt);
  const verbAt = tokens.findIndex(
    (t, i) =>
      t.pos === "VERB" &&
      !/^(?:expected|set|due|scheduled|said|says)$/.test(t.lower) &&
      tokens[i + 1]?.lower !== "to",
  );
  const verb = tokens[verbAt];
  if (!verb || verb.lemma === "say" || verb.lemma === "be") return undefined;
  const rest: string[] = [];
  for (const t of tokens.slice(verbAt + 1)) {
    if (t.pos === "PUNCT" || (rest.length >= 2 && t.pos === "ADP") || rest.length >= 5) break;
    rest.push(t.text);
  }
  while (rest.length && /^(?:on|at|in|the|a|for)$/i.test(rest.at(-1) ?? "")) rest.pop();
  const actorName =
    actor.concept.type === "person"
      ? (actor.concept.aliases.find((a) => actor.concept.name.includes(a)) ?? actor.concept.name)
      : actor.concept.name;
  const name = `${actorName} ${thirdPerson(verb.lemma)}${rest.length ? ` ${rest.join(" ")}` : ""}`.replace(
    /\s+([,.])/g,
    "$1",
  );
  return s.concepts.propose({ name, type: "event", part_of: [] });
}

/** "Saturday and Sunday": the second day closes a period opened by the first. */
function nextDayAfterAnd(text: string, d: DateMention, dates: readonly DateMention[]): string | undefined {
  const next = dates.find((x) => x.index > d.index);
  if (next?.when.precision !== "day" || d.when.precision !== "day") return undefined;
  const between = text.slice(d.index + d.expression.length, next.index);
  return /^\s*(?:and|to|through|[–-])\s*$/.test(between) && next.when.date > d.when.date
    ? next.when.date
    : undefined;
}

function findFigureAt(text: string, value: number): number {
  const plain = String(value);
  const withCommas = value.toLocaleString("en-US");
  const m = new RegExp(
    `(?<![\\d.,])(?:${plain.replace(".", "\\.")}|${withCommas.replace(/[.,]/g, (c) => `\\${c}`)})(?![\\d])`,
  ).exec(text);
  return m?.index ?? -1;
}

function nearestThing(mentions: readonly ConceptMention[], at: number): Concept | undefined {
  const things = mentions.filter((m) => EVENTISH.has(m.concept.type));
  let best: ConceptMention | undefined;
  for (const m of things) if (!best || Math.abs(m.start - at) < Math.abs(best.start - at)) best = m;
  return best?.concept;
}

/** The words around a figure up to the next comma or clause break: "12 million metric tons of soybeans in the current season". */
function spanAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(" ", Math.max(0, at - 2)) + 1, 0);
  const rest = text.slice(at);
  const end =
    /[,;:.](?:\s|$)|\s(?:and|while|but|after|because|which|across|before|to|on|for|in|by|from|since|during|with|a year)\s/.exec(
      rest.replace(/^\S+\s+\S+/, (m) => m.replace(/\s/g, "\u0000")),
    );
  const span = text.slice(at, at + (end ? end.index : rest.length));
  const lead = text.slice(start, at).trim();
  return `${/^(?:\$|about|at|least|nearly|some|over)$/.test(lead) ? `${lead} ` : ""}${span}`
    .split(" ")
    .slice(0, 12)
    .join(" ");
}

function labelFor(name: string, span: string): string {
  return span.toLowerCase().includes(name.toLowerCase()) ? span : `${name}: ${span}`;
}

function labelOf(text: string, at: number): string {
  const from = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 30)));
  return (
    text
      .slice(from, at + 60)
      .replace(/^\S*\s/, "")
      .split(/[,;](?:\s|$)/)[0]
      ?.trim()
      .split(" ")
      .slice(0, 10)
      .join(" ") || "status"
  );
}

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const CURRENCIES: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "CNY" };

function figureValue(value: number, unit: string): { figure: number; unit: string } {
  if (unit === "%") return { figure: value, unit: "percent" };
  const [first = "", second = ""] = unit.split(" ");
  const currency = CURRENCIES[first];
  const scale = SCALES[currency ? second : first] ?? 1;
  const rest = currency ? currency : SCALES[first] ? unit.split(" ").slice(1).join(" ") : unit;
  return { figure: Math.round(value * scale * 1000) / 1000, unit: rest };
}

function titleFor(subject: Concept, attribute: Attribute): string {
  const name = subject.name.charAt(0).toUpperCase() + subject.name.slice(1);
  const t = attribute === "end" ? `${name}: end` : attribute === "start" ? `${name}: start` : name;
  return t.length > 80 ? `${t.slice(0, 79)}…` : t.length < 3 ? `${t}…` : t;
}

function tidyValue(words: string): string {
  return words
    .replace(/["\u201c\u201d]/g, "")
    .replace(/^(?:But|And|However|Also|Meanwhile),?\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** For tests and the eval: a claim's fields minus id and answer. */
export type FactFields = Omit<Claim, "id" | "answer">;
