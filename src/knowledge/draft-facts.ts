/**
 * One sentence of an article → the claims it states, one per fact. The sentence is read as units:
 * itself, or, when it reports speech, each thing the speaker said ("…, and that …", "…, adding
 * that …"). Each unit gives its changes of status with their periods (draft-status.ts), its dates
 * (draft-when.ts), its figures and lengths (draft-amounts.ts), who took part and where
 * (draft-participants.ts); a thing said that gives none of those is a `said` (or `stance`) claim
 * with its speaker; words in quotation marks are a quote. A sentence that gives nothing else is a
 * claim in words (description, terms, reason…), unless it only opens its paragraph ("Beijing's
 * version differed in its wording and detail.").
 */

import { amountFacts, speakerSaid } from "./draft-amounts.js";
import { capital, finish, plural, type Rewrite, theName, wordsAnswer } from "./draft-answer.js";
import type { Speech } from "./draft-attribution.js";
import { clausesOf, speechPieces } from "./draft-clauses.js";
import type { ConceptMention, DraftConcepts } from "./draft-concepts.js";
import { findDates } from "./draft-dates.js";
import type { EventAt } from "./draft-mentions.js";
import { participantFacts } from "./draft-participants.js";
import { statusFacts } from "./draft-status.js";
import { tokensOf } from "./draft-tokens.js";
import type { DraftFact, Reading, Unit } from "./draft-unit.js";
import { baseOf, EVENTISH } from "./draft-unit.js";
import { dateFacts } from "./draft-when.js";
import { coordinatedClauses, sentenceInWords, tidyValue } from "./draft-words.js";
import type { Attribute, Claim, Concept, Holds } from "./schema.js";

export type { DraftFact } from "./draft-unit.js";

/** One sentence to draft, with what has been found in it. */
export interface SentenceFacts {
  text: string;
  /** "According to the document, China will:" for a list item (context words named). */
  leadIn?: string;
  mentions: ConceptMention[];
  speech?: Speech;
  published: string;
  /** The event the article was last talking about, for "the leaders met at …". */
  currentEvent?: Concept;
  /** The talks or meeting the article is about. */
  talks?: Concept;
  concepts: DraftConcepts;
  /** Weekdays the article has dated so far. */
  weekdays?: Map<string, string>;
  /** Words named from context, for answers. */
  rewrites?: Rewrite[];
  /** The meeting of the people named. */
  meetingOf?: (ids: ReadonlySet<string>) => Concept | undefined;
  /** Whether a known event can be the one a clause on that day, at those places, speaks of. */
  fitsEvent?: (event: Concept, at: EventAt) => boolean;
  /** A meeting named by its place, proposed in the series of the meeting of the people in `ids`. */
  proposeMeeting?: (place: Concept, ids: ReadonlySet<string>, said?: readonly string[]) => Concept;
  /** An event named by who does what ("Trump lands in Kuala Lumpur"), for a date with nothing else to belong to. */
  eventFromVerb?: (at: number) => Concept | undefined;
  /** Whether the sentence opens a paragraph of several sentences. */
  opensParagraph?: boolean;
  /** For a list item: the deal or document whose terms the list gives. */
  listOf?: Concept;
}

