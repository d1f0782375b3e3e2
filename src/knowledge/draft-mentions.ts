/**
 * What a sentence names, for the drafter: the knowledge's concepts found by their names, aliases
 * and roles, and the measures and events the article names as noun phrases (draft-measures.ts),
 * each linked to a concept or proposed as one. Two readings make drafts name the right thing:
 *
 * - "the talks", "the meeting", "talks in the Malaysian capital" are the article's own event when
 *   the knowledge has one that the sentence places or peoples: an event whose name or aliases name
 *   the place or the people the clause names ("US-China talks in Malaysia", "Trump–Xi meeting"), or
 *   else the talks or meeting the article was last talking about;
 * - a measure with what it applies to ("tariff on U.S. goods", "100% tariffs on Chinese-made
 *   cranes") is its own measure unless the known concept's names say the same; describing words
 *   that only judge ("amazing", "strong", "substantial") or count ("first", "second") do not make a
 *   new concept.
 */
import { keyOf } from "../search/keys.js";
import { BODY_HEADS } from "./draft-answer.js";
import { clauseChain, clausesOf } from "./draft-clauses.js";
import type { ConceptMention, DraftConcepts } from "./draft-concepts.js";
import { headsOf, IDLE, type MeasurePhrase, measurePhrases, nameHead } from "./draft-measures.js";
import { tokensOf } from "./draft-tokens.js";
import type { Concept } from "./schema.js";

/** Head words of events that are talks between parties. */
const MEETING_HEADS = new Set(["talk", "meeting", "round", "session", "negotiation", "summit", "sitdown"]);
/** Words in the name of a public body, which "the company" never is. */
const PUBLIC_BODY = new RegExp(`\\b(?:${BODY_HEADS}|Customs|Service|Congress|Senate|Pentagon|Government)\\b`);
/** Words for a kind of body: "the ministry" is the one of that kind the article last named. */
export const BODY_KINDS = "ministry|office|commission|department|agency|administration|council|bureau";

/** Heads of things that are documents: "the document" is the last of them named. */
const DOCUMENT_HEADS = new Set([
  "sheet",
  "summary",
  "order",
  "notice",
  "announcement",
  "statement",
  "report",
  "release",
  "document",
  "arrangement",
]);

/** Whether `words` are one of the concept's own names (so an answer need not rename them). */
function sayName(c: Concept, words: string): boolean {
  const w = words.toLowerCase().replace(/^(?:the|a|an)\s+/, "");
  return [c.name, ...c.aliases].some((n) => n.toLowerCase() === w);
}

/** Heads of measures that apply to something ("tariff on U.S. goods"). */
const APPLIES_HEADS = new Set([
  "tariff",
  "levy",
  "duty",
  "surtax",
  "fee",
  "ban",
  "control",
  "restriction",
  "curb",
  "sanction",
  "quota",
  "exclusion",
  "investigation",
  "probe",
]);
/** Describing words that judge, grade or count rather than tell one measure from another (general English). */
const JUDGING = new Set(
  "combined overall total average cumulative amazing strong successful substantial comparable basic own public big large huge major massive significant important good great bad tough firm fair full final further possible potential likely real serious key main broad wide narrow high higher low lower cheap cheaper expensive specific various steady immediate fresh initial formal official first second third fourth fifth sixth seventh eighth ninth tenth last next previous former late early short long planned scheduled proposed renewed published announced reported".split(
    " ",
  ),
);
/** Head words that all name controls on trade. */
const CONTROL_HEADS = new Set(["control", "regime", "restriction", "curb", "licensing", "rule"]);
/** Words in what a measure applies to that say nothing of which measure it is. */
const GENERIC_TARGETS = new Set([
  "good",
  "import",
  "export",
  "product",
  "item",
  "the",
  "its",
  "vessel",
  "ship",
]);

