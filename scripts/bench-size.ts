/**
 * `npm run bench`'s figures for one knowledge size (run in a process of its own, with --expose-gc):
 * for the answer engine and for plain fuse.js, MiniSearch and FlexSearch over the same claims
 * (answer, snippet and phrasings) and the same questions: build time, latency p50/p95/p99 and the
 * heap each adds per claim (measured after a forced GC, before and after building). Prints one
 * JSON line per engine.
 */

import FlexSearch from "flexsearch";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { createCore } from "../src/answer/core.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import type { KnowledgeBase, LoadedClaim } from "../src/knowledge/schema.js";
import { evalFiles, readQuestions } from "./evaluate.js";
import { synthetic } from "./synthetic.js";

const size = process.argv[2] === "real" ? 0 : Number(process.argv[2]);
const real = loadKnowledge("knowledge");
const kb: KnowledgeBase = size ? synthetic(real, size - real.claims.length) : real;
const questions = evalFiles().flatMap((f) => readQuestions(f).map((q) => q.q));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Builds with `build`, timing it and measuring the heap it holds on to. */
function built<T>(build: () => T): { value: T; ms: number; heapPerClaim: number } {
  gc?.();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const value = build();
  const ms = performance.now() - t0;
  gc?.();
  gc?.();
  return { value, ms, heapPerClaim: (process.memoryUsage().heapUsed - before) / kb.claims.length };
}

/**
 * Times `ask` over the questions, p50/p95/p99 in ms: `passes` times each, or, for an engine too
 * slow for that, one pass over an even sample that fits in about `budgetMs`.
 */
function latency(ask: (q: string) => unknown, passes: number, budgetMs = Number.POSITIVE_INFINITY) {
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) ask(questions[(i * 97) % questions.length] as string);
  const each = (performance.now() - t0) / 5;
  const fits = Math.floor(budgetMs / Math.max(each, 1e-3));
  const sample = Math.min(questions.length, Math.max(5, fits));
  if (fits < questions.length * passes) passes = 1;
  const step = Math.max(1, Math.floor(questions.length / sample));
  const times: number[] = [];
  const first: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < questions.length; i += step) {
      const t0 = performance.now();
      ask(questions[i] as string);
      const ms = performance.now() - t0;
      times.push(ms);
      if (pass === 0) first.push(ms);
    }
  }
  times.sort((a, b) => a - b);
  first.sort((a, b) => a - b);
  const at = (p: number) => Number(percentile(times, p).toFixed(3));
  return {
    questions: times.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    firstPassP95: Number(percentile(first, 95).toFixed(3)),
  };
}

const report = (engine: string, b: { ms: number; heapPerClaim: number }, l: ReturnType<typeof latency>) =>
  console.log(
    JSON.stringify({
      engine,
      claims: kb.claims.length,
      buildMs: Math.round(b.ms),
      heapPerClaim: Math.round(b.heapPerClaim),
      ...l,
    }),
  );

const now = new Date();
// With its misspelling index and its index of the sources' sentences, which a one-question run
// builds on its first misspelling or its first refusal only.
const ours = built(() => {
  const core = createCore(kb);
  core.engine.index.nearWord("tarriff");
  core.engine.passages();
  return core;
});
// Warm the JIT on questions not in the set, so the first pass still meets every question cold.
for (let i = 0; i < 30; i++)
  ours.value.answer(`warm up question ${i} about the tariff truce number ${i * 7}`, now);
// Three passes, or one where three would take over three minutes (100,000 claims).
report(
  "ours",
  ours,
  latency((q) => ours.value.answer(q, now), 3, 180_000),
);

const docs = kb.claims.map((c: LoadedClaim, id) => ({
  id,
  answer: c.answer,
  snippet: c.snippet,
  phrasings: c.phrasings.join(" \n"),
}));
const mini = built(() => {
  const m = new MiniSearch({ fields: ["answer", "snippet", "phrasings"] });
  m.addAll(docs);
  return m;
});
const budget = 40_000;
report(
  "MiniSearch (fuzzy 0.2, prefix)",
  mini,
  latency((q) => mini.value.search(q, { fuzzy: 0.2, prefix: true }).slice(0, 3), 3, budget),
);

const flex = built(() => {
  const f = new FlexSearch.Document({
    document: { id: "id", index: ["answer", "snippet", "phrasings"] },
    tokenize: "forward",
  });
  for (const d of docs) f.add(d);
  return f;
});
report(
  "FlexSearch (forward, suggest)",
  flex,
  latency((q) => flex.value.search(q, { limit: 3, suggest: true }), 3, budget),
);

// Plain fuse.js is linear in the claims and slow on long questions: at scale it gets a sample.
const fuse = built(() => new Fuse(kb.claims as LoadedClaim[], { keys: ["phrasings", "answer", "snippet"] }));
report(
  "plain fuse.js (default options)",
  fuse,
  latency((q) => fuse.value.search(q, { limit: 3 }), 1, budget),
);
