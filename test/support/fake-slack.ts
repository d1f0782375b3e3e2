/**
 * A fake of Slack's servers at the HTTP boundary, for tests: the Web API (`/api/<method>`) and
 * `response_url` endpoints (`/response/<id>`), on 127.0.0.1. It records every call, answers like
 * Slack does, and can be told to fail the next calls of a method with a platform error
 * (`not_in_channel`, `channel_not_found`…) or an HTTP 429 with `Retry-After`.
 *
 *   const slack = await FakeSlack.start();
 *   new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl });
 *   slack.failNext("chat.postMessage", "not_in_channel");
 *   const [post] = await slack.waitForCalls("chat.postMessage", 1);
 *
 * OAuth: `slack.addInstall(code, install)` makes `oauth.v2.access` exchange `code` (once, with the
 * right client id and secret) for that workspace's tokens, and `auth.test` answer for its bot token.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseBody, readBody, send } from "./http.js";
import { Waiters } from "./waiters.js";

/** One Web API call as the fake received it. */
export interface SlackCall {
  method: string;
  /** Arguments, with JSON-valued form fields (blocks, view…) parsed. */
  args: Record<string, unknown>;
  /** The bearer token sent, if any. */
  token?: string;
  /** The HTTP status the fake answered with. */
  status: number;
  /** When it arrived (Date.now()). */
  at?: number;
  /** The `error` the fake answered with, if it failed the call. */
  error?: string;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  /** When it arrived (Date.now()). */
  at?: number;
}

/** A scripted answer to the next call(s) of a method. */
type Scripted =
  | { kind: "error"; error: string }
  | { kind: "ratelimit"; retryAfter: number }
  | { kind: "http"; status: number }
  | { kind: "drop" };

/** A user the fake knows, for `users.info`. */
export interface FakeUser {
  id: string;
  tz?: string;
  tz_offset?: number;
  name?: string;
}

/** A workspace (or org) the fake can install the app in, for `oauth.v2.access`. */
export interface FakeInstall {
  /** The workspace; absent for an org-wide (Enterprise Grid) install. */
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId: string;
  botId: string;
  /** Who installed it, and their user token when user scopes were asked for. */
  userId: string;
  userToken?: string;
  /** With token rotation: the refresh token and the access token's lifetime in seconds. */
  refreshToken?: string;
  expiresIn?: number;
  /** The bot token `oauth.v2.access` hands out for `refreshToken` (grant_type=refresh_token). */
  refreshedBotToken?: string;
}

/** Options for starting the fake. */
export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** The OAuth app's credentials `oauth.v2.access` accepts. */
  clientId?: string;
  clientSecret?: string;
}

