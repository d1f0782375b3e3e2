/** Running a build written as a generator: at once, or a step at a time with the event loop turning between slices. */

/** Resolves on the next turn of the event loop, after pending I/O and timers. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs a stepwise build to its end without a pause. */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a stepwise build, giving the event loop a turn whenever a slice's time is up. */
export async function runInSteps<T>(steps: Generator<void, T>, sliceMs: number): Promise<T> {
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
