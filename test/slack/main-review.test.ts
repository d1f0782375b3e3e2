/**
 * `npm start` with CURATOR_CHANNEL_ID set, as an operator runs it: main.ts in a child process (HTTP
 * mode, the Web API at the fake Slack, the knowledge folder watched) posts the drafts waiting for
 * review to the curators' channel, takes a curator's Accept, and then answers from the new claim.
 */
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/slack/ids.js";
import { FakeSlack } from "../support/fake-slack.js";
import { type Main, spawnMain } from "../support/instances.js";
import { buttonClick, slashCommand } from "../support/payloads.js";
import { TEST_SIGNING_SECRET } from "../support/slack-app.js";
import { sendCommand, sendInteraction } from "../support/slack-requests.js";

const root = join(import.meta.dirname, "../..");
const CHANNEL = "C0CURATORS";
let slack: FakeSlack;
let dir: string;
let child: ChildProcessWithoutNullStreams;
let main: Main;

beforeAll(async () => {
  slack = await FakeSlack.start();
  dir = mkdtempSync(join(tmpdir(), "tradebot-main-review-"));
  cpSync(join(root, "test/fixtures/review-kb"), join(dir, "knowledge"), { recursive: true });
  main = spawnMain(dir, {
    SLACK_BOT_TOKEN: "xoxb-main-test",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    KNOWLEDGE_DIR: join(dir, "knowledge"),
    DATABASE_PATH: join(dir, "tradebot.db"),
    CURATOR_CHANNEL_ID: CHANNEL,
    CURATOR_USER_IDS: "U0CURATOR",
    LOG_LEVEL: "info",
  });
  child = main.child;
});

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor(ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out:\n${main.log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("main.ts with CURATOR_CHANNEL_ID set", () => {
  it("posts the waiting drafts to the curators, takes a curator's Accept, and answers from the claim", async () => {
    const port = await main.listening();
    const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: TEST_SIGNING_SECRET };
    const posts = await slack.waitForCalls("chat.postMessage", 5);
    expect(posts.every((p) => p.args.channel === CHANNEL)).toBe(true);
    expect(String(posts[0]?.args.text)).toMatch(/^New drafts to review: 4 draft claims/);

    const click = {
      ...buttonClick(
        { action_id: ACTIONS.reviewAccept, value: "sylvania-herald-postponed-start-1" },
        { responseUrl: slack.responseUrl(), ephemeral: false, message: { ts: "1.000100", blocks: [] } },
      ),
      user: { id: "U0CURATOR", username: "margaret", name: "margaret", team_id: "T111" },
    };
    expect((await sendInteraction(target, click)).status).toBe(200);
    const [accepted] = await slack.waitForResponses(1);
    expect(JSON.stringify(accepted?.body)).toContain("the bot answers from it now");

    slack.reset();
    await sendCommand(target, slashCommand("when do the wool duties take effect?", slack.responseUrl()));
    const [reply] = await slack.waitForResponses(1);
    expect(String(reply?.body.text)).toContain("July 1, 2031");

    // The accept's reload, the question, the curators' posts are in /metrics; so is a bad edit, refused.
    writeFileSync(join(dir, "knowledge/claims/broken.yml"), "- id: [unclosed\n");
    await waitFor(() => /knowledge change refused/.test(main.log()));
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const value = (name: string) =>
      Number(
        metrics
          .split("\n")
          .find((l) => l.startsWith(`${name} `))
          ?.split(" ")[1],
      );
    expect(value('tradebot_knowledge_changes_total{outcome="reloaded"}')).toBeGreaterThanOrEqual(1);
    expect(value('tradebot_knowledge_changes_total{outcome="refused"}')).toBe(1);
    expect(value('tradebot_questions_total{outcome="answered"}')).toBe(1);
    expect(
      value('tradebot_slack_api_calls_total{method="chat.postMessage",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(5);

    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
