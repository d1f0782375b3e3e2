/**
 * What the words of a sentence refer back to, for answers that stand on their own: "the talks",
 * "those fees", "the order" named from what the article said before; "the ministry", "the
 * commission" the body the article last named with that word; "the document" the document it last
 * named; "He" at the head of a sentence, and "him" when no one else is named, the person it last
 * named. And a dated happening the article names by a verb, not a noun ("Trentino is expected to
 * arrive in Fredonville on Thursday"), proposed as an event named by who does what.
 */
import { plural, type Rewrite, theName } from "./draft-answer.js";
import type { Recent } from "./draft-attribution.js";
import { clauseAt, clausesOf } from "./draft-clauses.js";
import type { ConceptMention, DraftConcepts } from "./draft-concepts.js";
import { BODY_KINDS, type MentionFinder } from "./draft-mentions.js";
import { type Token, tokensOf } from "./draft-tokens.js";
import type { Concept } from "./schema.js";

const ORG_WORDS = new RegExp(`\\bthe\\s+(${BODY_KINDS})\\b`, "gi");
const DETERMINER = /\b(?:the|that|this|those|these|its|their|his|her)\s+$/i;
const DEMONSTRATIVE = /\b(?:that|this|those|these)\s+$/i;

/** The rewrites that name, in an answer, what the words of `text` refer back to. */
export function rewritesOf(
  text: string,
  mentions: readonly ConceptMention[],
  recent: Recent,
  finder?: MentionFinder,
): Rewrite[] {
  const out: Rewrite[] = [];
  for (const m of mentions) {
    // "those controls", "That truce": named as what they point back to.
    const pointing =
      DEMONSTRATIVE.test(text.slice(Math.max(0, m.start - 7), m.start)) &&
      ["measure", "event"].includes(m.concept.type);
    if (!m.context && !pointing) continue;
    // Only a bare word ("the talks", "those fees") is renamed; "their first face-to-face talks" says more than a name.
    const surface = text
      .slice(m.start, m.end)
      .trim()
      .replace(/^(?:the|this|that|those|these)\s+/i, "");
    if (surface.split(/\s+/).length > 1 && !pointing) continue;
    // "The order" is one of "two executive orders": not renamed as all of them.
    if (/s$/i.test(surface) !== plural(m.concept)) continue;
    const det = DETERMINER.exec(text.slice(Math.max(0, m.start - 8), m.start));
    const start = det ? m.start - det[0].length : m.start;
    out.push({ start, end: m.end, text: theName(m.concept) });
  }
  const taken = (a: number, b: number) =>
    out.some((r) => a < r.end && b > r.start) || mentions.some((m) => a < m.end && b > m.start);
  for (const m of text.matchAll(ORG_WORDS)) {
    const word = (m[1] ?? "").toLowerCase();
    const org = [...recent.parties]
      .reverse()
      .find((p) => p.type === "organisation" && p.name.toLowerCase().includes(word));
    if (org && !taken(m.index, m.index + m[0].length))
      out.push({ start: m.index, end: m.index + m[0].length, text: theName(org) });
  }
  const doc = /\bthe\s+document\b/i.exec(text);
  if (doc && finder?.lastDocument && !taken(doc.index, doc.index + doc[0].length))
    out.push({ start: doc.index, end: doc.index + doc[0].length, text: theName(finder.lastDocument) });
  const person = recent.person;
  if (person) {
    const he = /^(?:He|She)\b/.exec(text);
    if (he) out.push({ start: 0, end: he[0].length, text: person.name });
    // "Asked to score it from zero to 10, he gave it a 12."
    for (const m of text.matchAll(/,\s+(he|she)\s+(?=[a-z]+(?:ed|ave|ook|old|aid|ame|ent|ew)\b)/g)) {
      const at = m.index + m[0].indexOf(m[1] ?? "");
      if (!taken(at, at + 2)) out.push({ start: at, end: at + (m[1] ?? "").length, text: person.name });
    }
    const his = /^(?:His|Her)\b/.exec(text);
    if (his && !taken(0, his[0].length)) out.push({ start: 0, end: his[0].length, text: `${person.name}'s` });
    // "Anwar Ibrahim greeted him": him is the one named before, when this sentence does not name them.
    const named = mentions.some((m) => m.concept.id === person.id);
    if (!named)
      for (const m of text.matchAll(/\b(?:him|her)\b(?!\s+(?:own|\w+s)\b)/g))
        if (!taken(m.index, m.index + m[0].length))
          out.push({ start: m.index, end: m.index + m[0].length, text: person.name });
  }
  // "It gave no soybean volumes.": the body the article last named, when the sentence names none.
  const itDid = /^It\s+(?=[a-z]+(?:ed|ave|ook|old|aid|id)\b)/.exec(text);
  if (itDid && recent.organisation && !mentions.some((m) => m.concept.type === "organisation"))
    out.push({ start: 0, end: 2, text: capitalName(recent.organisation) });
  // "It was the fifth round …": the event the sentence is about.
  const it = /^It\s+(?=(?:was|is|will be)\b)/.exec(text);
  const event = mentions.find((m) => m.concept.type === "event");
  if (it && event) out.push({ start: 0, end: 2, text: capitalName(event.concept) });
  return out;
}

