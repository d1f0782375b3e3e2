/**
 * What the briefing subcommands share: the subscription store and knowledge (optional in
 * `SlackDeps`, so a deployment without a database still answers questions), the channel's zone,
 * and the "invite me" reply.
 */
import type { KnowledgeBase } from "../../knowledge/schema.js";
import type { BriefingLedger, SubscriptionStore } from "../../store/types.js";
import { sections } from "../blocks/limits.js";
import type { Message } from "../blocks/message.js";
import { platformError } from "../post.js";
import type { SubcommandContext } from "./types.js";

/** The briefing's part of the Slack dependencies. */
export interface BriefingSlackDeps {
  store: SubscriptionStore & BriefingLedger;
  /** The current knowledge base (the same snapshot `deps.core` answers from). */
  knowledge: () => KnowledgeBase;
}

/** How to get the bot into a channel. */
export const INVITE_HINT = "Invite me first with `/invite @Trade Talk Bot`, then run the command again.";

/** A plain ephemeral reply. */
export function reply(text: string): Message {
  return { text, blocks: sections(text) };
}

/** The reply when briefings are not set up in this deployment. */
export const NOT_SET_UP = reply(
  "Daily briefings are not set up in this deployment (no database). Ask the admin who runs the bot.",
);

/** The requesting user's Slack time zone, if Slack knows a valid one. */
export async function userTimeZone(ctx: SubcommandContext): Promise<string | undefined> {
  try {
    const res = await ctx.client.users.info({ user: ctx.userId });
    const tz = (res.user as { tz?: string } | undefined)?.tz;
    return tz && isZone(tz) ? tz : undefined;
  } catch (err) {
    ctx.deps.logger.debug("users.info failed; using the default time zone", err);
    return undefined;
  }
}

function isZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Whether the bot can post in the channel: false when Slack says it is not a member or cannot see it. */
export async function botIsInChannel(ctx: SubcommandContext): Promise<boolean> {
  try {
    const res = await ctx.client.conversations.info({ channel: ctx.channelId });
    const channel = res.channel as { is_member?: boolean; is_im?: boolean } | undefined;
    return channel?.is_im === true || channel?.is_member !== false;
  } catch (err) {
    const code = platformError(err);
    if (code === "channel_not_found" || code === "not_in_channel") return false;
    // Missing scope or Slack trouble: don't block subscribing; a failed post will mark it later.
    ctx.deps.logger.warn(`conversations.info failed for ${ctx.channelId}`, code ?? err);
    return true;
  }
}