/** What tells a measure phrase apart: its describing words, its rate, and what it applies to. */
function partsOf(
  sentence: string,
  p: MeasurePhrase,
): { describing: string[]; rate?: string; targetWords: string; targetKeys: string[]; targetName: string } {
  const words = tokensOf(p.name);
  // "U.S.-specific metals ban": whom it applies to, as "on U.S. goods" would say, tells no other measure.
  const specific = new Set<number>();
  words.forEach((w, i) => {
    if (w.lower === "specific" && words[i - 1]?.text === "-" && words[i - 2]?.end === words[i - 1]?.start)
      specific.add(i).add(i - 2);
  });
  const telling = words
    .filter(
      (w, i) =>
        w.start < p.headStart - p.start &&
        w.text !== "-" &&
        !specific.has(i) &&
        !JUDGING.has(w.lower) &&
        !IDLE.has(w.lower),
    )
    .filter((w) => !(w.pos === "ADJ" && /(?:er|est)$/.test(w.lower)))
    .map((w) => keyOf(w.text))
    .filter((k) => k && k !== "percent");
  const rate = /(\d+(?:\.\d+)?)\s?%/.exec(p.name)?.[1];
  const describing = telling.filter((k) => !/^\d/.test(k));
  // What it applies to: "on U.S. goods", "on Chinese-made ship-to-shore cranes" (the nouns and their describing words).
  let targetWords = "";
  let targetName = "";
  // "tariffs it imposed on U.S. farm products": what it applies to, past a short relative clause.
  const on =
    /^\s+(?:(?:it|they|that|which|[A-Z][a-z]+)\s+(?:had\s+)?(?:imposed|placed|levied|charged|put)\s+(?:in\s+\w+\s+)?)?on\s+/.exec(
      sentence.slice(p.end),
    );
  if (APPLIES_HEADS.has(p.head) && on) {
    let from = p.end + on[0].length;
    const nameFrom = from;
    const after = tokensOf(sentence).filter((x) => x.start >= from);
    // "its ban on shipping gallium …": what is done with the goods is not what the ban is on.
    const doing = after[0];
    if (doing && doing.pos === "VERB" && /ing$/.test(doing.lower) && after[1]?.pos === "NOUN")
      from = after[1].start;
    let end = from;
    let hyphen = false;
    const rest = after.filter((x) => x.start >= from);
    for (const [i, t] of rest.entries()) {
      const glued = t.start === end && end > from;
      // "gallium, germanium and antimony": a list of the goods it applies to.
      const listed = rest[i + 1];
      if (
        (t.text === "," || t.lower === "and") &&
        end > from &&
        listed?.pos === "NOUN" &&
        /^[a-z]/.test(listed.text)
      ) {
        end = t.end;
        continue;
      }
      if (t.start > end + 1 && !glued && !(rest[i - 1] && /^(?:,|and)$/.test(rest[i - 1]?.text ?? ""))) break;
      if (t.text === "-" || (glued && /^-/.test(t.text)) || (glued && hyphen)) {
        hyphen = t.text === "-" || /-$/.test(t.text);
        end = t.end;
        continue;
      }
      hyphen = false;
      if (!["NOUN", "PROPN", "ADJ", "NUM"].includes(t.pos) && !(glued && t.pos === "VERB")) break;
      end = t.end;
    }
    targetWords = sentence.slice(from, end).trim();
    // "… to the United States": where the goods go is part of the measure's name.
    const to =
      from > nameFrom
        ? /^\s+to\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}/.exec(sentence.slice(end))
        : null;
    targetName = sentence.slice(nameFrom, end + (to?.[0].length ?? 0)).trim();
  }
  const targetKeys = targetWords
    .split(/[\s,-]+/)
    .filter((w) => !/^(?:and|or)$/i.test(w))
    .map(keyOf)
    .filter((k) => k.length > 1 && !GENERIC_TARGETS.has(k));
  return { describing, rate, targetWords, targetKeys, targetName };
}

/** How a concept's names read: the concepts its name and aliases name (its anchors), per name. */
interface Anchors {
  sets: Set<string>[];
}

/** The place concepts a place is in: Kuala Lumpur → Malaysia. */
function within(c: Concept, get: (id: string) => Concept | undefined, seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const p of c.part_of) {
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(p);
    const pc = get(p);
    if (pc) out.push(...within(pc, get, seen));
  }
  return out;
}

/** Finds and links what each sentence names, keeping what the article was last talking about. */
/** An event the knowledge says was held, on a day, at places (ids). */
export interface HeldEvent {
  date: string;
  places: Set<string>;
}

/** The day and places a clause gives for the event it speaks of. */
export interface EventAt {
  date?: string;
  places?: readonly string[];
}

/** Words for an event of any kind, with nothing that names which: "the call", "their meeting". */
const GENERIC_EVENT =
  /^(?:(?:the|their|a|an|this|that|his|her)\s+)?(?:(?:phone|video|telephone)\s+)?(?:call|meeting|talks|summit|round|visit|trip|conversation|session)s?$/i;

export class MentionFinder {
  private readonly heads: Map<string, Concept["type"]>;
  /** The phrases proposed as concepts so far, by what tells them apart. */
  private readonly phrases: {
    head: string;
    describing: string[];
    rate?: string;
    target: string[];
    concept: Concept;
  }[] = [];
  private readonly lastByHead = new Map<string, Concept>();
  private readonly anchors = new Map<string, Anchors>();
  /** The measure the article last named ("that agreement"). */
  lastMeasure?: Concept;
  /** The talks or meeting the article was last talking about. */
  lastTalks?: Concept;
  /** The event the article last named, of any kind. */
  currentEvent?: Concept;

  constructor(
    private readonly concepts: DraftConcepts,
    known: readonly Concept[],
    /** When the known events took place (their standing `when`), the article's date, and the events already held. */
    private readonly held: {
      eventDates: ReadonlyMap<string, string>;
      published: string;
      heldEvents?: ReadonlyMap<string, HeldEvent>;
    } = {
      eventDates: new Map(),
      published: "",
    },
  ) {
    this.heads = headsOf(known);
  }

  /** The anchors of an event: for each of its names, the people and places that name names. */
  private anchorsOf(c: Concept): Anchors {
    const had = this.anchors.get(c.id);
    if (had) return had;
    const sets: Set<string>[] = [];
    for (const n of [c.name, ...c.aliases]) {
      const set = new Set<string>();
      for (const m of this.concepts.peopleAndPlacesIn(n)) {
        const t = m.concept.type;
        if (m.concept.id === c.id) continue;
        const inAt = /\b(?:in|at)\s+$/i.test(n.slice(0, m.start));
        if (t === "person" || t === "place" || (t === "country" && inAt)) set.add(m.concept.id);
      }
      if (set.size) sets.push(set);
    }
    const a = { sets };
    this.anchors.set(c.id, a);
    return a;
  }

