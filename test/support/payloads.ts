/**
 * Slack's example payloads (vendored from `../shared/slack/payloads/`), loaded and adapted: the shapes
 * stay Slack's own, only ids, text and URLs are set per test.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The folder of Slack's example payloads. */
export const PAYLOADS_DIR = fileURLToPath(new URL("../fixtures/slack/payloads/", import.meta.url));

/** Reads one payload file as text. */
export function payloadText(name: string): string {
  return readFileSync(`${PAYLOADS_DIR}${name}`, "utf8");
}

/** Reads one JSON payload (a fresh copy each call). */
export function payloadJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(payloadText(name)) as T;
}

type Envelope = Record<string, unknown> & { event: Record<string, unknown> };

/** The `app_mention` envelope with its event fields overridden. */
export function appMention(eventId: string, event: Record<string, unknown>): Envelope {
  const env = payloadJson<Envelope>("app_mention.json");
  return { ...env, event_id: eventId, event: { ...env.event, ...event } };
}

/** The `message.im` envelope with its event fields overridden. */
export function messageIm(eventId: string, event: Record<string, unknown>): Envelope {
  const env = payloadJson<Envelope>("message_im.json");
  return { ...env, event_id: eventId, event: { ...env.event, ...event } };
}

/** The `message.channels` envelope (a message in a public channel) with its event fields overridden. */
export function messageChannels(eventId: string, event: Record<string, unknown>): Envelope {
  const env = payloadJson<Envelope>("message_channels.json");
  return { ...env, event_id: eventId, event: { ...env.event, ...event } };
}

/** The slash-command form fields, for `/tradetalks` with the given text and response_url. */
export function slashCommand(
  text: string,
  responseUrl: string,
  command = "/tradetalks",
): Record<string, string> {
  const fields = payloadJson<Record<string, string>>("slash_command.json");
  return { ...fields, command, text, response_url: responseUrl };
}

/** The block_actions payload for one button click. */
export function buttonClick(
  action: { action_id: string; value: string; text?: string },
  opts: { responseUrl: string; ephemeral?: boolean; message?: Record<string, unknown> },
): Record<string, unknown> {
  const p = payloadJson<Record<string, unknown>>("block_actions.json");
  const [first] = p.actions as Record<string, unknown>[];
  return {
    ...p,
    response_url: opts.responseUrl,
    container: { ...(p.container as object), is_ephemeral: opts.ephemeral ?? true },
    ...(opts.message ? { message: opts.message } : {}),
    actions: [
      {
        ...first,
        action_id: action.action_id,
        value: action.value,
        text: { type: "plain_text", text: action.text ?? "Button", emoji: true },
      },
    ],
  };
}

/**
 * The view_submission payload for a modal's Save, shaped as Slack documents it
 * (docs.slack.dev/reference/interaction-payloads/view-interactions-payload): the modal's callback id,
 * private_metadata, and the input values under state.values[block_id][action_id].
 */
export function viewSubmission(opts: {
  userId: string;
  userName?: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, string>>;
}): Record<string, unknown> {
  const values = Object.fromEntries(
    Object.entries(opts.values).map(([block, actions]) => [
      block,
      Object.fromEntries(
        Object.entries(actions).map(([action, value]) => [action, { type: "plain_text_input", value }]),
      ),
    ]),
  );
  return {
    type: "view_submission",
    team: { id: "T111", domain: "workspace-domain" },
    user: {
      id: opts.userId,
      username: opts.userName ?? opts.userId,
      name: opts.userName ?? opts.userId,
      team_id: "T111",
    },
    api_app_id: "A111",
    token: "verification_token",
    trigger_id: "222.333.valid",
    view: {
      id: "V0REVIEW",
      team_id: "T111",
      type: "modal",
      callback_id: opts.callbackId,
      private_metadata: opts.privateMetadata,
      title: { type: "plain_text", text: "Edit draft claim" },
      blocks: [],
      state: { values },
      hash: "156772938.1827394",
      app_id: "A111",
      bot_id: "BBOT0001",
    },
    response_urls: [],
  };
}

/**
 * The message_action payload of a message shortcut on one message. payloads/message_action.json is
 * ours (not in ../shared/slack): the fields Slack documents for a message shortcut
 * (api.slack.com/reference/interaction-payloads/shortcuts: type message_action, callback_id,
 * trigger_id, response_url, user, message, channel, team, token) in the shape of bolt-js's
 * MessageShortcut type (src/types/shortcuts/message-shortcut.ts: message_ts, action_ts,
 * message.user/ts/text), with the ids of block_actions.json.
 */
export function messageShortcut(
  callbackId: string,
  message: { text?: string; user?: string; ts?: string; thread_ts?: string },
  opts: { responseUrl: string; channel?: string },
): Record<string, unknown> {
  const p = payloadJson<Record<string, unknown>>("message_action.json");
  const base = p.message as Record<string, unknown>;
  const ts = message.ts ?? (base.ts as string);
  return {
    ...p,
    callback_id: callbackId,
    response_url: opts.responseUrl,
    ...(opts.channel ? { channel: { id: opts.channel, name: "test-channel" } } : {}),
    message_ts: ts,
    message: { ...base, ...message, ts },
  };
}
