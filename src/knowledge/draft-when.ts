/**
 * The dates a unit gives: when something happens, starts or ends, each on the event or measure
 * its clause is about ("Trump on Tuesday signed two executive orders" → the orders; "when they
 * meet in South Korea on Thursday" → the meeting of the people named; "last week's trade deal" →
 * the deal). A date that is part of a name ("the Oct. 9 export controls"), or says when something
 * was said or forecast, is not a date of anything.
 */
import { speakerSaid } from "./draft-amounts.js";
import { capital, dateAnswer, dateInWords, finish, theName, wordsAnswer } from "./draft-answer.js";
import { clauseAt } from "./draft-clauses.js";
import type { DateMention } from "./draft-dates.js";
import { rangeEnd } from "./draft-periods.js";
import { tokensOf } from "./draft-tokens.js";
import {
  aboutOf,
  answerSpan,
  baseOf,
  chainSpan,
  type DraftFact,
  type Reading,
  speakerAt,
  subjectAt,
  thingsIn,
  type Unit,
} from "./draft-unit.js";
import type { Attribute, Concept } from "./schema.js";

/** Verbs of happenings named by who does them ("Trump landed in Kuala Lumpur on Sunday"). */
const HAPPENING = new Set(["arrive", "land", "visit", "fly", "travel", "leave", "return", "head"]);
/** Verbs of meeting: a date after them is the date of the meeting of those named. */
const MEETING_VERBS = new Set(["meet", "sit", "talk", "gather", "convene", "negotiate"]);
const END_BEFORE =
  /\b(?:until|through|expir\w*|run out|runs out|lapse|deadline|due to end|ends?)\W+(?:\S*[^\s:;]\s+){0,6}$/i;
const START_BEFORE =
  /\b(?:from|starting|beginning|as of|since|effective|take effect|takes effect|to begin|begin|start|at or after|threatened for)\W+(?:\S*[^\s:;]\s+){0,6}$/i;

/** Verbs of reporting: a date after them says when it was reported. */
const REPORTING = new Set(["show", "report", "reveal", "indicate", "find"]);

/** "Saturday and Sunday": the second day closes a period opened by the first. */
function nextDayAfterAnd(
  text: string,
  d: DateMention,
  dates: readonly DateMention[],
): DateMention | undefined {
  const next = dates.find((x) => x.index > d.index);
  if (next?.when.precision !== "day" || d.when.precision !== "day") return undefined;
  const between = text.slice(d.index + d.expression.length, next.index);
  return /^\s*(?:and|to|through|[–-])\s*$/.test(between) && next.when.date > d.when.date ? next : undefined;
}

/** The verb nearest before `at` in its clause, within a few words. */
function verbBefore(r: Reading, at: number): string | undefined {
  const clause = clauseAt(r.clauses, at);
  const words = tokensOf(r.sentence).filter((t) => t.start >= (clause?.start ?? 0) && t.end <= at);
  for (let i = words.length - 1; i >= Math.max(0, words.length - 6); i--) {
    const w = words[i];
    if (w && (w.pos === "VERB" || (w.pos === "NOUN" && MEETING_VERBS.has(w.lemma)))) return w.lemma;
  }
  return undefined;
}

/** The people and parties named in the clause around `at`. */
function partiesAround(r: Reading, u: Unit, at: number): Set<string> {
  const [from, to] = chainSpan(r, u, at);
  return new Set(
    r.mentions
      .filter((m) => m.start >= Math.min(from, u.from) && m.end <= to && m.concept.type === "person")
      .map((m) => m.concept.id),
  );
}