function capitalName(c: Concept): string {
  const n = theName(c);
  return n.charAt(0).toUpperCase() + n.slice(1);
}

/** A list's lead-in with what it refers back to named: "According to the document, China will:" → "… the White House fact sheet …". */
export function leadInNamed(leadIn: string, finder: MentionFinder, recent: Recent): string {
  let out = leadIn;
  const edits = rewritesOf(leadIn, [], recent, finder).sort((a, b) => b.start - a.start);
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Verbs to the form an event's name takes: "arrive" → "arrives". */
function thirdPerson(verb: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Verbs of happenings a date can belong to when no event is named: arrive, land, visit, sign… */
const HAPPENING = new Set([
  "arrive",
  "land",
  "visit",
  "sign",
  "fly",
  "travel",
  "leave",
  "return",
  "meet",
  "head",
  "witness",
]);

/**
 * A dated happening the article names by a verb ("Trentino is expected to arrive in Fredonville on
 * Thursday"): proposed as an event named by who does what, "Trentino arrives in Fredonville".
 */
export function eventFromVerb(
  text: string,
  mentions: readonly ConceptMention[],
  dateAt: number,
  concepts: DraftConcepts,
): Concept | undefined {
  // The actor and verb of the date's own clause.
  const clause = clauseAt(clausesOf(text), dateAt);
  const from = clause?.start ?? 0;
  const actor = mentions
    .filter(
      (m) =>
        ["person", "organisation", "country"].includes(m.concept.type) && m.start >= from && m.start < dateAt,
    )
    .at(0);
  if (!actor) return undefined;
  const tokens = tokensOf(text).filter((t) => t.start >= actor.end && t.end <= dateAt);
  const verbAt = tokens.findIndex(
    (t, i) =>
      t.pos === "VERB" &&
      !/^(?:expected|set|due|scheduled|said|says)$/.test(t.lower) &&
      tokens[i + 1]?.lower !== "to",
  );
  const verb = tokens[verbAt];
  if (!verb || !HAPPENING.has(verb.lemma)) return undefined;
  // Only when the verb is the actor's own: no comma or other clause between them.
  if (/[,;]/.test(text.slice(actor.end, verb.start))) return undefined;
  const kept: Token[] = [];
  for (const t of tokens.slice(verbAt + 1)) {
    if (t.pos === "PUNCT" || (kept.length >= 2 && t.pos === "ADP") || kept.length >= 5) break;
    kept.push(t);
  }
  // "Trump visited Beijing from May 13": the event is "Trump visits Beijing", not "… from".
  while (
    kept.length &&
    (["ADP", "DET", "SCONJ", "CCONJ"].includes(kept.at(-1)?.pos ?? "") ||
      /^(?:on|at|in|the|a|for|from|to|until|by|of|with)$/i.test(kept.at(-1)?.text ?? ""))
  )
    kept.pop();
  const rest = kept.map((t) => t.text);
  const actorName =
    actor.concept.type === "person"
      ? (actor.concept.aliases.find((a) => actor.concept.name.includes(a)) ?? actor.concept.name)
      : actor.concept.name;
  const name = `${actorName} ${thirdPerson(verb.lemma)}${rest.length ? ` ${rest.join(" ")}` : ""}`.replace(
    /\s+([,.])/g,
    "$1",
  );
  return concepts.propose({ name, type: "event", part_of: [] });
}
