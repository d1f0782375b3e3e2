/**
 * Misspellings against a word list, without comparing the misspelt word to every word, giving the
 * same results as fuse.js over the whole list (`new Fuse(words, { threshold, ignoreLocation: true
 * }).search(key, { limit })`), and the words within one or two edits.
 *
 * Words within two edits differ in length by two at most, and those callers accept at two edits
 * start with the same letter, so they are kept by first letter and length; a word one edit away
 * that starts with another letter differs in its first two letters only, and is found by its tail.
 *
 * fuse.js scores each word on its own: `errors / key.length`, `errors` being the fewest edits that
 * turn the key into some stretch of the word (at least 0.001), and ranks by score, then list
 * order. A word holding a stretch within `e` edits of the key shares at least `key.length - 1 -
 * 2e` of the key's letter pairs with it (each edit breaks two pairs at most), so fuse.js is run,
 * level by level of errors, only over the words sharing enough pairs, until the hits up to that
 * level are enough. Where pairs cannot rule words out (many errors in a short key) every word not
 * yet scored is scored, which is what fuse.js does anyway.
 */
import { createRequire } from "node:module";
import type FuseClass from "fuse.js";

/** fuse.js, loaded the first time a misspelling is scored: `tradebot ask` mostly never needs it. */
let fuse: typeof FuseClass | undefined;
const load = () => {
  fuse ??= createRequire(import.meta.url)("fuse.js") as typeof FuseClass;
  return fuse;
};

/** One of fuse.js's hits: the word, its place in the list, and its score. */
export interface FuseHit {
  word: string;
  index: number;
  score: number;
}

/** A word list indexed for misspellings. Immutable once built. */
export class NearWords {
  /** first letter + length → indexes into `words`. */
  private readonly byStart = new Map<string, number[]>();
  /** word without its first letter → indexes of the words with that tail. */
  private readonly byTail = new Map<string, number[]>();
  private readonly index = new Map<string, number>();
  /** letter pair → indexes of the words holding it, ascending. */
  private readonly byPair = new Map<string, number[]>();
  private counts: Uint8Array | undefined;

  constructor(
    readonly words: readonly string[],
    private readonly threshold: number,
    stepwise?: "stepwise",
  ) {
    if (stepwise) return;
    const steps = this.fill();
    while (!steps.next().done);
  }

  /** The same, a step at a time (it yields every thousand words). */
  static *build(words: readonly string[], threshold: number): Generator<void, NearWords> {
    const near = new NearWords(words, threshold, "stepwise");
    yield* near.fill();
    return near;
  }

  private *fill(): Generator<void> {
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      if (i % 1000 === 999) yield;
      const w = words[i] as string;
      if (this.index.has(w)) continue;
      this.index.set(w, i);
      push(this.byStart, `${w[0]}${w.length}`, i);
      push(this.byTail, w.slice(1), i);
      const pairs = new Set<string>();
      for (let j = 0; j + 1 < w.length; j++) pairs.add(w.slice(j, j + 2));
      for (const p of pairs) push(this.byPair, p, i);
    }
  }

  /**
   * The words that may be within `sameStart` edits of `key` and start with its letter, or within
   * one edit of it whatever their first letter (`anyStart`), in list order. A superset: measure them.
   */
  candidates(key: string, sameStart: number, anyStart: boolean): string[] {
    const found = new Set<number>();
    for (let n = key.length - sameStart; n <= key.length + sameStart; n++) {
      for (const i of this.byStart.get(`${key[0]}${n}`) ?? []) found.add(i);
    }
    if (anyStart && key.length > 1) {
      // One edit at the front: the first letter replaced, dropped, added, or swapped with the second.
      for (const i of this.byTail.get(key.slice(1)) ?? []) found.add(i);
      for (const i of this.byTail.get(key) ?? []) found.add(i);
      const dropped = this.index.get(key.slice(1));
      if (dropped !== undefined) found.add(dropped);
      const swapped = this.index.get(`${key[1]}${key[0]}${key.slice(2)}`);
      if (swapped !== undefined) found.add(swapped);
    }
    return [...found].sort((a, b) => a - b).map((i) => this.words[i] as string);
  }

  /** fuse.js's hits for `key` among these words only (in list order), best first. */
  fuseOf(key: string, words: readonly string[]): FuseHit[] {
    return this.score(
      key,
      words.map((w) => this.index.get(w) as number).sort((a, b) => a - b),
    );
  }

  /**
   * fuse.js's first `limit` hits for `key` over the whole list, best first; or, when only words
   * scoring `maxScore` or better matter, all the hits among those that would be in its first
   * `limit` (and perhaps some worse ones).
   */
  top(key: string, limit: number, maxScore = 1): FuseHit[] {
    const m = key.length;
    if (!m) return [];
    const n = this.words.length;
    this.counts ??= new Uint8Array(n);
    const counts = this.counts;
    const touched: number[] = [];
    for (let j = 0; j + 1 < m; j++) {
      for (const i of this.byPair.get(key.slice(j, j + 2)) ?? []) {
        if (counts[i] === 0) touched.push(i);
        if ((counts[i] as number) < 255) counts[i] = (counts[i] as number) + 1;
      }
    }
    const scoreOf = new Map<number, number>();
    const scored = new Set<number>();
    let all = false;
    let level = 0;
    let hits: FuseHit[] = [];
    try {
      for (let e = 0; e / m <= this.threshold; e++) {
        level = Math.max(0.001, e / m);
        const need = m - 1 - 2 * e;
        let fresh: number[];
        if (need >= 1) {
          fresh = touched.filter((i) => (counts[i] as number) >= need && !scored.has(i));
        } else {
          fresh = all ? [] : Array.from({ length: n }, (_, i) => i).filter((i) => !scored.has(i));
          all = true;
        }
        for (const i of fresh) scored.add(i);
        for (const h of this.score(
          key,
          fresh.sort((a, b) => a - b),
        ))
          scoreOf.set(h.index, h.score);
        hits = [...scoreOf]
          .filter(([, s]) => s <= level)
          .map(([i, s]) => ({ word: this.words[i] as string, index: i, score: s }));
        if (hits.length >= limit || level >= maxScore || all) break;
      }
    } finally {
      for (const i of touched) counts[i] = 0;
    }
    if (all) {
      hits = [...scoreOf].map(([i, s]) => ({ word: this.words[i] as string, index: i, score: s }));
    }
    return hits.sort((a, b) => a.score - b.score || a.index - b.index).slice(0, limit);
  }

  /** fuse.js over the words at these indexes (ascending), as it would score them in the whole list. */
  private score(key: string, indexes: readonly number[]): FuseHit[] {
    if (!indexes.length) return [];
    const words = indexes.map((i) => this.words[i] as string);
    const Fuse = load();
    return new Fuse(words, { threshold: this.threshold, ignoreLocation: true, includeScore: true })
      .search(key)
      .map((h) => ({ word: h.item, index: indexes[h.refIndex] as number, score: h.score as number }));
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
