/**
 * The process's last line of defence. A promise rejected with nobody listening would otherwise end
 * the process (Node's default since v15); a rejection leaves the rest of the process as it was, so
 * it is logged, counted and the app keeps serving. An exception thrown out of a callback may have
 * left a half-done change behind it (Node's own advice is not to carry on), so it is logged, counted
 * and the app is asked to drain and stop with exit code 1, for the supervisor to restart it; a
 * second one while draining stops it at once.
 */
import type { Logger } from "./log.js";

/** What reached the guard. */
export type ProcessFault = "unhandled_rejection" | "uncaught_exception";

/** What the guards are given. */
export interface ProcessGuardOptions {
  logger: Logger;
  /** Counts each fault (the metrics). */
  count?: (fault: ProcessFault) => void;
  /** Asked once, on the first uncaught exception, to drain and stop (exit code 1). */
  stop: (reason: string) => void;
  /** Ends the process at once (a second uncaught exception). Default `process.exit(1)`. */
  exitNow?: () => void;
}

/** Installs both handlers on the process; returns how to remove them. */
export function installProcessGuards(o: ProcessGuardOptions): () => void {
  let stopping = false;
  const onRejection = (reason: unknown) => {
    o.count?.("unhandled_rejection");
    o.logger.error("a promise was rejected and nothing handled it; still serving", reason);
  };
  const onException = (error: Error) => {
    o.count?.("uncaught_exception");
    if (stopping) {
      o.logger.error("another uncaught exception while stopping; exiting now", error);
      (o.exitNow ?? (() => process.exit(1)))();
      return;
    }
    stopping = true;
    o.logger.error("uncaught exception; finishing replies in progress, then exiting with code 1", error);
    o.stop("uncaught exception");
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}
