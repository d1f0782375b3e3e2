/**
 * Starts the real Slack app in HTTP mode for a test: the real core over the seed knowledge (a
 * frozen copy, test/fixtures/seed-kb), a real SQLite store in a temporary folder, a signing
 * secret, the Web API pointed at a `FakeSlack`. Only the clock is pinned.
 *
 * With `knowledge` (a fixture folder), the app runs as `main.ts` runs it instead: over a copy of
 * that folder, watched and hot-reloaded, with the review buttons writing into it.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createCore } from "../../src/answer/core.js";
import type { Core } from "../../src/answer/types.js";
import { loadConfig } from "../../src/config.js";
import { KnowledgeHolder } from "../../src/knowledge/holder.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { type KnowledgeWatcher, watchKnowledge } from "../../src/knowledge/watch.js";
import type { Logger } from "../../src/log.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { type RunningSlack, startSlack } from "../../src/slack/start.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { FakeSlack } from "./fake-slack.js";
import { type CapturedLog, captureLogger } from "./logger.js";
import type { Target } from "./slack-requests.js";

/** The signing secret test apps use. */
export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** A running test app. */
export interface TestSlackApp {
  /** Where to send signed requests. */
  target: Target;
  /** The app's base URL (for /healthz). */
  baseUrl: string;
  deps: SlackDeps;
  core: Core;
  store: Store;
  log: CapturedLog;
  running: RunningSlack;
  /** With the `knowledge` option: the copy of the folder it serves, and what it serves from it now. */
  knowledgeDir?: string;
  holder?: KnowledgeHolder;
  /** Stops the app, closes the store, removes the temporary folder. */
  close(): Promise<void>;
}

let knowledge: ReturnType<typeof loadKnowledge> | undefined;

/** Starts the app against `slack`, at the pinned time `now`. */
export async function startTestSlackApp(
  slack: FakeSlack,
  opts: {
    now: Date;
    wrapStore?: (s: Store) => Store;
    /** Another store than SQLite in the temporary folder (PostgreSQL, say), given the app's logger. */
    openStore?: (logger: Logger) => Promise<Store>;
    env?: Record<string, string>;
    knowledge?: string;
  },
): Promise<TestSlackApp> {
  const dir = mkdtempSync(join(tmpdir(), "tradebot-slack-"));
  const log = captureLogger();
  let core: Core;
  let holder: KnowledgeHolder | undefined;
  let watcher: KnowledgeWatcher | undefined;
  const knowledgeDir = opts.knowledge ? join(dir, "knowledge") : undefined;
  if (opts.knowledge && knowledgeDir) {
    cpSync(opts.knowledge, knowledgeDir, { recursive: true });
    holder = new KnowledgeHolder(loadKnowledge(knowledgeDir), createCore);
    watcher = watchKnowledge({ dir: knowledgeDir, holder, log: log.logger, debounceMs: 50, pollMs: 0 });
    core = holder;
  } else {
    knowledge ??= loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
    core = createCore(knowledge);
  }
  const realStore = opts.openStore ? await opts.openStore(log.logger) : openStore(join(dir, "test.db"));
  const store = opts.wrapStore ? opts.wrapStore(realStore) : realStore;
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    DATABASE_PATH: join(dir, "test.db"),
    ...(knowledgeDir ? { KNOWLEDGE_DIR: knowledgeDir } : {}),
    ...opts.env,
  });
  const deps: SlackDeps = { core, store, logger: log.logger, now: () => opts.now, config };
  const served = holder;
  deps.watches = { store, knowledge: () => (served ? served.snapshot().kb : (knowledge as KnowledgeBase)) };
  if (holder && watcher && knowledgeDir) {
    const [h, w] = [holder, watcher];
    deps.review = { dir: knowledgeDir, reload: () => void w.reload(), served: () => h.snapshot().kb };
  }
  // Short back-off so a retried call does not slow the suite; Retry-After is still honoured.
  const running = await startSlack(deps, { retry: { minTimeout: 10, maxTimeout: 50, randomize: false } });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    target: { url: `${baseUrl}/slack/events`, signingSecret: TEST_SIGNING_SECRET },
    baseUrl,
    deps,
    core,
    store: realStore,
    log,
    running,
    ...(knowledgeDir && holder ? { knowledgeDir, holder } : {}),
    async close() {
      watcher?.close();
      await running.stop(2_000);
      await realStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the hooks the HTTP test files share: one fake Slack and one app started at the pinned
 * time `now` for the whole file, the fake's records cleared after each test, both closed at the end.
 */
export function useTestSlackApp(opts: { now: Date }): {
  readonly slack: FakeSlack;
  readonly app: TestSlackApp;
} {
  let slack: FakeSlack | undefined;
  let app: TestSlackApp | undefined;
  beforeAll(async () => {
    slack = await FakeSlack.start();
    app = await startTestSlackApp(slack, opts);
  });
  afterEach(() => slack?.reset());
  afterAll(async () => {
    await app?.close();
    await slack?.close();
  });
  return {
    get slack() {
      if (!slack) throw new Error("the fake Slack is not started yet");
      return slack;
    },
    get app() {
      if (!app) throw new Error("the test app is not started yet");
      return app;
    },
  };
}
