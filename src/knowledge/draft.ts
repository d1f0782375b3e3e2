/**
 * Drafting candidate claims from a new article (`tradebot kb add-source`, the feed poller). Pure:
 * text, metadata and the concepts already known in; proposed concepts and claims out. The page
 * furniture is left out (draft-furniture.ts); the people, organisations, places, measures and
 * events the article introduces are proposed as concepts, the known ones linked by their names,
 * aliases and roles; each sentence gives one claim per fact it states (draft-facts.ts), resting
 * on a verbatim snippet, with an answer in plain words. Nothing here is served as drafted.
 */
import { sameValue, subjectOf } from "./claim-values.js";
import { headlineAliases, soleNameAlias } from "./draft-aliases.js";
import { answerFrom } from "./draft-answer.js";
import { findSpeech, type Recent } from "./draft-attribution.js";
import { DraftConcepts, idFrom } from "./draft-concepts.js";
import { eventFromVerb, leadInNamed, rewritesOf } from "./draft-context.js";
import { findDates, resolveDatesIn } from "./draft-dates.js";
import { type DraftFact, factsOf } from "./draft-facts.js";
import { type FurnitureLine, readStory } from "./draft-furniture.js";
import { type HeldEvent, MentionFinder } from "./draft-mentions.js";
import { findNamed } from "./draft-names.js";
import { retargetReheld } from "./draft-reheld.js";
import { endPushedBack } from "./draft-status.js";
import { blockSentences, type Sentence } from "./draft-text.js";
import type { Claim, Concept, Source } from "./schema.js";

/** The fewest characters a claim's snippet may have (schema.ts, `Claim.snippet`). */
const SNIPPET_LEAST = 12;

/** What the curator says about a new source on the command line. */
export interface SourceMeta {
  title: string;
  publisher: string;
  /** YYYY-MM-DD. */
  published: string;
  url?: string;
  /** The article's subtitle (standfirst), when it has one. */
  subtitle?: string;
  /** Who wrote it (the byline), when known. */
  credit?: string;
  /** How the source came in, for its notes: "tradebot kb add-source" unless said otherwise. */
  addedBy?: string;
}

/** A lower-case kebab-case id from words: "US, China Plan New Trade Talks" → "us-china-plan-new-trade-talks". */
export function slugify(text: string, maxWords = 6): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9\s-]/g, " ")
      .split(/[\s-]+/)
      .filter((w) => w && !SLUG_SKIP.has(w))
      .slice(0, maxWords)
      .join("-") || "source"
  );
}

