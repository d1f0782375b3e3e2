/** Where a clicked button was: which channel and thread, and whether only the clicker could see it. */
import type { BlockAction } from "@slack/bolt";

/** The place of a button click. */
export interface ClickPlace {
  channel?: string;
  /** The thread to answer in (the message's thread, or the message itself in a channel). */
  threadTs?: string;
  ephemeral: boolean;
}

/** Reads the place of a click from a block_actions payload. */
export function where(body: BlockAction): ClickPlace {
  const container = body.container as {
    channel_id?: string;
    message_ts?: string;
    thread_ts?: string;
    is_ephemeral?: boolean;
  };
  const channel = body.channel?.id ?? container.channel_id;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const threadTs =
    message?.thread_ts ??
    container.thread_ts ??
    (channel?.startsWith("D") ? undefined : (message?.ts ?? container.message_ts));
  return { channel, threadTs, ephemeral: container.is_ephemeral === true || !message };
}
