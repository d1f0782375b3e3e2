/**
 * `npm start` in HTTP mode, as an operator runs it: main.ts in a child process with a bot token
 * and signing secret, the Web API at the fake Slack. It serves /healthz and signed commands, and on
 * SIGTERM finishes and exits 0.
 */
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.js";
import { type Main, SEED_KB, spawnMain } from "../support/instances.js";
import { slashCommand } from "../support/payloads.js";
import { TEST_SIGNING_SECRET } from "../support/slack-app.js";
import { sendCommand } from "../support/slack-requests.js";

let slack: FakeSlack;
let dir: string;
let child: ChildProcessWithoutNullStreams;
let main: Main;

beforeAll(async () => {
  slack = await FakeSlack.start();
  dir = mkdtempSync(join(tmpdir(), "tradebot-main-"));
  main = spawnMain(dir, {
    SLACK_BOT_TOKEN: "xoxb-main-test",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    KNOWLEDGE_DIR: SEED_KB,
    KNOWLEDGE_WATCH: "false",
    DATABASE_PATH: join(dir, "tradebot.db"),
    LOG_LEVEL: "info",
  });
  child = main.child;
});

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("main.ts in HTTP mode", () => {
  it("checks the token, serves signed commands and /healthz, then drains and exits 0 on SIGTERM", async () => {
    const port = await main.listening();
    expect(slack.callsTo("auth.test")[0]?.token).toBe("xoxb-main-test");
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // Ready once the store answers and the briefing scheduler has ticked (it ticks at start).
    let ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    for (let i = 0; i < 50 && ready.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    }
    expect(await ready.json()).toEqual({ ready: true, checks: { store: "ok", scheduler: "ok" } });
    const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: TEST_SIGNING_SECRET };
    const res = await sendCommand(target, slashCommand("status", slack.responseUrl()));
    expect(res.status).toBe(200);
    const [reply] = await slack.waitForResponses(1);
    expect(String(reply?.body.text)).toMatch(/^Trade talks status/);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('tradebot_knowledge_changes_total{outcome="refused"} 0');
    expect(metrics).toContain("tradebot_process_resident_memory_bytes");

    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(main.log()).toContain("SIGTERM: finishing replies in progress, then exiting");
    expect(main.log()).not.toContain("xoxb-main-test");
  });
});
