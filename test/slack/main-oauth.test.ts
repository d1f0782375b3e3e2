/**
 * `npm start` installed in any workspace, as an operator runs it: main.ts in a child process with
 * the OAuth variables and no SLACK_BOT_TOKEN, the Web API (and oauth.v2.access) at the fake Slack,
 * debug logging. A workspace installs through /slack/install, its question is answered with its
 * own token, the log never shows a token or secret, and SIGTERM exits 0.
 */
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.js";
import { type Main, SEED_KB, spawnMain } from "../support/instances.js";
import { TEST_CLIENT, TEST_ENCRYPTION_KEY } from "../support/oauth-app.js";
import { appMention } from "../support/payloads.js";
import { TEST_SIGNING_SECRET } from "../support/slack-app.js";
import { sendEvent } from "../support/slack-requests.js";

const STATE_SECRET = "main-test-state-secret-Qz8-long";
const BOT_TOKEN = "xoxb-main-oauth-team-SecretPart";
let slack: FakeSlack;
let dir: string;
let child: ChildProcessWithoutNullStreams;
let main: Main;

beforeAll(async () => {
  slack = await FakeSlack.start({ clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret });
  dir = mkdtempSync(join(tmpdir(), "tradebot-main-oauth-"));
  main = spawnMain(dir, {
    SLACK_CLIENT_ID: TEST_CLIENT.id,
    SLACK_CLIENT_SECRET: TEST_CLIENT.secret,
    SLACK_STATE_SECRET: STATE_SECRET,
    TOKEN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    KNOWLEDGE_DIR: SEED_KB,
    KNOWLEDGE_WATCH: "false",
    DATABASE_PATH: join(dir, "tradebot.db"),
    LOG_LEVEL: "debug",
  });
  child = main.child;
});

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("main.ts installed in any workspace", () => {
  it("installs a workspace, answers it with its own token, logs no secret, and exits 0 on SIGTERM", async () => {
    const port = await main.listening(
      /listening for Slack on http:\/\/[^:]+:(\d+)\/slack\/events for any workspace/,
    );
    const base = `http://127.0.0.1:${port}`;
    expect(slack.callsTo("auth.test")).toHaveLength(0); // no token of its own to check
    slack.addInstall("main-code", {
      teamId: "TMAIN0001",
      botToken: BOT_TOKEN,
      botUserId: "UBOTMAIN",
      botId: "BBOTMAIN",
      userId: "UINSTALLER",
    });
    const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
    expect(start.status).toBe(302);
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const done = await fetch(
      `${base}/slack/oauth_redirect?code=main-code&state=${encodeURIComponent(state)}`,
      {
        redirect: "manual",
        headers: { cookie },
      },
    );
    expect(done.status).toBe(200);

    const envelope = appMention("EvMain1", {
      text: "<@UBOTMAIN> when does the truce end?",
      channel: "CMAIN",
    });
    const res = await sendEvent(
      { url: `${base}/slack/events`, signingSecret: TEST_SIGNING_SECRET },
      {
        ...envelope,
        team_id: "TMAIN0001",
        authorizations: [
          { team_id: "TMAIN0001", user_id: "UBOTMAIN", is_bot: true, is_enterprise_install: false },
        ],
      },
    );
    expect(res.status).toBe(200);
    const [post] = await slack.waitForCalls("chat.postMessage", 1);
    expect(post?.token).toBe(BOT_TOKEN);

    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(main.log()).toContain("DEBUG"); // debug lines were written, and still hide:
    for (const secret of [
      "main-oauth-team-SecretPart",
      TEST_CLIENT.secret,
      STATE_SECRET,
      TEST_ENCRYPTION_KEY,
    ])
      expect(main.log()).not.toContain(secret);
  });
});
