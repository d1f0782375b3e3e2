/**
 * The index of standing claims: for each concept, the claims about it (and how centrally: the
 * subject, another concept it is about, its speaker, its value, something it is a kind of), the
 * rarity of each concept and word, and the words of each claim. A question finds claims through
 * the concepts it names first; the words only rank claims the concepts already found.
 */
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import { ConceptMatcher } from "./concept-matcher.js";
import { forgetWords, stemsOf } from "./keys.js";
import { ValueIndex } from "./value-index.js";
import { Vocabulary } from "./vocabulary.js";
import { type Shares, WordPostings } from "./word-postings.js";

/** How centrally a claim is about a concept. */
export const ROLE_WEIGHT = {
  subject: 1,
  about: 0.8,
  speaker: 0.75,
  value: 0.55,
  /** A concept a claim's concept is part of: a claim about the 100% surtax is about US tariffs. */
  broader: 0.5,
  /** A concept the claim's answer or snippet names without the claim being about it. */
  named: 0.5,
} as const;

/** The claims about one concept, with how centrally each is about it. */
interface Postings {
  claims: Int32Array;
  weights: Float32Array;
}

/** Claims found through a question's concepts, with how much of them they cover. */
export interface ConceptHit {
  index: number;
  /** 0..1: the share of the question's concepts (weighted by rarity) the claim is about. */
  coverage: number;
}

/** The search structures over a list of claims. Immutable: build a new one when the knowledge changes. */
export class ClaimIndex {
  readonly claims: readonly LoadedClaim[];
  // Set while building (see build): the fields below are filled step by step, then never changed.
  matcher!: ConceptMatcher;
  private readonly postings = new Map<string, Postings>();
  private readonly conceptIdf = new Map<string, number>();
  /** Word stem → claims holding it, and its rarity. */
  private words!: WordPostings;
  /** Every word the knowledge holds (claims, concept names, the sources' texts), as keys and as stems. */
  private vocabulary!: Vocabulary;
  private readonly parents = new Map<string, readonly string[]>();
  private readonly names = new Map<string, string>();
  /** Event → the places and people its where and who claims give. */
  private readonly context = new Map<string, string[]>();
  /** Stem → the claims (and which of their phrasings) holding it, for the optional curated phrasings. */
  private readonly phrasingPostings = new Map<string, number[]>();
  /** For each phrasing (by its number in the postings): its claim and how many stems it has. */
  private readonly phrasingClaim: number[] = [];
  private readonly phrasingSize: number[] = [];
  /** Claims by the figure or date their value gives. */
  private readonly values = new ValueIndex();
  private coverageScratch!: Float32Array;

  /** Builds the index at once. */
  constructor(kb: KnowledgeBase, claims: readonly LoadedClaim[], stepwise?: "stepwise") {
    this.claims = claims;
    if (stepwise) return;
    const steps = this.fill(kb);
    while (!steps.next().done);
  }

  /**
   * Builds the index a step at a time: it yields every few hundred claims or texts, so a caller
   * can give the event loop a turn between steps (a hot reload while the app answers).
   */
  static *build(kb: KnowledgeBase, claims: readonly LoadedClaim[]): Generator<void, ClaimIndex> {
    const index = new ClaimIndex(kb, claims, "stepwise");
    yield* index.fill(kb);
    return index;
  }

