/**
 * A real HTTP server on 127.0.0.1 for the feed tests: serves the fixture feeds and pages, honours
 * conditional GETs, and can be told to misbehave per path (down with 5xx, never answer, send an
 * endless body, send HTML). It counts every request so tests can see what was fetched.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Waiters } from "../support/waiters.js";

/** How one path answers. */
export type Route =
  | { kind: "file"; file: string; type: string; etag?: string; lastModified?: string }
  | { kind: "text"; body: string | Buffer; type: string; etag?: string; lastModified?: string }
  | { kind: "status"; status: number; headers?: Record<string, string> }
  | { kind: "hang" }
  | { kind: "endless"; type: string }
  | { kind: "basic-auth"; user: string; password: string; route: Route };

/** The running server. */
export interface FeedServer {
  base: string;
  routes: Map<string, Route>;
  /** Requests received, as "GET /path" with the request's headers. */
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  count(path: string): number;
  /** Resolves once `path` has had `n` requests. */
  waitForRequests(path: string, n: number): Promise<void>;
  close(): Promise<void>;
}

const FIXTURES = "test/fixtures/feeds";

/** The text of a fixture with `{{base}}` filled in. */
export function fixture(name: string, base: string): string {
  return readFileSync(`${FIXTURES}/${name}`, "utf8").replaceAll("{{base}}", base);
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer["requests"] = [];
  const hanging = new Set<ServerResponse>();
  const waiters = new Waiters("feed server");
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push({ path, headers: req.headers });
    waiters.notify();
    answer(routes.get(path), req, res);
  });
  function answer(route: Route | undefined, req: IncomingMessage, res: ServerResponse): void {
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    switch (route.kind) {
      case "status":
        res
          .writeHead(route.status, { "Content-Type": "text/plain", ...route.headers })
          .end(`status ${route.status}`);
        return;
      case "hang":
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      case "endless": {
        res.writeHead(200, { "Content-Type": route.type });
        const chunk = Buffer.alloc(64 * 1024, "<p>lorem ipsum dolor sit amet</p>\n");
        // Bounded: stops by itself after 64 MB even if nobody reads.
        let sent = 0;
        const pump = () => {
          while (sent < 64 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => {});
        pump();
        return;
      }
      case "basic-auth": {
        const expected = `Basic ${Buffer.from(`${route.user}:${route.password}`).toString("base64")}`;
        if (req.headers.authorization !== expected) {
          res.writeHead(401, { "WWW-Authenticate": 'Basic realm="feeds"' }).end();
          return;
        }
        answer(route.route, req, res);
        return;
      }
      case "file":
      case "text": {
        const headers: Record<string, string> = { "Content-Type": route.type };
        if (route.etag) headers.ETag = route.etag;
        if (route.lastModified) headers["Last-Modified"] = route.lastModified;
        const fresh =
          (route.etag && req.headers["if-none-match"] === route.etag) ||
          (!route.etag && route.lastModified && req.headers["if-modified-since"] === route.lastModified);
        if (fresh) {
          res.writeHead(304, headers).end();
          return;
        }
        const body = route.kind === "file" ? fixture(route.file, base) : route.body;
        res.writeHead(200, headers).end(body);
      }
    }
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    routes,
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    waitForRequests: (path, n) =>
      waiters.waitFor(
        () => requests.filter((r) => r.path === path).length >= n,
        10_000,
        `${n} request(s) to ${path}`,
      ),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An address on 127.0.0.1 where nothing listens (connections are refused). */
export async function closedPortUrl(path: string): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

/** The usual routes: the three feeds and the article pages. */
export function serveFixtures(server: FeedServer): void {
  const page = (file: string): Route => ({ kind: "file", file, type: "text/html; charset=utf-8" });
  server.routes.set("/feeds/trade.xml", { kind: "file", file: "rss.xml", type: "application/rss+xml" });
  server.routes.set("/feeds/economy.atom", { kind: "file", file: "atom.xml", type: "application/atom+xml" });
  server.routes.set("/feeds/ledger.rdf", { kind: "file", file: "rdf.xml", type: "application/rdf+xml" });
  server.routes.set("/articles/freedonia-talks.html", page("freedonia-talks.html"));
  server.routes.set("/articles/wool-duties.html", page("wool-duties.html"));
  server.routes.set("/articles/republished.html", page("republished.html"));
}
