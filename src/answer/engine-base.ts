/**
 * The state an answer engine keeps about one knowledge base (standing claims, the index, per-claim
 * facts worked out once) and the questions it asks of a claim: is it about what was named, whose
 * is it, how central is its subject.
 */
import type { Attribute, KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import { ClaimIndex } from "../search/claim-index.js";
import { type Reading, readQuestion } from "../search/reading.js";
import type { ArbiterModel } from "./arbiter.js";
import { keysOf } from "./arbiter.js";
import { ARBITER } from "./arbiter-model.js";
import { type EngineParts, MAX_SCORED, periodEnd } from "./engine-shared.js";
import { EngineLookups } from "./lookups.js";
import { PassageIndex } from "./passages.js";
import { type Standing, standingOf } from "./standing.js";
import { runAtOnce, runInSteps } from "./steps.js";

/** Part of the answer engine (see engine.ts). */
export abstract class EngineBase {
  readonly index: ClaimIndex;
  readonly standing: Standing;
  protected readonly standingIds: ReadonlySet<string>;
  protected readonly reference: Date;
  /** Older claims that a newer one says the same as. */
  protected readonly confirmedIds: ReadonlySet<string>;
  /** Subject → the date its standing `when` claim gives (the last day of its period). */
  protected readonly eventDates = new Map<string, string>();
  /** The day each event the standing claims date began. */
  protected readonly eventStarts = new Map<string, string>();
  /** Subjects' dated claims, concepts' parts, quotations: looked up, not scanned for. */
  protected readonly lookups: EngineLookups;
  /**
   * Per claim, by its index in kb.claims, what scoring it needs that no question changes: 1 when it
   * stands, 2 when a newer claim confirms it, 0 when replaced; its default fit, upcoming factor and
   * recency. Worked out once: the scoring loop meets each claim about a common concept in most questions.
   */
  protected readonly claimState: Uint8Array;
  protected readonly claimDefaultFit: Float64Array;
  /**
   * Each claim's attribute (its number in `attributeNumber`) and subject (its first concept's
   * number in `conceptNumber`, -1 for none), by claim number: the rough pass over thousands of
   * claims reads these arrays instead of the claim objects, which lie all over the heap.
   */
  protected readonly claimAttribute: Uint8Array;
  protected readonly claimSubject: Int32Array;
  protected readonly conceptNumber = new Map<string, number>();
  /** The attributes the claims fill, numbered as met (not from the schema: `ask` starts without zod). */
  protected readonly attributeNumber = new Map<string, number>();
  /** One mark per claim, for the claims a question has met; cleared after each use. */
  protected readonly claimSeen: Uint8Array;
  protected readonly claimUpcoming: Float64Array;
  protected readonly claimRecency: Float64Array;

  /** How many claims about a question's concepts are scored in full, at most. */
  protected readonly maxScored: number;

  /** The learned second opinion on refusals (arbiter.ts); none when turned off. */
  protected readonly arbiter: ArbiterModel | undefined;
  private sourceWordKeys: ReadonlySet<string> | undefined;
  private passageIndex: PassageIndex | undefined;

  protected readonly nextParts = new Map<string, string | undefined>();
  constructor(
    readonly kb: KnowledgeBase,
    parts?: EngineParts,
    /** `arbiter: null` answers by the rules alone. */
    options: { maxScored?: number; arbiter?: ArbiterModel | null } = {},
  ) {
    this.maxScored = options.maxScored ?? MAX_SCORED;
    this.arbiter = options.arbiter === undefined ? ARBITER : (options.arbiter ?? undefined);
    this.standing = parts?.standing ?? standingOf(kb);
    this.standingIds = new Set(this.standing.claims.map((c) => c.id));
    this.confirmedIds = new Set([...this.standing.confirmed.values()].flat().map((c) => c.id));
    for (const c of this.standing.claims) {
      if (c.attribute === "when" && "date" in c.value) {
        this.eventDates.set(
          c.about[0] as string,
          c.value.until ?? periodEnd(c.value.date, c.value.precision),
        );
        if (c.value.precision === "day") this.eventStarts.set(c.about[0] as string, c.value.date);
      }
    }
    this.index = parts?.index ?? new ClaimIndex(kb, kb.claims);
    this.lookups = new EngineLookups(kb, this.standing);
    this.claimState = Uint8Array.from(kb.claims, (c) =>
      this.standingIds.has(c.id) ? 1 : this.confirmedIds.has(c.id) ? 2 : 0,
    );
    this.claimDefaultFit = Float64Array.from(kb.claims, (c) => this.defaultFit(c));
    for (const id of kb.concepts.keys()) this.conceptNumber.set(id, this.conceptNumber.size);
    this.claimAttribute = Uint8Array.from(kb.claims, (c) => {
      if (!this.attributeNumber.has(c.attribute))
        this.attributeNumber.set(c.attribute, this.attributeNumber.size);
      return this.attributeNumber.get(c.attribute) as number;
    });
    this.claimSubject = Int32Array.from(kb.claims, (c) => this.conceptNumber.get(c.about[0] ?? "") ?? -1);
    this.claimSeen = new Uint8Array(kb.claims.length);
    this.claimUpcoming = Float64Array.from(kb.claims, (c) => this.upcomingFactor(c));
    this.claimRecency = Float64Array.from(kb.claims, (c) => this.recency(c));
    this.reference = new Date(`${kb.newestSource || "2025-01-01"}T12:00:00Z`);
  }

  /**
   * The keys of every word the sources hold, worked out at the first question that needs them
   * unless `preparePassages` has worked them out already.
   */
  sourceKeys(): ReadonlySet<string> {
    this.sourceWordKeys ??= runAtOnce(this.sourceKeySteps());
    return this.sourceWordKeys;
  }

  /** The same, a few sources a step. */
  private *sourceKeySteps(): Generator<void, Set<string>> {
    const out = new Set<string>();
    let n = 0;
    for (const s of this.kb.sources.values()) {
      for (const k of keysOf(s.text)) out.add(k);
      if (++n % 20 === 0) yield;
    }
    return out;
  }

  /**
   * Every sentence of the sources, indexed by word: built at the first refusal that needs them,
   * unless `preparePassages` has built it already.
   */
  passages(): PassageIndex {
    this.passageIndex ??= PassageIndex.of(this.kb);
    return this.passageIndex;
  }

  /** Whether the sentence index is built. */
  get passagesReady(): boolean {
    return this.passageIndex !== undefined;
  }

  /**
   * Builds the sentence index and the sources' words a step at a time, a turn of the event loop
   * between steps of about `sliceMs`, so that the first question does not build them at once (at
   * 10,000 claims that stalled the loop for most of a second): a hot reload prepares them before
   * the new knowledge serves, the start after it serves.
   */
  async preparePassages(sliceMs = 15, previous?: EngineBase): Promise<void> {
    // The engine this one replaces, over the same sources: its sentences and words serve again.
    const before = previous?.passageIndex;
    const reused = before ? await runInSteps(PassageIndex.reusing(before, this.kb), sliceMs) : undefined;
    if (reused) {
      this.passageIndex ??= reused;
      this.sourceWordKeys ??= previous?.sourceWordKeys;
    }
    if (!this.passageIndex) {
      const built = await runInSteps(PassageIndex.build(this.kb), sliceMs);
      this.passageIndex ??= built;
    }
    if (!this.sourceWordKeys) {
      const keys = await runInSteps(this.sourceKeySteps(), sliceMs);
      this.sourceWordKeys ??= keys;
    }
  }

  /** Reads a question the way `answer` does. */
  read(question: string): Reading {
    return readQuestion(question, this.index.matcher, (id) => this.kb.concepts.get(id)?.type, this.reference);
  }

  /** Whether the claim's subject is of the same type as one of these concepts (a topic for a topic). */
  protected sameClass(claim: LoadedClaim, ids: readonly string[]): boolean {
    const type = this.kb.concepts.get(claim.about[0] as string)?.type;
    return ids.some((id) => this.kb.concepts.get(id)?.type === type);
  }

  /** Whether the claim's subject is one of these concepts, a part of one, or one they are part of. */
  protected subjectNamed(claim: LoadedClaim, ids: readonly string[]): boolean {
    const subject = claim.about[0] as string;
    if (ids.includes(subject)) return true;
    if (this.index.ancestors(subject).some((a) => ids.includes(a))) return true;
    return ids.some((id) => this.index.ancestors(id).includes(subject));
  }

  /** Whether the claim's subject is a concept the question names (or a part of one), or the claim is about all it names. */
  protected isAboutNamed(claim: LoadedClaim, named: ReadonlySet<string>): boolean {
    const subject = claim.about[0] as string;
    if (named.has(subject) || this.index.ancestors(subject).some((a) => named.has(a))) return true;
    const specific = [...named].filter((id) => !this.isGeneral(id));
    return specific.length > 1 && specific.every((id) => claim.about.includes(id));
  }

  /** Whether the claim's subject belongs to a country the question does not name, and the claim is not about those it does. */
  protected belongsElsewhere(claim: LoadedClaim, countries: readonly string[]): boolean {
    const subject = claim.about[0] as string;
    // A person speaks to other countries; a measure or a figure belongs to one.
    const type = this.kb.concepts.get(subject)?.type;
    if (type === "person" || type === "organisation") return false;
    const owners = this.index.ancestors(subject).filter((a) => this.kb.concepts.get(a)?.type === "country");
    if (!owners.length || owners.some((o) => countries.includes(o))) return false;
    return !claim.about.some((a) => countries.includes(a));
  }

  /**
   * With no attribute asked ("next round of talks?", "the truce"), what a thing is first known by:
   * an event by when and where, a measure by its size and dates, a person by their title.
   */
  protected defaultFit(claim: LoadedClaim): number {
    const type = this.kb.concepts.get(claim.about[0] as string)?.type;
    const first: Partial<Record<string, readonly Attribute[]>> = {
      event: ["when", "where", "status", "description"],
      measure: ["amount", "start", "end", "status", "terms", "description"],
      person: ["role", "description"],
      topic: ["amount", "description", "status", "impact"],
    };
    return first[type ?? ""]?.includes(claim.attribute) ? 1 : 0.85;
  }

  /** "Before the extension": of the older values, the one just before the newest weighs a little more. */
  protected recency(claim: LoadedClaim): number {
    const days = (Date.parse(this.kb.newestSource) - Date.parse(claim.asOf)) / 86_400_000;
    return Math.max(0, 0.1 - days / 300);
  }

  /** The organisations and places a claim is about besides its subject: the outlet, the venue. */
  protected orgOrPlaceOf(claim: LoadedClaim): string[] {
    return claim.about
      .slice(1)
      .filter((a) => ["organisation", "place"].includes(this.kb.concepts.get(a)?.type ?? ""));
  }

  /** Whether a claim names people (about or value) that the question did not. */
  /**
   * Whether a claim names a place the question does not ("the talks were held at Merdeka 118", a
   * claim about the talks that a curator or the drafter filed as their description): it can say
   * where, though it fills another attribute.
   */
  protected namesOtherPlace(claim: LoadedClaim, named: ReadonlySet<string>): boolean {
    let places = this.placesOfClaim.get(claim.id);
    if (!places) {
      const ids = new Set([
        ...claim.about,
        ...("places" in claim.value ? claim.value.places : []),
        ...this.index.matcher.namedIn(claim.answer),
      ]);
      places = [...ids].filter((id) => this.kb.concepts.get(id)?.type === "place");
      this.placesOfClaim.set(claim.id, places);
    }
    return places.some((id) => !named.has(id));
  }

  private readonly placesOfClaim = new Map<string, readonly string[]>();

  protected namesOthers(claim: LoadedClaim, named: ReadonlySet<string>): boolean {
    const people = [...claim.about, ...("people" in claim.value ? claim.value.people : [])];
    return people.some((id) => !named.has(id) && this.kb.concepts.get(id)?.type === "person");
  }

  /** Whether the event a claim is about was held in the month or on the day `asked` gives (any year, unless given). */
  protected heldIn(
    claim: LoadedClaim,
    asked: { date: string; precision: string; yearGiven: boolean },
  ): boolean {
    const start = this.eventStarts.get(claim.about[0] as string);
    if (!start || (asked.precision !== "month" && asked.precision !== "day")) return false;
    const from = asked.yearGiven ? 0 : 5;
    const to = asked.precision === "month" ? 7 : 10;
    return start.slice(from, to) === asked.date.slice(from, to);
  }

  /**
   * For "the next round": claims about an event the report saw ahead of it weigh more, those about
   * one already past at the report weigh less.
   */
  protected upcomingFactor(claim: LoadedClaim): number {
    const date = this.eventDates.get(claim.about[0] as string);
    if (!date) return 1;
    return date >= claim.asOf ? 1.15 : 0.8;
  }

  /** A concept the question names only to set the scene: a country, or one most claims are about. */
  protected isGeneral(concept: string): boolean {
    const type = this.kb.concepts.get(concept)?.type;
    if (type === "country") return true;
    if (type === "person" || type === "place") return false;
    return this.index.countAbout(concept) > Math.max(8, this.index.claims.length * 0.25);
  }

  /** Whether the grain asked for is one this claim's value has: a date for day and time, a place for venue and city. */
  protected concernsExactness(reading: Reading, claim: LoadedClaim): boolean {
    const e = reading.asked.exact;
    if (e === "day" || e === "time" || e === "month" || e === "year") return "date" in claim.value;
    if (e === "venue" || e === "city") return "places" in claim.value;
    return false;
  }

  /** 0 for a country, 1 for a place in a country, 2 for a place within that. */
  protected placeDepth(id: string): number {
    const c = this.kb.concepts.get(id);
    if (!c || c.type === "country") return 0;
    const within = c.part_of.map((p) => this.placeDepth(p) + 1);
    return within.length ? Math.max(...within) : 1;
  }
}
