/**
 * The last stop for an error inside a listener: the log gets the detail, the user a friendly
 * sentence where they asked (ephemerally through `response_url`, or in the thread), and the app
 * carries on.
 */
import type { App } from "@slack/bolt";
import type { Logger } from "../log.js";
import { StoreError } from "../store/errors.js";
import { postMessage } from "./post.js";

/** What the user is told when something went wrong on our side. */
export const SORRY = "Sorry, something went wrong while answering that. Please try again in a moment.";

/** What the user is told when the database cannot be reached (the operator's log says which and why). */
export const DATABASE_DOWN =
  "Sorry, I can't reach my database right now, so I couldn't do that. Please try again in a few minutes.";

/** The part of Bolt's extended error-handler arguments used here. */
interface ErrorArgs {
  error: Error;
  body: unknown;
  context?: { botToken?: string };
}

/** Installs the app-wide error handler (the app must be built with `extendedErrorHandler: true`). */
export function handleErrors(app: App, logger: Logger): void {
  app.error(async ({ error, body, context }: ErrorArgs) => {
    const b = body as Record<string, unknown> | undefined;
    const kind = String(b?.type ?? "request");
    const what = typeof b?.command === "string" ? b.command : kind;
    // No token for the workspace (installed in any workspace, and not there, or uninstalled): nobody to answer with.
    if ((error as { code?: string }).code === "slack_bolt_authorization_error") {
      logger.warn(`not answering ${what}: ${error.message}`);
      return;
    }
    const cause = (error as { original?: unknown }).original ?? error;
    // An unreachable database is an operational state, not a bug: one line, no stack.
    const down = cause instanceof StoreError && cause.code === "unavailable";
    if (down) logger.error(`error while handling ${what}: ${cause.message}`);
    else logger.error(`error while handling ${what}`, cause);
    try {
      await tellUser(app, b, context?.botToken, logger, down ? DATABASE_DOWN : SORRY);
    } catch (err) {
      logger.warn("could not tell the user about the error", err);
    }
  });
}

async function tellUser(
  app: App,
  body: Record<string, unknown> | undefined,
  token: string | undefined,
  logger: Logger,
  text: string,
): Promise<void> {
  if (!body) return;
  if (typeof body.response_url === "string") {
    const res = await fetch(body.response_url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
    });
    if (!res.ok) logger.warn(`response_url answered ${res.status} to the error notice`);
    return;
  }
  const event = body.event as
    | { type?: string; channel?: string; ts?: string; thread_ts?: string }
    | undefined;
  if (event?.channel && (event.type === "app_mention" || event.type === "message")) {
    const threadTs = event.thread_ts ?? (event.type === "app_mention" ? event.ts : undefined);
    await postMessage(
      app.client,
      { token, channel: event.channel, text, ...(threadTs ? { thread_ts: threadTs } : {}) },
      logger,
    );
  }
}
