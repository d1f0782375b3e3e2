/**
 * Counts requests being handled, so shutdown can let replies in progress finish before exiting.
 */

/** A counter of work in progress with a way to wait until it is done. */
export class Inflight {
  #count = 0;
  #waiters: (() => void)[] = [];

  /** How many requests are being handled now. */
  get count(): number {
    return this.#count;
  }

  /** Runs `work`, counting it as in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.#count++;
    try {
      return await work();
    } finally {
      this.#count--;
      if (this.#count === 0) for (const w of this.#waiters.splice(0)) w();
    }
  }

  /** Resolves true when nothing is in flight, or false once `timeoutMs` has passed first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.#count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