  private *fill(kb: KnowledgeBase): Generator<void> {
    const claims = this.claims;
    this.matcher = new ConceptMatcher(kb.concepts.values());
    yield;
    for (const c of kb.concepts.values()) {
      this.parents.set(c.id, c.part_of);
      this.names.set(c.id, c.name);
    }
    // Where an event is and who takes part are part of what every claim about it is about.
    for (const c of claims) {
      const v = c.value;
      const subject = c.about[0] as string;
      if (kb.concepts.get(subject)?.type !== "event") continue;
      const add =
        "places" in v && c.attribute === "where"
          ? v.places
          : "people" in v && c.attribute === "who"
            ? v.people
            : [];
      if (!add.length) continue;
      const list = this.context.get(subject) ?? [];
      for (const id of add) if (!list.includes(id)) list.push(id);
      this.context.set(subject, list);
    }
    const conceptLists = new Map<string, { claims: number[]; weights: number[] }>();
    const wordLists = new Map<string, number[]>();
    for (let i = 0; i < claims.length; i++) {
      if (i % 100 === 99) yield;
      const claim = claims[i] as LoadedClaim;
      const weights = this.conceptsOf(claim);
      for (const [concept, w] of weights) {
        let list = conceptLists.get(concept);
        if (!list) {
          list = { claims: [], weights: [] };
          conceptLists.set(concept, list);
        }
        list.claims.push(i);
        list.weights.push(w);
      }
      for (const phrasing of claim.phrasings) {
        const stems = new Set(stemsOf(phrasing));
        if (!stems.size) continue;
        const k = this.phrasingClaim.push(i) - 1;
        this.phrasingSize.push(stems.size);
        for (const st of stems) {
          const list = this.phrasingPostings.get(st) ?? [];
          list.push(k);
          this.phrasingPostings.set(st, list);
        }
      }
      this.values.add(claim, i);
      const words = new Set<string>();
      for (const text of [claim.answer, claim.snippet, claim.title ?? "", ...claim.phrasings]) {
        for (const k of stemsOf(text)) words.add(k);
      }
      for (const k of words) {
        let list = wordLists.get(k);
        if (!list) {
          list = [];
          wordLists.set(k, list);
        }
        list.push(i);
      }
    }
    yield;
    this.values.finish();
    const n = Math.max(1, claims.length);
    for (const [concept, list] of conceptLists) {
      this.postings.set(concept, {
        claims: Int32Array.from(list.claims),
        weights: Float32Array.from(list.weights),
      });
      this.conceptIdf.set(concept, Math.log(1 + n / list.claims.length));
    }
    this.words = new WordPostings(wordLists, claims.length);
    yield;
    this.vocabulary = yield* Vocabulary.build([
      ...claims.flatMap((c) => [c.answer, c.snippet]),
      ...[...kb.concepts.values()].flatMap((c) => [c.name, ...c.aliases, ...c.roles]),
      ...[...kb.sources.values()].map((s) => `${s.title} ${s.subtitle ?? ""} ${s.text}`),
    ]);
    forgetWords();
    this.coverageScratch = new Float32Array(claims.length);
  }

  /** The concepts a claim is about, each at its most central role, and what they are part of. */
  private conceptsOf(claim: LoadedClaim): Map<string, number> {
    const out = new Map<string, number>();
    const put = (id: string, w: number): void => {
      out.set(id, Math.max(out.get(id) ?? 0, w));
    };
    claim.about.forEach((id, i) => {
      put(id, i === 0 ? ROLE_WEIGHT.subject : ROLE_WEIGHT.about);
    });
    if (claim.speaker) put(claim.speaker, ROLE_WEIGHT.speaker);
    const v = claim.value;
    if ("places" in v) for (const id of v.places) put(id, ROLE_WEIGHT.value);
    if ("people" in v) for (const id of v.people) put(id, ROLE_WEIGHT.value);
    for (const id of claim.about) for (const up of this.ancestors(id)) put(up, ROLE_WEIGHT.broader);
    // "China's 15% tariffs on US chicken…": a concept whose own name names a country (or another
    // concept) is that country's; the claim's text may name the measure and so hide the country.
    for (const id of claim.about) for (const inName of this.namedInName(id)) put(inName, ROLE_WEIGHT.broader);
    // What the claim's own words name, though its `about` leaves it out.
    for (const id of this.matcher.namedIn(`${claim.answer} ${claim.snippet}`)) put(id, ROLE_WEIGHT.named);
    for (const id of this.context.get(claim.about[0] as string) ?? []) put(id, ROLE_WEIGHT.broader);
    return out;
  }

  /** The concepts a concept's own name names, itself left out (worked out once per concept). */
  private namedInName(id: string): readonly string[] {
    let known = this.inNames.get(id);
    if (!known) {
      const name = this.names.get(id);
      known = name ? this.matcher.namedInParts(name).filter((x) => x !== id) : [];
      this.inNames.set(id, known);
    }
    return known;
  }

  private readonly inNames = new Map<string, readonly string[]>();

