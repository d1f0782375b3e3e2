/** The one error class of the feed poller: a string code and a sentence a curator can act on. */

/** Why a feed or an article page could not be used. */
export type FeedErrorCode =
  | "unreachable"
  | "timeout"
  | "http_status"
  | "too_large"
  | "not_a_feed"
  | "malformed"
  | "not_html"
  | "no_text"
  | "no_link"
  | "ingest_failed"
  | "stopped";

/** A feed or page failure; `message` is said plainly and never holds a secret. */
export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.name = "FeedError";
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** How long the server asked us to wait (Retry-After), when it did. */
  readonly retryAfterMs: number | undefined;
}

/** The reason to log for any error: a FeedError's sentence, or the error's own message. */
export function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
