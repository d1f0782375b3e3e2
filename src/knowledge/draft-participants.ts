/**
 * Who took part in an event, and where it took place. "A and B sat down with C and D" gives one
 * `who` claim per side (split at "with", "was accompanied by"; the side named by the country the
 * people belong to); "the leaders met at Gimhae Air Base" gives a `where` claim on the event the
 * sentence names, else the meeting of the people it names, else the one the article is on.
 */
import { capital, finish, theName, whereAnswer, whoAnswer } from "./draft-answer.js";
import type { ConceptMention } from "./draft-concepts.js";
import { baseOf, type DraftFact, type Reading, type Unit } from "./draft-unit.js";
import type { Concept } from "./schema.js";

const PARTICIPATION =
  /\b(?:sat down|met with|brought|accompanied by|joined|attended|led|was also in|were also in|took part|was also part of|were part of)\b/i;
const WHERE =
  /\b(?:met|meet|meets|meetings?|held|hold|holds|take place|took place|takes place|sat down|gather\w*|convene\w*)\b[^.]*?\b(?:at|in)\b/i;

/** The country a person is part of, directly or through an organisation. */
function countryOf(r: Reading, c: Concept, seen = new Set<string>()): Concept | undefined {
  for (const id of c.part_of) {
    if (seen.has(id)) continue;
    seen.add(id);
    const p = r.concepts.get(id);
    if (p?.type === "country") return p;
    if (p) {
      const up = countryOf(r, p, seen);
      if (up) return up;
    }
  }
  return undefined;
}

/** The event a participation or place sentence is about. */
function eventOf(
  r: Reading,
  people: readonly ConceptMention[],
  before = Number.POSITIVE_INFINITY,
): Concept | undefined {
  const named = r.mentions.find((m) => m.concept.type === "event" && m.start < before);
  if (named) return named.concept;
  return r.meetingOf(new Set(people.map((m) => m.concept.id))) ?? r.talks ?? r.currentEvent;
}

