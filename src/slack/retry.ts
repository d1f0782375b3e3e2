/**
 * When the Web API client retries. Rate limits (HTTP 429) are always retried after the
 * `Retry-After` Slack sends, and so are failures to connect at all. An error after the request may
 * have reached Slack (a reset connection, a timeout) is not retried: a second `chat.postMessage`
 * could post the answer twice.
 */
import type { webApi } from "@slack/bolt";

/** Error codes meaning the request never left this machine, so retrying cannot duplicate anything. */
const NEVER_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Whether a failed attempt may be retried without risking a duplicate post. */
export function isSafeToRetry(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isRateLimit(error)) return true;
  const coded = error as Error & { code?: string; statusCode?: number; original?: unknown };
  if (coded.code === "slack_webapi_http_error") return (coded.statusCode ?? 0) >= 500;
  if (coded.code === "slack_webapi_request_error") {
    // The client wraps its own "rate limit, retry after the pause" signal in a request error.
    if (isRateLimit(coded.original)) return true;
    return NEVER_SENT.has(causeCode(coded.original) ?? "");
  }
  return false;
}

/** The client's signal that it waited out a 429's Retry-After and wants another attempt. */
function isRateLimit(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith("A rate limit was exceeded");
}

function causeCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code !== "slack_webapi_request_error") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The retry policy for the app's Web API client: a few quick retries, only where safe. */
export function retryPolicy(overrides: Partial<webApi.RetryOptions> = {}): webApi.RetryOptions {
  return {
    retries: 4,
    factor: 2,
    minTimeout: 250,
    maxTimeout: 5_000,
    randomize: true,
    onFailedAttempt: (error: Error) => {
      if (!isSafeToRetry(error)) throw error;
    },
    ...overrides,
  } as webApi.RetryOptions;
}
