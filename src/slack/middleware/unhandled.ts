/**
 * Acknowledges what no listener acknowledged. Bolt leaves an unknown `action_id`, view submission
 * or shortcut unanswered for three seconds and then answers 404, so Slack shows the user an error.
 * Wrapping `processEvent` (under every receiver: HTTP, Socket Mode, the local chat) sees whether
 * `ack` was called once the listeners are done; when it was not, the request is acknowledged right
 * away and logged. Listeners registered later, on other branches, need no list kept here.
 */
import type { App, ReceiverEvent } from "@slack/bolt";
import type { Logger } from "../../log.js";
import { withLogFields } from "../../log-context.js";
import { requestFields } from "./log-fields.js";

/** Installs the catch-all on `app`; call once, after building it. */
export function ackUnhandled(app: App, logger: Logger, onUnhandled?: (kind: string) => void): void {
  const handle = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    let acked = false;
    const ack: ReceiverEvent["ack"] = (response) => {
      acked = true;
      return event.ack(response);
    };
    await handle({ ...event, ack });
    if (acked) return;
    const what = describe(event.body);
    // After the listeners, outside the request's log fields: give this line its own.
    withLogFields(requestFields(event.body), () =>
      logger.warn(`no listener handled ${what}; acknowledged so Slack shows no error`),
    );
    onUnhandled?.(typeOf(event.body));
    await event.ack();
  };
}

/** The payload type for the metrics: `command` for slash commands (which carry no `type`). */
function typeOf(body: unknown): string {
  const b = (body ?? {}) as { type?: unknown; command?: unknown };
  if (typeof b.command === "string") return "command";
  return typeof b.type === "string" && /^[a-z_]+$/.test(b.type) ? b.type : "unknown";
}

/** A short description of an incoming request: its type and the id a listener would match. */
export function describe(body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.command === "string") return `command ${b.command}`;
  const type = String(b.type ?? "request");
  if (type === "block_actions" && Array.isArray(b.actions)) {
    const ids = b.actions.map((a) => String((a as { action_id?: unknown }).action_id));
    return `block_actions ${ids.join(", ")}`;
  }
  const view = b.view as { callback_id?: unknown } | undefined;
  if ((type === "view_submission" || type === "view_closed") && view)
    return `${type} ${String(view.callback_id)}`;
  if (typeof b.callback_id === "string") return `${type} ${b.callback_id}`;
  if (typeof b.action_id === "string") return `${type} ${b.action_id}`;
  return type;
}
