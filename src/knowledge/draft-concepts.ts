/**
 * The concepts of one drafts file: the knowledge's own, found in a sentence through their names,
 * aliases and roles (search/concept-matcher.ts), and new ones proposed for the people,
 * organisations, places, measures and events the article introduces. A proposal never takes an id
 * in use, nor a name or alias another concept has, so the drafts file passes the checks.
 */
import { ConceptMatcher } from "../search/concept-matcher.js";
import { aliasKey } from "./check.js";
import { measureAliases, organisationAliases, otherWordOrder, roleVariants } from "./draft-aliases.js";
import type { Named } from "./draft-names.js";
import { type Token, tokensOf } from "./draft-tokens.js";
import type { Concept, ConceptType } from "./schema.js";

/** A concept named in a sentence, over characters `start`..`end`. */
export interface ConceptMention {
  concept: Concept;
  start: number;
  end: number;
  /** Named by a role ("the Treasury chief") rather than a name or alias. */
  byRole: boolean;
  /** Named only by what the article said before ("the talks", "those fees"): answers name it. */
  context?: boolean;
}

/** Family names written first (Chinese usage): the short form of "Li Chenggang" is "Li". */
const FAMILY_FIRST = new Set(
  "li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin hao kong bai cui kang mao qiu qin gu hou shao meng long wan duan lei qian yin yi wen xi".split(
    " ",
  ),
);
/** Aliases that are English words before they are names ("He" for He Lifeng). */
const PRONOUNS = new Set(["he", "she", "it", "they", "we", "us", "i", "you", "him", "her", "them"]);

/** Lower-case kebab-case: "Rufus T. Firefly" → "rufus-t-firefly". */
export function idFrom(name: string, maxWords = 6): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/['’]s\b/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .filter(Boolean)
      .slice(0, maxWords)
      .join("-") || "concept"
  );
}

/** The concepts of one drafts file: known ones found in sentences, and new ones proposed. */
export class DraftConcepts {
  /** Concepts proposed for this source, in the order they were first needed. */
  readonly proposed: Concept[] = [];
  private readonly byName = new Map<string, Concept>();
  private readonly all: Concept[] = [];
  private matcher: ConceptMatcher | undefined;
  private partyMatcher: ConceptMatcher | undefined;

  constructor(
    known: readonly Concept[],
    private readonly takenIds: Set<string>,
    private readonly sourceId: string,
  ) {
    for (const c of known) this.remember(c);
  }

  private remember(c: Concept): void {
    this.all.push(c);
    for (const n of [c.name, ...c.aliases]) {
      const key = aliasKey(n);
      if (!this.byName.has(key)) this.byName.set(key, c);
    }
    this.matcher = undefined;
    this.partyMatcher = undefined;
  }

  /** Gives a proposed concept more aliases, those no other concept has. */
  addAliases(concept: Concept, aliases: readonly string[]): void {
    if (!this.proposed.includes(concept)) return;
    for (const a of aliases)
      if (aliasKey(a) !== aliasKey(concept.name) && !concept.aliases.includes(a) && this.free(a)) {
        concept.aliases.push(a);
        this.byName.set(aliasKey(a), concept);
      }
    this.matcher = undefined;
  }

  /** Whether `name` is free to be a new concept's name or alias. */
  free(name: string): boolean {
    return !this.byName.has(aliasKey(name)) && !PRONOUNS.has(aliasKey(name));
  }

  /** The concept a name or alias names, if any. */
  named(name: string): Concept | undefined {
    return this.byName.get(aliasKey(name));
  }

  /** A concept by id. */
  get(id: string): Concept | undefined {
    return this.all.find((c) => c.id === id);
  }

  /** Every concept known or proposed so far. */
  everything(): readonly Concept[] {
    return this.all;
  }

  private newId(name: string): string {
    const base = idFrom(name);
    let id = base;
    for (let n = 2; this.takenIds.has(id); n++) id = `${base}-${n}`;
    this.takenIds.add(id);
    return id;
  }