/** The fake Slack server. */
export class FakeSlack {
  /** Every Web API call, in order of arrival (including failed attempts). */
  readonly calls: SlackCall[] = [];
  /** Every response_url POST, in order of arrival. */
  readonly responses: ResponsePost[] = [];
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  readonly #scripts = new Map<string, Scripted[]>();
  readonly #holds: { method: string; match: (call: SlackCall) => boolean }[] = [];
  readonly #users = new Map<string, FakeUser>();
  readonly #answers = new Map<string, Record<string, unknown>>();
  readonly #waiters = new Waiters("fake Slack");
  readonly #codes = new Map<string, FakeInstall>();
  readonly #installs = new Map<string, FakeInstall>();
  readonly #client: { id: string; secret: string };
  #ts = 1_700_000_000;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    opts: FakeSlackOptions,
  ) {
    this.botUserId = opts.botUserId ?? "UBOT0001";
    this.botId = opts.botId ?? "BBOT0001";
    this.teamId = opts.teamId ?? "T0001";
    this.#client = { id: opts.clientId ?? "1111.2222", secret: opts.clientSecret ?? "fake-client-secret" };
  }

  /** Starts the fake on a free port of 127.0.0.1. */
  static async start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      fake?.handle(req, res).catch((err) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`, opts);
    return fake;
  }

  /** The Web API base URL to give the client (`slackApiUrl`, `SLACK_API_URL`). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url served by the fake. */
  responseUrl(id: string = randomUUID()): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** The next `times` calls of `method` fail with a Slack platform error (HTTP 200, ok: false). */
  failNext(method: string, error: string, times = 1): void {
    this.#script(method, { kind: "error", error }, times);
  }

  /** The next `times` calls of `method` get HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, retryAfterSeconds: number, times = 1): void {
    this.#script(method, { kind: "ratelimit", retryAfter: retryAfterSeconds }, times);
  }

  /** The next `times` calls of `method` get a bare HTTP error status (e.g. 503). */
  httpErrorNext(method: string, status: number, times = 1): void {
    this.#script(method, { kind: "http", status }, times);
  }

  /**
   * The next `times` calls of `method` are read in full and then the connection is cut without an
   * answer: the client cannot know whether Slack acted on it.
   */
  dropNext(method: string, times = 1): void {
    this.#script(method, { kind: "drop" }, times);
  }

  /**
   * The next call of `method` that `match` accepts is recorded (status 0, error `held`) and never
   * answered: the request stays on the wire until the caller dies or the fake closes. What it
   * says is taken as maybe shown in Slack, as with a real post whose answer never came back.
   */
  holdNext(method: string, match: (call: SlackCall) => boolean = () => true): void {
    this.#holds.push({ method, match });
  }

  /** From now on, successful calls of `method` answer `{ ok: true, ...result }`. */
  answerWith(method: string, result: Record<string, unknown>): void {
    this.#answers.set(method, result);
  }

  /** `oauth.v2.access` with `code` installs the app as `install` (the code works once). */
  addInstall(code: string, install: FakeInstall): void {
    this.#codes.set(code, install);
    this.#installs.set(install.botToken, install);
  }

  /** Adds a user for `users.info`. */
  addUser(user: FakeUser): void {
    this.#users.set(user.id, user);
  }

  /** Calls of one method. */
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Successful calls of one method: what would be visible in Slack. */
  delivered(method: string): SlackCall[] {
    return this.callsTo(method).filter((c) => c.status === 200 && !c.error);
  }

  /** Waits until `method` has received at least `n` calls (successful or not), then returns them. */
  waitForCalls(method: string, n: number, timeoutMs = 10_000): Promise<SlackCall[]> {
    return this.#waiters
      .waitFor(() => this.callsTo(method).length >= n, timeoutMs, `${n} ${method} call(s)`)
      .then(() => this.callsTo(method));
  }

  /** Waits until at least `n` response_url posts have arrived, then returns them. */
  waitForResponses(n: number, timeoutMs = 10_000): Promise<ResponsePost[]> {
    return this.#waiters
      .waitFor(() => this.responses.length >= n, timeoutMs, `${n} response_url post(s)`)
      .then(() => this.responses);
  }

  /** Forgets recorded calls and scripts (between tests sharing one fake). */
  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.#scripts.clear();
    this.#holds.length = 0;
  }

  /** Stops the server. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.baseUrl);
    const raw = await readBody(req);
    const args = parseBody(raw, req.headers["content-type"] ?? "");
    if (url.pathname.startsWith("/response/")) {
      this.responses.push({ id: url.pathname.slice("/response/".length), body: args, at: Date.now() });
      this.#waiters.notify();
      return send(res, 200, "ok", "text/plain");
    }
    if (!url.pathname.startsWith("/api/")) return send(res, 404, { ok: false, error: "unknown_path" });
    const method = url.pathname.slice("/api/".length);
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : (args.token as string | undefined);
    const call: SlackCall = { method, args, token, status: 200, at: Date.now() };
    this.calls.push(call);
    const hold = this.#holds.findIndex((h) => h.method === method && h.match(call));
    if (hold >= 0) {
      this.#holds.splice(hold, 1);
      call.status = 0;
      call.error = "held";
      this.#waiters.notify();
      return;
    }
    const script = this.#scripts.get(method)?.shift();
    try {
      if (script?.kind === "ratelimit") {
        call.status = 429;
        call.error = "ratelimited";
        res.setHeader("Retry-After", String(script.retryAfter));
        return send(res, 429, { ok: false, error: "ratelimited" });
      }
      if (script?.kind === "drop") {
        call.status = 0;
        call.error = "connection_dropped";
        req.socket.destroy();
        return;
      }
      if (script?.kind === "http") {
        call.status = script.status;
        return send(res, script.status, "upstream trouble", "text/plain");
      }
      if (script?.kind === "error") {
        call.error = script.error;
        return send(res, 200, { ok: false, error: script.error });
      }
      if (method === "oauth.v2.access") {
        const answer = this.#oauthAccess(args, req.headers.authorization);
        if (!answer.ok) call.error = String(answer.error);
        return send(res, 200, answer);
      }
      if (!token) {
        call.error = "not_authed";
        return send(res, 200, { ok: false, error: "not_authed" });
      }
      return send(res, 200, this.#answer(method, args, token));
    } finally {
      this.#waiters.notify();
    }
  }

  #answer(method: string, args: Record<string, unknown>, token?: string): Record<string, unknown> {
    const custom = this.#answers.get(method);
    if (custom) return { ok: true, ...custom };
    const install = token ? this.#installs.get(token) : undefined;
    switch (method) {
      case "auth.test":
        if (install)
          return {
            ok: true,
            user_id: install.botUserId,
            bot_id: install.botId,
            team_id: install.teamId,
            ...(install.enterpriseId ? { enterprise_id: install.enterpriseId } : {}),
            url: install.isEnterpriseInstall ? "https://org.enterprise.slack.com/" : "https://ws.slack.com/",
            user: "tradebot",
          };
        return {
          ok: true,
          user_id: this.botUserId,
          bot_id: this.botId,
          team_id: this.teamId,
          user: "tradebot",
        };
      case "chat.postMessage": {
        const ts = `${this.#ts++}.000100`;
        return { ok: true, channel: args.channel, ts, message: { ...args, ts, bot_id: this.botId } };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${this.#ts++}.000200` };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "views.publish":
        return { ok: true, view: { id: "V0001", ...(args.view as object) } };
      case "users.info": {
        const user = this.#users.get(String(args.user));
        return user ? { ok: true, user } : { ok: false, error: "user_not_found" };
      }
      default:
        return { ok: true };
    }
  }

  #oauthAccess(args: Record<string, unknown>, authorization?: string): Record<string, unknown> {
    let id = args.client_id;
    let secret = args.client_secret;
    if (authorization?.startsWith("Basic ")) {
      [id, secret] = Buffer.from(authorization.slice(6), "base64").toString().split(":");
    }
    if (id !== this.#client.id || secret !== this.#client.secret)
      return { ok: false, error: "invalid_client_id" };
    if (args.grant_type === "refresh_token") return this.#refresh(String(args.refresh_token ?? ""));
    const install = this.#codes.get(String(args.code ?? ""));
    if (!install) return { ok: false, error: "invalid_code" };
    this.#codes.delete(String(args.code));
    return {
      ok: true,
      app_id: "A0FAKE",
      access_token: install.botToken,
      token_type: "bot",
      scope: String(args.scope ?? "chat:write,commands,app_mentions:read"),
      bot_user_id: install.botUserId,
      team: install.teamId ? { id: install.teamId, name: `Team ${install.teamId}` } : null,
      enterprise: install.enterpriseId
        ? { id: install.enterpriseId, name: `Org ${install.enterpriseId}` }
        : null,
      is_enterprise_install: install.isEnterpriseInstall === true,
      ...(install.refreshToken
        ? { refresh_token: install.refreshToken, expires_in: install.expiresIn ?? 43_200 }
        : {}),
      authed_user: {
        id: install.userId,
        ...(install.userToken
          ? { access_token: install.userToken, token_type: "user", scope: "search:read" }
          : {}),
      },
    };
  }

  /** Token rotation: a new bot token (and refresh token) for a known refresh token. */
  #refresh(refreshToken: string): Record<string, unknown> {
    const install = [...this.#installs.values()].find((i) => i.refreshToken === refreshToken);
    if (!install?.refreshedBotToken) return { ok: false, error: "invalid_refresh_token" };
    const next: FakeInstall = {
      ...install,
      botToken: install.refreshedBotToken,
      refreshToken: `${refreshToken}-next`,
      refreshedBotToken: undefined,
    };
    this.#installs.set(next.botToken, next);
    return {
      ok: true,
      access_token: next.botToken,
      refresh_token: next.refreshToken,
      expires_in: 43_200,
      token_type: "bot",
      team: install.teamId ? { id: install.teamId } : null,
      enterprise: install.enterpriseId ? { id: install.enterpriseId } : null,
    };
  }

  #script(method: string, s: Scripted, times: number): void {
    const list = this.#scripts.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(s);
    this.#scripts.set(method, list);
  }
}
