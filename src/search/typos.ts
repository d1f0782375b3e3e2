/**
 * Typo tolerance: a query word the knowledge base does not know is matched against the known
 * vocabulary with fuse.js (fast fuzzy matching of short strings, which it does well), and the
 * candidate is accepted only within a small edit distance, so "truse" finds "truce" but "coffee"
 * never becomes "office".
 */
import Fuse from "fuse.js";

/** Damerau–Levenshtein distance (optimal string alignment), bounded: stops early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Array<number>(b.length + 1).fill(0));
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 0; i <= a.length; i++) (rows[i] as number[])[0] = i;
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return at(a.length, b.length);
}

/** How many edits a word of this length may carry and still be recognised. */
function allowedEdits(length: number): number {
  if (length < 5) return 0;
  if (length < 6) return 1;
  return 2;
}

/** Below this length a word with two edits is trusted only if it becomes a name ("basent" → Bessent). */
const TWO_EDITS_FOR_ANY_WORD = 8;

/**
 * Corrects unknown words to known ones. `words` maps each known surface word (as written in the
 * knowledge base, or a synonym) to its canonical term. Build once per knowledge base.
 */
export class TypoCorrector {
  /** One fuse.js index per first letter, built on first use: people rarely mistype the first letter. */
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | undefined>();

  /**
   * `names`: terms (people, places) that a six- or seven-letter word may reach with two edits;
   * other words need eight letters for that, so "france" never becomes "face".
   */
  constructor(
    private readonly words: ReadonlyMap<string, string>,
    private readonly names: ReadonlySet<string> = new Set(),
  ) {
    for (const w of words.keys()) {
      const list = this.buckets.get(w.charAt(0));
      if (list) list.push(w);
      else this.buckets.set(w.charAt(0), [w]);
    }
    // Build the large buckets now, so the first question that needs one does not pay for it.
    for (const [letter, list] of this.buckets) if (list.length > 200) this.fuseFor(letter);
  }

  private fuseFor(letter: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(letter);
    const list = this.buckets.get(letter);
    if (!fuse && list) {
      fuse = new Fuse(list, { threshold: 0.4, includeScore: true, ignoreLocation: true });
      this.fuses.set(letter, fuse);
    }
    return fuse;
  }

  /** The canonical term of the known word this one is a misspelling of, or undefined. */
  correct(word: string): string | undefined {
    const exact = this.words.get(word);
    if (exact) return exact;
    if (this.cache.has(word)) return this.cache.get(word);
    const edits = allowedEdits(word.length);
    let best: { term: string; distance: number } | undefined;
    if (edits > 0 && !/\d/.test(word)) {
      for (const hit of this.fuseFor(word.charAt(0))?.search(word, { limit: 8 }) ?? []) {
        const distance = editDistance(word, hit.item, edits);
        const wideOk =
          distance < 2 ||
          word.length >= TWO_EDITS_FOR_ANY_WORD ||
          this.names.has(this.words.get(hit.item) ?? "");
        if (distance <= edits && wideOk && (!best || distance < best.distance))
          best = { term: hit.item, distance };
      }
    }
    const term = best ? this.words.get(best.term) : undefined;
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, term);
    return term;
  }
}
