/**
 * The request bodies the local chat builds from typed lines, shaped like the ones Slack sends
 * (see `../shared/slack/payloads/`): a `message.im` event, a mention in a channel and the replies
 * in its thread (`message.channels`), a slash command, a button click, the Home tab opening.
 */
import { randomUUID } from "node:crypto";
import type { RenderedButton } from "./render-text.js";

/** Who is chatting, and where. */
export interface LocalIds {
  user: string;
  channel: string;
  /** The channel `/thread` starts threads in. */
  room: string;
  team: string;
  app: string;
}

/** Default ids for the one local user and their DM with the bot. */
export const LOCAL_IDS: LocalIds = {
  user: "ULOCAL0001",
  channel: "DLOCAL0001",
  room: "CLOCAL0001",
  team: "TLOCAL0001",
  app: "ALOCAL0001",
};

let clock = 0;
/** A message timestamp, unique and increasing within the process. */
export function nextTs(): string {
  clock += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(clock).padStart(6, "0")}`;
}

/** Encodes typed text the way Slack delivers it (`&`, `<`, `>` as entities). */
export function slackEncode(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function envelope(ids: LocalIds, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: "local",
    team_id: ids.team,
    api_app_id: ids.app,
    type: "event_callback",
    event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 16).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: ids.team, user_id: ids.user, is_bot: false, is_enterprise_install: false }],
    event,
  };
}

/** A direct message to the bot. */
export function directMessage(ids: LocalIds, text: string): Record<string, unknown> {
  const ts = nextTs();
  return envelope(ids, {
    type: "message",
    channel: ids.channel,
    user: ids.user,
    text: slackEncode(text),
    ts,
    event_ts: ts,
    channel_type: "im",
  });
}

/**
 * A message in the local channel that mentions the bot, as Slack delivers it: an `app_mention` and
 * the same message as `message.channels`. Its ts is the thread the answer starts.
 */
export function channelMention(
  ids: LocalIds,
  botUserId: string,
  text: string,
): { ts: string; events: Record<string, unknown>[] } {
  const ts = nextTs();
  const said = `<@${botUserId}> ${slackEncode(text)}`;
  const common = { channel: ids.room, user: ids.user, text: said, ts, event_ts: ts };
  return {
    ts,
    events: [
      envelope(ids, { type: "app_mention", ...common }),
      envelope(ids, { type: "message", ...common, channel_type: "channel" }),
    ],
  };
}

/** A reply in a thread of the local channel (`message.channels` with `thread_ts`). */
export function threadReply(ids: LocalIds, threadTs: string, text: string): Record<string, unknown> {
  const ts = nextTs();
  return envelope(ids, {
    type: "message",
    channel: ids.room,
    user: ids.user,
    text: slackEncode(text),
    ts,
    event_ts: ts,
    thread_ts: threadTs,
    channel_type: "channel",
  });
}

/** The Home tab being opened. */
export function homeOpened(ids: LocalIds): Record<string, unknown> {
  return envelope(ids, {
    type: "app_home_opened",
    user: ids.user,
    channel: ids.channel,
    tab: "home",
    event_ts: nextTs(),
  });
}

/** A slash command with the text after the command. */
export function slashCommand(
  ids: LocalIds,
  command: string,
  text: string,
  responseUrl: string,
): Record<string, unknown> {
  return {
    token: "local",
    team_id: ids.team,
    team_domain: "local",
    channel_id: ids.channel,
    channel_name: "directmessage",
    user_id: ids.user,
    user_name: "you",
    command,
    text: slackEncode(text),
    api_app_id: ids.app,
    response_url: responseUrl,
    trigger_id: `local.${randomUUID()}`,
  };
}

/** Where a rendered button was shown, so a click can say so. */
export interface ButtonPlace {
  ephemeral: boolean;
  messageTs: string;
  threadTs?: string;
}

/** A click on a rendered button. */
export function buttonClick(
  ids: LocalIds,
  button: RenderedButton,
  place: ButtonPlace,
  responseUrl: string,
): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: ids.user, username: "you", name: "you", team_id: ids.team },
    api_app_id: ids.app,
    token: "local",
    container: {
      type: "message",
      message_ts: place.messageTs,
      channel_id: ids.channel,
      is_ephemeral: place.ephemeral,
    },
    trigger_id: `local.${randomUUID()}`,
    team: { id: ids.team, domain: "local" },
    channel: { id: ids.channel, name: "directmessage" },
    response_url: responseUrl,
    ...(place.ephemeral
      ? {}
      : { message: { type: "message", ts: place.messageTs, thread_ts: place.threadTs } }),
    actions: [
      {
        action_id: button.actionId,
        block_id: "local",
        text: { type: "plain_text", text: button.text, emoji: true },
        value: button.value,
        type: button.type ?? "button",
        action_ts: nextTs(),
      },
    ],
  };
}
