import { describe, expect, it } from "vitest";
import type { BriefingPoster } from "../../src/briefing/poster.js";
import { createBriefingPoster } from "../../src/slack/briefing-poster.js";
import { storeBackends } from "../support/store-backends.js";
import { FakeClock, memoryLogger, runUntil, schedulerFor, subscribe, useSchedulerWorld } from "./harness.js";

const since = new Date("2026-03-01T00:00:00Z");

// The exactly-once rules hold on both databases: each test runs on SQLite and on PostgreSQL.
describe.each(storeBackends())("briefings on $name", (backend) => {
  const world = useSchedulerWorld(backend);
  const { open, postsTo, attemptsTo } = world;

  describe("Slack refusing or failing a post", () => {
    it("waits out a 429's Retry-After, then posts once, and holds the next channel back too", async () => {
      const store = await open();
      await subscribe(store, "C1", "08:00", "UTC", since);
      await subscribe(store, "C2", "08:00", "UTC", since);
      world.slack.rateLimitNext("chat.postMessage", 30);
      const clock = FakeClock.at("2026-03-02T08:00:00Z");
      const { scheduler } = schedulerFor(world.slack, store, clock);
      await runUntil(clock, "2026-03-02T09:00:00Z", 1, () => scheduler.tick());
      expect(attemptsTo("C1").map((c) => c.status)).toEqual([429, 200]);
      expect(postsTo("C1")).toHaveLength(1);
      expect(postsTo("C2")).toHaveLength(1);
      expect((await store.getBriefing("C2", "2026-03-02"))?.postedAt?.getTime()).toBeGreaterThanOrEqual(
        Date.parse("2026-03-02T08:00:30Z"),
      );
      expect(await store.getBriefing("C1", "2026-03-02")).toMatchObject({ state: "posted", attempts: 2 });
    });

    it("marks the subscription when the bot is not in the channel and stops trying", async () => {
      const store = await open();
      await subscribe(store, "CNOTIN", "08:00", "UTC", since);
      world.slack.failNext("chat.postMessage", "not_in_channel");
      const clock = FakeClock.at("2026-03-02T07:55:00Z");
      const { scheduler } = schedulerFor(world.slack, store, clock);
      await runUntil(clock, "2026-03-04T12:00:00Z", 5, () => scheduler.tick());
      expect(attemptsTo("CNOTIN")).toHaveLength(1);
      expect(postsTo("CNOTIN")).toHaveLength(0);
      expect((await store.getSubscription("CNOTIN"))?.status).toBe("not_in_channel");
    });

    it("retries a post Slack refused for another reason later that morning, and posts once", async () => {
      const store = await open();
      await subscribe(store, "CREFUSED", "08:00", "UTC", since);
      world.slack.failNext("chat.postMessage", "internal_server_busy_not_really", 2);
      const clock = FakeClock.at("2026-03-02T08:00:00Z");
      const { scheduler } = schedulerFor(world.slack, store, clock);
      await runUntil(clock, "2026-03-02T12:00:00Z", 1, () => scheduler.tick());
      expect(attemptsTo("CREFUSED")).toHaveLength(3);
      expect(postsTo("CREFUSED")).toHaveLength(1);
    });

    it("never re-sends after a 5xx, because the message may already be in the channel", async () => {
      const store = await open();
      await subscribe(store, "C5XX", "08:00", "UTC", since);
      world.slack.httpErrorNext("chat.postMessage", 503);
      const clock = FakeClock.at("2026-03-02T08:00:00Z");
      const { scheduler, logger } = schedulerFor(world.slack, store, clock);
      await runUntil(clock, "2026-03-02T12:00:00Z", 5, () => scheduler.tick());
      expect(attemptsTo("C5XX")).toHaveLength(1);
      expect((await store.getBriefing("C5XX", "2026-03-02"))?.reason).toMatch(/outcome unknown/);
      expect(logger.lines.some((l) => l.includes("not re-sending"))).toBe(true);
    });
  });

  describe("posting to many channels", () => {
    it("keeps at least 1.1 s between posts when many channels share a slot", async () => {
      const store = await open();
      const channels = Array.from({ length: 6 }, (_, i) => `CMANY${i}`);
      for (const ch of channels) await subscribe(store, ch, "08:00", "UTC", since);
      const clock = FakeClock.at("2026-03-02T08:00:00Z");
      const { scheduler } = schedulerFor(world.slack, store, clock);
      await scheduler.tick();
      const rows = await Promise.all(channels.map((ch) => store.getBriefing(ch, "2026-03-02")));
      const times = rows.map((row) => row?.postedAt?.getTime() ?? 0).sort();
      expect(times.every((t) => t > 0)).toBe(true);
      for (let i = 1; i < times.length; i++)
        expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(1100);
    });
  });

  describe("restarts and several instances", () => {
    it("does not double-post when the process dies in the middle of a posting round", async () => {
      const first = await open();
      for (const ch of ["C1", "C2", "C3"]) await subscribe(first, ch, "08:00", "UTC", since);
      const clock = FakeClock.at("2026-03-02T08:00:00Z");
      const real = createBriefingPoster({
        botToken: "xoxb-test",
        apiUrl: world.slack.apiUrl,
        logger: memoryLogger(),
      });
      // The first process reaches Slack for C2, then dies before it can record the ts.
      const dying: BriefingPoster = {
        async post(channel, message) {
          const posted = await real.post(channel, message);
          if (channel === "C2") return new Promise<never>(() => {});
          return posted;
        },
      };
      const a = schedulerFor(world.slack, first, clock, { poster: dying, instanceId: "instance-a" });
      void a.scheduler.tick();
      await world.slack.waitForCalls("chat.postMessage", 2);

      const second = await open();
      const b = schedulerFor(world.slack, second, clock, { instanceId: "instance-b" });
      await runUntil(clock, "2026-03-02T12:00:00Z", 5, () => b.scheduler.tick());
      expect(["C1", "C2", "C3"].map((ch) => postsTo(ch).length)).toEqual([1, 1, 1]);
      expect((await second.getBriefing("C2", "2026-03-02"))?.state).toBe("sending");
      expect(b.logger.lines.some((l) => l.includes("C2 2026-03-02 may not have been posted"))).toBe(true);
    });

    it("takes over a slot claimed by a process that died before sending, once the claim is stale", async () => {
      const store = await open();
      await subscribe(store, "CSTALE", "08:00", "UTC", since);
      await store.claimBriefing("CSTALE", "2026-03-02", "dead-instance", new Date("2026-03-02T08:00:00Z"));
      const clock = FakeClock.at("2026-03-02T08:05:00Z");
      const { scheduler } = schedulerFor(world.slack, store, clock, { staleClaimMinutes: 10 });
      await scheduler.tick();
      expect(postsTo("CSTALE")).toHaveLength(0);
      await runUntil(clock, "2026-03-02T12:00:00Z", 5, () => scheduler.tick());
      expect(postsTo("CSTALE")).toHaveLength(1);
      expect(await store.getBriefing("CSTALE", "2026-03-02")).toMatchObject({
        state: "posted",
        claimedBy: "instance-a",
      });
    });

    it("posts once per channel when two schedulers share one database", async () => {
      const a = await open();
      const b = await open();
      const channels = Array.from({ length: 8 }, (_, i) => `CSHARED${i}`);
      for (const [i, ch] of channels.entries()) {
        await subscribe(
          a,
          ch,
          "08:00",
          ["Asia/Shanghai", "America/New_York", "Pacific/Auckland"][i % 3] as string,
          since,
        );
      }
      const clock = FakeClock.at("2026-03-02T00:00:00Z");
      const one = schedulerFor(world.slack, a, clock, { instanceId: "instance-a" });
      const two = schedulerFor(world.slack, b, clock, { instanceId: "instance-b" });
      await runUntil(clock, "2026-03-04T00:00:00Z", 10, () =>
        Promise.all([one.scheduler.tick(), two.scheduler.tick()]),
      );
      for (const ch of channels) {
        const days = postsTo(ch).length;
        expect(days, ch).toBe((await a.listBriefings(ch)).filter((r) => r.state === "posted").length);
        expect(days, ch).toBeGreaterThanOrEqual(2);
      }
      const rows = (await Promise.all(channels.map((ch) => a.listBriefings(ch)))).flat();
      const byInstance = new Set(rows.map((r) => r.claimedBy));
      expect(byInstance).toEqual(new Set(["instance-a", "instance-b"]));
    });
  });
});