  private known?: { head: string; describing: string[]; rate?: string; target: string[]; concept: Concept }[];

  /** The knowledge's measures read as phrases, to tell a new phrase for one of them ("so-called fentanyl tariffs"). */
  private knownPhrases(): {
    head: string;
    describing: string[];
    rate?: string;
    target: string[];
    concept: Concept;
  }[] {
    if (this.known) return this.known;
    this.known = [];
    for (const c of this.concepts.everything()) {
      if (c.type !== "measure" || this.concepts.proposed.includes(c)) continue;
      for (const n of [c.name, ...c.aliases]) {
        const phrase = measurePhrases(n, this.heads).find((q) => keyOf(nameHead(n)) === q.head);
        if (!phrase) continue;
        const parts = partsOf(n, phrase);
        if (!parts.describing.length) continue;
        this.known.push({
          head: phrase.head,
          describing: parts.describing,
          rate: parts.rate,
          target: parts.targetKeys,
          concept: c,
        });
      }
    }
    return this.known;
  }

  /** Whether an event is talks or a meeting, by its name or aliases. */
  private meetingLike(c: Concept): boolean {
    return c.type === "event" && MEETING_HEADS.has(keyOf(nameHead(c.name)));
  }

  /** The known event the words `present` (ids named nearby) point to: the one whose names they fill best. */
  private eventPlacedBy(present: ReadonlySet<string>, not?: Concept): Concept | undefined {
    let best: { c: Concept; size: number } | undefined;
    for (const c of this.concepts.everything()) {
      if (c.type !== "event" || c.id === not?.id) continue;
      if (!this.meetingLike(c)) continue;
      for (const set of this.anchorsOf(c).sets) {
        if (![...set].every((id) => present.has(id))) continue;
        if (!best || set.size > best.size) best = { c, size: set.size };
      }
    }
    return best?.c;
  }

  /** The ids named in the clause around `at` (and what places they are in). */
  private presentAround(sentence: string, at: number, mentions: readonly ConceptMention[]): Set<string> {
    const chain = clauseChain(clausesOf(sentence), at);
    const from = chain[0]?.start ?? 0;
    const to = chain.at(-1)?.end ?? sentence.length;
    const present = new Set<string>();
    for (const m of mentions) {
      if (m.start < from || m.end > to) continue;
      present.add(m.concept.id);
      for (const p of within(m.concept, (id) => this.concepts.get(id))) present.add(p);
    }
    return present;
  }

  /**
   * "… the 10% global surcharge …. Customs is still collecting the surcharge": a bare word for a
   * kind, after "the", names the one of that kind the article last named, not the known measure the
   * word is an alias of.
   */
  private pointedBack(sentence: string, start: number, words: string, linked: Concept): Concept | undefined {
    const bare = words.replace(/^(?:the|that|this)\s+/i, "");
    if (!/^[a-z]+$/.test(bare)) return undefined;
    const at = start + words.length - bare.length;
    if (!/\b(?:the|that|this)\s+$/i.test(sentence.slice(Math.max(0, at - 5), at))) return undefined;
    const last = this.lastByHead.get(keyOf(bare));
    return last && last !== linked && last.type === linked.type ? last : undefined;
  }

  /**
   * A measure phrase that names another measure than the known one its head word links to: its
   * rate differs from the rate in the known measure's names ("a 10% surcharge" is not the "100%
   * import surtax"), or it stands on a legal basis those names do not give ("a surcharge … under
   * Section 122"). The new measure is proposed, named by its basis or as written.
   */
  private anotherMeasure(sentence: string, p: MeasurePhrase, known: Concept): Concept | undefined {
    if (known.type !== "measure" || p.type !== "measure") return undefined;
    // ("a 10% surcharge on imports from almost every country under Section 122 of the Trade Act")
    const basis = /^[^.;:]{0,90}?\bunder\s+(Section\s+\d+[A-Za-z]?)\b/.exec(sentence.slice(p.end))?.[1];
    // The measure the knowledge already names by that basis and head: "the Section 122 surcharge".
    const head = p.name.split(/\s+/).at(-1) ?? p.name;
    if (basis) {
      const named = this.concepts
        .everything()
        .find(
          (c) =>
            c.type === "measure" &&
            c !== known &&
            new RegExp(`\\b${basis}\\b`, "i").test(c.name) &&
            keyOf(nameHead(c.name)) === keyOf(head),
        );
      if (named) return named;
    }
    if (this.concepts.proposed.includes(known)) return undefined;
    const names = [known.name, ...known.aliases].join(" | ");
    const rateOf = (t: string) => [...t.matchAll(/(\d+(?:\.\d+)?)\s*(?:%|percent\b)/g)].map((m) => m[1]);
    const mine = rateOf(p.name);
    const theirs = rateOf(names);
    const otherRate = mine.length > 0 && theirs.length > 0 && !mine.some((r) => theirs.includes(r));
    const otherBasis = basis !== undefined && !names.toLowerCase().includes(basis.toLowerCase());
    if (!otherRate && !otherBasis) return undefined;
    // A change of rate is the same measure: "the tariff was cut to 10%", "lowered from 20% to 10%".
    if (
      otherRate &&
      !otherBasis &&
      /\b(?:cut|lower|raise|hike|reduc|increas|halv|doubl)\w*\b/i.test(sentence)
    )
      return undefined;
    const name = basis ? `${basis} ${head}` : p.name.replace(/^(?:a|an|the)\s+/i, "");
    return this.concepts.propose({ name, type: "measure", part_of: [...known.part_of] });
  }

