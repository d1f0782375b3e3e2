/**
 * One question, one answer: Slack re-delivers an event it thinks was not acknowledged
 * (`X-Slack-Retry-Num`, Socket Mode `retry_attempt`), always with the same `event_id`. The store
 * remembers ids across restarts and instances; a re-delivery stops here.
 *
 * When the database cannot be reached (the store has already waited a few seconds for it), the
 * event is not answered: another instance, or this one once the database is back, may claim a
 * re-delivery of it and answer, and one answer missed beats two posted. Any other store failure
 * (a full disk, say) cannot come with a second claim elsewhere, so the event is still answered.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { StoreError } from "../../store/errors.js";
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
        if (err instanceof StoreError && err.code === "unavailable") {
          deps.logger.error(`not answering event ${eventId} now: ${err.message}`);
          return;
        }
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
