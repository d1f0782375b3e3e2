/**
 * One question, one answer: Slack re-delivers an event it thinks was not acknowledged
 * (`X-Slack-Retry-Num`, Socket Mode `retry_attempt`), always with the same `event_id`. The store
 * remembers ids across restarts; a re-delivery stops here.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";

/** Middleware dropping events whose `event_id` was already claimed. */
export function dedupeEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string") {
      let first = true;
      try {
        first = await deps.store.claimEvent(eventId, deps.now());
      } catch (err) {
        // Without the store we cannot tell; answering twice beats never answering.
        deps.logger.warn(`could not check event ${eventId} for re-delivery`, err);
      }
      if (!first) {
        deps.logger.info(`ignoring re-delivered event ${eventId} (retry ${context.retryNum ?? "?"})`);
        return;
      }
    }
    await next();
  };
}
