/**
 * `npm run bench`'s hot-reload figures (run in a process of its own): a synthetic knowledge folder
 * is watched as the app watches it (compiled code, so the check runs in its worker thread), one
 * claims file is edited, and it reports how long until the new knowledge is served and the longest
 * the event loop went without a turn meanwhile (a 5 ms ticker that also answers a question now and
 * then, as the app would).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as StepsModule from "../src/answer/core-steps.js";
import type * as HolderModule from "../src/knowledge/holder.js";
import type * as KnowledgeModule from "../src/knowledge/index.js";
import type * as WatchModule from "../src/knowledge/watch.js";
import type { Logger } from "../src/log.js";
import { synthetic } from "./synthetic.js";
import { writeKnowledge } from "./synthetic-files.js";

/** The compiled module (the worker thread runs compiled code), typed as its source. */
const compiled = async <T>(path: string): Promise<T> =>
  (await import(new URL(`../dist/${path}`, import.meta.url).href)) as T;
const { createCoreInSteps, createServedCore } = await compiled<typeof StepsModule>("answer/core-steps.js");
const { KnowledgeHolder } = await compiled<typeof HolderModule>("knowledge/holder.js");
const { loadKnowledge } = await compiled<typeof KnowledgeModule>("knowledge/index.js");
const { watchKnowledge } = await compiled<typeof WatchModule>("knowledge/watch.js");

const size = Number(process.argv[2] ?? 10000);
const dir = join(tmpdir(), `tradebot-bench-reload-${process.pid}`);
const real = loadKnowledge("knowledge");
writeKnowledge("knowledge", synthetic(real, size - real.claims.length), dir);
// As the app builds them (src/main.ts): the first core at once, its sentence index prepared in
// steps once it serves; each reload's core in steps.
const holder = new KnowledgeHolder(loadKnowledge(dir), createServedCore, createCoreInSteps);
const quiet = () => {};
const log = { debug: quiet, info: quiet, warn: quiet, error: quiet } as unknown as Logger;
const watcher = watchKnowledge({
  dir,
  holder,
  log,
  ...(process.env.POLL ? { nativeEvents: false, pollMs: Number(process.env.POLL) } : { pollMs: 0 }),
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
await sleep(4000); // the checker's warm-up: every file parsed once in its thread

const file = join(dir, "claims", "synthetic-0003.yml");
const { Session } = await import("node:inspector/promises");
const session = process.env.PROFILE ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
}
const rows: { served: number; stall: number; answered: number }[] = [];
for (let edit = 1; edit <= 3; edit++) {
  let last = performance.now();
  let stall = 0;
  let ticks = 0;
  let answered = 0;
  const ticker = setInterval(() => {
    const t = performance.now();
    stall = Math.max(stall, t - last);
    if (t - last > 50)
      (globalThis as { MARK?: (m: string) => void }).MARK?.(`gap ${(t - last).toFixed(0)}ms`);
    last = t;
    if (++ticks % 10 === 0) {
      holder.answer("when does the truce expire", new Date());
      answered++;
    }
  }, 5);
  await sleep(50);
  stall = 0;
  const swapped = new Promise<number>((resolve) => {
    const off = holder.onSwap(() => {
      off();
      resolve(performance.now());
    });
  });
  const t0 = performance.now();
  (globalThis as { SETT0?: () => void }).SETT0?.();
  writeFileSync(file, readFileSync(file, "utf8").replace(/answer: (\S+)/, `answer: Edited ${edit} $1`));
  const served = (await swapped) - t0;
  await sleep(100);
  clearInterval(ticker);
  rows.push({ served, stall, answered });
  const marks = (globalThis as { MARKS?: string[] }).MARKS;
  if (marks) console.log(marks.join(" | "));
}
watcher.close();
rmSync(dir, { recursive: true, force: true });
if (session) {
  const { profile } = await session.post("Profiler.stop");
  (await import("node:fs")).writeFileSync(process.env.PROFILE as string, JSON.stringify(profile));
}
console.log(JSON.stringify({ size, claims: holder.snapshot().kb.claims.length, rows }));
