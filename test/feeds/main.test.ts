/**
 * `npm start` with FEEDS set, as an operator runs it: main.ts in a child process (HTTP mode, the
 * Web API at the fake Slack) polls the feeds, adds the new article to its knowledge folder, and on
 * SIGTERM stops polling, even with a request to a feed still waiting for an answer, and exits 0.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.js";
import { TEST_SIGNING_SECRET } from "../support/slack-app.js";
import { type FeedServer, serveFixtures, startFeedServer } from "./server.js";

const root = join(import.meta.dirname, "../..");
let slack: FakeSlack;
let feeds: FeedServer;
let dir: string;
let child: ChildProcessWithoutNullStreams;
let stderr = "";

beforeAll(async () => {
  slack = await FakeSlack.start();
  feeds = await startFeedServer();
  serveFixtures(feeds);
  feeds.routes.set("/feeds/slow.xml", { kind: "hang" });
  dir = mkdtempSync(join(tmpdir(), "tradebot-main-feeds-"));
  cpSync("test/fixtures/knowledge-valid", join(dir, "knowledge"), { recursive: true });
  const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
  child = spawn(process.execPath, ["--import", tsx, join(root, "src/main.ts")], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: "xoxb-main-test",
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      KNOWLEDGE_DIR: join(dir, "knowledge"),
      KNOWLEDGE_WATCH: "false",
      DATABASE_PATH: join(dir, "tradebot.db"),
      FEEDS: `${feeds.base}/feeds/economy.atom ${feeds.base}/feeds/slow.xml`,
      LOG_LEVEL: "info",
    },
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
});

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await feeds.close();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

function waitForLog(pattern: RegExp, timeoutMs = 20_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (pattern.test(stderr)) return resolve();
    const timer = setTimeout(
      () => reject(new Error(`no log line matched ${pattern}:\n${stderr}`)),
      timeoutMs,
    );
    child.stderr.on("data", () => {
      if (!pattern.test(stderr)) return;
      clearTimeout(timer);
      resolve();
    });
    child.on("exit", () => reject(new Error(`main.ts exited:\n${stderr}`)));
  });
}

describe("main.ts with FEEDS set", () => {
  it("polls the feeds into its knowledge folder and stops polling on SIGTERM", async () => {
    await waitForLog(/item "Sylvania Warns of Wool Shortage as April Duties Near" added as source/);
    expect(
      existsSync(join(dir, "knowledge", "sources", "sylvania-warns-wool-shortage-april-duties.yml")),
    ).toBe(true);
    expect(stderr).toMatch(/polling 2 feed\(s\) every 30 min at most/);
    await feeds.waitForRequests("/feeds/slow.xml", 1);

    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/stopped/);
    expect(stderr).not.toMatch(/slow\.xml failed/);
  });
});
