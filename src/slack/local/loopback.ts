/**
 * The local chat's stand-in for Slack's servers: an HTTP server on 127.0.0.1 that the app's Web
 * API client (`slackApiUrl`) and `response_url`s point at. What the app posts is handed to
 * `onPost` before the request is answered, so replies print in the order they were sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Something the app sent: a Web API call or a response_url post. */
export interface Posted {
  kind: "api" | "response";
  /** The Web API method, or the response_url id. */
  name: string;
  body: Record<string, unknown>;
  /** The bearer token the call was made with, which tells the app's own client from the background posters'. */
  token?: string;
}

/** A running loopback server. */
export interface Loopback {
  apiUrl: string;
  responseUrl(id: string): string;
  close(): Promise<void>;
}

/** Starts the loopback; `answer` gives each Web API call its result. */
export async function startLoopback(
  onPost: (p: Posted) => Record<string, unknown> | undefined,
): Promise<Loopback> {
  const server: Server = createServer((req, res) => {
    handle(req, res, onPost).catch((err: unknown) => reply(res, 500, { ok: false, error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  onPost: (p: Posted) => Record<string, unknown> | undefined,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = parse(Buffer.concat(chunks).toString("utf8"), req.headers["content-type"] ?? "");
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path.startsWith("/response/")) {
    onPost({ kind: "response", name: decodeURIComponent(path.slice(10)), body });
    return reply(res, 200, { ok: true });
  }
  if (path.startsWith("/api/")) {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const result = onPost({ kind: "api", name: path.slice(5), body, ...(token ? { token } : {}) });
    return reply(res, 200, { ok: true, ...result });
  }
  reply(res, 404, { ok: false, error: "unknown_method" });
}

function parse(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}
