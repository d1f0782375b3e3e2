/**
 * Signing requests the way Slack does, for tests that send real signed requests:
 * `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`).
 */
import { createHmac } from "node:crypto";

/** The `X-Slack-Signature` for a body at a timestamp (seconds). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** The two signing headers for a body. */
export function signingHeaders(secret: string, body: string, timestamp: number): Record<string, string> {
  return {
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": slackSignature(secret, timestamp, body),
  };
}
