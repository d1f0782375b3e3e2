/**
 * `npm start` in HTTP mode, as an operator runs it: main.ts in a child process with a bot token
 * and signing secret, the Web API at the fake Slack. It serves /healthz and signed commands, and on
 * SIGTERM finishes and exits 0.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.js";
import { slashCommand } from "../support/payloads.js";
import { TEST_SIGNING_SECRET } from "../support/slack-app.js";
import { sendCommand } from "../support/slack-requests.js";

const root = join(import.meta.dirname, "../..");
let slack: FakeSlack;
let dir: string;
let child: ChildProcessWithoutNullStreams;
let stderr = "";

beforeAll(async () => {
  slack = await FakeSlack.start();
  dir = mkdtempSync(join(tmpdir(), "tradebot-main-"));
  const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
  child = spawn(process.execPath, ["--import", tsx, join(root, "src/main.ts")], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: "xoxb-main-test",
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      KNOWLEDGE_DIR: join(root, "test/fixtures/seed-kb"),
      KNOWLEDGE_WATCH: "false",
      DATABASE_PATH: join(dir, "tradebot.db"),
      LOG_LEVEL: "info",
    },
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
});

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function listeningPort(timeoutMs = 15_000): Promise<number> {
  const found = () => /listening for Slack on http:\/\/[^:]+:(\d+)\/slack\/events/.exec(stderr)?.[1];
  await new Promise<void>((resolve, reject) => {
    if (found()) return resolve();
    const timer = setTimeout(() => reject(new Error(`main.ts did not start:\n${stderr}`)), timeoutMs);
    child.stderr.on("data", () => {
      if (!found()) return;
      clearTimeout(timer);
      resolve();
    });
    child.on("exit", () => reject(new Error(`main.ts exited:\n${stderr}`)));
  });
  return Number(found());
}

describe("main.ts in HTTP mode", () => {
  it("checks the token, serves signed commands and /healthz, then drains and exits 0 on SIGTERM", async () => {
    const port = await listeningPort();
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
    expect(stderr).toContain("SIGTERM: finishing replies in progress, then exiting");
    expect(stderr).not.toContain("xoxb-main-test");
  });
});
