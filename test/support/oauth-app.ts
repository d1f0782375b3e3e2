/**
 * Starts the real Slack app in OAuth mode ("install in any workspace") for a test: HTTP on a free
 * port, a real SQLite store in a temporary folder, Bolt's installer on /slack/install, the Web API
 * (and oauth.v2.access) pointed at a `FakeSlack`. No SLACK_BOT_TOKEN: every token comes from an install.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCore } from "../../src/answer/core.js";
import type { Core } from "../../src/answer/types.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { type RunningSlack, startSlack } from "../../src/slack/start.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import type { FakeSlack } from "./fake-slack.js";
import { type CapturedLog, captureLogger } from "./logger.js";
import { TEST_SIGNING_SECRET } from "./slack-app.js";
import type { Target } from "./slack-requests.js";

/** The OAuth credentials the test app and `FakeSlack` share. */
export const TEST_CLIENT = { id: "1111.2222", secret: "fake-client-secret" };
/** The test's token encryption key (64 hex characters). */
export const TEST_ENCRYPTION_KEY = "7f".repeat(32);
/** The authorize page the install path redirects to. */
export const TEST_AUTHORIZE_URL = "https://slack.test/oauth/v2/authorize";

/** A running OAuth test app. */
export interface OAuthTestApp {
  target: Target;
  baseUrl: string;
  deps: SlackDeps;
  store: Store;
  dbPath: string;
  log: CapturedLog;
  running: RunningSlack;
  close(): Promise<void>;
}

let core: Core | undefined;

/** Starts the app in OAuth mode against `slack` at the pinned time `now`. */
export async function startOAuthTestApp(slack: FakeSlack, opts: { now: Date }): Promise<OAuthTestApp> {
  const dir = mkdtempSync(join(tmpdir(), "tradebot-oauth-"));
  const dbPath = join(dir, "test.db");
  const log = captureLogger();
  core ??= createCore(loadedKb());
  const store = openStore(dbPath);
  const config = loadConfig({
    SLACK_CLIENT_ID: TEST_CLIENT.id,
    SLACK_CLIENT_SECRET: TEST_CLIENT.secret,
    SLACK_STATE_SECRET: "a-long-random-state-secret-for-tests",
    TOKEN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_AUTHORIZE_URL: TEST_AUTHORIZE_URL,
    PORT: "0",
    DATABASE_PATH: dbPath,
  });
  const knowledge = loadedKb;
  const deps: SlackDeps = {
    core,
    store,
    logger: log.logger,
    now: () => opts.now,
    config,
    installations: store,
    briefings: { store, knowledge },
    watches: { store, knowledge },
  };
  const running = await startSlack(deps, { retry: { minTimeout: 10, maxTimeout: 50, randomize: false } });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    target: { url: `${baseUrl}/slack/events`, signingSecret: TEST_SIGNING_SECRET },
    baseUrl,
    deps,
    store,
    dbPath,
    log,
    running,
    async close() {
      await running.stop(2_000);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let kb: ReturnType<typeof loadKnowledge> | undefined;
function loadedKb() {
  kb ??= loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
  return kb;
}
