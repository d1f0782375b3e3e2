/**
 * Sends requests to an app's `/slack/events` endpoint as Slack would: JSON events, form-encoded
 * slash commands, and `payload=` interactions, each signed with the app's signing secret.
 */
import { signingHeaders } from "./signing.js";

/** Where to send, and the secret to sign with. */
export interface Target {
  url: string;
  signingSecret: string;
  /** Seconds since the epoch for the signature; the current time when unset. */
  timestamp?: number;
  extraHeaders?: Record<string, string>;
}

/** What came back. */
export interface Reply {
  status: number;
  text: string;
}

async function post(t: Target, body: string, contentType: string): Promise<Reply> {
  const ts = t.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(t.url, {
    method: "POST",
    headers: { "Content-Type": contentType, ...signingHeaders(t.signingSecret, body, ts), ...t.extraHeaders },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** Posts an Events API envelope (JSON). */
export function sendEvent(t: Target, envelope: unknown): Promise<Reply> {
  return post(t, JSON.stringify(envelope), "application/json");
}

/** Posts a slash command (form-encoded, as Slack does). */
export function sendCommand(t: Target, fields: Record<string, string>): Promise<Reply> {
  return post(t, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
}

/** Posts an interaction (`payload=<url-encoded JSON>`). */
export function sendInteraction(t: Target, payload: unknown): Promise<Reply> {
  return post(
    t,
    `payload=${encodeURIComponent(JSON.stringify(payload))}`,
    "application/x-www-form-urlencoded",
  );
}

/** Posts a raw body with any content type, signed. */
export function sendRaw(t: Target, body: string, contentType: string): Promise<Reply> {
  return post(t, body, contentType);
}
