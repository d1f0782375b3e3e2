/**
 * The assistant panel and the Workflow Builder steps over the real Socket Mode WebSocket: the
 * envelope is acknowledged, `assistant_thread_started` sets suggested prompts, a question in the
 * thread gets a status and a cited answer, and `function_executed` completes with its outputs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { FUNCTIONS } from "../../src/slack/ids.js";
import { type RunningSlack, startSlack } from "../../src/slack/start.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { quoted } from "../support/blocks.js";
import { FakeSlack } from "../support/fake-slack.js";
import { FakeSocketMode } from "../support/fake-socket-mode.js";
import { captureLogger } from "../support/logger.js";
import { messageIm } from "../support/payloads.js";
import { assistantThreadStarted, functionExecuted } from "../support/surface-payloads.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const root = join(import.meta.dirname, "../..");
let slack: FakeSlack;
let socket: FakeSocketMode;
let running: RunningSlack;
let store: Store;
let dir: string;

beforeAll(async () => {
  slack = await FakeSlack.start();
  socket = await FakeSocketMode.start();
  slack.answerWith("apps.connections.open", { url: socket.url });
  dir = mkdtempSync(join(tmpdir(), "tradebot-socket-surfaces-"));
  store = openStore(join(dir, "test.db"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_APP_TOKEN: "xapp-1-test-token",
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
  });
  const core = createCore(loadKnowledge(join(root, "test/fixtures/seed-kb")));
  const deps: SlackDeps = { core, store, logger: captureLogger().logger, now: () => NOW, config };
  running = await startSlack(deps);
  await socket.waitForConnection();
});

afterAll(async () => {
  await running?.stop(2_000);
  store?.close();
  await socket?.close();
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Slack's native surfaces over Socket Mode", () => {
  it("sets suggested prompts when the assistant panel opens, then answers a question in its thread with a status", async () => {
    const thread = "1729999327.187299";
    socket.sendEvent(
      "env-a1",
      assistantThreadStarted("EvSOCKAST01", { channel_id: "D123ABC456", thread_ts: thread }),
    );
    await socket.waitForAck("env-a1");
    const [prompts] = await slack.waitForCalls("assistant.threads.setSuggestedPrompts", 1);
    expect(prompts?.args.thread_ts).toBe(thread);
    expect((prompts?.args.prompts as unknown[] | undefined)?.length).toBeGreaterThan(0);

    socket.sendEvent(
      "env-a2",
      messageIm("EvSOCKAST02", {
        channel: "D123ABC456",
        user: "U123ABC456",
        text: "when does the truce expire?",
        ts: "1729999400.000100",
        thread_ts: thread,
      }),
    );
    await socket.waitForAck("env-a2");
    const [post] = await slack.waitForCalls("chat.postMessage", 1);
    expect(slack.callsTo("assistant.threads.setStatus")).toHaveLength(1);
    expect(post?.args.thread_ts).toBe(thread);
    expect(quoted(post?.args.blocks)).toBe("> That agreement is set to expire in November.");
  });

  it("acknowledges function_executed and completes the step with its outputs", async () => {
    socket.sendEvent(
      "env-f1",
      functionExecuted("EvSOCKFUN01", {
        callbackId: FUNCTIONS.ask,
        inputs: { question: "when does the truce expire?" },
        executionId: "Fx0SOCK0001",
        botAccessToken: "xwfp-socket-token",
      }),
    );
    await socket.waitForAck("env-f1");
    const [done] = await slack.waitForCalls("functions.completeSuccess", 1);
    expect(done?.token).toBe("xwfp-socket-token");
    expect(done?.args.function_execution_id).toBe("Fx0SOCK0001");
    expect((done?.args.outputs as Record<string, string> | undefined)?.quote).toBe(
      "That agreement is set to expire in November.",
    );
  });
});
