/**
 * `/metrics` and `/readyz` on the running app, scraped after real signed requests: questions
 * answered and refused, the answer latency, Slack API errors and 429s, requests refused before
 * Bolt or acknowledged by the catch-all; readiness failing with a JSON reason.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/sqlite.js";
import { storeCheck } from "../../src/telemetry/readiness.js";
import { appMention, buttonClick, messageIm } from "../support/payloads.js";
import { useTestSlackApp } from "../support/slack-app.js";
import { sendEvent, sendInteraction, sendRaw } from "../support/slack-requests.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });
let seq = 0;
const eventId = () => `EvTELE${String(++seq).padStart(6, "0")}`;

async function scrape(): Promise<{ type: string; text: string }> {
  const res = await fetch(`${world.app.baseUrl}/metrics`);
  expect(res.status).toBe(200);
  return { type: res.headers.get("content-type") ?? "", text: await res.text() };
}

/** The value of one sample line, e.g. `tradebot_questions_total{outcome="answered"}`; 0 when absent. */
function sample(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

describe("/metrics", () => {
  it("counts questions answered and refused, with the answer latency, after real signed events", async () => {
    const before = (await scrape()).text;
    await sendEvent(
      world.app.target,
      appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?" }),
    );
    await sendEvent(
      world.app.target,
      messageIm(eventId(), { text: "how are banana exports from Peru doing?" }),
    );
    await world.slack.waitForCalls("chat.postMessage", 2);
    const { type, text } = await scrape();
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const d = (name: string) => sample(text, name) - sample(before, name);
    expect(d('tradebot_questions_total{outcome="answered"}')).toBe(1);
    expect(d('tradebot_questions_total{outcome="refused"}')).toBe(1);
    expect(d("tradebot_answer_duration_seconds_count")).toBe(2);
    expect(sample(text, "tradebot_answer_duration_seconds_sum")).toBeGreaterThan(0);
    expect(d('tradebot_slack_api_calls_total{method="chat.postMessage",outcome="ok"}')).toBe(2);
    expect(text).toContain("# TYPE tradebot_answer_duration_seconds histogram");
    expect(text).toContain('tradebot_briefings_total{outcome="posted"} 0');
  });

  it("counts a 429 and a platform error from Slack by method", async () => {
    const before = (await scrape()).text;
    world.slack.rateLimitNext("chat.postMessage", 1);
    await sendEvent(
      world.app.target,
      appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?" }),
    );
    await world.slack.waitForCalls("chat.postMessage", 2);
    world.slack.failNext("chat.postMessage", "not_in_channel");
    await sendEvent(
      world.app.target,
      appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?" }),
    );
    await world.app.log.waitFor(/could not post to C123ABC456: not_in_channel/);
    const { text } = await scrape();
    const d = (name: string) => sample(text, name) - sample(before, name);
    expect(d('tradebot_slack_api_rate_limited_total{method="chat.postMessage"}')).toBe(1);
    expect(d('tradebot_slack_api_calls_total{method="chat.postMessage",outcome="not_in_channel"}')).toBe(1);
    expect(d('tradebot_slack_api_errors_total{method="chat.postMessage"}')).toBe(2);
  });

  it("counts requests refused before Bolt and the ones only the catch-all acknowledged", async () => {
    const before = (await scrape()).text;
    expect((await sendRaw(world.app.target, "null", "application/json")).status).toBe(400);
    await sendInteraction(
      world.app.target,
      buttonClick({ action_id: "nobody_listens", value: "x" }, { responseUrl: world.slack.responseUrl() }),
    );
    await world.app.log.waitFor(/no listener handled block_actions nobody_listens/);
    const { text } = await scrape();
    const d = (name: string) => sample(text, name) - sample(before, name);
    expect(d('tradebot_requests_refused_total{reason="not_an_object"}')).toBe(1);
    expect(d('tradebot_requests_unhandled_total{type="block_actions"}')).toBe(1);
  });

  it("never shows the tokens or the signing secret", async () => {
    const { text } = await scrape();
    expect(text).not.toMatch(/xoxb-|xapp-/);
    expect(text).not.toContain(world.app.target.signingSecret);
  });
});

describe("/readyz", () => {
  it("is 200 with every check ok, and 503 with a JSON reason when the store does not answer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tradebot-ready-"));
    const store = openStore(join(dir, "probe.db"));
    const readiness = world.app.running.telemetry.readiness;
    try {
      readiness.add(
        "store",
        storeCheck(() => store.getSubscription("readiness-probe")),
      );
      const ok = await fetch(`${world.app.baseUrl}/readyz`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ready: true, checks: { store: "ok" } });
      await store.close();
      const down = await fetch(`${world.app.baseUrl}/readyz`);
      expect(down.status).toBe(503);
      const body = (await down.json()) as { ready: boolean; reason: string; checks: Record<string, string> };
      expect(body.ready).toBe(false);
      expect(body.reason).toMatch(/^store: /);
      expect(body.checks.store).not.toBe("ok");
      // Liveness is not readiness: /healthz still says the process is up.
      expect((await fetch(`${world.app.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      readiness.add("store", () => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
