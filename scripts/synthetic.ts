/** Synthetic knowledge bases of any size, seeded, for the benchmark and the search-pruning test. */
import type { KnowledgeBase, LoadedEntry, LoadedSource } from "../src/knowledge/schema.js";

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

/** A synthetic knowledge base: the real entries plus `n` generated ones over a vocabulary that grows with n. */
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
  const entries: LoadedEntry[] = [...real.entries];
  for (let i = 0; i < n; i++) {
    const snippet = `${sentence(14)}.`;
    text.push(snippet);
    entries.push({
      id: `synthetic-${i}`,
      kind: i % 5 === 0 ? "figure" : "fact",
      status: "reviewed",
      headline: false,
      answer: `${sentence(16)}.`,
      snippet,
      source: "synthetic",
      topics: [pick(), pick()],
      questions: Array.from({ length: 8 }, () => `what ${sentence(4 + Math.floor(rand() * 3))}`),
      ...(i % 5 === 0
        ? { figures: [{ value: Math.floor(rand() * 200), unit: "percent", label: sentence(3) }] }
        : {}),
      file: "synthetic.yml",
      line: i + 1,
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
  return { ...real, sources: new Map([...real.sources, ["synthetic", source]]), entries };
}
