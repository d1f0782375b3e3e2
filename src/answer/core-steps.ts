/**
 * Building the core a step at a time, giving the event loop a turn every few milliseconds: a hot
 * reload builds the new core while the app goes on answering from the old one, with no long stall.
 * The result is the core `createCore` builds at once.
 */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { ClaimIndex } from "../search/claim-index.js";
import { createCore } from "./core.js";
import { AnswerEngine } from "./engine.js";
import { type Standing, standingSteps } from "./standing.js";
import { runInSteps, turn } from "./steps.js";
import type { Core } from "./types.js";

/** The core over `kb`, built in steps of about `sliceMs` milliseconds each. */
export async function createCoreInSteps(
  kb: KnowledgeBase,
  sliceMs = 15,
  /** The core it replaces: what did not change (the sources' sentences) is taken from it. */
  previous?: Core,
): Promise<ReturnType<typeof createCore>> {
  const standing = await runInSteps(standingSteps(kb), sliceMs);
  const index = await runInSteps(ClaimIndex.build(kb, kb.claims), sliceMs);
  await turn();
  const core = createCore(kb, { standing, index } as { standing: Standing; index: ClaimIndex });
  // The sentence index too, before it serves: every answer resting on a claim may be weighed
  // against the nearest sentences (the swap step), so the first question would build it at once.
  const before = previous && "engine" in previous ? previous.engine : undefined;
  await core.engine.preparePassages(sliceMs, before instanceof AnswerEngine ? before : undefined);
  await turn();
  return core;
}

/** The core over `kb`, built at once, as the app serves it: its sentence index is prepared in steps once it serves. */
export function createServedCore(kb: KnowledgeBase): ReturnType<typeof createCore> {
  return preparedOnceServed(createCore(kb));
}

/**
 * Schedules the core's index of the sources' sentences (for the nearest passage) to be built a step
 * at a time after the current turn, so the first refusal it answers does not stall the event loop.
 */
function preparedOnceServed(
  core: ReturnType<typeof createCore>,
  sliceMs = 15,
): ReturnType<typeof createCore> {
  setImmediate(() => void core.engine.preparePassages(sliceMs).catch(() => {}));
  return core;
}
