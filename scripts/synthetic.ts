/** Synthetic knowledge bases of any size, seeded, for the benchmark. */
import type { KnowledgeBase, LoadedClaim, LoadedConcept, LoadedSource } from "../src/knowledge/schema.js";

/** A small seeded PRNG (mulberry32), so every run benchmarks the same synthetic data. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic knowledge base: the real claims plus `n` generated ones over a vocabulary that grows
 * with n, about the real concepts and about generated ones (one for every ten claims).
 */
export function synthetic(real: KnowledgeBase, n: number): KnowledgeBase {
  const rand = prng(n);
  const syllables = [
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
  ];
  const word = () =>
    Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syllables[Math.floor(rand() * 16)]).join("");
  const vocab = Array.from({ length: Math.max(500, n * 2) }, word);
  const common = [
    "tariff",
    "talks",
    "trade",
    "china",
    "port",
    "shipping",
    "deadline",
    "quota",
    "duty",
    "minister",
  ];
  const pick = (): string =>
    (rand() < 0.3 ? common[Math.floor(rand() * common.length)] : vocab[Math.floor(rand() * vocab.length)]) ??
    "trade";
  const sentence = (k: number) => Array.from({ length: k }, pick).join(" ");
  const text: string[] = [];
  const concepts = new Map<string, LoadedConcept>(real.concepts);
  const names = new Set<string>();
  for (let i = 0; i < Math.ceil(n / 10); i++) {
    const name = `${word()} ${word()}`;
    if (names.has(name)) continue;
    names.add(name);
    const id = `synthetic-concept-${i}`;
    concepts.set(id, {
      id,
      type: i % 3 === 0 ? "person" : i % 3 === 1 ? "measure" : "event",
      name,
      aliases: [],
      roles: [],
      part_of: [],
      file: "concepts/synthetic.yml",
      line: i + 1,
    });
  }
  const conceptIds = [...concepts.keys()];
  const about = () => [conceptIds[Math.floor(rand() * conceptIds.length)] ?? "synthetic"];
  const claims: LoadedClaim[] = [...real.claims];
  for (let i = 0; i < n; i++) {
    const snippet = `${sentence(14)}.`;
    text.push(snippet);
    const figure = i % 5 === 0;
    claims.push({
      id: `synthetic-${i}`,
      about: about(),
      attribute: figure ? "amount" : "description",
      value: figure
        ? { figure: Math.floor(rand() * 200), unit: "percent", label: sentence(3) }
        : { text: sentence(6) },
      answer: `${sentence(16)}.`,
      snippet,
      source: "synthetic",
      quote: false,
      headline: false,
      phrasings: [],
      supersedes: [],
      disputes: [],
      file: "claims/synthetic.yml",
      line: i + 1,
      asOf: "2025-10-17",
    });
  }
  const source: LoadedSource = {
    id: "synthetic",
    title: "Synthetic",
    publisher: "Bench",
    published: "2025-10-17",
    text_file: "synthetic.txt",
    repairs: [],
    text: text.join("\n"),
    file: "synthetic.yml",
  };
  return { ...real, sources: new Map([...real.sources, ["synthetic", source]]), concepts, claims };
}
