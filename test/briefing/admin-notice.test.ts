/**
 * A briefing that will not be posted reaches ADMIN_CHANNEL_ID (as .env.example promises), and the
 * running scheduler feeds the metrics and the "ticked recently" readiness check. The briefings are
 * started as main.ts starts them, against the fake Slack, on a fake clock.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startBriefings } from "../../src/slack/briefings.js";
import { createTelemetry } from "../../src/telemetry/index.js";
import { FakeClock, knowledge, memoryLogger, subscribe, useSchedulerWorld } from "./harness.js";

const world = useSchedulerWorld();
const since = new Date("2026-03-01T00:00:00Z");

function configFor(env: Record<string, string> = {}) {
  return loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: "secret",
    SLACK_API_URL: world.slack.apiUrl,
    ...env,
  });
}

/** Subscribes `channel` (if given) before starting, so the first tick already sees it. */
async function startAt(iso: string, env: Record<string, string>, channel?: string) {
  const store = await world.open();
  if (channel) await subscribe(store, channel, "08:00", "UTC", since);
  const clock = FakeClock.at(iso);
  const telemetry = createTelemetry({ defaultMetrics: false });
  const logger = memoryLogger();
  const scheduler = await startBriefings({
    config: configFor(env),
    store,
    knowledge,
    logger,
    clock,
    telemetry,
  });
  return { store, clock, telemetry, logger, scheduler };
}

describe("a briefing that cannot be posted", () => {
  it("is reported in ADMIN_CHANNEL_ID with what to do, and counted as failed", async () => {
    world.slack.failNext("chat.postMessage", "not_in_channel");
    const { scheduler, telemetry } = await startAt(
      "2026-03-02T08:00:00Z",
      {
        ADMIN_CHANNEL_ID: "CADMIN",
      },
      "CNOTIN",
    );
    await scheduler.tick(); // the tick start() began, or a fresh one
    const notices = (await world.slack.waitForCalls("chat.postMessage", 2)).filter(
      (c) => c.args.channel === "CADMIN",
    );
    await scheduler.stop();
    expect(notices).toHaveLength(1);
    expect(String(notices[0]?.args.text)).toBe(
      "The 2026-03-02 briefing for <#CNOTIN> could not be posted: the bot is not in that channel. Invite it (`/invite @Trade Talk Bot`) and `/tradetalks subscribe` again.",
    );
    const metrics = await telemetry.metrics.scrape();
    expect(metrics.body).toContain('tradebot_briefings_total{outcome="failed"} 1');
  });

  it("reports a post whose outcome is unknown (never re-sent) too", async () => {
    world.slack.httpErrorNext("chat.postMessage", 503);
    const { scheduler } = await startAt("2026-03-02T08:00:00Z", { ADMIN_CHANNEL_ID: "CADMIN" }, "C5XX");
    await scheduler.tick(); // the tick start() began, or a fresh one
    const calls = await world.slack.waitForCalls("chat.postMessage", 2);
    await scheduler.stop();
    const notice = calls.find((c) => c.args.channel === "CADMIN");
    expect(String(notice?.args.text)).toMatch(/<#C5XX> could not be posted: Slack's answer never came/);
  });

  it("posts nothing anywhere else when ADMIN_CHANNEL_ID is unset (the log has it)", async () => {
    world.slack.failNext("chat.postMessage", "not_in_channel");
    const { scheduler, logger } = await startAt("2026-03-02T08:00:00Z", {}, "CNOTIN");
    await scheduler.tick(); // the tick start() began, or a fresh one
    await scheduler.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(world.slack.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["CNOTIN"]);
    expect(logger.lines.some((l) => l.includes("not_in_channel"))).toBe(true);
  });

  it("does not report a briefing that posts, and counts it as posted", async () => {
    const { scheduler, telemetry } = await startAt(
      "2026-03-02T08:00:00Z",
      {
        ADMIN_CHANNEL_ID: "CADMIN",
      },
      "CGOOD",
    );
    await scheduler.tick(); // the tick start() began, or a fresh one
    await scheduler.stop();
    expect(world.slack.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["CGOOD"]);
    expect((await telemetry.metrics.scrape()).body).toContain('tradebot_briefings_total{outcome="posted"} 1');
  });
});

describe("the scheduler's readiness check", () => {
  it("is ok after a tick and names the scheduler once it has not ticked for too long", async () => {
    const { scheduler, telemetry, clock } = await startAt("2026-03-02T07:00:00Z", {});
    await scheduler.tick(); // the tick start() began, or a fresh one
    expect(await telemetry.readiness.report()).toEqual({ ready: true, checks: { scheduler: "ok" } });
    await scheduler.stop();
    clock.advance(10);
    const report = await telemetry.readiness.report();
    expect(report.ready).toBe(false);
    expect(report.reason).toBe("scheduler: the briefing scheduler last ran 600 s ago (more than 180 s)");
  });
});