  /** The concepts `sentence` names, in order, linked or proposed. */
  mentionsOf(sentence: string, leadIn?: string): ConceptMention[] {
    const known = this.concepts.mentionsIn(sentence);
    const mentions: ConceptMention[] = [];
    // A list item begins with its verb ("issue general licenses …"): not part of a name.
    const firstWordIsVerb = Boolean(leadIn) && /^[a-z]/.test(sentence);
    for (const p of measurePhrases(sentence, this.heads, { firstWordIsVerb })) {
      let linked = this.linkPhrase(sentence, p, known, mentions);
      if (!linked) continue;
      const other =
        this.pointedBack(sentence, p.start, p.name, linked.concept) ??
        this.anotherMeasure(sentence, p, linked.concept);
      if (other) linked = { concept: other, start: p.start, end: p.end };
      mentions.push({
        concept: linked.concept,
        start: linked.start ?? p.start,
        end: linked.end ?? p.end,
        byRole: false,
        ...(linked.context ? { context: true } : {}),
      });
    }
    for (const m of known) {
      if (mentions.some((x) => m.start < x.end && m.end > x.start)) continue;
      // "a 10% surcharge" found by the alias "surcharge": the rate before it is part of its name.
      const rate =
        /(\d+(?:\.\d+)?%[\s-]+)$/.exec(sentence.slice(Math.max(0, m.start - 12), m.start))?.[1] ?? "";
      const start = m.start - rate.length;
      const phrase: MeasurePhrase = {
        name: sentence.slice(start, m.end),
        key: "",
        head: keyOf(sentence.slice(m.start, m.end).split(/\s+/).at(-1) ?? ""),
        type: "measure",
        start,
        end: m.end,
        headStart: m.start,
      };
      // "… the 10% global surcharge …. Customs is still collecting the surcharge": a bare word for
      // a kind names the one of that kind the article last named, not the known measure it is an alias of.
      const pointed = this.pointedBack(sentence, m.start, sentence.slice(m.start, m.end), m.concept);
      const other = pointed ?? this.anotherMeasure(sentence, phrase, m.concept);
      mentions.push(other ? { ...m, concept: other, start: pointed ? m.start : start } : m);
    }
    // "… putting a 10% surcharge on imports. It covers goods entered from Tuesday": a sentence that
    // opens with "It" and a verb in the present speaks of the measure or event the sentence before
    // named first. ("It gave no volumes" is the body last named; "It is unclear whether …" nothing.)
    const it = /^It\s+(?:also\s+)?(?!(?:is|has|does|says|seems|appears|remains)\b)[a-z]+s\b/.exec(sentence);
    if (it && this.previousThing && !mentions.some((x) => x.start < 2))
      mentions.push({ concept: this.previousThing, start: 0, end: 2, byRole: false, context: true });
    // "the ministry", "The office": the body of that kind the article last named.
    for (const m of sentence.matchAll(
      new RegExp(`\\b(?:the|The)\\s+(${BODY_KINDS}|board|court|committee|authority|company|firm)\\b`, "g"),
    )) {
      const at = m.index + m[0].indexOf(m[1] ?? "");
      if (mentions.some((x) => at < x.end && at + (m[1] ?? "").length > x.start)) continue;
      const word = (m[1] ?? "").toLowerCase();
      // "the company", "the firm": the business the article last named, not a ministry or a court.
      const business = /^(?:company|firm)$/.test(word);
      const org = [...this.recentOrgs]
        .reverse()
        .find((c) => (business ? !PUBLIC_BODY.test(c.name) : c.name.toLowerCase().includes(word)));
      if (org)
        mentions.push({
          concept: org,
          start: m.index,
          end: at + (m[1] ?? "").length,
          byRole: false,
          context: true,
        });
    }
    mentions.sort((a, b) => a.start - b.start);
    // "The pause covers …": a word for a change names what was just changed, not the measure the word is an alias of.
    const remapped = mentions.map((m) => {
      const words = sentence.slice(m.start, m.end);
      if (!/^(?:pause|suspension|freeze|halt|extension)$/i.test(words) || !sayName(m.concept, words))
        return m;
      // "the pause", "the one-year pause".
      if (
        !/\b(?:the|this|that)\s+(?:[\w]+-[\w-]+\s+)?$/i.test(
          sentence.slice(Math.max(0, m.start - 20), m.start),
        )
      )
        return m;
      const here = mentions.filter((x) => x.concept.type === "measure" && x.end <= m.start).at(-1)?.concept;
      const changed = here ?? this.lastChanged;
      return changed && changed.id !== m.concept.id ? { ...m, concept: changed, context: true } : m;
    });
    mentions.splice(0, mentions.length, ...remapped);
    // "Trump and Xi spoke by phone … the call": a word for any event ("the call", "the meeting")
    // is not a known event held weeks before the article, which this article would name.
    const stale = (m: ConceptMention) => {
      if (m.concept.type !== "event" || this.concepts.proposed.includes(m.concept)) return false;
      const words = sentence.slice(m.start, m.end);
      if (!GENERIC_EVENT.test(words)) return false;
      const date = this.held.eventDates.get(m.concept.id);
      if (!date || !this.held.published) return false;
      return Date.parse(this.held.published) - Date.parse(date) > 30 * 86_400_000;
    };
    // "the talks", "trade talks in the Malaysian capital": the article's own event when the clause places it.
    return mentions
      .filter((m) => !stale(m))
      .map((m) => {
        if (m.concept.type !== "event") return m;
        const words = sentence.slice(m.start, m.end);
        const head = keyOf(words.split(/\s+/).at(-1) ?? "");
        if (!MEETING_HEADS.has(head)) return m;
        const children = this.concepts.everything().some((c) => c.part_of.includes(m.concept.id));
        const series = this.isSeries(m.concept);
        if (!children && !series) return m;
        const placed = this.eventPlacedBy(this.presentAround(sentence, m.start, mentions), m.concept);
        if (placed) return { ...m, concept: placed, context: !sayName(placed, words) };
        // "two days of trade talks in the Malaysian capital": a round of the series the knowledge does not have yet.
        const where = series ? this.placeOf(sentence, m, mentions) : undefined;
        if (where) {
          const own = this.ownEvent(m.concept, where);
          return { ...m, concept: own, context: !sayName(own, words) };
        }
        if (!children) return m;
        if (children && this.lastTalks && this.lastTalks.id !== m.concept.id)
          return { ...m, concept: this.lastTalks, context: true };
        return m;
      });
  }

