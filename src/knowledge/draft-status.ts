/**
 * Changes of status a sentence states: a measure suspended, extended, cancelled, lifted, kept in
 * effect, threatened or agreed, each on the measure the verb acts on ("suspend the controls", "keep
 * its 24% tariff suspended"), dated by the period the sentence gives (from, until, for one year).
 */
import { statusAnswer } from "./draft-answer.js";
import type { DateMention } from "./draft-dates.js";
import { periodIn } from "./draft-periods.js";
import { tokensOf } from "./draft-tokens.js";
import {
  aboutOf,
  baseOf,
  type DraftFact,
  futureAt,
  type Reading,
  speakerAt,
  subjectAt,
  type Unit,
} from "./draft-unit.js";
import type { Holds, State } from "./schema.js";

const STATES: [RegExp, State][] = [
  [
    /\b(?:(?:effectively\s+)?off the table|will not be imposed|not be imposed|scrapped|cancel(?:l?ed|s)?|withdr[ae]w\w*|called off)\b/gi,
    "cancelled",
  ],
  [
    /\b(?:suspend\w*|paus\w*|halt\w*|on hold|hold off|froze|freez\w*|stop(?:ped|s)? (?:charging|collecting))\b/gi,
    "suspended",
  ],
  [
    /\b(?:extend(?:ed|s)?|pushing back the expiry|push(?:ed|es)? back the expiry)\b(?! export restrictions)/gi,
    "extended",
  ],
  [/\b(?:lift(?:ed|s)?|removed?|drop(?:ped|s)? (?:its|the)|end (?:its|the))\b/gi, "ended"],
  [/\b(?:staying in place|stays? in place|remain in force|retain\w*)\b/gi, "in_effect"],
  [/\b(?:threaten\w*)\b/gi, "threatened"],
  [/\b(?:finali[sz]ed|worked out)\b/gi, "agreed"],
];

interface StateMatch {
  state: State;
  at: number;
  end: number;
  text: string;
}

/** The changes of status in characters `from`..`to` of `sentence`, in order. */
function statesIn(sentence: string, from: number, to: number): StateMatch[] {
  const text = sentence.slice(from, to);
  const tokens = tokensOf(sentence);
  const found: StateMatch[] = [];
  for (const [re, state] of STATES) {
    for (const m of text.matchAll(re)) {
      const at = from + m.index;
      const end = at + m[0].length;
      if (found.some((f) => at < f.end && end > f.at)) continue;
      // A noun is not a change of status: "the mutual tariff pause", "an extension of the truce".
      const word = tokens.find((t) => t.start === at);
      if (word && !/\s/.test(m[0]) && (word.pos === "NOUN" || word.pos === "ADJ" || /ing$/.test(word.lower)))
        continue;
      if (
        state !== "cancelled" &&
        /\b(?:not|no|never)\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, at - 12), at))
      )
        continue;
      found.push({ state, at, end, text: m[0] });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Whether the status word says the state of what comes before it ("keep its tariff suspended", "are suspended"). */
function describesBefore(sentence: string, m: StateMatch): boolean {
  if (/\s/.test(m.text)) return !/^(?:stop|drop|end|push|hold off)/i.test(m.text);
  if (!/(?:ed|en)$/i.test(m.text)) return false;
  return !/\b(?:has|have|had)\s+$/i.test(sentence.slice(Math.max(0, m.at - 6), m.at));
}

/** An idiom the article uses for the state ("effectively off the table"), else nothing. */
function idiom(m: StateMatch): string | undefined {
  if (m.state === "agreed") return undefined;
  return /\s/.test(m.text) && !/^(?:stop|drop|end|push|hold off|pushing)/i.test(m.text) ? m.text : undefined;
}

/** The status claims of a unit, and the dates their periods used. */
export function statusFacts(r: Reading, u: Unit): { facts: DraftFact[]; used: Set<DateMention> } {
  const facts: DraftFact[] = [];
  const used = new Set<DateMention>();
  const matches = statesIn(r.sentence, u.from, u.to);
  for (const [i, m] of matches.entries()) {
    const scopeFrom = i > 0 ? (matches[i - 1] as StateMatch).end : u.from;
    const scopeTo = matches[i + 1]?.at ?? u.to;
    const prefer = describesBefore(r.sentence, m) ? "before" : "after";
    const subject = subjectAt(r, { ...u, from: scopeFrom, to: scopeTo }, m.at, prefer);
    if (!subject) continue;
    if (m.state === "agreed" && subject.type !== "measure") continue;
    if (facts.some((f) => f.about[0] === subject.id)) continue;
    // The period, from what the scope says: "for one year from Nov. 10", "until Nov. 10, 2026".
    const masked = r.sentence
      .split("")
      .map((ch, k) => (k >= scopeFrom && k < scopeTo ? ch : " "))
      .join("");
    const dates = r.dates.filter((d) => d.index >= scopeFrom && d.index < scopeTo);
    const period = periodIn(masked, dates);
    const holds: Holds = { ...(r.holdsSaid ?? {}) };
    if (period?.from) holds.from = period.from.when.date;
    if (period?.until) holds.until = period.until;
    if (period?.from) used.add(period.from);
    if (period?.untilMention) used.add(period.untilMention);
    const state: State = m.state === "ended" && subject.type === "event" ? "happened" : m.state;
    const speaker = speakerAt(r, u, m.at);
    const words = idiom(m);
    facts.push({
      ...baseOf(r, speaker),
      attribute: "status",
      about: aboutOf(r, u, m.at, subject),
      value: { state, ...(words ? { label: words } : {}) },
      ...(Object.keys(holds).length ? { holds } : {}),
      answer: statusAnswer({
        subject,
        state,
        words,
        future: futureAt(r, u, m.at) && !/^will/.test(words ?? ""),
        from: holds.from,
        until: holds.until,
        length: period?.length,
        speaker,
        prefix: u.according,
      }),
    });
  }
  return { facts, used };
}
