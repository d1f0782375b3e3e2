/**
 * Changes of status a sentence states: a measure suspended, extended, cancelled, lifted, kept in
 * effect, threatened or agreed, each on the measure the verb acts on ("suspend the controls", "keep
 * its 24% tariff suspended"), dated by the period the sentence gives (from, until, for one year).
 */
import { capital, dateInWords, finish, statusAnswer, theName } from "./draft-answer.js";
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
  thingsIn,
  type Unit,
} from "./draft-unit.js";
import { apDate } from "./news-style.js";
import type { Claim, Concept, DatedAs, Holds, State } from "./schema.js";

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
  /** "had been extended in August": a state that was, drafted only as of the date it gives. */
  past?: boolean;
}

/** The changes of status in characters `from`..`to` of `sentence`, in order. */
function statesIn(sentence: string, from: number, to: number, reported = false): StateMatch[] {
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
      if (
        word &&
        !/\s/.test(m[0]) &&
        (word.pos === "NOUN" || word.pos === "ADJ" || (/ing$/.test(word.lower) && word.pos !== "VERB"))
      )
        continue;
      // "had been extended in August": what was, not what is (in reported speech it is what has been).
      const past = !reported && /\bhad\s+been\s+$/i.test(sentence.slice(Math.max(0, at - 10), at));
      // "rather than remove them", "unless the pause is extended": not a change that happens.
      if (/\b(?:rather than|instead of)\s+$/i.test(sentence.slice(Math.max(0, at - 14), at))) continue;
      if (/\b(?:unless|if)\s+(?:[\w'’-]+\s+){0,4}$/i.test(sentence.slice(Math.max(0, at - 40), at))) continue;
      if (
        state !== "cancelled" &&
        /\b(?:not|no|never)\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, at - 12), at))
      )
        continue;
      found.push({ state, at, end, text: m[0], ...(past ? { past } : {}) });
    }
  }
  found.sort((a, b) => a.at - b.at);
  // "suspend or remove the countermeasures": one change, said as the first.
  for (let i = found.length - 1; i > 0; i--) {
    const a = found[i - 1] as StateMatch;
    const b = found[i] as StateMatch;
    if (/^\s+or\s+$/.test(sentence.slice(a.end, b.at))) {
      // "suspend or remove" → "suspended or removed".
      const done = (w: string) => (/ed$/.test(w) ? w : /e$/.test(w) ? `${w}d` : `${w}ed`);
      a.text = `${done(a.text.toLowerCase())} or ${done(b.text.toLowerCase())}`;
      a.end = b.end;
      found.splice(i, 1);
    }
  }
  return found;
}

/** Whether the status word says the state of what comes before it ("keep its tariff suspended", "are suspended"). */
function describesBefore(sentence: string, m: StateMatch): boolean {
  if (!m.text) return true;
  if (m.text === "covers") return false;
  if (/\s/.test(m.text)) return !/^(?:stop|drop|end|push|hold off)/i.test(m.text);
  if (!/(?:ed|en)$/i.test(m.text)) return false;
  if (/\b(?:has|have|had)\s+$/i.test(sentence.slice(Math.max(0, m.at - 6), m.at))) return false;
  // "is suspended", "keep its tariff suspended": what comes before; "halted its inquiry", "suspended for one year the sanctions": what follows.
  if (
    /\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed)\s+(?:\w+ly\s+)?$/i.test(
      sentence.slice(Math.max(0, m.at - 20), m.at),
    )
  )
    return true;
  const next = tokensOf(sentence).find((t) => t.start >= m.end);
  if (
    next &&
    (next.pos === "DET" || next.pos === "NUM" || /^(?:its|their|his|her|worldwide|for|all)$/i.test(next.text))
  )
    return false;
  return true;
}

/** An idiom the article uses for the state ("effectively off the table"), else nothing. */
function idiom(m: StateMatch): string | undefined {
  if (!m.text || m.text === "covers") return undefined;
  if (/ or /.test(m.text)) return m.text;
  if (m.state === "agreed")
    return /^(?:finali[sz]ed|worked out)$/i.test(m.text) ? m.text.toLowerCase() : undefined;
  return /\s/.test(m.text) && !/^(?:stop|drop|end|push|hold off|pushing)/i.test(m.text) ? m.text : undefined;
}

