/** Counts every request while it is handled, so shutdown can wait for replies in progress. */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Inflight } from "../inflight.js";

/** Middleware tracking each request in `inflight` until its listeners finish. */
export function trackInflight(inflight: Inflight): Middleware<AnyMiddlewareArgs> {
  return ({ next }) => inflight.track(() => next());
}