  /** Proposes a concept (unless one already has the name), keeping only aliases no other concept has. */
  propose(fields: {
    name: string;
    type: ConceptType;
    aliases?: string[];
    roles?: string[];
    part_of?: string[];
  }): Concept {
    // "fentanyl-related tariffs" is also "fentanyl tariffs"; "ban on gallium and germanium" the "gallium ban".
    const derived =
      fields.type === "measure" || fields.type === "event" ? measureAliases(fields.name, fields.type) : [];
    const had =
      this.named(fields.name) ??
      this.sameDated(fields.name, fields.type) ??
      this.sameDeal(fields.name, fields.type) ??
      derived.map((a) => this.named(a)).find((c) => c?.type === fields.type);
    if (had) return had;
    const aliases = [...new Set([...(fields.aliases ?? []), ...derived])].filter(
      (a) => aliasKey(a) !== aliasKey(fields.name) && this.free(a),
    );
    const concept: Concept = {
      id: this.newId(fields.name),
      type: fields.type,
      name: fields.name,
      aliases,
      roles: [...new Set(fields.roles ?? [])],
      part_of: fields.part_of ?? [],
      note: `Proposed by the drafter from source ${this.sourceId}: check it is not already a concept under another name.`,
    };
    this.proposed.push(concept);
    this.remember(concept);
    return concept;
  }

