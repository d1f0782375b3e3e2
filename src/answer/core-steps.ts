/**
 * Building the core a step at a time, giving the event loop a turn every few milliseconds: a hot
 * reload builds the new core while the app goes on answering from the old one, with no long stall.
 * The result is the core `createCore` builds at once.
 */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { ClaimIndex } from "../search/claim-index.js";
import { createCore } from "./core.js";
import { type Standing, standingSteps } from "./standing.js";

/** Resolves on the next turn of the event loop, after pending I/O and timers. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The core over `kb`, built in steps of about `sliceMs` milliseconds each. */
export async function createCoreInSteps(
  kb: KnowledgeBase,
  sliceMs = 15,
): Promise<ReturnType<typeof createCore>> {
  const standing = await run(standingSteps(kb), sliceMs);
  const index = await run(ClaimIndex.build(kb, kb.claims), sliceMs);
  await turn();
  const core = createCore(kb, { standing, index } as { standing: Standing; index: ClaimIndex });
  // The sources' sentence index, for the nearest passage, is prepared once this core is served.
  setImmediate(() => void core.engine.preparePassages(sliceMs).catch(() => {}));
  return core;
}

/** Runs a stepwise build, giving the event loop a turn whenever a slice's time is up. */
async function run<T>(steps: Generator<void, T>, sliceMs: number): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start >= sliceMs) {
      await turn();
      start = performance.now();
    }
  }
}