  /** Everything a concept is part of, transitively (worked out once per concept). */
  ancestors(id: string): readonly string[] {
    let known = this.ancestry.get(id);
    if (!known) {
      known = this.walkAncestors(id);
      this.ancestry.set(id, known);
    }
    return known;
  }

  private readonly ancestry = new Map<string, readonly string[]>();

  private walkAncestors(id: string): string[] {
    const out: string[] = [];
    const walk = (at: string, depth: number) => {
      for (const up of this.parents.get(at) ?? []) {
        if (out.includes(up) || depth > 8) continue;
        out.push(up);
        walk(up, depth + 1);
      }
    };
    walk(id, 0);
    return out;
  }

  /** How rare a concept is among the claims (a concept no claim is about weighs like the rarest). */
  idfOfConcept(id: string): number {
    return this.conceptIdf.get(id) ?? Math.log(1 + this.claims.length);
  }

  /** How rare a word is among the claims; undefined when no claim holds it. */
  idfOfWord(key: string): number | undefined {
    return this.words.idfOf(key);
  }

  /** Whether some word the knowledge holds shares this word's first five letters and more ("resumption" ~ "resume"). */
  knowsPrefix(stem: string): boolean {
    return this.vocabulary.knowsPrefix(stem);
  }

  /** Whether a word is one or two edits from a word the knowledge holds (for misspellings). */
  nearWord(key: string): boolean {
    return this.vocabulary.nearWord(key);
  }

  /** Whether the knowledge holds the word anywhere (claims, names, source texts). */
  knowsWord(key: string): boolean {
    return this.vocabulary.has(key);
  }

  /** How many claims are about a concept (at any role). */
  countAbout(concept: string): number {
    return this.postings.get(concept)?.claims.length ?? 0;
  }

  /** The claims about a concept. */
  claimsAbout(concept: string): number[] {
    const p = this.postings.get(concept);
    return p ? [...p.claims] : [];
  }

  /**
   * The claims about any of `concepts` (concept → how much it counts in the question), each with
   * the rarity-weighted share of those concepts it is about.
   */
  byConcepts(concepts: ReadonlyMap<string, number>): ConceptHit[] {
    const acc = this.coverageScratch;
    const touched: number[] = [];
    let total = 0;
    // Rarity counts, flattened: a rare concept named in passing must not outweigh the rest.
    const maxIdf = Math.log(1 + this.claims.length);
    for (const [concept, weight] of concepts) {
      const w = weight * (0.5 + (0.5 * this.idfOfConcept(concept)) / maxIdf);
      total += w;
      const p = this.postings.get(concept);
      if (!p) continue;
      for (let k = 0; k < p.claims.length; k++) {
        const i = p.claims[k] as number;
        if (acc[i] === 0) touched.push(i);
        acc[i] = (acc[i] as number) + w * (p.weights[k] as number);
      }
    }
    const hits = touched.map((i) => ({ index: i, coverage: total > 0 ? (acc[i] as number) / total : 0 }));
    for (const i of touched) acc[i] = 0;
    return hits;
  }

  /**
   * Claims with a curated phrasing close to the question's stems (Dice overlap, 0..1, best phrasing
   * per claim): the optional extras curators write for idioms the concepts and attribute don't carry.
   */
  phrasingMatches(stems: readonly string[], atLeast: number): Map<number, number> {
    const q = new Set(stems);
    const shared = new Map<number, number>();
    for (const st of q)
      for (const k of this.phrasingPostings.get(st) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    const out = new Map<number, number>();
    for (const [k, n] of shared) {
      const claim = this.phrasingClaim[k] as number;
      const dice = (2 * n) / (q.size + (this.phrasingSize[k] as number));
      if (dice >= atLeast && dice > (out.get(claim) ?? 0)) out.set(claim, dice);
    }
    return out;
  }

  /** Claims whose value is this figure (any unit), or whose date value covers this day or month, in claim order. */
  byValue(find: { figure?: number; date?: string; precision?: string }): number[] {
    return this.values.find(find);
  }

  /** For each of `indexes`, the rarity-weighted share of `keys` (word stems) its words hold (0..1). */
  wordCoverage(keys: readonly string[]): Shares {
    return this.words.coverage(keys);
  }
}
