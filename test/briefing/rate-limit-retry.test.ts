/**
 * What the log says about a 429 is what the scheduler does: "retrying in N s" means the post goes
 * out again about N seconds later, not at the next regular tick. Real clock, real timers, the real
 * poster against the fake Slack.
 */
import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/slack/briefings.js";
import { schedulerFor, subscribe, useSchedulerWorld } from "./harness.js";

const world = useSchedulerWorld();

describe("a rate-limited briefing", () => {
  it("is retried after Retry-After, as the log line says, though the next regular tick is a minute away", async () => {
    const store = await world.open();
    const now = new Date();
    const hhmm = `${String(now.getUTCHours()).padStart(2, "0")}:${String(now.getUTCMinutes()).padStart(2, "0")}`;
    await subscribe(store, "CRATE", hhmm, "UTC", new Date(now.getTime() - 86_400_000));
    world.slack.rateLimitNext("chat.postMessage", 1);
    const { scheduler, logger } = schedulerFor(world.slack, store, systemClock, {
      tickMs: 60_000,
      postIntervalMs: 0,
    });
    scheduler.start();
    try {
      const attempts = await world.slack.waitForCalls("chat.postMessage", 2, 8_000);
      expect(attempts.map((c) => c.status)).toEqual([429, 200]);
      expect(
        logger.lines.some((l) => l.includes("briefing CRATE") && l.includes("rate limited, retrying in 1 s")),
      ).toBe(true);
      await scheduler.stop(); // waits for the tick in flight, which records the post
      const row = await store.getBriefing("CRATE", now.toISOString().slice(0, 10));
      expect(row).toMatchObject({ state: "posted", attempts: 2 });
    } finally {
      await scheduler.stop();
    }
  });
});
