/**
 * The knowledge the running app answers from, swappable while it runs. The Slack app, the
 * scheduler and health checks hold this one object; a hot reload replaces the snapshot behind it
 * with a single reference assignment, so every call sees one whole knowledge base, old or new.
 */
import type { ThreadAnswer, ThreadTurn } from "../answer/followup.js";
import type { Answer, Core, SourceSummary, StatusReport, TimelineItem } from "../answer/types.js";
import type { KnowledgeBase } from "./schema.js";

/** One knowledge base and the core built over it; never changed once made. */
export interface KnowledgeSnapshot {
  readonly kb: KnowledgeBase;
  readonly core: Core;
}

/**
 * Builds the core for a knowledge base: the answer engine's `createCore`, passed in by `main.ts`
 * so that knowledge/ does not depend on answer/ (only on its types).
 */
export type CoreFactory = (kb: KnowledgeBase) => Core;

/**
 * The same, built a step at a time so the event loop keeps turning (answer/core-steps.ts); given
 * the core it replaces, it may take from it what the new knowledge did not change.
 */
export type SteppedCoreFactory = (kb: KnowledgeBase, sliceMs?: number, previous?: Core) => Promise<Core>;

/** A `Core` that answers from the current snapshot and can be swapped to a new knowledge base. */
export class KnowledgeHolder implements Core {
  private current: KnowledgeSnapshot;
  private readonly build: CoreFactory;
  private readonly buildInSteps: SteppedCoreFactory | undefined;
  private readonly listeners = new Set<(next: KnowledgeSnapshot, previous: KnowledgeSnapshot) => void>();

  constructor(kb: KnowledgeBase, build: CoreFactory, buildInSteps?: SteppedCoreFactory) {
    this.build = build;
    this.buildInSteps = buildInSteps;
    this.current = Object.freeze({ kb, core: build(kb) });
  }

  /** The current knowledge base and core, together: use it when one request needs several calls. */
  snapshot(): KnowledgeSnapshot {
    return this.current;
  }

  /**
   * Replaces the knowledge. The new core (search index and all) is built first; only then does one
   * assignment make it current, so a request in flight finishes on the snapshot it started with.
   */
  swap(kb: KnowledgeBase): KnowledgeSnapshot {
    return this.install(kb, this.build(kb));
  }

  /**
   * The same, building the new core a step at a time (when the holder was given a stepped
   * factory): requests go on being answered from the old snapshot meanwhile.
   */
  async swapInSteps(kb: KnowledgeBase): Promise<KnowledgeSnapshot> {
    const core = this.buildInSteps
      ? await this.buildInSteps(kb, undefined, this.current.core)
      : this.build(kb);
    return this.install(kb, core);
  }

  private install(kb: KnowledgeBase, core: Core): KnowledgeSnapshot {
    const next: KnowledgeSnapshot = Object.freeze({ kb, core });
    const previous = this.current;
    this.current = next;
    for (const listener of this.listeners) listener(next, previous);
    return next;
  }

  /** Calls `listener` after each swap; returns a function that stops it. */
  onSwap(listener: (next: KnowledgeSnapshot, previous: KnowledgeSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  answer(question: string, now: Date): Answer {
    return this.current.core.answer(question, now);
  }
  answerEntry(entryId: string, now: Date): Answer | undefined {
    return this.current.core.answerEntry(entryId, now);
  }
  answerInThread(
    message: string,
    turns: readonly ThreadTurn[],
    now: Date,
    options?: { direct?: boolean },
  ): ThreadAnswer | undefined {
    return this.current.core.answerInThread(message, turns, now, options);
  }
  status(now: Date): StatusReport {
    return this.current.core.status(now);
  }
  timeline(now: Date): TimelineItem[] {
    return this.current.core.timeline(now);
  }
  sources(): SourceSummary[] {
    return this.current.core.sources();
  }
  kbVersion(): string {
    return this.current.core.kbVersion();
  }
}
