/**
 * Readiness, as `GET /readyz` reports it: ready only when every registered check passes — the store
 * answers (a probe function handed in, so the store's interface is not touched), Socket Mode is
 * connected (in that mode), the briefing scheduler has ticked recently. `/healthz` stays the
 * liveness check: the process is up, whatever its dependencies are doing.
 */

/** The path of the readiness endpoint. */
export const READY_PATH = "/readyz";

/** One check: resolves (or returns) a reason it is not ready, or undefined when it is. */
export type ReadinessCheck = () => string | undefined | Promise<string | undefined>;

/** What `/readyz` answers. */
export interface ReadinessReport {
  ready: boolean;
  /** The first failing check's reason, e.g. "store: database is locked". */
  reason?: string;
  /** Each check by name: "ok" or its reason. */
  checks: Record<string, string>;
}

/** The registered checks; more may be added after the server starts (the scheduler starts later). */
export class Readiness {
  readonly #checks = new Map<string, ReadinessCheck>();

  constructor(private readonly timeoutMs = 2_000) {}

  /** Adds (or replaces) the check called `name`. */
  add(name: string, check: ReadinessCheck): void {
    this.#checks.set(name, check);
  }

  /** Runs every check (each within the time limit) and reports. */
  async report(): Promise<ReadinessReport> {
    const checks: Record<string, string> = {};
    let reason: string | undefined;
    for (const [name, check] of this.#checks) {
      const problem = await this.#run(check);
      checks[name] = problem ?? "ok";
      if (problem && !reason) reason = `${name}: ${problem}`;
    }
    return { ready: reason === undefined, ...(reason ? { reason } : {}), checks };
  }

  async #run(check: ReadinessCheck): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${this.timeoutMs} ms`), this.timeoutMs);
      timer.unref?.();
    });
    try {
      return await Promise.race([Promise.resolve().then(check), late]);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A check that a store answers: `probe` throws (or rejects) when it does not. */
export function storeCheck(probe: () => unknown): ReadinessCheck {
  return async () => {
    await probe();
    return undefined;
  };
}

/** A check that something beat recently: `last()` is when it last did (undefined: never yet). */
export function recentCheck(
  what: string,
  last: () => Date | undefined,
  maxAgeMs: number,
  now = () => new Date(),
): ReadinessCheck {
  return () => {
    const at = last();
    if (!at) return `${what} has not run yet`;
    const age = now().getTime() - at.getTime();
    return age > maxAgeMs
      ? `${what} last ran ${Math.round(age / 1000)} s ago (more than ${Math.round(maxAgeMs / 1000)} s)`
      : undefined;
  };
}
