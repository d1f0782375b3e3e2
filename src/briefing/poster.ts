/**
 * What the scheduler needs from Slack, as an interface: post one message, or fail with a typed
 * reason. The Slack implementation lives in `src/slack/briefing-poster.ts`; tests may use it
 * against a fake Slack API server.
 */

/** A briefing message: blocks (plain objects) and the text fallback. */
export interface BriefingMessage {
  text: string;
  blocks?: readonly object[];
}

/**
 * Why a post failed. `rate_limited`, `not_in_channel`, `channel_not_found`, `archived` and
 * `rejected` are Slack's answer, so nothing was posted. `unknown_outcome` means the request may
 * have reached Slack (a timeout, a dropped connection, a 5xx) — the message may be in the channel.
 */
export type PostFailure =
  | "rate_limited"
  | "not_in_channel"
  | "channel_not_found"
  | "archived"
  | "rejected"
  | "unknown_outcome";

/** A failed post, classified. */
export class PostError extends Error {
  constructor(
    readonly failure: PostFailure,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PostError";
  }
}

/** Posts a briefing to a channel; resolves with the message ts, or rejects with a PostError. */
export interface BriefingPoster {
  post(channelId: string, message: BriefingMessage): Promise<{ ts: string }>;
}