/** Small words an id can do without: "US and China Reach Deal in Busan" → us-china-reach-deal-busan. */
const SLUG_SKIP = new Set(["a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "with", "as", "by"]);

/** A source id from the title that is not in `taken` (a number is added when it is). */
export function sourceIdFor(meta: SourceMeta, taken: ReadonlySet<string>): string {
  const base = slugify(meta.title);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The source metadata file for a new source whose text is `<id>.txt`. */
export function draftSource(id: string, meta: SourceMeta): Source {
  return {
    id,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    publisher: meta.publisher,
    published: meta.published,
    ...(meta.credit ? { credit: meta.credit } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    text_file: `${id}.txt`,
    repairs: [],
    notes: `Added with ${meta.addedBy ?? "tradebot kb add-source"}. The text exactly as received is kept as ${id}.received.txt; repair ${id}.txt if it needs it and list each repair under repairs. Claims were drafted into drafts/${id}.yml for review.`,
  };
}

/** What a source's claims are drafted from, beyond its text. */
export interface DraftInput {
  source: { id: string; title: string; published: string };
  /** The concepts the knowledge already has (reviewed and drafted). */
  known: readonly Concept[];
  /** Every id already in use (sources, concepts, claims), which no proposal may take. */
  takenIds: ReadonlySet<string>;
  /** The claims that stand now: a draft that only says one of them less precisely is left out. */
  standing?: readonly Claim[];
}

/** Proposed concepts and candidate claims from one source, and the furniture lines left out. */
export interface Drafted {
  concepts: Concept[];
  claims: Claim[];
  furniture: FurnitureLine[];
}

/** Candidate claims for a source's text, with the concepts they need and the furniture left out. */
export function draftClaims(text: string, input: DraftInput): Drafted {
  const { source } = input;
  const story = readStory(text);
  const sentences = story.blocks.flatMap((b, i) =>
    joinQuotations(text, blockSentences(b, i)).map((s) => ({ ...s, leadIn: b.leadIn })),
  );
  const storyText = sentences.map((s) => s.text).join("\n");
  const taken = new Set(input.takenIds);
  const concepts = new DraftConcepts(input.known, taken, source.id);

  // Who and what the article names: countries first, so that a ministry can be part of its country.
  const named = findNamed(sentences.map((s) => s.text));
  // "China's Commerce Ministry", "Sylvania's Cheese Ministry": the owner is a country the knowledge has.
  const countryId = (name: string) => {
    const c = concepts.named(name);
    return c?.type === "country" ? c.id : undefined;
  };
  const roles: { concept: Concept; snippet: string; role: string; described: boolean }[] = [];
  for (const n of [
    ...named.filter((n) => n.type === "country"),
    ...named.filter((n) => n.type !== "country"),
  ]) {
    const before = concepts.proposed.length;
    const c = concepts.fromNamed(n, storyText, countryId);
    if (
      c &&
      concepts.proposed.length > before &&
      n.roleSnippet &&
      n.roles[0] &&
      text.includes(n.roleSnippet)
    ) {
      roles.push({ concept: c, snippet: n.roleSnippet, role: n.roles[0], described: Boolean(n.described) });
      // "U.S. Trade Representative", "a South Korean military airfield": the country its role names,
      // before any "of" ("director of the department of American affairs" names a remit, not a country).
      if (!c.part_of.length) {
        const country = concepts
          .peopleAndPlacesIn(n.roles[0].split(/\s+of\s+/)[0] ?? "")
          .find((m) => m.concept.type === "country" && m.concept.id !== c.id);
        if (country) c.part_of.push(country.concept.id);
      }
    }
  }

  // When the known events took place: "the call" in a later article is not one held weeks before.
  const eventDates = new Map<string, string>();
  for (const c of input.standing ?? [])
    if (c.attribute === "when" && "date" in c.value) eventDates.set(c.about[0] as string, c.value.date);
  const finder = new MentionFinder(concepts, input.known, {
    eventDates,
    published: source.published,
    heldEvents: heldEventsOf(input.standing ?? []),
  });
  const recent: Recent = { parties: [] };
  const weekdays = new Map<string, string>();
  let lastQuote: { claim: Claim; paragraph: number; pieces: string[]; speaker: Concept } | undefined;
  const claims: Claim[] = [];
  const mmdd = source.published.slice(5).replace("-", "");
  const nextId = (subject: string, attribute: string) => {
    const base = `${idFrom(subject, 4)}-${attribute}-${mmdd}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const add = (fact: DraftFact, answer: string) => {
    const dup = claims.find(
      (c) =>
        subjectOf(c) === fact.about[0] &&
        c.attribute === fact.attribute &&
        sameValue(c.value, fact.value) &&
        JSON.stringify({ ...c.holds, as_of: undefined }) ===
          JSON.stringify({ ...fact.holds, as_of: undefined }),
    );
    if (dup) return;
    if (lessPrecise(fact, input.standing ?? [], concepts)) return;
    claims.push({
      id: nextId(fact.about[0] as string, fact.attribute),
      about: fact.about,
      attribute: fact.attribute,
      value: fact.value,
      ...(fact.holds ? { holds: fact.holds } : {}),
      ...(fact.title ? { title: fact.title } : {}),
      answer,
      snippet: fact.snippet,
      source: source.id,
      ...(fact.speaker ? { speaker: fact.speaker } : {}),
      quote: fact.quote ?? false,
      headline: false,
      phrasings: [],
      supersedes: [],
      disputes: [],
    });
  };

  const paragraphSizes = new Map<number, number>();
  for (const s of sentences) paragraphSizes.set(s.paragraph, (paragraphSizes.get(s.paragraph) ?? 0) + 1);
  let previousParagraph = -1;
  for (const s of sentences) {
    const opensParagraph =
      s.paragraph !== previousParagraph && (paragraphSizes.get(s.paragraph) ?? 0) > 1 && !s.leadIn;
    previousParagraph = s.paragraph;
    const mentions = finder.mentionsOf(s.text, s.leadIn);
    let speech = findSpeech(s.text, mentions, recent);
    // "…," Firefly said. "More words." — a sentence all in quotation marks goes on with the last speaker.
    const allQuoted = /^["\u201c][^"\u201c\u201d]+["\u201d]$/.test(s.text);
    if (!speech && allQuoted && lastQuote && lastQuote.paragraph === s.paragraph) {
      const piece = s.text.slice(1, -1).replace(/[,]$/, "");
      lastQuote.pieces.push(piece);
      lastQuote.claim.value = { text: lastQuote.pieces.join(" … ") };
      lastQuote.claim.answer = `${lastQuote.speaker.name} said: ${lastQuote.pieces.map((p) => `"${p.replace(/[.]$/, "")}"`).join(" and ")}.`;
      continue;
    }
    if (!speech && allQuoted && recent.person && lastQuote?.paragraph === s.paragraph)
      speech = {
        speaker: recent.person,
        content: s.text,
        contentStart: 0,
        verb: "say",
        stance: false,
        ranges: [],
        verbText: "said",
        verbAt: -1,
      };
    const rewrites = rewritesOf(s.text, mentions, recent, finder);
    const leadIn = s.leadIn ? leadInNamed(s.leadIn, finder, recent) : undefined;
    const facts = factsOf({
      text: s.text,
      leadIn,
      mentions,
      speech,
      published: source.published,
      currentEvent: finder.currentEvent,
      talks: finder.lastTalks,
      concepts,
      weekdays,
      rewrites,
      meetingOf: (ids) => finder.meetingOf(ids),
      fitsEvent: (c, at) => finder.fitsEvent(c, at),
      proposeMeeting: (place, ids, said) => finder.proposeMeeting(place, ids, said),
      eventFromVerb: (at) => eventFromVerb(s.text, mentions, at, concepts),
      opensParagraph,
      listOf: s.leadIn ? (finder.lastDeal ?? finder.lastDocument) : undefined,
    });
    lastQuote = undefined;
    retargetReheld(facts, concepts, (c, at) => finder.fitsEvent(c, at));
    // What the sentence last changed: a status, or a rate "to 10% from 20%".
    const changed = facts
      .filter((f) => f.attribute === "status" || ("figure" in f.value && /→/.test(f.value.label ?? "")))
      .at(-1);
    if (changed) finder.lastChanged = concepts.get(changed.about[0] as string);
    // "pushing back the expiry … by a year": the new end, from the end the knowledge has.
    for (const f of [...facts]) {
      const subject = f.extendsBy ? concepts.get(f.about[0] as string) : undefined;
      const end = subject && endPushedBack(f, subject, input.standing ?? [], source.published);
      if (end) facts.push(end);
    }
    for (const f of facts) {
      const quoteOf = f.quote ? f.snippet : undefined;
      const before = claims.length;
      add(
        f,
        f.answer ??
          answerFrom(f.basis, source.published, { speaker: speech?.speaker, leadIn: s.leadIn, quoteOf }),
      );
      const added = claims[before];
      if (added?.quote && speech)
        lastQuote = { claim: added, paragraph: s.paragraph, pieces: [f.snippet], speaker: speech.speaker };
    }
    finder.update(mentions);
    for (const m of mentions) {
      if (m.concept.type === "person" && !(speech?.speaker.type === "person")) recent.person = m.concept;
      if (m.concept.type === "organisation") recent.organisation = m.concept;
      if (["person", "organisation", "country"].includes(m.concept.type)) recent.parties.push(m.concept);
    }
    // "he said" in the next sentence is the one who spoke last.
    if (speech?.speaker.type === "person") recent.person = speech.speaker;
    if (speech?.speaker.type === "organisation") recent.organisation = speech.speaker;
  }

  // What the article says the new people, bodies and places are.
  for (const r of roles) {
    // "the main venue of this week's summit": dates written out, as in every answer.
    const said = resolveDatesIn(r.role, findDates(r.role, source.published));
    const role = said.replace(/^(?:a|an|the)\s+/i, "");
    const article = /^(?:a|an|the)\s/i.test(r.role)
      ? r.role.split(" ")[0]?.toLowerCase()
      : /^[A-Z][\w.]*['’]s\s/.test(role)
        ? ""
        : r.concept.type === "organisation"
          ? /^[aeiou]/i.test(role)
            ? "an"
            : "a"
          : "the";
    const isPerson = r.concept.type === "person";
    // "miner Qyx" is too short to stand alone as a snippet: its sentence, word for word.
    const snippet =
      r.snippet.length >= SNIPPET_LEAST
        ? r.snippet
        : (sentences.find((x) => x.text.includes(r.snippet))?.text ?? r.snippet);
    add(
      {
        attribute: isPerson && !r.described ? "role" : isPerson ? "role" : "description",
        about: [r.concept.id, ...r.concept.part_of],
        value: { text: r.concept.type === "person" ? r.role : said },
        snippet,
        basis: snippet,
        title: r.concept.name,
      },
      `${r.concept.name} is ${article ? `${article} ` : ""}${role}.`.replace(/\s+/g, " "),
    );
  }
  // "China Pauses … Metals Ban": the headline's short name for the one ban the article proposes.
  const headlines = story.furniture
    .filter((f) => /^(?:headline|subhead|Key Takeaways summary bullet)/.test(f.why))
    .map((f) => f.line);
  // A word or phrase some concept is named by (in any form: "Fentanyl Tariff") names that one instead.
  const isName = (w: string) =>
    Boolean(concepts.named(w)) || concepts.mentionsIn(w).some((m) => m.start === 0 && m.end === w.length);
  const given = headlineAliases([source.title, ...headlines], concepts.proposed, isName);
  for (const [id, aliases] of given) {
    const c = concepts.get(id);
    if (c) concepts.addAliases(c, aliases);
  }
  // "TikTok deal" is what "did they sort out TikTok" means.
  for (const c of concepts.proposed) {
    const alone = c.type === "measure" ? soleNameAlias(c.name, isName) : undefined;
    if (alone) concepts.addAliases(c, [alone]);
  }
  return { concepts: concepts.proposed, claims, furniture: story.furniture };
}

/** Sentences of one block joined while a quotation is open: a quotation over two sentences is read as one. */
function joinQuotations(text: string, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out.at(-1);
    const open =
      prev &&
      ((prev.text.match(/"/g) ?? []).length % 2 === 1 ||
        (prev.text.match(/\u201c/g) ?? []).length > (prev.text.match(/\u201d/g) ?? []).length);
    if (prev && open)
      out[out.length - 1] = { ...prev, text: text.slice(prev.start, s.start + s.text.length) };
    else out.push({ ...s });
  }
  return out;
}

/** The last day of a date value at its precision. */
function lastDay(date: string, precision: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (precision === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (precision === "month") d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else if (precision === "year") d.setUTCMonth(11, 31);
  return d.toISOString().slice(0, 10);
}

/**
 * The events the knowledge says were already held when reported, with the day and places: a
 * later sentence giving another day or place speaks of another occurrence (another round, a
 * second meeting), not of them.
 */
function heldEventsOf(standing: readonly Claim[]): Map<string, HeldEvent> {
  const held = new Map<string, HeldEvent>();
  for (const c of standing) {
    const asOf = (c as { asOf?: string }).asOf ?? c.holds?.as_of;
    if (c.attribute !== "when" || !("date" in c.value) || c.value.precision !== "day" || !asOf) continue;
    if (c.value.date >= asOf) continue; // planned when reported: a new date reschedules it
    held.set(c.about[0] as string, { date: c.value.date, places: new Set() });
  }
  for (const c of standing)
    if (c.attribute === "where" && "places" in c.value)
      for (const p of c.value.places) held.get(c.about[0] as string)?.places.add(p);
  return held;
}

/**
 * Whether a drafted date or place only says, less precisely, what a standing claim of the same
 * subject says ("in South Korea" after "at Gimhae Air Base"; "this month" after "Oct. 30"): then
 * it would replace the better claim, so it is left out.
 */
function lessPrecise(fact: DraftFact, standing: readonly Claim[], concepts: DraftConcepts): boolean {
  const v = fact.value;
  for (const c of standing) {
    if (subjectOf(c) !== fact.about[0] || c.attribute !== fact.attribute) continue;
    const old = c.value;
    if ("date" in v && "date" in old && v.precision !== "day" && old.precision === "day")
      if (old.date >= v.date && old.date <= lastDay(v.date, v.precision)) return true;
    if ("places" in v && "places" in old) {
      const within = (id: string): string[] => {
        const p = concepts.get(id);
        return p ? p.part_of.flatMap((x) => [x, ...within(x)]) : [];
      };
      const above = new Set(old.places.flatMap(within));
      if (v.places.every((p) => above.has(p))) return true;
    }
  }
  return false;
}
