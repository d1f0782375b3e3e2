/**
 * Every word the knowledge holds (claims, concept names, the sources' texts), as keys and as
 * stems, for telling a question's unknown words from misspellings and other forms of known ones.
 * Built once per knowledge base; each look-up touches a few words, never the whole vocabulary.
 */
import { editDistance } from "./concept-matcher.js";
import { FUNCTION_WORDS, keyOf, stemsOf, wordsOf } from "./keys.js";
import { NearWords } from "./near-words.js";

/** The words of a knowledge base and the look-ups over them. */
export class Vocabulary {
  private readonly words = new Set<string>();
  /** The first five letters of every word of five or more letters without digits. */
  private readonly prefixes = new Set<string>();
  /** Words of five or more letters, sorted, for finding those that start a certain way. */
  private sorted: string[] = [];
  /** Words of four or more letters without digits, the ones a misspelling is corrected to. */
  private spellable: string[] = [];
  /** Indexed for misspellings: built by the stepwise build, else the first time a word is checked. */
  private indexed: NearWords | undefined;

  private get near(): NearWords {
    this.indexed ??= new NearWords(this.spellable, 0.5);
    return this.indexed;
  }

  /** From every text the knowledge holds, in the knowledge's order. */
  constructor(texts: readonly string[], stepwise?: "stepwise") {
    if (stepwise) return;
    const steps = this.fill(texts, false);
    while (!steps.next().done);
  }

  /** The same, a step at a time (it yields every 30,000 characters or so). */
  static *build(texts: readonly string[]): Generator<void, Vocabulary> {
    const vocabulary = new Vocabulary(texts, "stepwise");
    yield* vocabulary.fill(texts, true);
    return vocabulary;
  }

  /** `all`: index for misspellings now too (a hot reload), not on the first check (a one-question run). */
  private *fill(texts: readonly string[], all: boolean): Generator<void> {
    // Each text adds its keys (keysOf), then its stems (stemsOf). A word met before added its
    // key, and a word between spaces met before its stems, already: so each distinct word is
    // folded once, and the order the words are added in is the same.
    const met = new Set<string>();
    const metBetweenSpaces = new Set<string>();
    let chars = 0;
    for (const text of texts) {
      chars += text.length;
      if (chars > 30_000) {
        chars = 0;
        yield;
      }
      const keys: string[] = [];
      for (const w of wordsOf(text)) {
        if (met.has(w)) continue;
        met.add(w);
        const k = keyOf(w);
        if (k) keys.push(k);
      }
      for (const k of keys) this.words.add(k);
      for (const w of text.split(/\s+/)) {
        if (metBetweenSpaces.has(w)) continue;
        metBetweenSpaces.add(w);
        for (const st of stemsOf(w)) this.words.add(st);
      }
    }
    const long: string[] = [];
    const spellable = this.spellable;
    for (const w of this.words) {
      const digits = /\d/.test(w);
      if (w.length >= 5) {
        long.push(w);
        if (!digits) this.prefixes.add(w.slice(0, 5));
      }
      // A function word is no word's correction ("boeing" is not a misspelt "being").
      if (w.length >= 4 && !digits && !FUNCTION_WORDS.has(w)) spellable.push(w);
    }
    yield;
    this.sorted = long.sort();
    yield;
    if (all) this.indexed = yield* NearWords.build(spellable, 0.5);
  }

  /** Whether the knowledge holds the word anywhere. */
  has(key: string): boolean {
    return this.words.has(key);
  }

  /** Whether some word the knowledge holds shares this word's first five letters and more ("resumption" ~ "resume"). */
  knowsPrefix(stem: string): boolean {
    if (stem.length < 6 || !this.prefixes.has(stem.slice(0, 5))) return false;
    // A known word that starts with all but the last three letters of this one (five at least)…
    const start = stem.slice(0, Math.max(5, stem.length - 3));
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as string) < start) lo = mid + 1;
      else hi = mid;
    }
    if (this.sorted[lo]?.startsWith(start)) return true;
    // …or a known word of five letters or more that this one starts with.
    for (let n = 5; n <= stem.length; n++) if (this.words.has(stem.slice(0, n))) return true;
    return false;
  }

  /**
   * Whether a word is one edit (two, for six letters or more) from a known word starting with the
   * same letter, among the five fuse.js finds nearest (for misspellings).
   */
  nearWord(key: string): boolean {
    if (key.length < 4) return false;
    const allowed = key.length >= 6 ? 2 : 1;
    const near = (w: string) => editDistance(key, w) <= allowed && key[0] === w[0];
    const within = this.near.fuseOf(key, this.near.candidates(key, allowed, false).filter(near));
    if (!within.length) return false;
    const worst = Math.max(...within.map((h) => h.score));
    return this.near.top(key, 5, worst).some((h) => near(h.word));
  }
}