  /** How many judging or idle words open a name ("the higher reciprocal tariff"): 2. */
  private leading(name: string): number {
    const words = tokensOf(name);
    let i = 0;
    while (i < words.length && (JUDGING.has(words[i]?.lower ?? "") || IDLE.has(words[i]?.lower ?? ""))) i++;
    return i;
  }

  /**
   * Whether an event is a series of talks: plural talks that none of its names places or peoples
   * ("US-China trade talks"), not one meeting, nor rounds named by where they were ("Geneva round").
   */
  private isSeries(c: Concept): boolean {
    if (c.type !== "event") return false;
    return /^(?:talks|negotiations)$/i.test(nameHead(c.name)) && this.anchorsOf(c).sets.length === 0;
  }

  /**
   * Where a clause puts talks: a place right after them ("talks in the Malaysian capital", "talks at
   * Harbour Hall") or right before ("the Fredonville talks"). A country the series is between is
   * not where it was held.
   */
  private placeOf(
    sentence: string,
    m: ConceptMention,
    mentions: readonly ConceptMention[],
  ): Concept | undefined {
    const between = new Set(this.concepts.peopleAndPlacesIn(m.concept.name).map((x) => x.concept.id));
    const found = mentions.find((x) => {
      if (!["place", "country"].includes(x.concept.type) || between.has(x.concept.id)) return false;
      if (x.start >= m.end) return /^\s+(?:in|at)\s+(?:the\s+)?$/.test(sentence.slice(m.end, x.start));
      return x.end <= m.start && /^\s*$/.test(sentence.slice(x.end, m.start)) && x.concept.type === "place";
    });
    return found?.concept;
  }

  /**
   * The article's own round of a series, held at `place`: "US-China trade talks in Kuala Lumpur",
   * part of the series, with the names people give a round ("Kuala Lumpur talks", "KL round",
   * "Malaysia talks", "talks in Kuala Lumpur"), from the place's name, its abbreviations and the
   * country it is in.
   */
  private ownEvent(series: Concept, place: Concept): Concept {
    const names = [place.name, ...place.aliases.filter((a) => /^[A-Z]{2,}$/.test(a))];
    const countries = within(place, (id) => this.concepts.get(id))
      .map((id) => this.concepts.get(id))
      .filter((c): c is Concept => c?.type === "country")
      .map((c) => c.name);
    const head = nameHead(series.name).toLowerCase();
    const kinds = [...new Set([head, "talks", "round", "meeting"])];
    const aliases = [
      ...names.flatMap((n) => [...kinds.map((k) => `${n} ${k}`), `${head} in ${n}`]),
      ...countries.flatMap((n) => [...kinds.map((k) => `${n} ${k}`), `${head} in ${n}`]),
    ];
    return this.concepts.propose({
      name: `${series.name} in ${place.name}`,
      type: "event",
      aliases,
      part_of: [series.id],
    });
  }

