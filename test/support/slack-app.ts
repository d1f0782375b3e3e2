/**
 * Starts the real Slack app in HTTP mode for a test: the real core over the seed knowledge (a
 * frozen copy, test/fixtures/seed-kb), a real SQLite store in a temporary folder, a signing
 * secret, the Web API pointed at a `FakeSlack`. Only the clock is pinned.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createCore } from "../../src/answer/core.js";
import type { Core } from "../../src/answer/types.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
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
  /** Stops the app, closes the store, removes the temporary folder. */
  close(): Promise<void>;
}

let knowledge: ReturnType<typeof loadKnowledge> | undefined;

/** Starts the app against `slack`, at the pinned time `now`. */
export async function startTestSlackApp(
  slack: FakeSlack,
  opts: { now: Date; wrapStore?: (s: Store) => Store; env?: Record<string, string> },
): Promise<TestSlackApp> {
  knowledge ??= loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
  const core = createCore(knowledge);
  const dir = mkdtempSync(join(tmpdir(), "tradebot-slack-"));
  const realStore = openStore(join(dir, "test.db"));
  const store = opts.wrapStore ? opts.wrapStore(realStore) : realStore;
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    DATABASE_PATH: join(dir, "test.db"),
    ...opts.env,
  });
  const log = captureLogger();
  const deps: SlackDeps = { core, store, logger: log.logger, now: () => opts.now, config };
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
    async close() {
      await running.stop(2_000);
      realStore.close();
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
