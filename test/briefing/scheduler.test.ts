import { describe, expect, it } from "vitest";
import { snapshotOf } from "../../src/briefing/snapshot.js";
import { FakeClock, knowledge, runUntil, schedulerFor, subscribe, useSchedulerWorld } from "./harness.js";

const world = useSchedulerWorld();
const { open, postsTo } = world;

describe("a simulated day", () => {
  it.each([
    ["New York's spring-forward weekend", "2026-03-06T00:00:00Z", "2026-03-10T00:00:00Z"],
    ["Auckland's autumn change", "2026-04-03T00:00:00Z", "2026-04-07T00:00:00Z"],
  ])("posts once a day per channel at 08:00 local in three zones, across %s", async (_name, from, until) => {
    const store = await open();
    const clock = FakeClock.at(from);
    const start = clock.now();
    await subscribe(store, "CSHANGHAI", "08:00", "Asia/Shanghai", start);
    await subscribe(store, "CNEWYORK", "08:00", "America/New_York", start);
    await subscribe(store, "CAUCKLAND", "08:00", "Pacific/Auckland", start);
    const { scheduler } = schedulerFor(world.slack, store, clock);
    await runUntil(clock, until, 5, () => scheduler.tick());

    for (const channel of ["CSHANGHAI", "CNEWYORK", "CAUCKLAND"]) {
      const rows = (await store.listBriefings(channel)).filter((b) => b.state === "posted");
      expect(postsTo(channel)).toHaveLength(rows.length);
      expect(new Set(rows.map((r) => r.localDate)).size).toBe(rows.length);
      const zone = (await store.getSubscription(channel))?.timeZone as string;
      for (const r of rows) {
        const local = new Intl.DateTimeFormat("en-GB", {
          timeZone: zone,
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
        }).format(r.postedAt as Date);
        expect(local >= "08:00" && local <= "08:06", `${channel} posted at ${local} local`).toBe(true);
      }
    }
    expect(postsTo("CSHANGHAI").length).toBeGreaterThanOrEqual(3);
  });

  it("follows New York's clock change: 13:00 UTC before it, 12:00 UTC after it", async () => {
    const store = await open();
    const clock = FakeClock.at("2026-03-07T00:00:00Z");
    const start = clock.now();
    await subscribe(store, "CNEWYORK", "08:00", "America/New_York", start);
    const { scheduler } = schedulerFor(world.slack, store, clock);
    await runUntil(clock, "2026-03-10T00:00:00Z", 5, () => scheduler.tick());
    const posted = (await store.listBriefings("CNEWYORK")).map((b) => [
      b.localDate,
      b.postedAt?.toISOString().slice(11, 16),
    ]);
    expect(posted).toEqual([
      ["2026-03-07", "13:00"],
      ["2026-03-08", "12:00"],
      ["2026-03-09", "12:00"],
    ]);
  });

  it("skips Saturday and Sunday for a weekdays-only subscription", async () => {
    const store = await open();
    const clock = FakeClock.at("2026-03-02T00:00:00Z");
    const start = clock.now();
    await subscribe(store, "CWEEK", "07:30", "Europe/London", start, { weekdaysOnly: true }); // a Monday
    const { scheduler } = schedulerFor(world.slack, store, clock);
    await runUntil(clock, "2026-03-09T00:00:00Z", 10, () => scheduler.tick());
    expect((await store.listBriefings("CWEEK")).map((b) => b.localDate)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
    ]);
    expect(postsTo("CWEEK")).toHaveLength(5);
  });

  it("says what changed since the channel's previous briefing, and 'no change' with the next dates the day after", async () => {
    const store = await open();
    const clock = FakeClock.at("2025-10-20T07:58:00Z");
    const start = clock.now();
    await subscribe(store, "CNEWS", "08:00", "UTC", start);
    await store.claimBriefing("CNEWS", "2025-10-19", "old", new Date("2025-10-19T08:00:00Z"));
    await store.markPosted("CNEWS", "2025-10-19", {
      messageTs: "1.1",
      // The last briefing covered all but twenty of today's claims, and one claim since removed.
      snapshot: [...snapshotOf(knowledge().kb).slice(20), { id: "a-claim-since-removed", hash: "0" }],
      kbVersion: "old",
      at: new Date("2025-10-19T08:00:00Z"),
    });
    const { scheduler } = schedulerFor(world.slack, store, clock);
    await runUntil(clock, "2025-10-21T09:00:00Z", 5, () => scheduler.tick());
    const [first, second] = postsTo("CNEWS").map((c) => String(c.args.text));
    expect(first).toContain("What changed since Oct. 19, 2025");
    expect(first).toContain("New: ");
    expect(first).toContain("Withdrawn: 1 earlier item");
    expect(first).toContain("100% surtax takes effect: in 12 days (Nov. 1, 2025)");
    expect(first).toMatch(/and \d+ more new or changed entries/);
    expect(second).toMatch(/No change since Oct. 20, 2025\. Next: .*this week/);
    expect(postsTo("CNEWS")).toHaveLength(2);
  });

  it("posts nothing on an unchanged day when the subscription is quiet", async () => {
    const store = await open();
    const clock = FakeClock.at("2025-10-20T07:58:00Z");
    const start = clock.now();
    await subscribe(store, "CQUIET", "08:00", "UTC", start, { quietWhenUnchanged: true });
    const { scheduler } = schedulerFor(world.slack, store, clock);
    await runUntil(clock, "2025-10-22T09:00:00Z", 5, () => scheduler.tick());
    expect(postsTo("CQUIET")).toHaveLength(1);
    expect((await store.listBriefings("CQUIET")).map((b) => [b.state, b.reason ?? ""])).toEqual([
      ["posted", ""],
      ["skipped", "unchanged"],
      ["skipped", "unchanged"],
    ]);
  });
});

describe("the grace window", () => {
  it("posts on start-up when the bot was down at the scheduled time but is back within the window", async () => {
    const store = await open();
    const clock = FakeClock.at("2026-03-02T09:59:00Z");
    const start = new Date("2026-03-02T07:00:00Z");
    await subscribe(store, "CLATE", "08:00", "UTC", start);
    const { scheduler } = schedulerFor(world.slack, store, clock);
    await scheduler.tick();
    expect(postsTo("CLATE")).toHaveLength(1);
  });

  it("skips the day and logs it when the bot comes back after the window", async () => {
    const store = await open();
    const clock = FakeClock.at("2026-03-02T10:01:00Z");
    const start = new Date("2026-03-02T07:00:00Z");
    await subscribe(store, "CLATE", "08:00", "UTC", start);
    const { scheduler, logger } = schedulerFor(world.slack, store, clock);
    await scheduler.tick();
    await scheduler.tick();
    expect(postsTo("CLATE")).toHaveLength(0);
    expect(await store.getBriefing("CLATE", "2026-03-02")).toMatchObject({
      state: "skipped",
      reason: "missed",
    });
    expect(logger.lines.filter((l) => l.includes("CLATE 2026-03-02 skipped"))).toHaveLength(1);
  });
});
