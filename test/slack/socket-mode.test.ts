/**
 * Socket Mode end to end: the app opens a connection through `apps.connections.open` (on the fake
 * Web API), receives envelopes over a real WebSocket, acknowledges them, answers once even when
 * Slack re-delivers with `retry_attempt`, and serves /healthz on PORT.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { type RunningSlack, startSlack } from "../../src/slack/start.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { quoted } from "../support/blocks.js";
import { FakeSlack } from "../support/fake-slack.js";
import { FakeSocketMode } from "../support/fake-socket-mode.js";
import { type CapturedLog, captureLogger } from "../support/logger.js";
import { appMention, messageChannels } from "../support/payloads.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const root = join(import.meta.dirname, "../..");
let slack: FakeSlack;
let socket: FakeSocketMode;
let running: RunningSlack;
let store: Store;
let log: CapturedLog;
let dir: string;
let port: number;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const p = (srv.address() as { port: number }).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return p;
}

beforeAll(async () => {
  slack = await FakeSlack.start();
  socket = await FakeSocketMode.start();
  slack.answerWith("apps.connections.open", { url: socket.url });
  dir = mkdtempSync(join(tmpdir(), "tradebot-socket-"));
  store = openStore(join(dir, "test.db"));
  log = captureLogger();
  port = await freePort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_APP_TOKEN: "xapp-1-test-token",
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
  });
  expect(config.mode).toBe("socket");
  const core = createCore(loadKnowledge(join(root, "test/fixtures/seed-kb")));
  const deps: SlackDeps = { core, store, logger: log.logger, now: () => NOW, config };
  running = await startSlack(deps);
  await socket.waitForConnection();
});

afterAll(async () => {
  await running?.stop(2_000);
  await store?.close();
  await socket?.close();
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Socket Mode", () => {
  it("opens the connection with the app-level token", () => {
    const [open] = slack.callsTo("apps.connections.open");
    expect(open?.token).toBe("xapp-1-test-token");
  });

  it("acknowledges an event envelope and answers in the thread; a re-delivery is acknowledged but not answered again", async () => {
    const payload = appMention("EvSOCKET0001", {
      text: "<@UBOT0001> when does the truce expire?",
      ts: "1729850000.000500",
    });
    socket.sendEvent("env-1", payload);
    await socket.waitForAck("env-1");
    const [post] = await slack.waitForCalls("chat.postMessage", 1);
    expect(post?.args.thread_ts).toBe("1729850000.000500");
    expect(post?.args.text).toMatch(/November 2025/);

    socket.sendEvent("env-2", payload, 1, "timeout");
    await socket.waitForAck("env-2");
    await log.waitFor(/ignoring re-delivered event EvSOCKET0001 \(retry 1\)/);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("answers a follow-up in the thread without a mention, and not a remark between people", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const thread = "1729850100.000600";
    socket.sendEvent(
      "env-3",
      appMention("EvSOCKET0003", { text: "<@UBOT0001> when does the truce expire?", ts: thread }),
    );
    await slack.waitForCalls("chat.postMessage", before + 1);
    // The turn is stored just after the answer is posted; a person replies seconds later.
    await vi.waitFor(async () => {
      expect(
        await store.threadTurns({ channelId: "C123ABC456", threadTs: thread }, new Date(0)),
      ).toHaveLength(1);
    });
    const reply = (id: string, ts: string, text: string) =>
      messageChannels(id, {
        text,
        ts,
        event_ts: ts,
        thread_ts: thread,
        channel: "C123ABC456",
        user: "U061F7AUR",
      });
    socket.sendEvent("env-4", reply("EvSOCKET0004", "1729850101.000100", "thanks, I'll tell finance"));
    socket.sendEvent("env-5", reply("EvSOCKET0005", "1729850102.000100", "and the tariff?"));
    await socket.waitForAck("env-4");
    await socket.waitForAck("env-5");
    const posts = await slack.waitForCalls("chat.postMessage", before + 2);
    expect(posts).toHaveLength(before + 2);
    const followUp = posts[before + 1];
    expect(followUp?.args.thread_ts).toBe(thread);
    expect(followUp?.args.text).toMatch(/take effect on Nov\. 1, 2025/);
    expect(quoted(followUp?.args.blocks)).toContain("> He also declared a 100% import surtax");
  });

  it("serves the health check on PORT", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("serves /metrics on PORT, counting the questions answered over the socket", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    // Two mentions (a re-delivery not counted again) and the thread follow-up; not the remark
    // between people.
    expect(await res.text()).toContain('tradebot_questions_total{outcome="answered"} 3');
  });

  it("is ready while connected: /readyz answers 200 with the socket check ok", async () => {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ready: true, checks: { socket: "ok" } });
  });

  it("is not ready (503 with the reason) while Socket Mode reconnects, and ready again once reconnected", async () => {
    // Slack asks the client to reconnect; the client waits a few seconds before it does.
    socket.send({ type: "disconnect", reason: "refresh_requested" });
    const readyz = () => fetch(`http://127.0.0.1:${port}/readyz`);
    let res = await readyz();
    for (let i = 0; i < 100 && res.status === 200; i++) {
      await new Promise((r) => setTimeout(r, 20));
      res = await readyz();
    }
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      ready: false,
      reason: "socket: Socket Mode is not connected",
      checks: { socket: "Socket Mode is not connected" },
    });
    await socket.waitForConnection(20_000);
    for (let i = 0; i < 100 && res.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 50));
      res = await readyz();
    }
    expect(res.status).toBe(200);
  }, 30_000);
});
