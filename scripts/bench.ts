/**
 * `npm run bench [-- --sizes real,1000,10000,100000]`: prints figures, never fails on them.
 *
 * - For each size (the real knowledge base, synthetic ones of 1,000, 10,000 and 100,000 claims), in a
 *   process of its own with --expose-gc (bench-size.ts): build time, heap per claim, and latency
 *   p50/p95/p99 over the eval questions (three passes; the first pass's p95 apart, every question
 *   met cold), for the answer engine and for plain fuse.js, MiniSearch and FlexSearch indexing the
 *   same claims (answer, snippet, phrasings) and searching the same questions.
 * - A hot reload at 10,000 claims (bench-reload.ts): from saving one claims file to the new
 *   knowledge being served, and the longest the event loop went without a turn meanwhile.
 * - `tradebot ask` from process start to answer on the real knowledge base.
 */
import { spawnSync } from "node:child_process";

const arg = process.argv.indexOf("--sizes");
const sizes = arg >= 0 ? (process.argv[arg + 1] ?? "").split(",") : ["real", "1000", "10000", "100000"];
const f = (x: number, w = 8, d = 2) => x.toFixed(d).padStart(w);

function run(args: string[]): string {
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout;
}

// The reload bench and the command line run the compiled code.
const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], {
  stdio: "inherit",
});
if (tsc.status !== 0) throw new Error("tsc failed");

console.log("times in ms; heap in bytes per claim (after a forced GC, built minus before)");
console.log(
  `${"knowledge".padEnd(10)} ${"engine".padEnd(31)} ${"claims".padStart(7)} ${"build".padStart(8)} ${"heap/claim".padStart(10)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"1st p95".padStart(8)} questions`,
);
for (const size of sizes) {
  const out = run(["--expose-gc", "--import", "tsx", "scripts/bench-size.ts", size]);
  for (const line of out.trim().split("\n")) {
    const r = JSON.parse(line) as Record<string, number | string>;
    const n = (k: string) => Number(r[k]);
    console.log(
      `${size.padEnd(10)} ${String(r.engine).padEnd(31)} ${String(r.claims).padStart(7)} ${f(n("buildMs"), 8, 0)} ${f(n("heapPerClaim"), 10, 0)} ${f(n("p50"))} ${f(n("p95"))} ${f(n("p99"))} ${f(n("firstPassP95"))} ${r.questions}`,
    );
  }
}

const reload = JSON.parse(run(["--import", "tsx", "scripts/bench-reload.ts", "10000"])) as {
  claims: number;
  rows: { served: number; stall: number; answered: number }[];
};
for (const [i, r] of reload.rows.entries()) {
  console.log(
    `hot reload at ${reload.claims} claims, edit ${i + 1}: served ${f(r.served, 6, 0)} ms after the save (300 ms of it the debounce); longest event-loop gap ${f(r.stall, 5, 0)} ms; ${r.answered} questions answered meanwhile`,
  );
}

// The command line, start to answer, as a user or script runs it (the first run fills the knowledge cache).
const runs: number[] = [];
for (let i = 0; i < 11; i++) {
  const t0 = performance.now();
  run(["bin/tradebot.js", "ask", "when does the truce expire"]);
  runs.push(performance.now() - t0);
}
const first = runs.shift() ?? 0;
runs.sort((a, b) => a - b);
const at = (p: number) => runs[Math.min(runs.length - 1, Math.floor((p / 100) * runs.length))] ?? 0;
const bare: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  run(["-e", "0"]);
  bare.push(performance.now() - t0);
}
console.log(
  `tradebot ask (start to answer, real knowledge base): first run ${first.toFixed(0)} ms, then p50 ${at(50).toFixed(0)} ms, p95 ${at(95).toFixed(0)} ms over ${runs.length} runs (node -e 0: ${Math.min(...bare).toFixed(0)} ms)`,
);