  /**
   * The concept a measure or event phrase names: a known one, the one it refers back to, or a
   * proposal. `context` says the words name it only through what the article said before.
   */
  private linkPhrase(
    sentence: string,
    p: MeasurePhrase,
    known: readonly ConceptMention[],
    sofar: readonly ConceptMention[],
  ): { concept: Concept; context?: boolean; start?: number; end?: number } | undefined {
    // "the higher reciprocal tariff rate": the rate of the tariff is the tariff.
    if (p.head === "rate") {
      const words = tokensOf(p.name);
      const last = words.at(-2);
      const head = last ? keyOf(last.text) : "";
      if (last && this.heads.get(head) === "measure" && head !== "rate") {
        const name = p.name.slice(0, last.end);
        const inner: MeasurePhrase = {
          ...p,
          name,
          head,
          end: p.start + last.end,
          headStart: p.start + last.start,
          key: p.key.replace(/\s*rate$/, ""),
        };
        const linked = this.linkPhrase(sentence, inner, known, sofar);
        // "the higher reciprocal tariff rate": the tariff is also called by its rate ("reciprocal rate").
        const lead = this.leading(name);
        const describing = tokensOf(name)
          .slice(lead, -1)
          .filter((w) => /^[a-z][a-z-]+$/.test(w.text));
        if (linked && describing.length && describing.length === tokensOf(name).length - 1 - lead) {
          const said = describing.map((w) => w.text).join(" ");
          this.concepts.addAliases(linked.concept, [`${said} ${last.text} rate`, `${said} rate`]);
        }
        return linked && { ...linked, end: p.end };
      }
      return undefined;
    }
    // "the U.S. suspension of its affiliates rule": a change of the measure it names.
    if (/^(?:cut|increase|reduction|suspension|pause|extension|hike|removal|lifting)$/.test(p.head)) {
      const of = /^\s+of\s+(?:its|the|their|his|her|this|that)?\s*/.exec(sentence.slice(p.end));
      const target = of
        ? known.find((m) => m.start === p.end + of[0].length && m.concept.type === "measure")
        : undefined;
      if (target) return { concept: target.concept, end: target.end };
    }
    // "six export-control notices released on Oct. 9": the known "Oct. 9 export controls".
    const released =
      /^\s+(?:released|issued|announced|published|imposed|unveiled)\s+(?:on\s+)?([A-Z][a-z]{2,8}\.?\s+\d{1,2})\b/.exec(
        sentence.slice(p.end),
      );
    if (released) {
      const day = (released[1] ?? "").replace(/^([A-Z][a-z]{2})[a-z]*\.?/, "$1");
      const stem = (w: string) => keyOf(w).replace(/s$/, "");
      const mine = new Set(p.name.split(/[\s-]+/).map(stem));
      const dated = this.concepts.everything().filter((c) => {
        if (c.type !== "measure") return false;
        const m = /^([A-Z][a-z]{2})[a-z]*\.?\s+(\d{1,2})\s+(.+)$/.exec(c.name);
        return (
          m &&
          `${m[1]} ${m[2]}` === day.replace(/\s+/, " ") &&
          (m[3] ?? "").split(/[\s-]+/).some((w) => mine.has(stem(w)) && stem(w).length > 3)
        );
      });
      if (dated.length === 1 && dated[0]) return { concept: dated[0], context: true };
    }
    // Words inside quotation marks are the speaker's: only a name they say is read.
    const quotes = (sentence.slice(0, p.start).match(/["\u201c\u201d]/g) ?? []).length;
    const quoted = quotes % 2 === 1;
    // "the Association of Southeast Asian Nations summit", "APEC leaders' meeting": a known event named before its head word.
    const adjacent = known.find(
      (m) =>
        m.concept.type === "event" &&
        p.type === "event" &&
        ((m.end <= p.headStart && /^[\s-]*$/.test(sentence.slice(m.end, p.headStart))) ||
          (m.start >= p.start && m.end < p.headStart)),
    );
    if (adjacent) return { concept: adjacent.concept, start: Math.min(adjacent.start, p.start), end: p.end };
    const words = tokensOf(p.name);
    const covering = known.find(
      (m) => m.start <= p.headStart && m.end >= p.end && m.concept.type !== "person",
    );
    const namesOf = (c: Concept) =>
      [
        c.name,
        ...c.aliases,
        ...c.part_of.flatMap((id) => {
          const pc = this.concepts.get(id);
          return pc ? [pc.name, ...pc.aliases] : [];
        }),
      ]
        .join(" ")
        .split(/[\s-]+/)
        .map(keyOf);
    const says = (c: Concept, keys: readonly string[]) => {
      const names = namesOf(c);
      return keys.every((k) => names.includes(k));
    };
    const { describing, rate, targetKeys, targetName } = partsOf(sentence, p);
    if (covering) {
      const extra = describing.filter((k) => !says(covering.concept, [k]));
      if (
        !extra.length &&
        (!targetKeys.length || says(covering.concept, targetKeys)) &&
        (!rate || namesOf(covering.concept).includes(rate))
      )
        return {
          concept: covering.concept,
          start: Math.min(covering.start, p.start),
          end: Math.max(covering.end, p.end),
        };
    }
    if (quoted) return undefined;
    // A talk or meeting phrase: the event the clause places, else the one the article is on.
    if (p.type === "event" && MEETING_HEADS.has(p.head)) {
      const present = this.presentAround(sentence, p.start, [...sofar, ...known]);
      const placed = this.eventPlacedBy(present);
      if (placed) return { concept: placed, context: !sayName(placed, p.name) };
      // "A summit between President Gloria Teasdale … and Premier Nikolai Pinky": named by who meets.
      const between = /^\s+between\s+/.exec(sentence.slice(p.end));
      if (between && !describing.length) {
        const from = p.end + between[0].length;
        const parties = [...sofar, ...known]
          .filter(
            (m) =>
              m.start >= from &&
              m.start < from + 120 &&
              ["person", "country", "organisation"].includes(m.concept.type),
          )
          .map((m) => m.concept)
          .filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i)
          .slice(0, 2);
        if (parties.length === 2) {
          const short = (c: Concept) =>
            c.type === "person" ? (c.aliases.find((a) => c.name.endsWith(a)) ?? c.name) : c.name;
          const name = `${short(parties[0] as Concept)}–${short(parties[1] as Concept)} ${sentence.slice(p.headStart, p.end)}`;
          const concept = this.concepts.propose({ name, type: "event", part_of: [] });
          return { concept };
        }
      }
      const named = words.some((w) => w.pos === "PROPN" && w.start < p.headStart - p.start);
      if (!named && this.lastTalks) return { concept: this.lastTalks, context: true };
    }
    // "the expanded rare earth export licensing regime": a known control under another head word.
    const family = this.sameControls(p, words);
    if (family) return { concept: family, context: true };
    // "the tariff Trump imposed on Chinese imports over fentanyl": a known measure its words name further on.
    const over = describing.length
      ? undefined
      : /^[^,.;]{0,50}?\b(?:over|for|against)\s+([a-z][\w-]+)/.exec(sentence.slice(p.end))?.[1];
    if (over) {
      const key = keyOf(over);
      const known = this.knownPhrases().find(
        (q) => q.head === p.head && q.describing.length === 1 && q.describing[0] === key,
      );
      if (known) return { concept: known.concept, context: false };
    }
    // "U.S. measures", "Chinese action": a word this general needs more than a country to be a measure of its own.
    if (
      /^(?:action|measure|step|move)$/.test(p.head) &&
      describing.every((k) => ["us", "u.s", "chinese", "china", "american", "beijing"].includes(k)) &&
      !targetKeys.length
    )
      return undefined;
    if (describing.length || targetKeys.length || rate) {
      // The same measure as one proposed before, or one the knowledge has: same head and describing words, and no other rate or target.
      const same = [...this.phrases, ...this.knownPhrases()].find(
        (q) =>
          q.head === p.head &&
          q.describing.join(" ") === describing.join(" ") &&
          (!q.rate || q.rate === rate) &&
          (!q.target.length || !targetKeys.length || q.target.join(" ") === targetKeys.join(" ")) &&
          // A bare head says nothing to match by but its rate and what it applies to.
          (describing.length > 0 || (q.rate === rate && q.target.join(" ") === targetKeys.join(" "))),
      );
      if (same) return { concept: same.concept };
      if (/^[A-Z][a-z]+$/.test(p.name) && !targetKeys.length) return undefined;
      if (!describing.length && !targetKeys.length && !(rate && covering)) return undefined;
      const lead = words[0] && JUDGING.has(words[0].lower) ? words[0].end + 1 : 0;
      const name =
        `${sentence.slice(p.start + lead, p.end)}${targetKeys.length ? ` on ${targetName}` : ""}`.trim();
      const parent = covering
        ? targetKeys.length && !says(covering.concept, targetKeys)
          ? covering.concept.part_of
          : [covering.concept.id]
        : [];
      const concept = this.concepts.propose({
        name,
        type: p.type,
        part_of: parent.filter((id) => this.concepts.get(id)?.type !== "person"),
      });
      this.phrases.push({ head: p.head, describing, rate, target: targetKeys, concept });
      this.lastByHead.set(p.head, concept);
      return { concept };
    } // "the agreement finished in Kuala Lumpur": named by where it was reached.
    const where = /^\s+(?:\w+ed)\s+(?:in|at)\s+/.exec(sentence.slice(p.end));
    if (where && /^(?:agreement|deal|pact|arrangement|accord|framework|consensus)$/.test(p.head)) {
      const at = p.end + where[0].length;
      const place = known.find((m) => m.start === at && ["place", "country"].includes(m.concept.type));
      if (place) {
        const name = `${place.concept.name} ${sentence.slice(p.headStart, p.end)}`;
        return {
          concept: this.concepts.named(name) ?? this.concepts.propose({ name, type: "measure", part_of: [] }),
        };
      }
    }
    // "That agreement", "the deal", "those fees": the measure of that kind the article last named.
    const before = sentence.slice(Math.max(0, p.start - 7), p.start);
    const pointed = /\b(?:that|this|the|those|these|its)\s+$/i.test(before);
    const had = pointed ? this.lastByHead.get(p.head) : undefined;
    if (had) return { concept: had, context: !sayName(had, p.name) };
    if (covering)
      return {
        concept: covering.concept,
        start: Math.min(covering.start, p.start),
        end: Math.max(covering.end, p.end),
      };
    if (pointed && /^(?:agreement|deal|pact|arrangement|accord)$/.test(p.head) && this.lastDeal)
      return { concept: this.lastDeal, context: true };
    // "The cut applies to …", "the suspension of …": a change of the measure just named (this sentence first).
    if (pointed && /^(?:cut|increase|reduction|suspension|pause|extension|hike)$/.test(p.head)) {
      const here = [...sofar, ...known.filter((k) => !sofar.some((x) => k.start < x.end && k.end > x.start))]
        .filter((m) => m.concept.type === "measure" && m.end <= p.start)
        .sort((a, b) => a.end - b.end)
        .at(-1)?.concept;
      const changed = here ?? this.lastChanged ?? this.lastMeasure;
      if (changed) return { concept: changed, context: false };
    }
    return undefined;
  }

  /**
   * A known control a phrase names under another head ("rare earth export licensing regime" for
   * "China's rare-earth export controls"): the known one's describing words all in the phrase, and
   * both heads words for controls.
   */
  private sameControls(p: MeasurePhrase, words: readonly { text: string }[]): Concept | undefined {
    if (!CONTROL_HEADS.has(p.head)) return undefined;
    const keys = new Set(words.flatMap((w) => w.text.split("-")).map(keyOf));
    return this.concepts.everything().find((c) => {
      if (c.type !== "measure") return false;
      const names = [c.name, ...c.aliases];
      return names.some((n) => {
        const k = n
          .replace(/^[A-Z][\w.]*['’]s\s+/, "")
          .split(/[\s-]+/)
          .map(keyOf)
          .filter(Boolean);
        const head = k.at(-1) ?? "";
        const describing = k.slice(0, -1).filter((x) => !GENERIC_TARGETS.has(x));
        return CONTROL_HEADS.has(head) && describing.length >= 2 && describing.every((x) => keys.has(x));
      });
    });
  }

  /** The talks or meeting of the people (and places) in `ids`, if the knowledge has one. */
  meetingOf(ids: ReadonlySet<string>): Concept | undefined {
    return this.eventPlacedBy(this.withWhatTheyAreIn(ids));
  }

  /** The ids, with the places and bodies each is in. */
  private withWhatTheyAreIn(ids: ReadonlySet<string>): Set<string> {
    const present = new Set(ids);
    for (const id of ids) {
      const c = this.concepts.get(id);
      if (c) for (const p of within(c, (x) => this.concepts.get(x))) present.add(p);
    }
    return present;
  }

  /**
   * A meeting named by its place ("met again in Seoul"), proposed as part of the series the meeting
   * of those people belongs to (another round of the talks the knowledge has).
   */
  proposeMeeting(place: Concept, ids: ReadonlySet<string>, said: readonly string[] = []): Concept {
    const series = ids.size ? (this.eventPlacedBy(this.withWhatTheyAreIn(ids))?.part_of ?? []) : [];
    // "Bessent–He meeting in Seoul": two people, named as the sentence names them.
    const by = said.length === 2 && said.every((w) => /^[A-Z][\w'’-]*$/.test(w)) ? said.join("–") : undefined;
    return this.concepts.propose({
      name: `${by ? `${by} ` : ""}meeting in ${place.name}`,
      type: "event",
      part_of: [...series],
    });
  }

  /**
   * Whether a known event can be the one a clause speaks of: one the knowledge says was already
   * held ("Bessent and He met in Kuala Lumpur on Oct. 25") is not held again on another day
   * ("met again in Seoul on May 12") or at a place that is not where it was.
   */
  fitsEvent(event: Concept, at: EventAt): boolean {
    const held = this.held.heldEvents?.get(event.id);
    if (!held) return true;
    if (at.date && Math.abs(Date.parse(at.date) - Date.parse(held.date)) > 10 * 86_400_000) return false;
    const places = at.places ?? [];
    if (!places.length || !held.places.size) return true;
    const get = (x: string) => this.concepts.get(x);
    return places.some((p) => {
      const c = get(p);
      const up = c ? within(c, get) : [];
      return (
        held.places.has(p) ||
        up.some((x) => held.places.has(x)) ||
        [...held.places].some((h) => {
          const hc = get(h);
          return hc ? within(hc, get).includes(p) : false;
        })
      );
    });
  }

  /** The document the article last named (a fact sheet, a summary, an order), for "the document". */
  lastDocument?: Concept;
  /** The deal the article last named, whose terms a list may give. */
  lastDeal?: Concept;
  /** What the article last said was suspended, extended or cut, for "the suspension", "the pause". */
  lastChanged?: Concept;

  /** The organisations the article has named, latest last. */
  private readonly recentOrgs: Concept[] = [];

  /** The measure or event the last sentence named first, for an "It" opening the next. */
  private previousThing?: Concept;

  /** After a sentence: what it named becomes what the article is talking about. */
  update(mentions: readonly ConceptMention[]): void {
    this.previousThing = [...mentions]
      .sort((a, b) => a.start - b.start)
      .find(
        (m) =>
          (m.concept.type === "measure" || m.concept.type === "event") &&
          !/\b(?:Act|Law|Treaty|Accord|Convention)(?: of \d{4})?$/.test(m.concept.name),
      )?.concept;
    for (const m of mentions) {
      if (m.concept.type === "organisation") this.recentOrgs.push(m.concept);
      if (DOCUMENT_HEADS.has(keyOf(m.concept.name.split(/\s+/).at(-1) ?? ""))) this.lastDocument = m.concept;
      if (
        m.concept.type === "measure" &&
        /\b(?:deal|agreement|arrangement|truce|consensus|framework|package)$/i.test(m.concept.name)
      )
        this.lastDeal = m.concept;
      if (m.concept.type === "event") {
        this.currentEvent = m.concept;
        const head = keyOf(nameHead(m.concept.name));
        const specific = this.anchorsOf(m.concept).sets.length > 0;
        // The article's own talks are the first it names; later mentions of other rounds are background.
        if (!this.lastTalks && specific && this.meetingLike(m.concept) && head !== "summit")
          this.lastTalks = m.concept;
      }
      if (m.concept.type === "measure") this.lastMeasure = m.concept;
      const head = keyOf(nameHead(m.concept.name));
      if (m.concept.type === "measure" || m.concept.type === "event") this.lastByHead.set(head, m.concept);
    }
  }
}