/** The units of a sentence: each thing its speaker said, else the sentence. `gaps` gets the attributions cut out of one ("Taiwan, he said, did not come up"). */
function unitsOf(s: SentenceFacts, gaps: Rewrite[]): Unit[] {
  const sp = s.speech;
  if (s.leadIn) {
    const according = /^(According to [^,]+),/i.exec(s.leadIn)?.[1];
    return [
      {
        from: 0,
        to: s.text.length,
        ...(according ? { according: `${according},` } : {}),
        future: /\bwill:?\s*$/.test(s.leadIn),
      },
    ];
  }
  if (!sp) return [{ from: 0, to: s.text.length }];
  const verb = sp.stance || sp.verbText === "according to" ? sp.verbText : "said";
  const units: Unit[] = [];
  let ranges = sp.ranges;
  // "Taiwan, he said, did not come up": one thing said, around its report.
  const [first, second] = ranges;
  if (
    first &&
    second &&
    ranges.length === 2 &&
    !tokensOf(s.text.slice(first[0], first[1])).some((t) => t.pos === "VERB" || t.pos === "AUX")
  ) {
    gaps.push({ start: first[1], end: second[0], text: " " });
    ranges = [[first[0], second[1]]];
  } else if (second && /^and\s+/i.test(s.text.slice(second[0], second[1]))) {
    ranges = [
      first as [number, number],
      [second[0] + (/^and\s+/i.exec(s.text.slice(second[0]))?.[0].length ?? 0), second[1]],
    ];
  }
  for (const [from, to] of ranges) {
    for (const p of speechPieces(s.text.slice(from, to), from)) {
      // Words wholly inside quotation marks are the quote's, drafted as such.
      const inner = s.text.slice(p.start, p.end);
      if (
        /^["\u201c]/.test(s.text.slice(Math.max(0, p.start - 1), p.start + 1)) &&
        !/["\u201c\u201d]/.test(inner.slice(1, -1))
      )
        continue;
      units.push({
        from: p.start,
        to: p.end,
        speaker: sp.speaker,
        verb: units.length ? "said" : verb,
        stance: sp.stance && !units.length,
        ...(sp.asSource ? { asSource: true, according: `According to ${theName(sp.speaker)},` } : {}),
      });
    }
  }
  // "…; it did not mention general licenses": after the report, the reporter's own words.
  const end = Math.max(...ranges.map(([, b]) => b));
  const semi = /^;\s+/.exec(s.text.slice(end));
  if (semi) {
    const from = end + semi[0].length;
    // "it" is the speaker, when the speaker is a body ("the ministry … ; it did not mention …").
    if (/^it\s/i.test(s.text.slice(from)) && sp.speaker.type === "organisation")
      gaps.push({ start: from, end: from + 2, text: theName(sp.speaker) });
    units.push({ from, to: s.text.length });
  }
  // "Bessent, who said he is a soybean farmer himself, said …"
  const rel = /,\s+who\s+(?:said|says)\s+(?:that\s+)?([^,]+),/.exec(s.text);
  if (rel) {
    const at = rel.index + rel[0].indexOf(rel[1] ?? "");
    units.push({ from: at, to: at + (rel[1] ?? "").length, speaker: sp.speaker, verb: "said" });
  }
  return units.sort((a, b) => a.from - b.from);
}

/** A said or stance claim for a thing said, with its speaker and our answer. */
function saidFact(r: Reading, u: Unit, speech: Speech): DraftFact | undefined {
  const speaker = u.speaker as Concept;
  const words = r.sentence.slice(u.from, u.to);
  if (words.split(/\s+/).length < 3) return undefined;
  const named = r.mentions.filter((m) => m.start >= u.from && m.end <= u.to).map((m) => m.concept.id);
  const thing = r.mentions.find(
    (m) => m.start >= u.from && m.end <= u.to && EVENTISH.has(m.concept.type),
  )?.concept;
  const attribute: Attribute = u.asSource ? "description" : u.stance ? "stance" : "said";
  const modal = /^(?:would|will|could|did|declined|refused|gave|offered)\b/.test(words);
  const prefix =
    speech.verb === "quote"
      ? `${wordsAnswer(r.sentence, 0, speech.contentStart, { rewrites: r.rewrites }).replace(/[.]$/, "")}`
      : speech.verbText === "according to"
        ? `According to ${theName(speaker)},`
        : modal
          ? capital(theName(speaker))
          : speakerSaid(u);
  return {
    ...baseOf(r, u.asSource ? undefined : speaker),
    attribute,
    about: [
      ...new Set([speaker.id, ...(thing ? [thing.id] : []), ...named.filter((id) => id !== speaker.id)]),
    ].slice(0, 5),
    value: { text: tidyValue(words) },
    answer: wordsAnswer(r.sentence, u.from, u.to, { dates: r.allDates, rewrites: r.rewrites, prefix }),
  };
}

/** The claims a sentence states. */
export function factsOf(s: SentenceFacts): DraftFact[] {
  const out: DraftFact[] = [];
  const text = s.text;
  const quoted = [...text.matchAll(/["\u201c]([^"\u201c\u201d]{3,})["\u201d]/g)];
  const allDates = findDates(text, s.published, s.weekdays);
  // Dates inside quotation marks stay as the speaker said them; the date a thing was said is not an event.
  const dates = allDates.filter(
    (d) => !d.saidOn && !quoted.some((q) => d.index > q.index && d.index < q.index + q[0].length),
  );
  // When it was said: a date in the report of the speech ("Kowalczyk said on Thursday"), not in what was said.
  const inSaid = (at: number) => (s.speech?.ranges ?? []).some(([a, b]) => at >= a && at < b);
  const verbAt = s.speech?.verbAt ?? -1;
  // "Kowalczyk said on Thursday", "In its own summary on Thursday, the ministry said": the date of the report.
  const contentAt = Math.min(...(s.speech?.ranges ?? [[text.length, 0]]).map(([a]) => a));
  const saidOn = allDates.find(
    (d) =>
      d.when.precision === "day" &&
      !inSaid(d.index) &&
      verbAt >= 0 &&
      ((d.saidOn && d.index > verbAt && d.index - verbAt < 40) ||
        (d.index < verbAt && d.index < contentAt && verbAt - d.index < 80)),
  );
  const holdsSaid: Holds | undefined =
    saidOn && saidOn.when.date <= s.published ? { as_of: saidOn.when.date } : undefined;
  const r: Reading = {
    sentence: text,
    leadIn: s.leadIn,
    clauses: clausesOf(text),
    mentions: s.mentions,
    dates,
    allDates: allDates.filter(
      (d) => !quoted.some((q) => d.index > q.index && d.index < q.index + q[0].length),
    ),
    holdsSaid,
    published: s.published,
    currentEvent: s.currentEvent,
    talks: s.talks,
    concepts: s.concepts,
    rewrites: [...(s.rewrites ?? [])],
    meetingOf: s.meetingOf ?? (() => undefined),
    fitsEvent: s.fitsEvent ?? (() => true),
    proposeMeeting:
      s.proposeMeeting ??
      ((place) => s.concepts.propose({ name: `meeting in ${place.name}`, type: "event", part_of: [] })),
  };
  const units = unitsOf(s, r.rewrites);
  const speaker = s.speech?.speaker;

  // Quotations: a statement of its own in quotation marks is the speaker's quote.
  if (s.speech && speaker) {
    for (const q of quoted) {
      const words = (q[1] ?? "").replace(/[,.]$/, "").trim();
      const long = words.length >= 12 && (/^[A-Z]/.test(words) || words.split(" ").length >= 6);
      if (!long) continue;
      out.push({
        ...baseOf(r, speaker),
        attribute: "said",
        about: [
          ...new Set([speaker.id, ...s.mentions.map((m) => m.concept.id).filter((id) => id !== speaker.id)]),
        ].slice(0, 4),
        value: { text: words },
        snippet: words,
        quote: true,
        answer: finish(`${speaker.name} said: "${words.replace(/[.,]$/, "")}."`),
      });
    }
  }

  for (const u of units) {
    const before = out.length;
    const status = statusFacts(r, u);
    out.push(...status.facts);
    out.push(...amountFacts(r, u, status.used));
    out.push(...dateFacts(r, u, status.used, (at) => (u.speaker ? undefined : s.eventFromVerb?.(at))));
    out.push(...participantFacts(r, u));
    if (out.length === before && u.speaker && s.speech) {
      const said = saidFact(r, u, s.speech);
      if (said) out.push(said);
    } else if (out.length === before && s.speech && !u.speaker) {
      // The reporter's own clause in a sentence of speech: what it says in words.
      const inUnit = s.mentions.filter((m) => m.start >= u.from && m.end <= u.to);
      const subject = inUnit.find((m) => EVENTISH.has(m.concept.type))?.concept ?? inUnit[0]?.concept;
      const words = text.slice(u.from, u.to).replace(/[.]$/, "");
      if (subject && words.split(" ").length >= 4)
        out.push({
          ...baseOf(r, undefined),
          attribute: "description",
          about: [...new Set([subject.id, ...inUnit.map((m) => m.concept.id)])].slice(0, 5),
          value: { text: tidyValue(words) },
          answer: wordsAnswer(text, u.from, u.to, { dates: r.allDates, rewrites: r.rewrites }),
        });
    }
  }

  out.push(...coordinatedClauses(s, r, out.length > 0));

  // "It was the fifth in-person round between the two teams since May": what the event was, beside its other facts.
  const ordinal =
    /\b(was|were|is|are|will be|would be)\s+((?:the|their|its)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b[^,.;]*)/i.exec(
      text,
    );
  if (ordinal && out.length && !s.speech) {
    const event =
      s.mentions.filter((m) => m.concept.type === "event" && m.start < ordinal.index).at(-1)?.concept ??
      (/^It\b/.test(text)
        ? (s.mentions.find((m) => m.concept.type === "event")?.concept ?? s.currentEvent)
        : undefined);
    if (event) {
      const copula = (ordinal[1] ?? "").toLowerCase();
      const pred = wordsAnswer(
        text,
        ordinal.index + (ordinal[1] ?? "").length + 1,
        ordinal.index + ordinal[0].length,
        { dates: r.allDates, rewrites: r.rewrites.filter((w) => w.text !== theName(event)) },
      ).replace(/[.]$/, "");
      const be = /^(?:was|were)$/.test(copula)
        ? plural(event)
          ? "were"
          : "was"
        : /^(?:is|are)$/.test(copula)
          ? plural(event)
            ? "are"
            : "is"
          : copula;
      out.push({
        ...baseOf(r, undefined),
        attribute: "description",
        about: [event.id],
        value: { text: tidyValue(ordinal[2] ?? "") },
        answer: finish(`${theName(event)} ${be} ${pred.charAt(0).toLowerCase()}${pred.slice(1)}`),
      });
    }
  }

  // Otherwise, what the sentence says in words: one claim per predicate ("witnessed …, and signed …").
  if (!out.length && !s.speech) out.push(...sentenceInWords(s, r, dates));
  return out;
}

/** For tests and the eval: a claim's fields minus id and answer. */
export type FactFields = Omit<Claim, "id" | "answer">;