/** The who and where claims of a sentence (not of reported speech). */
export function participantFacts(r: Reading, u: Unit): DraftFact[] {
  if (u.speaker) return [];
  const out: DraftFact[] = [];
  const text = r.sentence;
  const people = r.mentions.filter((m) => m.concept.type === "person");
  const verb = PARTICIPATION.exec(text);
  if (verb && people.length) {
    const at = verb.index;
    const event = eventOf(r, people, at + verb[0].length + 60);
    if (event && event.type === "event") {
      const listedAfter = /brought|accompanied by/i.test(verb[0]);
      const listed = listedAfter ? people.filter((m) => m.start > at) : people;
      // "A and B sat down … with C and D": two sides.
      const withAt = /sat down|met with/i.test(verb[0]) ? text.indexOf(" with ", at) : -1;
      const groups =
        withAt > 0
          ? [listed.filter((m) => m.start < withAt), listed.filter((m) => m.start > withAt)]
          : [listed];
      for (const g of groups.filter((x) => x.length)) {
        const ids = [...new Set(g.map((m) => m.concept.id))];
        const concepts = ids.map((id) => r.concepts.get(id)).filter((c): c is Concept => Boolean(c));
        // The side: the country all of them belong to, or the one the sentence names for the group ("the Chinese delegation").
        const countries = concepts.map((c) => countryOf(r, c)?.id);
        let side = countries.every((x) => x && x === countries[0])
          ? r.concepts.get(countries[0] as string)
          : undefined;
        // "Trump brought …", "Xi was accompanied by …": the side of the one they came with.
        const host = listedAfter ? people.filter((m) => m.start < at).at(-1) : undefined;
        if (!side && host) side = countryOf(r, host.concept);
        if (!side) {
          const named = r.mentions.filter(
            (m) =>
              m.concept.type === "country" &&
              /\b(?:delegation|side|team)\b/.test(text.slice(m.end, m.end + 15)),
          );
          if (named.length === 1) side = named[0]?.concept;
        }
        out.push({
          ...baseOf(r, undefined),
          attribute: "who",
          // ("Trump brought Bessent, Rubio …": the claim is about whose team it was too)
          about: [
            ...new Set([event.id, ...(host ? [host.concept.id] : []), ...ids, ...(side ? [side.id] : [])]),
          ].slice(0, 7),
          value: { people: ids, ...(side ? { label: `for ${side.name}` } : {}) },
          answer: whoAnswer(concepts, event, side, event && /\b(?:will|would|to)\b/.test(text.slice(0, at))),
        });
      }
    }
  }
  const where = WHERE.exec(text);
  if (where) {
    const verbAt = where.index;
    const clauseEnd =
      text.indexOf(",", verbAt + where[0].length) < 0
        ? text.length
        : text.indexOf(",", verbAt + where[0].length);
    const spots = r.mentions.filter((m) => ["place", "country"].includes(m.concept.type) && m.start > verbAt);
    const places: ConceptMention[] = [];
    for (const m of spots) {
      const lead = text.slice(Math.max(0, m.start - 8), m.start);
      // The first place after "at"/"in", and the ones listed with it ("Geneva, London, Stockholm and Madrid").
      if (!places.length && m.start < clauseEnd + 2 && /\b(?:at|in)\s+(?:the\s+)?$/.test(lead))
        places.push(m);
      else if (
        places.length &&
        /^(?:,\s*|,?\s+and\s+)$/.test(text.slice((places.at(-1) as ConceptMention).end, m.start))
      )
        places.push(m);
      else if (places.length) break;
    }
    const near = people.filter((m) => m.start < verbAt + where[0].length + 40);
    // The event named at or before the verb ("after meetings in Geneva" → those meetings), else the meeting of those named.
    const verbWord = /^\w+(?:\s+\w+)?/.exec(where[0])?.[0] ?? "";
    const verbEnd = verbAt + verbWord.length;
    const meeting = /^(?:met|meet|meets|sat down|gather|convene)/i.test(verbWord);
    const clauseStart = Math.max(0, text.lastIndexOf(",", verbAt) + 1);
    const namedEvent = r.mentions
      .filter((m) => m.concept.type === "event" && m.start <= verbEnd && (!meeting || m.start >= clauseStart))
      .at(-1)?.concept;
    const inClause = people.filter((m) => m.start >= clauseStart && m.start < verbEnd + 40);
    // "Bessent and He met again in Seoul": a round or meeting already held elsewhere is another one.
    const here = { places: places.map((p) => p.concept.id) };
    const fits = (c: Concept | undefined) => (c && r.fitsEvent(c, here) ? c : undefined);
    const theirs = meeting ? r.meetingOf(new Set(inClause.map((m) => m.concept.id))) : undefined;
    const event = meeting
      ? ((theirs ? fits(theirs) : (fits(namedEvent) ?? fits(r.talks))) ??
        (places[0] && inClause.length
          ? r.proposeMeeting(
              places[0].concept,
              new Set(inClause.map((m) => m.concept.id)),
              inClause.map((m) => text.slice(m.start, m.end)),
            )
          : undefined))
      : (namedEvent ?? eventOf(r, near, verbAt));
    if (places.length && event && event.type === "event") {
      const ids = [...new Set(places.map((p) => p.concept.id))];
      const concepts = ids.map((id) => r.concepts.get(id)).filter((c): c is Concept => Boolean(c));
      const at = /\bat\s+(?:the\s+)?$/.test(
        text.slice(Math.max(0, (places[0]?.start ?? 0) - 8), places[0]?.start),
      )
        ? "at"
        : "in";
      const future = /\b(?:will|would|to|when they)\s+(?:\w+\s+)?(?:meet|hold)\b/.test(
        text.slice(0, verbAt + where[0].length),
      );
      out.push({
        ...baseOf(r, undefined),
        attribute: "where",
        // ("Bessent and He met again in Seoul": the meeting is theirs, and found by their names)
        about: [...new Set([event.id, ...ids, ...(meeting ? inClause.map((m) => m.concept.id) : [])])].slice(
          0,
          5,
        ),
        value: { places: ids },
        answer: whereAnswer(event, concepts, at, future),
      });
      // "The leaders met at Gimhae Air Base": the meeting has happened.
      if (
        /^(?:met|sat down)\b/i.test(verbWord) &&
        !future &&
        !/\bhad\s+$/i.test(text.slice(Math.max(0, verbAt - 5), verbAt))
      )
        out.push({
          ...baseOf(r, undefined),
          attribute: "status",
          about: [event.id],
          value: { state: "happened" },
          answer: finish(
            `${capital(theName(event))} took place ${at} ${concepts.map((c) => theName(c)).join(" and ")}`,
          ),
        });
    }
  }
  return out;
}