/** The date claims of a unit. `used` holds the dates a status period already took. */
export function dateFacts(
  r: Reading,
  u: Unit,
  used: Set<DateMention>,
  proposeEvent: (at: number) => Concept | undefined,
): DraftFact[] {
  const out: DraftFact[] = [];
  const dates = r.dates.filter((d) => d.index >= u.from && d.index < u.to);
  for (const d of dates) {
    if (used.has(d) || (d.when.precision === "year" && !/next/i.test(d.expression))) continue;
    // A date inside a name ("the Oct. 9 export controls", "its Nov. 1 fact sheet") names, it does not date.
    if (r.mentions.some((m) => EVENTISH(m.concept) && d.index >= m.start && d.index < m.end)) continue;
    // "its Nov. 1 fact sheet", "the Oct. 9 notices": the date names the document, with no verb between.
    const named =
      /^\s+(?:([a-z-]+)\s+)?(?:controls?|notices?|fact sheet|announcement|rules?|deadline)\b/i.exec(
        r.sentence.slice(d.index + d.expression.length),
      );
    const between = named?.[1]
      ? tokensOf(r.sentence).find((t) => t.text === named[1] && t.start > d.index)
      : undefined;
    if (named && !(between && (between.pos === "VERB" || between.pos === "AUX"))) continue;
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
    // "sales data … showed on Friday": when something was reported, not a date of what it reports.
    if (REPORTING.has(verbBefore(r, d.index) ?? "")) continue;
    const near = r.sentence.slice(Math.max(0, d.index - 70), d.index);
    // "ended two days of talks … on Sunday": the clause's own verb says it is an end.
    const clause = clauseAt(r.clauses, d.index);
    const mainVerb = tokensOf(r.sentence).find(
      (t) => t.pos === "VERB" && t.start >= (clause?.start ?? 0) && t.end <= d.index,
    )?.lemma;
    const attribute: Attribute =
      END_BEFORE.test(near) || /^(?:end|conclude|wrap|close)$/.test(mainVerb ?? "")
        ? "end"
        : START_BEFORE.test(near) || /^(?:begin|start|open|launch)$/.test(mainVerb ?? "")
          ? "start"
          : "when";
    const end = d.index + d.expression.length;
    const after = r.sentence.slice(end);
    const possessive = /^['’]s\b/.test(after);
    // "the fifth round since May": the date counts the rounds, it does not date anything.
    if (
      /\bsince\s+$/i.test(r.sentence.slice(0, d.index)) &&
      /\b(?:first|second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\b/i.test(
        r.sentence.slice(chainSpan(r, u, d.index)[0], d.index),
      )
    )
      continue;
    // "on Tuesday signed two executive orders": what the verb after it acts on.
    const next = tokensOf(r.sentence).find((t) => t.start >= end);
    const verbFollows = Boolean(next && next.pos === "VERB");
    const verb = verbBefore(r, d.index);
    let subject: Concept | undefined;
    let placed = false;
    if (possessive) {
      const owned = thingsIn(r, d.index, u.to)[0];
      // "last month's tariff scare": only a measure or event named right after the possessive.
      subject = owned && owned.start - (d.index + d.expression.length) <= 4 ? owned.concept : undefined;
      if (!subject) continue;
    }
    if (!subject && verb && MEETING_VERBS.has(verb)) {
      // A round or meeting already held is not the one met again on another day or elsewhere.
      const [pFrom, pTo] = chainSpan(r, u, d.index);
      const at = {
        ...(d.when.precision === "day" ? { date: d.when.date } : {}),
        places: r.mentions
          .filter(
            (m) =>
              m.start >= pFrom &&
              m.end <= pTo &&
              (m.concept.type === "place" || m.concept.type === "country") &&
              /\b(?:in|at)\s+(?:the\s+)?$/.test(r.sentence.slice(Math.max(0, m.start - 8), m.start)),
          )
          .map((m) => m.concept.id),
      };
      // When the people's own meeting was held elsewhere, the article's talks are not it either.
      const theirs = r.meetingOf(partiesAround(r, u, d.index));
      subject = theirs
        ? r.fitsEvent(theirs, at)
          ? theirs
          : undefined
        : r.talks && r.fitsEvent(r.talks, at)
          ? r.talks
          : undefined;
      placed = Boolean(subject);
      // "ended two days of talks in Fredonville on Sunday": the round of talks the clause names.
      if (!subject) {
        const [tFrom] = chainSpan(r, u, d.index);
        subject = r.mentions.find(
          (m) =>
            m.concept.type === "event" &&
            m.start >= tFrom &&
            m.end <= d.index &&
            m.concept.part_of.length > 0 &&
            r.fitsEvent(m.concept, at),
        )?.concept;
        placed = Boolean(subject);
      }
      // "will meet Sylvanian negotiators in Fredonville next week": a meeting named by its place.
      if (!subject) {
        const [cFrom] = chainSpan(r, u, d.index);
        const at = r.mentions.find(
          (m) =>
            m.start >= cFrom &&
            m.end <= d.index &&
            m.concept.type === "place" &&
            /\b(?:in|at)\s+$/.test(r.sentence.slice(Math.max(0, m.start - 4), m.start)),
        );
        if (at) {
          const [pFrom, pTo] = chainSpan(r, u, d.index);
          const people = r.mentions.filter(
            (m) => m.start >= Math.min(pFrom, u.from) && m.end <= pTo && m.concept.type === "person",
          );
          subject = r.proposeMeeting(
            at.concept,
            new Set(people.map((m) => m.concept.id)),
            people.map((m) => r.sentence.slice(m.start, m.end)),
          );
        }
      }
    }
    // "Trump landed in Kuala Lumpur on Sunday for the summit": the landing, named by who did what.
    const clauseStart = clauseAt(r.clauses, d.index)?.start ?? 0;
    if (!subject && verb && HAPPENING.has(verb) && !thingsIn(r, clauseStart, d.index).length)
      subject = proposeEvent(d.index);
    if (!subject) {
      subject = subjectAt(r, u, d.index, verbFollows ? "after" : "before");
      // "and Beijing followed on Wednesday": a clause with its own actor does not date a measure named elsewhere.
      const [sFrom, sTo] = chainSpan(r, u, d.index);
      const inChain = thingsIn(r, sFrom, sTo).some((m) => m.concept.id === subject?.id);
      const here = clauseAt(r.clauses, d.index);
      // "On Monday, China added …, a step in line with … Beijing's fentanyl pledge": nor one named after it.
      const actor = r.mentions.some(
        (m) =>
          m.start >= Math.min(here?.start ?? 0, sFrom) &&
          m.end <= Math.max(d.index, sTo) &&
          m.concept.id !== subject?.id &&
          ["person", "organisation", "country"].includes(m.concept.type),
      );
      if (subject && !inChain && actor) subject = undefined;
    }
    if (!subject) subject = proposeEvent(d.index);
    if (!subject) continue;
    const second = rangeEnd(r.sentence, d) ? undefined : nextDayAfterAnd(r.sentence, d, dates);
    const until = rangeEnd(r.sentence, d) ?? second?.when.date;
    if (second) used.add(second);
    used.add(d);
    const speaker = speakerAt(r, u, d.index);
    const value = { ...d.when, ...(until ? { until } : {}) };
    const [spanFrom, spanTo] = answerSpan(r, u, d.index);
    // "… the shutdown that ended when Trump signed a funding bill on Wednesday": the "when" clause says it.
    const here = clauseAt(r.clauses, d.index);
    const whenAt = here ? r.sentence.slice(here.start, d.index).search(/\bwhen\s+[A-Z]/) : -1;
    const whenFrom = here && whenAt >= 0 ? here.start + whenAt + 5 : -1;
    const actorFirst =
      whenFrom >= 0 &&
      r.mentions.some(
        (m) => m.start === whenFrom && ["person", "organisation", "country"].includes(m.concept.type),
      );
    const [from, to] = actorFirst && here ? [whenFrom, here.end] : [spanFrom, spanTo];
    const wasSet =
      /\b(?:had (?:been )?set|was set|were set|had been due|was due|were due|had been scheduled|had threatened|had planned)\b/.test(
        r.sentence.slice(from, d.index),
      );
    // A measure's start or end said in our words only when the clause says it starts or ends ("takes effect", "expires").
    const clauseWords = r.sentence.slice(from, d.index);
    const startsOrEnds =
      /\b(?:effect|begins?|began|starts?|started|expir\w*|ends?|ended|run out|runs out|lapse\w*)\b/i.test(
        clauseWords,
      );
    // "last week's trade deal": the deal dates from that week.
    if (possessive && subject.type === "measure" && attribute === "when") {
      out.push({
        ...baseOf(r, speakerAt(r, u, d.index)),
        attribute,
        about: aboutOf(r, u, d.index, subject),
        value: { ...d.when },
        title: titleFor(subject, attribute),
        answer: finish(`${capital(theName(subject))} dates from ${dateInWords(d.when)}`),
      });
      used.add(d);
      continue;
    }
    const template =
      (subject.type === "event" && !/ (?:lands|arrives|signs|visits|flies|meets)\b/.test(subject.name)) ||
      (subject.type === "measure" && attribute !== "when" && (wasSet || (startsOrEnds && !u.speaker)));
    const answer = template
      ? dateAnswer({
          subject,
          attribute: attribute as "when" | "start" | "end",
          value,
          published: r.published,
          speaker,
          prefix: u.according,
          wasSet,
          done:
            next && /^(?:released|issued|published|announced|signed|sent|posted)$/.test(next.lower)
              ? next.lower
              : undefined,
        })
      : wordsAnswer(r.sentence, from, to, {
          dates: r.allDates,
          rewrites: r.rewrites,
          prefix: u.speaker ? speakerSaid(u) : undefined,
          leadIn: r.leadIn,
        });
    out.push({
      ...baseOf(r, speaker),
      attribute,
      about: aboutOf(r, u, d.index, subject, placed ? [...partiesAround(r, u, d.index)] : []),
      value,
      title: titleFor(subject, attribute),
      answer,
    });
  }
  return out;
}

function EVENTISH(c: Concept): boolean {
  return c.type === "measure" || c.type === "event";
}

function titleFor(subject: Concept, attribute: Attribute): string {
  const name = subject.name.charAt(0).toUpperCase() + subject.name.slice(1);
  const t = attribute === "end" ? `${name}: end` : attribute === "start" ? `${name}: start` : name;
  return t.length > 80 ? `${t.slice(0, 79)}…` : t.length < 3 ? `${t}…` : t;
}
