/**
 * The claims holding each word stem, and how rare it is, in one array for all the lists: tens of
 * thousands of small arrays cost more in their headers than in their contents.
 */

/** Each claim's share of some words, by claim number. */
export interface Shares {
  get(claim: number): number;
}

/** Word stem → claims holding it, with its rarity among `claims` claims. Immutable once built. */
export class WordPostings {
  /** Stem → its number w; its claims are `claims[start[w]..start[w+1])`, its rarity `idf[w]`. */
  private readonly index = new Map<string, number>();
  private readonly start: Int32Array;
  private readonly claims: Int32Array;
  private readonly idf: Float64Array;
  private readonly count: number;

  /** From each stem's claims (ascending), out of `count` claims. */
  constructor(lists: ReadonlyMap<string, readonly number[]>, count: number) {
    const n = Math.max(1, count);
    this.start = new Int32Array(lists.size + 1);
    this.idf = new Float64Array(lists.size);
    let total = 0;
    for (const list of lists.values()) total += list.length;
    this.claims = new Int32Array(total);
    let w = 0;
    let at = 0;
    for (const [k, list] of lists) {
      this.index.set(k, w);
      this.start[w] = at;
      this.claims.set(list, at);
      at += list.length;
      this.idf[w] = Math.log(1 + n / list.length);
      w++;
    }
    this.start[w] = at;
    this.count = count;
  }

  /** How rare a stem is among the claims; undefined when no claim holds it. */
  idfOf(key: string): number | undefined {
    const w = this.index.get(key);
    return w === undefined ? undefined : this.idf[w];
  }

  /**
   * For every claim, the rarity-weighted share of `keys` (word stems) its words hold (0..1), read
   * by claim number: an array, not a map of the thousands of claims a common concept brings in.
   */
  coverage(keys: readonly string[]): Shares {
    const out = new Float32Array(this.count);
    const claims = this.claims;
    let total = 0;
    for (const k of new Set(keys)) {
      const w = this.index.get(k);
      if (w === undefined) continue;
      const idf = this.idf[w] as number;
      total += idf;
      const end = this.start[w + 1] as number;
      for (let j = this.start[w] as number; j < end; j++)
        out[claims[j] as number] = (out[claims[j] as number] as number) + idf;
    }
    return { get: (i: number) => (total > 0 ? (out[i] ?? 0) / total : 0) };
  }
}
