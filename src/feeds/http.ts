/**
 * One HTTP GET for the poller, with the limits a feed reader needs: a time limit on the whole
 * exchange (body included), a cap on the body (reading stops past it), a User-Agent, and
 * credentials in the address sent as a Basic Authorization header (fetch refuses them in URLs).
 * Every failure is a FeedError whose message names no secret.
 */
import { FeedError } from "./errors.js";

/** The fetch the poller is given (globalThis.fetch in production). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What the poller says it is. */
export const USER_AGENT = "TradeTalkBot/0.1 (news feed reader for a curated Slack knowledge base)";

/** A response that came back whole, within the limits. */
export interface FetchedBody {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  /** The address answered from, after redirects. */
  url: string;
}

/** How one request is made. */
export interface GetOptions {
  fetch: FetchLike;
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  /** Aborts the request when the poller stops. */
  signal?: AbortSignal;
}

/** GETs `url`; resolves with any HTTP status (the caller decides), rejects with a FeedError. */
export async function getWithLimits(url: string, options: GetOptions): Promise<FetchedBody> {
  const { address, authorization } = splitCredentials(url);
  const controller = new AbortController();
  const timedOut = { value: false };
  const timeout = setTimeout(() => {
    timedOut.value = true;
    controller.abort();
  }, options.timeoutMs);
  const stop = () => controller.abort();
  options.signal?.addEventListener("abort", stop, { once: true });
  if (options.signal?.aborted) stop();
  const signal = controller.signal;
  const seconds = formatSeconds(options.timeoutMs);
  try {
    let res: Response;
    try {
      res = await options.fetch(address, {
        headers: {
          "User-Agent": USER_AGENT,
          ...(authorization ? { Authorization: authorization } : {}),
          ...options.headers,
        },
        redirect: "follow",
        signal,
      });
    } catch (err) {
      throw networkError(err, options.signal, timedOut.value, seconds);
    }
    const length = Number(res.headers.get("content-length") ?? Number.NaN);
    if (length > options.maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw tooLarge(options.maxBytes);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(res, options.maxBytes);
    } catch (err) {
      if (err instanceof FeedError) throw err;
      throw networkError(err, options.signal, timedOut.value, seconds);
    }
    return { status: res.status, headers: res.headers, bytes, url: res.url || address };
  } finally {
    clearTimeout(timeout);
    options.signal?.removeEventListener("abort", stop);
  }
}

/** Reads the body, stopping (and cancelling the download) once it passes `maxBytes`. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number): FeedError {
  return new FeedError("too_large", `the answer is larger than ${formatBytes(maxBytes)}; stopped reading it`);
}

function networkError(
  err: unknown,
  stop: AbortSignal | undefined,
  timedOut: boolean,
  seconds: string,
): FeedError {
  if (stop?.aborted) return new FeedError("stopped", "the poller was stopped", { cause: err });
  if (timedOut) return new FeedError("timeout", `no answer within ${seconds}`, { cause: err });
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as { code?: string }).code;
  const why: Record<string, string> = {
    ECONNREFUSED: "the connection was refused (the server is down or not listening)",
    ECONNRESET: "the server closed the connection",
    ENOTFOUND: "no such host",
    EAI_AGAIN: "the host name could not be looked up just now",
    ETIMEDOUT: "the connection timed out",
    EHOSTUNREACH: "the host cannot be reached",
    UND_ERR_SOCKET: "the server closed the connection",
  };
  const text = (code && why[code]) ?? `the request failed (${code ?? cause?.message ?? "network error"})`;
  return new FeedError("unreachable", text, { cause: err });
}

/** Moves `user:password@` out of the address into a Basic Authorization header. */
function splitCredentials(url: string): { address: string; authorization?: string } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { address: url };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = "";
  parsed.password = "";
  return {
    address: parsed.toString(),
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
  };
}

/** "15 s", "200 ms". */
export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** "5 MB", "64 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
