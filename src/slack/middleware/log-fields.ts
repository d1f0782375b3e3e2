/**
 * Gives every log line written while a request is handled the request's event id, team, channel
 * and user, and the knowledge version answering it (JSON logs; see log-context.ts). Registered
 * first, so Bolt's own lines and every listener's carry them too.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Core } from "../../answer/types.js";
import { type LogFields, withLogFields } from "../../log-context.js";

/** The middleware; `core` says which knowledge version is answering. */
export function logFields(core: Pick<Core, "kbVersion">): Middleware<AnyMiddlewareArgs> {
  return ({ body, context, next }) =>
    withLogFields({ ...requestFields(body, context), kbVersion: core.kbVersion() }, next);
}

/** The ids a request carries, wherever its kind of payload keeps them. */
export function requestFields(body: unknown, context?: { teamId?: string; userId?: string }): LogFields {
  const b = (body ?? {}) as Record<string, unknown>;
  const event = (b.event ?? {}) as Record<string, unknown>;
  const nested = (k: string) => (b[k] as { id?: unknown } | undefined)?.id;
  const str = (...vs: unknown[]) => vs.find((v): v is string => typeof v === "string" && v !== "");
  return {
    eventId: str(b.event_id),
    team: str(context?.teamId, b.team_id, nested("team")),
    channel: str(
      event.channel,
      b.channel_id,
      nested("channel"),
      (b.container as { channel_id?: unknown } | undefined)?.channel_id,
    ),
    user: str(context?.userId, event.user, b.user_id, nested("user")),
  };
}
