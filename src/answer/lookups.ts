/**
 * What the answer engine looks up while answering, worked out once per knowledge base instead of
 * scanning every claim or concept for each question: a subject's dated claims, the parts of a
 * concept, the claims whose words hold a quotation. Each gives what the scan it replaces gave, in
 * the same order.
 */
import type { KnowledgeBase, LoadedClaim, LoadedConcept } from "../knowledge/schema.js";
import type { Standing } from "./standing.js";

/** Text folded for finding quoted words: lower case, letters and digits only. */
export function squash(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const NONE: readonly never[] = [];

/** Look-ups over one knowledge base and its standing claims. Immutable once built. */
export class EngineLookups {
  /** Subject → its standing claims with a date value, in standing order. */
  private readonly dated = new Map<string, LoadedClaim[]>();
  /** Subject → its first standing start or end claim. */
  private readonly startOrEnd = new Map<string, LoadedClaim>();
  /** Concept → the concepts that are part of it, in concept order. */
  private readonly parts = new Map<string, LoadedConcept[]>();
  /** Place → the `where` claims (any, standing or not) that put something there. */
  private readonly where = new Map<string, LoadedClaim[]>();
  /** Standing headline claims not retired, in standing order. */
  readonly headlines: readonly LoadedClaim[];
  private quotes: QuoteIndex | undefined;

  constructor(
    private readonly kb: KnowledgeBase,
    standing: Standing,
  ) {
    for (const c of standing.claims) {
      const subject = c.about[0] as string;
      if ("date" in c.value) push(this.dated, subject, c);
      if ((c.attribute === "start" || c.attribute === "end") && !this.startOrEnd.has(subject))
        this.startOrEnd.set(subject, c);
    }
    for (const c of kb.concepts.values()) for (const up of new Set(c.part_of)) push(this.parts, up, c);
    for (const c of kb.claims) {
      if (c.attribute === "where" && "places" in c.value)
        for (const p of new Set(c.value.places)) push(this.where, p, c);
    }
    this.headlines = standing.claims.filter((c) => c.headline && !standing.retired.has(c.id));
  }

  /** The standing claims about `subject` (as subject) that give a date. */
  datedOf(subject: string): readonly LoadedClaim[] {
    return this.dated.get(subject) ?? NONE;
  }

  /** The first standing claim about `subject` that gives its start or end. */
  startOrEndOf(subject: string): LoadedClaim | undefined {
    return this.startOrEnd.get(subject);
  }

  /** The concepts that are part of `id` (its `part_of` names it). */
  partsOf(id: string): readonly LoadedConcept[] {
    return this.parts.get(id) ?? NONE;
  }

  /** The `where` claims whose places include `place`. */
  whereClaimsAt(place: string): readonly LoadedClaim[] {
    return this.where.get(place) ?? NONE;
  }

  /** The claims (indexes into kb.claims, ascending) whose squashed snippet or answer holds `want` (squashed). */
  quoting(want: string): number[] {
    this.quotes ??= new QuoteIndex(this.kb.claims);
    return this.quotes.find(want);
  }
}

/** The claims' squashed words, for finding a quotation without squashing every claim. */
class QuoteIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly sorted: string[];

  constructor(private readonly claims: readonly LoadedClaim[]) {
    claims.forEach((c, i) => {
      for (const w of new Set(`${squash(c.snippet)} ${squash(c.answer)}`.split(" ")))
        if (w) push(this.byWord, w, i);
    });
    this.sorted = [...this.byWord.keys()].sort();
  }

  /**
   * A squashed text holds `want` when its words line up with want's: the first ends a word, the
   * inner ones are words, the last starts a word (a single word may sit inside one). The claims
   * with such a word are the candidates; each is then checked as the engine always did.
   */
  find(want: string): number[] {
    const holds = (i: number) => {
      const c = this.claims[i] as LoadedClaim;
      return squash(c.snippet).includes(want) || squash(c.answer).includes(want);
    };
    const words = want.split(" ");
    if (!want) return this.claims.map((_, i) => i);
    let candidates: Iterable<number>;
    if (words.length >= 3) {
      const inner = words.slice(1, -1).map((w) => this.byWord.get(w) ?? NONE);
      candidates = inner.reduce((a, b) => (b.length < a.length ? b : a));
    } else if (words.length === 2) {
      candidates = this.union(this.startingWith(words[1] as string));
    } else {
      candidates = this.union(this.sorted.filter((w) => w.includes(want)));
    }
    return [...new Set(candidates)].filter(holds).sort((a, b) => a - b);
  }

  private startingWith(prefix: string): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let k = lo; k < this.sorted.length && (this.sorted[k] as string).startsWith(prefix); k++)
      out.push(this.sorted[k] as string);
    return out;
  }

  private union(words: readonly string[]): Set<number> {
    const out = new Set<number>();
    for (const w of words) for (const i of this.byWord.get(w) ?? NONE) out.add(i);
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