/** Where a coordinated verb begins ("… lower its tariff … and keep the higher rate suspended"): a status's scope stops there. */
function coordinations(r: Reading, from: number, to: number): number[] {
  const tokens = tokensOf(r.sentence).filter((t) => t.start >= from && t.end <= to);
  const out: number[] = [];
  for (let i = 0; i < tokens.length - 1; i++)
    if (tokens[i]?.lower === "and" && ["VERB", "AUX"].includes(tokens[i + 1]?.pos ?? ""))
      out.push(tokens[i]?.start as number);
  return out;
}

/** The measures a verb acts on: "suspend the affiliates rule and the fees …" → both. */
function objectsAfter(r: Reading, first: Concept, at: number, to: number): Concept[] {
  const things = thingsIn(r, at, to);
  const i = things.findIndex((m) => m.concept.id === first.id);
  if (i < 0) return [first];
  const out = [first];
  for (let j = i + 1; j < things.length; j++) {
    const between = r.sentence.slice(
      (things[j - 1] as { end: number }).end,
      (things[j] as { start: number }).start,
    );
    // Joined by "and" or a comma, with nothing but the words of a noun phrase between.
    if (
      !/^(?:,\s*|,?\s+and\s+(?:the\s+)?)(?:[\w'’-]+\s+){0,4}$/.test(between) &&
      !/^,?\s+and\s+(?:[\w'’-]+\s+){0,8}$/.test(between)
    )
      break;
    out.push((things[j] as { concept: Concept }).concept);
  }
  return out;
}

/** The status claims of a unit, and the dates their periods used. */
export function statusFacts(r: Reading, u: Unit): { facts: DraftFact[]; used: Set<DateMention> } {
  const facts: (DraftFact & { relative: boolean })[] = [];
  const used = new Set<DateMention>();
  const matches = statesIn(r.sentence, u.from, u.to, Boolean(u.speaker));
  // "The suspension, which also drops …, runs from Sunday until Nov. 27, 2026": the period of what was suspended.
  const noun =
    /^(?:The|This|That|Its)\s+(suspension|pause|freeze|halt)\b(\s+(?:covers|includes|applies to)\b)?/.exec(
      r.sentence.slice(u.from, u.to),
    );
  if (noun && !matches.length) {
    const at = u.from + noun[0].length;
    // "The pause covers the fees … and planned 100% tariffs …": what it covers is suspended.
    matches.push({ state: "suspended", at, end: at, text: noun[2] ? "covers" : "" });
  }
  const joins = coordinations(r, u.from, u.to);
  for (const [i, m] of matches.entries()) {
    const scopeFrom = Math.max(
      i > 0 ? (matches[i - 1] as StateMatch).end : u.from,
      ...joins.filter((j) => j < m.at),
    );
    const scopeTo = Math.min(matches[i + 1]?.at ?? u.to, ...joins.filter((j) => j > m.end));
    const prefer = describesBefore(r.sentence, m) ? "before" : "after";
    const scope = { ...u, from: scopeFrom, to: scopeTo };
    // What a state says of what comes before it may lie before an earlier state ("the tariff Trump had threatened … will not be imposed").
    let first =
      subjectAt(r, scope, m.at, prefer) ??
      (prefer === "before" ? subjectAt(r, { ...scope, from: u.from }, m.at, prefer) : undefined);
    // "halted its inquiry into how the U.S. probe affects …": what a verb acts on comes within a few words of it.
    if (first && prefer === "after") {
      const obj = thingsIn(r, m.end, scopeTo).find((x) => x.concept.id === first?.id);
      // Words set off by commas ("extends, until Nov. 10, 2026, the suspension") do not count.
      const between = r.sentence.slice(m.end, obj?.start ?? m.end).replace(/,[^,]*,/g, " ");
      if (obj && between.trim().split(/\s+/).filter(Boolean).length > 4) first = undefined;
    }
    if (!first) continue;
    if (m.state === "agreed" && first.type !== "measure") continue;
    // "Trump had threatened": a state inside a relative clause, beside the sentence's own.
    const relative =
      /\b(?:had|has)\s+$/i.test(r.sentence.slice(Math.max(0, m.at - 5), m.at)) && m.state === "threatened";
    // The period, from what the scope says: "for one year from Nov. 10", "until Nov. 10, 2026".
    const masked = r.sentence
      .split("")
      .map((ch, k) => (k >= scopeFrom && k < scopeTo ? ch : " "))
      .join("");
    const dates = r.dates.filter((d) => d.index >= scopeFrom && d.index < scopeTo);
    const period = periodIn(masked, dates);
    const holds: Holds = { ...(r.holdsSaid ?? {}) };
    // "had been extended in August only until Nov. 10": as of the date it gives, else not drafted.
    const asOf = m.past
      ? dates.find(
          (d) =>
            d.index > m.at && /\b(?:in|on)\s+$/i.test(r.sentence.slice(Math.max(0, d.index - 4), d.index)),
        )
      : undefined;
    if (m.past && !asOf) continue;
    if (asOf) {
      holds.as_of = asOf.when.date;
      used.add(asOf);
    }
    if (period?.from) holds.from = period.from.when.date;
    // "on Monday stopped charging port fees", "On Sunday the ministry suspended …": the day of the change is when it holds from.
    const onDay =
      !period?.from && m.state !== "extended"
        ? dates.find(
            (d) =>
              d.when.precision === "day" &&
              !used.has(d) &&
              d.index < m.at &&
              m.at - d.index < 60 &&
              /\b(?:on|from)\s+$/i.test(r.sentence.slice(Math.max(0, d.index - 5), d.index)) &&
              !/\b(?:expir\w*|end\w*|due|run out|lapse\w*)\s+(?:on\s+)?$/i.test(
                r.sentence.slice(Math.max(0, d.index - 20), d.index),
              ),
          )
        : undefined;
    if (onDay) {
      holds.from = onDay.when.date;
      used.add(onDay);
    }
    // "suspending six notices …, with immediate effect": from the day the sentence dates.
    if (
      !holds.from &&
      /\b(?:with immediate effect|effective immediately)\b/i.test(r.sentence.slice(scopeFrom, scopeTo))
    ) {
      const day = r.dates.find((d) => d.when.precision === "day" && d.index < m.at && !used.has(d));
      if (day) {
        holds.from = day.when.date;
        used.add(day);
      }
    }
    if (period?.until) holds.until = period.until;
    if (period?.from) used.add(period.from);
    if (period?.untilMention) used.add(period.untilMention);
    // An extension says the old end and the new: both are the extension's.
    if (m.state === "extended" && period?.until)
      for (const d of dates)
        if (
          d.index > m.at ||
          /\b(?:expir\w*|end\w*|due|run out|lapse\w*)\s+(?:on\s+)?$/i.test(
            r.sentence.slice(Math.max(0, d.index - 20), d.index),
          )
        )
          used.add(d);
    // "extends, until Nov. 10, 2026, the suspension of a scheduled increase": what stays suspended.
    const firstAt = thingsIn(r, m.end, scopeTo).find((x) => x.concept.id === first?.id);
    // (the words up to the object, and the object's own words: "the suspension" may name what is suspended).
    const objectWords = r.sentence.slice(m.end, firstAt ? firstAt.end + 4 : m.end).replace(/,[^,]*,/g, " ");
    const extendedPause =
      m.state === "extended" &&
      /\b(?:the|its|their)\s+(?:suspension|pause|freeze)\s+(?:of|on)\b/i.test(objectWords);
    const mState: State = extendedPause ? "suspended" : m.state;
    // "the suspension of a scheduled increase to 34%": what is suspended, in the answer.
    const pausedWhat = extendedPause
      ? /^(suspension|pause|freeze)\s+(?:of|on)\s+((?:an?|the)\s+[^,;.]+?)(?=[,;]|\.(?:\s|$)|$)/i.exec(
          r.sentence.slice(firstAt?.start ?? m.end),
        )
      : null;
    const subjects: [Concept, Holds, boolean][] = (
      prefer === "after" ? objectsAfter(r, first, m.end, scopeTo) : [first]
    ).map((c) => [c, holds, true]);
    // "paused its October controls until Nov. 10, 2026, and its metals ban until Nov. 27, 2026":
    // the verb left out of the second, which has its own period.
    if (prefer === "after") {
      const last = subjects.at(-1)?.[0];
      const lastAt = thingsIn(r, m.end, scopeTo).find((x) => x.concept.id === last?.id);
      const next = lastAt ? thingsIn(r, lastAt.end, u.to)[0] : undefined;
      const gapped =
        lastAt &&
        next &&
        /^\s+(?:until|through)\s+[^;]+?,?\s+and\s+(?:its|the|their|his|her)?\s*$/.test(
          r.sentence.slice(lastAt.end, next.start),
        );
      const own = gapped
        ? r.dates.find(
            (d) =>
              d.index > (next as { end: number }).end &&
              /^\s+(?:until|through)\s+$/.test(r.sentence.slice((next as { end: number }).end, d.index)),
          )
        : undefined;
      if (next && own) {
        used.add(own);
        subjects.push([next.concept, { ...(r.holdsSaid ?? {}), until: own.when.date }, false]);
      }
    }
    for (const [subject, held, withLength] of subjects) {
      const had = facts.findIndex((f) => f.about[0] === subject.id);
      if (had >= 0 && !(facts[had] as { relative: boolean }).relative) continue;
      if (had >= 0) facts.splice(had, 1);
      const state: State = mState === "ended" && subject.type === "event" ? "happened" : mState;
      const speaker = speakerAt(r, u, m.at);
      const words = mState === m.state ? idiom(m) : undefined;
      const extendsBy = state === "extended" && withLength && !held.until ? period?.length : undefined;
      facts.push({
        ...baseOf(r, speaker),
        relative,
        attribute: "status",
        about: aboutOf(r, u, m.at, subject),
        value: { state, ...(words ? { label: words } : {}) },
        ...(Object.keys(held).length ? { holds: held } : {}),
        ...(extendsBy ? { extendsBy } : {}),
        answer: pausedWhat
          ? finish(
              `${u.according ? `${u.according} ` : ""}The ${(pausedWhat[1] ?? "").toLowerCase()} of ${pausedWhat[2]} in ${theName(subject)} is extended${held.until ? ` until ${apDate(held.until)}` : ""}`,
            )
          : asOf
            ? finish(
                `${capital(theName(subject))} had been ${m.text.toLowerCase()} in ${dateInWords(asOf.when)}${held.until ? ` until ${apDate(held.until)}` : ""}`,
              )
            : statusAnswer({
                subject,
                state,
                words,
                future: futureAt(r, u, m.at) && !/^will/.test(words ?? ""),
                from: held.from,
                until: held.until,
                length: withLength ? period?.length : undefined,
                speaker,
                prefix: u.according,
              }),
      });
    }
  }
  return { facts: facts.map(({ relative: _r, ...f }) => f), used };
}

/**
 * "pushing back the expiry of the truce by a year": the new end, from the end the knowledge has
 * for it (its latest day), when the article gives only the length. Undefined when there is none.
 */
export function endPushedBack(
  fact: DraftFact,
  subject: Concept,
  standing: readonly Claim[],
  published: string,
): DraftFact | undefined {
  const by = /\b(a|an|one|two|three|six)\s+(years?|months?)\b/i.exec(fact.extendsBy ?? "");
  if (!by) return undefined;
  const ends = standing
    .filter((c) => c.about[0] === subject.id && c.attribute === "end")
    .map((c) => c.value)
    .filter((v): v is DatedAs => "date" in v && v.precision === "day")
    .sort((a, b) => b.date.localeCompare(a.date));
  const old = ends[0];
  if (!old) return undefined;
  const n = { a: 1, an: 1, one: 1, two: 2, three: 3, six: 6 }[(by[1] ?? "").toLowerCase() as "a"] ?? 1;
  const d = new Date(`${old.date}T00:00:00Z`);
  if (/^year/i.test(by[2] ?? "")) d.setUTCFullYear(d.getUTCFullYear() + n);
  else d.setUTCMonth(d.getUTCMonth() + n);
  const date = d.toISOString().slice(0, 10);
  if (date <= published) return undefined;
  const length = `${by[1]} ${by[2]}`.toLowerCase();
  return {
    snippet: fact.snippet,
    basis: fact.basis,
    ...(fact.speaker ? { speaker: fact.speaker } : {}),
    ...(fact.holds?.as_of ? { holds: { as_of: fact.holds.as_of } } : {}),
    attribute: "end",
    about: fact.about,
    value: { date, precision: "day", label: `${length} after ${apDate(old.date)}` },
    title: `${capital(subject.name)}: end`,
    answer: finish(
      `${capital(theName(subject))} now ends on ${apDate(date)}, ${length} after its earlier end of ${apDate(old.date)}`,
    ),
  };
}
