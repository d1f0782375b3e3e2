/**
 * JSON logs of the running app in HTTP mode (as in production): real signed requests, and every
 * line written while one is handled carries its event id, team, channel and the knowledge version;
 * no line holds the bot token or the signing secret, at debug level too.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { createLogger } from "../../src/log.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { type RunningSlack, startSlack } from "../../src/slack/start.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { FakeSlack } from "../support/fake-slack.js";
import { appMention, buttonClick } from "../support/payloads.js";
import { sendEvent, sendInteraction } from "../support/slack-requests.js";

const root = join(import.meta.dirname, "../..");
const BOT = "xoxb-json-logs-0123456789";
const SECRET = "0123456789abcdef0123456789abcdef";
const lines: string[] = [];
let slack: FakeSlack;
let running: RunningSlack;
let store: Store;
let dir: string;
let target: { url: string; signingSecret: string };
let kbVersion: string;

beforeAll(async () => {
  slack = await FakeSlack.start();
  dir = mkdtempSync(join(tmpdir(), "tradebot-jsonlog-"));
  store = openStore(join(dir, "test.db"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    NODE_ENV: "production",
    LOG_LEVEL: "debug",
  });
  expect(config.logFormat).toBe("json");
  const core = createCore(loadKnowledge(join(root, "test/fixtures/seed-kb")));
  kbVersion = core.kbVersion();
  const logger = createLogger(config.logLevel, (l) => lines.push(l), {
    format: config.logFormat,
    fields: () => ({ kbVersion: core.kbVersion() }),
    secrets: [BOT, SECRET],
  });
  const deps: SlackDeps = { core, store, logger, now: () => new Date("2025-10-25T12:00:00Z"), config };
  running = await startSlack(deps);
  target = { url: `http://127.0.0.1:${running.port}/slack/events`, signingSecret: SECRET };
});

afterAll(async () => {
  await running?.stop(2_000);
  await store?.close();
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

async function lineMatching(re: RegExp): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const hit = parsed().find((l) => re.test(String(l.msg)));
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no line matched ${re}:\n${lines.join("\n")}`);
}

describe("JSON logs in HTTP mode", () => {
  it("give a re-delivered event's line its event id, team, channel and knowledge version", async () => {
    const envelope = appMention("EvJSONLOG0001", { text: "<@UBOT0001> when does the truce expire?" });
    await sendEvent(target, envelope);
    await slack.waitForCalls("chat.postMessage", 1);
    await sendEvent(
      { ...target, extraHeaders: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" } },
      envelope,
    );
    const line = await lineMatching(/ignoring re-delivered event EvJSONLOG0001/);
    expect(line).toMatchObject({
      level: "info",
      eventId: "EvJSONLOG0001",
      team: String(envelope.team_id),
      channel: String(envelope.event.channel),
      kbVersion,
    });
  });

  it("give an interaction's line its team, channel and user", async () => {
    await sendInteraction(
      target,
      buttonClick({ action_id: "old_button", value: "x" }, { responseUrl: slack.responseUrl() }),
    );
    const line = await lineMatching(/no listener handled block_actions old_button/);
    expect(line).toMatchObject({
      level: "warn",
      team: expect.any(String),
      user: expect.any(String),
      kbVersion,
    });
    expect(line.eventId).toBeUndefined();
  });

  it("never hold the bot token or the signing secret, in any line", () => {
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join("\n");
    expect(all).not.toContain(BOT);
    expect(all).not.toContain(SECRET);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });
});
