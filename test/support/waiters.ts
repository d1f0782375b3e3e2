/**
 * Waiting until a fake server has seen something: callers wait on a condition, the server calls
 * `notify()` whenever its records change, and a wait that outlasts its timeout fails saying what
 * it was waiting for.
 */

/** Pending waits on one fake server; `name` starts each timeout message ("fake Slack"). */
export class Waiters {
  readonly #pending = new Set<() => void>();

  constructor(readonly name: string) {}

  /** Re-checks every pending wait; call after anything a wait might be watching changes. */
  notify(): void {
    for (const w of [...this.#pending]) w();
  }

  /** Resolves once `done()` holds, or rejects after `timeoutMs` naming `what`. */
  waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.#pending.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#pending.delete(check);
        reject(new Error(`${this.name}: timed out waiting for ${what}`));
      }, timeoutMs);
      this.#pending.add(check);
    });
  }
}
