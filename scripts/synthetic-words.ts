/** The random parts of the synthetic knowledge: a seeded generator, Zipf sampling, the word pool. */
import type { KnowledgeBase } from "../src/knowledge/schema.js";

/** A random number in [0, 1). */
export type Rand = () => number;

/** A small seeded PRNG (mulberry32), so every run benchmarks the same synthetic data. */
export function prng(seed: number): Rand {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..size-1 with probability proportional to 1/(rank+1)^s (a Zipf law). */
export function sampler(size: number, s: number, rand: Rand): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) cumulative[r] = sum += 1 / (r + 1) ** s;
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = [
  "ka",
  "to",
  "ri",
  "men",
  "sa",
  "lo",
  "vi",
  "dar",
  "pe",
  "nu",
  "gor",
  "shi",
  "bel",
  "tan",
  "qu",
  "ze",
  "mar",
  "ol",
  "fen",
  "dra",
];

/** A made-up word of two to four syllables: names, and the rare words of a growing corpus. */
export function syllableWord(rand: Rand): string {
  return Array.from(
    { length: 2 + Math.floor(rand() * 3) },
    () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)],
  ).join("");
}

/**
 * Words by rank: the real knowledge's words, most frequent first, then made-up ones, as many as a
 * corpus of `claims` claims would have distinct words (about 30·√tokens, Heaps' law).
 */
export function wordPool(real: KnowledgeBase, rand: Rand, claims: number): string[] {
  const counts = new Map<string, number>();
  const texts = [
    ...[...real.sources.values()].map((s) => s.text),
    ...real.claims.flatMap((c) => [c.answer, c.snippet]),
  ];
  for (const t of texts) {
    for (const w of t.toLowerCase().match(/[a-z][a-z'-]*[a-z]|[a-z]/g) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w.replace(/'/g, ""));
  const tokens = claims * 45;
  const target = Math.max(words.length + 200, Math.round(30 * Math.sqrt(tokens)));
  const seen = new Set(words);
  while (words.length < target) {
    const w = syllableWord(rand);
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}