  /**
   * A known measure or event named by the month of its day: "October controls" is "Oct. 9 export
   * controls" when its words are among the known one's and end the same way.
   */
  private sameDated(name: string, type: ConceptType): Concept | undefined {
    if (type !== "measure" && type !== "event") return undefined;
    const dated = (n: string) => {
      const m =
        /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?\s+(.+)$/.exec(
          n,
        );
      return m ? { month: m[1] as string, words: (m[2] ?? "").toLowerCase().split(/\s+/) } : undefined;
    };
    const mine = dated(name);
    if (!mine) return undefined;
    const head = mine.words.at(-1);
    const found = this.all.filter((c) => {
      if (c.type !== type) return false;
      const theirs = dated(c.name);
      return (
        theirs &&
        theirs.month === mine.month &&
        theirs.words.at(-1) === head &&
        mine.words.every((w) => theirs.words.includes(w))
      );
    });
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * A known deal named with another word for a deal: "Kuala Lumpur arrangements" and "Kuala Lumpur
   * Joint Arrangement" are the "Kuala Lumpur agreement" (the names' words one within the other).
   */
  private sameDeal(name: string, type: ConceptType): Concept | undefined {
    if (type !== "measure") return undefined;
    const DEAL = /^(?:agreements?|arrangements?|deals?|accords?|pacts?|consensus)$/i;
    const words = (n: string) => n.split(/\s+/).filter((w) => !/^(?:the|a|an)$/i.test(w));
    const mine = words(name);
    if (!DEAL.test(mine.at(-1) ?? "") || mine.length < 2) return undefined;
    const rest = mine.slice(0, -1).map((w) => w.toLowerCase());
    if (!mine.slice(0, -1).some((w) => /^[A-Z]/.test(w))) return undefined;
    const found = this.all.filter((c) => {
      if (c.type !== "measure") return false;
      const theirs = words(c.name);
      if (!DEAL.test(theirs.at(-1) ?? "") || theirs.length < 2) return false;
      const other = theirs.slice(0, -1).map((w) => w.toLowerCase());
      const capitals = theirs
        .slice(0, -1)
        .filter((w) => /^[A-Z]/.test(w))
        .map((w) => w.toLowerCase());
      return (
        capitals.length > 0 &&
        capitals.every((w) => rest.includes(w)) &&
        (rest.every((w) => other.includes(w)) || other.every((w) => rest.includes(w)))
      );
    });
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * A concept for something the article names: the known one when its name is known (a name that
   * names a concept already is never proposed twice), else a proposal with its short forms.
   */
  fromNamed(n: Named, text: string, countryId: (name: string) => string | undefined): Concept | undefined {
    const order = n.type === "organisation" ? otherWordOrder(n.name) : undefined;
    const known =
      this.named(n.name) ?? [...n.aliases, ...(order ? [order] : [])].map((a) => this.named(a)).find(Boolean);
    if (known) return known;
    const aliases = [...n.aliases];
    if (n.type === "person") {
      const parts = n.name.split(" ").filter((p) => !/^[A-Z]\.$/.test(p));
      const first = parts[0] ?? "";
      const last = parts.at(-1) ?? "";
      const alone = (w: string) =>
        new RegExp(`(?<![\\w-][ ]?)\\b${w}\\b(?![ ][A-Z])`).test(text.replaceAll(n.name, ""));
      const short = alone(last) ? last : alone(first) || FAMILY_FIRST.has(first.toLowerCase()) ? first : last;
      if (short && short !== n.name) aliases.push(short);
    }
    if (n.type === "organisation") aliases.push(...organisationAliases(n.name, text, n.owner));
    const owner = n.owner ? countryId(n.owner) : undefined;
    const roles = n.described ? [] : n.roles.filter(Boolean);
    return this.propose({
      name: n.name,
      type: n.type,
      aliases,
      roles: n.type === "person" ? [...roles, ...roles.flatMap(roleVariants)] : roles,
      part_of: owner ? [owner] : [],
    });
  }

  /** The people, places and countries a text names (by name or alias), in order: what an event's name says of it. */
  peopleAndPlacesIn(text: string): ConceptMention[] {
    this.partyMatcher ??= new ConceptMatcher(
      this.all
        .filter((c) => ["person", "place", "country"].includes(c.type))
        .map((c) => ({ ...c, roles: [] })),
    );
    const tokens = tokensOf(text);
    const out: ConceptMention[] = [];
    for (const m of this.partyMatcher.find(tokens)) {
      if (m.corrected) continue;
      const concept = this.get(m.concept);
      const from = tokens[m.from] as Token;
      const to = tokens[m.to] as Token;
      if (concept) out.push({ concept, start: from.start, end: to.end, byRole: false });
    }
    return out;
  }

  /** The concepts a sentence names (by name, alias or role), in order; typo corrections are not trusted in drafted text. */
  mentionsIn(sentence: string): ConceptMention[] {
    this.matcher ??= new ConceptMatcher(this.all);
    const tokens = tokensOf(sentence);
    const out: ConceptMention[] = [];
    for (const m of this.matcher.find(tokens)) {
      // Typo corrections, and names with other words inside them ("round between the two teams … meetings"),
      // are for questions, not for drafting; a name inside a title is fine ("Treasury Secretary Scott Bessent").
      if (m.corrected) continue;
      const span = tokens.slice(m.from, m.to + 1);
      if (m.gapped && (span.length > 6 || span.filter((t) => /^[a-z]/.test(t.text)).length > 1)) continue;
      const concept = this.get(m.concept);
      const from = tokens[m.from] as Token;
      const to = tokens[m.to] as Token;
      // "a New York Times event", "Beijing Zhong Ke San Huan": a place's name inside a longer
      // proper name (an outlet, a company) is not the place.
      const next = tokens[m.to + 1];
      const last = tokens[m.to]?.text ?? "";
      const names = concept ? [concept.name, ...concept.aliases].join(" ").split(/\s+/) : [];
      if (concept?.type === "place" && /^[A-Z][a-z]/.test(last) && !names.includes(last)) continue;
      if (
        concept?.type === "place" &&
        next &&
        next.start === to.end + 1 &&
        /^[A-Z][a-z]/.test(next.text) &&
        !/^(?:On|In|At|And|But|The|This|That|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(
          next.text,
        )
      )
        continue;
      if (concept) out.push({ concept, start: from.start, end: to.end, byRole: m.via === "role" });
    }
    return out;
  }
}
