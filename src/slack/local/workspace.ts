/**
 * The local chat's workspace: the people and conversations its fake ids stand for, so that the
 * loopback answers `users.info` and `conversations.info` about them as Slack would, and the chat
 * prints names ("@you", "#local") where Slack would show a mention's name instead of its id.
 */
import type { LocalIds } from "./requests.js";

/** One conversation of the local workspace. */
export interface LocalConversation {
  /** How the chat shows it: "#local", or "your DM with tradebot". */
  shown: string;
  /** Its name in `conversations.info`. */
  name: string;
  isIm: boolean;
}

/** The people and conversations behind the local ids. */
export interface LocalWorkspace {
  /** Display names without the "@", by user id. */
  users: ReadonlyMap<string, string>;
  conversations: ReadonlyMap<string, LocalConversation>;
}

/** The bot's user name in the local workspace. */
export const LOCAL_BOT_NAME = "tradebot";

/** The workspace of `ids`: you, the bot, your DM with it, and #local (where `/thread` asks). */
export function localWorkspace(ids: LocalIds, botUserId: string): LocalWorkspace {
  return {
    users: new Map([
      [ids.user, "you"],
      [botUserId, LOCAL_BOT_NAME],
    ]),
    conversations: new Map([
      [ids.channel, { shown: `your DM with ${LOCAL_BOT_NAME}`, name: "directmessage", isIm: true }],
      [ids.room, { shown: "#local", name: "local", isIm: false }],
    ]),
  };
}

/** How mentions read in the chat: a name for an id, or undefined to keep Slack's label or the id. */
export interface MentionNames {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  /** Bare ids to replace wherever they appear, with what to show. */
  bare: ReadonlyMap<string, string>;
}

/** The mention names of a workspace: "@you", "@tradebot", "#local", "your DM with tradebot". */
export function mentionNames(ws: LocalWorkspace): MentionNames {
  const bare = new Map<string, string>();
  for (const [id, name] of ws.users) bare.set(id, `@${name}`);
  for (const [id, c] of ws.conversations) bare.set(id, c.shown);
  return {
    user: (id) => {
      const name = ws.users.get(id);
      return name === undefined ? undefined : `@${name}`;
    },
    channel: (id) => ws.conversations.get(id)?.shown,
    bare,
  };
}

/** Replaces the workspace's bare ids (outside any mention) with their names. */
export function nameBareIds(text: string, names: MentionNames | undefined): string {
  if (!names?.bare.size) return text;
  const pattern = new RegExp(`\\b(${[...names.bare.keys()].join("|")})\\b`, "g");
  return text.replace(pattern, (id) => names.bare.get(id) ?? id);
}
