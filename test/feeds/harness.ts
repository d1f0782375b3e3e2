/**
 * The feed tests' world: a real HTTP server, a temporary knowledge folder (a copy of the valid
 * fixture), a fresh database (SQLite, or PostgreSQL when asked), a clock the test moves, a captured
 * log, and pollers over them.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { parse } from "yaml";
import { knowledgeIngest } from "../../src/feeds/ingest.js";
import { createFeedPoller, type FeedPoller, type FeedPollerDeps } from "../../src/feeds/poller.js";
import type { FeedArticle, Ingest } from "../../src/feeds/types.js";
import { type CapturedLog, captureLogger } from "../support/logger.js";
import { type StoreBackend, useFreshDatabase } from "../support/store-backends.js";
import { type FeedServer, serveFixtures, startFeedServer } from "./server.js";

/** Everything a feed test touches. */
export interface FeedWorld {
  server: FeedServer;
  dir: string;
  knowledgeDir: string;
  log: CapturedLog;
  /** Articles handed to ingest, in order. */
  ingested: FeedArticle[];
  /** The test's clock. */
  now: Date;
  advanceMinutes(minutes: number): void;
  /** A poller over `feeds` (paths on the server or full addresses), a new store on the same database each time. */
  poller(feeds: string[], options?: Partial<FeedPollerDeps>): Promise<FeedPoller>;
  /** The source ids in the knowledge folder that came from feeds. */
  feedSources(): string[];
  sourceMeta(id: string): Record<string, unknown>;
  sourceText(id: string): string;
}

/** Sets up a fresh world before each test, its store on `backend` (SQLite by default), and tears it down after. */
export function useFeedWorld(backend: StoreBackend = { name: "SQLite", kind: "sqlite" }): FeedWorld {
  const world = {} as FeedWorld;
  const db = useFreshDatabase(backend);
  const pollers: FeedPoller[] = [];
  beforeEach(async () => {
    const server = await startFeedServer();
    serveFixtures(server);
    const dir = mkdtempSync(join(tmpdir(), "tradebot-feeds-"));
    const knowledgeDir = join(dir, "knowledge");
    cpSync("test/fixtures/knowledge-valid", knowledgeDir, { recursive: true });
    const original = new Set(readdirSync(join(knowledgeDir, "sources")));
    const log = captureLogger();
    const ingested: FeedArticle[] = [];
    const toKnowledge = knowledgeIngest(knowledgeDir);
    const recording: Ingest = async (article) => {
      const result = await toKnowledge(article);
      ingested.push(article);
      return result;
    };
    Object.assign(world, {
      server,
      dir,
      knowledgeDir,
      log,
      ingested,
      now: new Date("2031-03-14T12:00:00Z"),
      advanceMinutes(minutes: number) {
        world.now = new Date(world.now.getTime() + minutes * 60_000);
      },
      async poller(feeds: string[], options: Partial<FeedPollerDeps> = {}) {
        const store = await db.open();
        const poller = createFeedPoller({
          feeds: feeds.map((f) => (f.startsWith("/") ? `${server.base}${f}` : f)),
          store,
          ingest: recording,
          fetch: (url, init) => fetch(url, init),
          now: () => world.now,
          logger: log.logger,
          pollMinutes: 30,
          // Generous: a loaded machine must not turn a good fetch into a failure; timeout tests set their own.
          timeoutMs: 10_000,
          ...options,
        });
        pollers.push(poller);
        return poller;
      },
      feedSources() {
        return readdirSync(join(knowledgeDir, "sources"))
          .filter((n) => n.endsWith(".yml") && !original.has(n))
          .map((n) => n.replace(/\.yml$/, ""))
          .sort();
      },
      sourceMeta(id: string) {
        return parse(readFileSync(join(knowledgeDir, "sources", `${id}.yml`), "utf8")) as Record<
          string,
          unknown
        >;
      },
      sourceText(id: string) {
        const file = join(knowledgeDir, "sources", `${id}.txt`);
        return existsSync(file) ? readFileSync(file, "utf8") : "";
      },
    });
  });
  afterEach(async () => {
    for (const p of pollers.splice(0)) await p.stop();
    await world.server.close();
    rmSync(world.dir, { recursive: true, force: true });
  });
  return world;
}
