/**
 * A guard in front of Bolt's HTTP receiver on `/slack/events`. Bolt reads `body.ssl_check` on
 * whatever a signed request parses to, outside any try/catch: a correctly signed body of `null`
 * (or `payload=null`) would reject a promise nobody awaits and end the process. Bolt also refuses
 * only old timestamps, not ones far in the future. Here a request is buffered once, its signature
 * and timestamp checked both ways (five minutes), and a body that is not a JSON object answered
 * 400; everything else goes on to Bolt, which finds the body already read.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPModuleFunctions, type HTTPReceiver, isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../../log.js";

/** How far (seconds) a request's signed timestamp may be from our clock, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** The path Bolt serves the Events API, commands and interactivity on. */
const EVENTS_PATH = "/slack/events";

/** What a refused request was, for the log and the metrics. */
export type RefusedRequest = "future_timestamp" | "not_an_object" | "unreadable";

/** What the guard is given. */
export interface GuardOptions {
  signingSecret: string;
  logger: Logger;
  /** The clock, in milliseconds (tests pin it). */
  nowMs?: () => number;
  /** Called once for each request the guard answers itself. */
  onRefused?: (why: RefusedRequest) => void;
}

/** Replaces `receiver.requestListener` with the guarded one; call before `app.start()`. */
export function guardReceiver(receiver: HTTPReceiver, options: GuardOptions): void {
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "POST" || path !== EVENTS_PATH) return inner(req, res);
    void guard(req, res, inner, options);
  };
}

async function guard(
  req: IncomingMessage,
  res: ServerResponse,
  inner: (req: IncomingMessage, res: ServerResponse) => void,
  o: GuardOptions,
): Promise<void> {
  const refuse = (status: number, why: RefusedRequest, message: string) => {
    o.logger.warn(`refused a request to ${EVENTS_PATH} with ${status}: ${message}`);
    o.onRefused?.(why);
    if (!res.headersSent) res.writeHead(status);
    res.end();
  };
  try {
    let raw: string;
    try {
      // Bolt sees `rawBody` set and does not read the stream again.
      const buffered = await HTTPModuleFunctions.bufferIncomingMessage(
        req,
        HTTPModuleFunctions.defaultBodyLimit,
      );
      raw = buffered.rawBody.toString();
    } catch (err) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413;
      return refuse(
        tooLarge ? 413 : 400,
        "unreadable",
        tooLarge ? "body too large" : "body could not be read",
      );
    }
    const timestamp = Number(header(req, "x-slack-request-timestamp"));
    const signature = header(req, "x-slack-signature");
    const nowSec = Math.floor((o.nowMs?.() ?? Date.now()) / 1000);
    // Unsigned, wrongly signed and old requests are Bolt's to refuse (401), as they always were.
    if (signature === undefined || !Number.isFinite(timestamp)) return inner(req, res);
    if (timestamp > nowSec + MAX_CLOCK_SKEW_SECONDS) {
      return refuse(401, "future_timestamp", `signed timestamp ${timestamp} is more than 5 minutes ahead`);
    }
    const valid = isValidSlackRequest({
      signingSecret: o.signingSecret,
      body: raw,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      nowMilliseconds: nowSec * 1000,
    });
    if (!valid) return inner(req, res);
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(
        req as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0],
      );
    } catch {
      return inner(req, res); // malformed JSON: Bolt answers 400 itself, inside its own try/catch
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      const kind = body === null ? "null" : Array.isArray(body) ? "an array" : typeof body;
      return refuse(400, "not_an_object", `signed body is ${kind}, not a JSON object`);
    }
    inner(req, res);
  } catch (err) {
    o.logger.error(`request to ${EVENTS_PATH} failed before reaching Bolt`, err);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === "string" ? v : undefined;
}
