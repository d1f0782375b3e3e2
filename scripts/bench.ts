/**
 * `npm run bench`: answer latency (p50/p95) and index build time on the real knowledge base and on
 * synthetic ones of 1,000 and 10,000 claims, with plain fuse.js (default options) over the same
 * claims as the baseline, and `tradebot ask` from process start to answer. Prints figures only.
 */
import { spawnSync } from "node:child_process";
import Fuse from "fuse.js";
import { createCore } from "../src/answer/core.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import type { KnowledgeBase, LoadedClaim } from "../src/knowledge/schema.js";
import { evalFiles, readQuestions } from "./evaluate.js";
import { synthetic } from "./synthetic.js";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

/** Plain fuse.js over long questions costs seconds per question at 10,000 claims: it gets a sample. */
function bench(label: string, kb: KnowledgeBase, questions: string[], baselineSample: number): void {
  const now = new Date();
  const [core, build] = time(() => createCore(kb));
  const [fuse, fuseBuild] = time(
    () => new Fuse(kb.claims as LoadedClaim[], { keys: ["phrasings", "answer", "snippet"] }),
  );
  // Warm the JIT on questions not in the set, so the first pass still meets every question cold
  // (no typo correction remembered yet).
  for (let i = 0; i < 30; i++)
    core.answer(`warm up question ${i} about the tariff truce number ${i * 7}`, now);
  const first: number[] = [];
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const q of questions) {
      const ms = time(() => core.answer(q, now))[1];
      ours.push(ms);
      if (pass === 0) first.push(ms);
    }
  }
  first.sort((a, b) => a - b);
  const step = Math.max(1, Math.floor(questions.length / baselineSample));
  for (let i = 0; i < questions.length; i += step) {
    const q = questions[i] as string;
    theirs.push(time(() => fuse.search(q, { limit: 3 }))[1]);
  }
  ours.sort((a, b) => a - b);
  theirs.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(2).padStart(7);
  console.log(
    `${label.padEnd(22)} claims ${String(kb.claims.length).padStart(6)} | ours: build ${f(build)} ms, p50 ${f(percentile(ours, 50))} ms, p95 ${f(percentile(ours, 95))} ms (first pass p95 ${f(percentile(first, 95))} ms) | plain fuse.js (${theirs.length} questions): build ${f(fuseBuild)} ms, p50 ${f(percentile(theirs, 50))} ms, p95 ${f(percentile(theirs, 95))} ms`,
  );
}

const real = loadKnowledge("knowledge");
const files = evalFiles();
const questions = files.flatMap((f) => readQuestions(f).map((q) => q.q));
console.log(
  `${questions.length} questions from ${files.join(", ")}; 3 passes each (ours); times per question`,
);
bench("real knowledge base", real, questions, questions.length);
bench("synthetic 1,000", synthetic(real, 1000 - real.claims.length), questions, 60);
bench("synthetic 10,000", synthetic(real, 10000 - real.claims.length), questions, 15);

// The command line, start to answer, as a user or script runs it (the first run fills the knowledge cache).
const runs: number[] = [];
for (let i = 0; i < 11; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["bin/tradebot.js", "ask", "when does the truce expire"], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`tradebot ask failed: ${r.stderr}`);
  runs.push(performance.now() - t0);
}
const first = runs.shift() ?? 0;
runs.sort((a, b) => a - b);
console.log(
  `tradebot ask (start to answer, real knowledge base): first run ${first.toFixed(0)} ms, then p50 ${percentile(runs, 50).toFixed(0)} ms, p95 ${percentile(runs, 95).toFixed(0)} ms over ${runs.length} runs`,
);
