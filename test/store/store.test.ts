/**
 * The store's behaviour, the same on both databases: each test runs against SQLite and against a
 * real PostgreSQL server (test/support/store-backends.ts), on an empty database of its own.
 */
import { describe, expect, it } from "vitest";
import { storeBackends, useFreshDatabase } from "../support/store-backends.js";

const t0 = new Date("2026-03-01T12:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe.each(storeBackends())("the store on $name", (backend) => {
  const db = useFreshDatabase(backend);

  describe("event dedupe", () => {
    it("sees a re-delivered event as a duplicate, even after a restart", async () => {
      const first = await db.open();
      expect(await first.claimEvent("Ev1", t0)).toBe(true);
      expect(await first.claimEvent("Ev1", t0)).toBe(false);
      await first.close();
      const second = await db.open();
      expect(await second.claimEvent("Ev1", t0)).toBe(false);
      expect(await second.claimEvent("Ev2", t0)).toBe(true);
    });

    it("lets exactly one of many concurrent claims of one event, from two handles, win", async () => {
      const [a, b] = [await db.open(), await db.open()];
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimEvent("EvRace", t0)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it("lets only one of two handles claim an event or a briefing slot", async () => {
      const [a, b] = [await db.open(), await db.open()];
      expect([await a.claimEvent("Ev9", t0), await b.claimEvent("Ev9", t0)]).toEqual([true, false]);
      expect([
        await b.claimBriefing("C1", "2026-03-01", "b", t0),
        await a.claimBriefing("C1", "2026-03-01", "a", t0),
      ]).toEqual([true, false]);
      expect((await a.getBriefing("C1", "2026-03-01"))?.claimedBy).toBe("b");
    });
  });

  describe("curation records", () => {
    it("lists unanswered questions and feedback newest first, with the knowledge version", async () => {
      const store = await db.open();
      await store.recordUnanswered({ userId: "U1", question: "old?", kbVersion: "k1", at: t0 });
      await store.recordUnanswered({
        userId: "U2",
        question: "new?",
        kbVersion: "k2",
        at: new Date("2026-03-02T00:00:00Z"),
      });
      const feedback = {
        userId: "U1",
        channelId: "C1",
        question: "when is the truce over?",
        entryIds: ["truce-expiry"],
        helpful: false,
        kbVersion: "k2",
        at: t0,
      };
      await store.recordFeedback(feedback);
      await store.recordFeedback({ ...feedback, channelId: undefined, helpful: true, at: later(1) });
      expect((await store.listUnanswered()).map((u) => u.question)).toEqual(["new?", "old?"]);
      expect(await store.listUnanswered({ since: new Date("2026-03-01T18:00:00Z") })).toHaveLength(1);
      expect((await store.listUnanswered({ limit: 1 }))[0]?.kbVersion).toBe("k2");
      const { channelId: _, ...withoutChannel } = feedback;
      expect(await store.listFeedback()).toEqual([
        { ...withoutChannel, helpful: true, at: later(1) },
        feedback,
      ]);
      expect(await store.listFeedback({ since: later(1) })).toHaveLength(1);
    });
  });

  describe("subscriptions", () => {
    const input = {
      channelId: "C1",
      time: "08:00",
      timeZone: "Asia/Shanghai",
      weekdaysOnly: false,
      quietWhenUnchanged: false,
      createdBy: "U1",
    };

    it("keeps the schedule start when the same subscription is re-applied, and resets it when the time changes", async () => {
      const store = await db.open();
      await store.upsertSubscription({ ...input, teamId: "T1" }, t0);
      const again = await store.upsertSubscription(input, later(60));
      expect(again.scheduleSince).toEqual(t0);
      expect(again.teamId).toBe("T1");
      const moved = await store.upsertSubscription(
        { ...input, time: "07:30", weekdaysOnly: true },
        later(90),
      );
      expect(moved).toMatchObject({
        scheduleSince: later(90),
        time: "07:30",
        weekdaysOnly: true,
        createdAt: t0,
      });
      expect(await store.listSubscriptions()).toHaveLength(1);
    });

    it("marks a channel the bot left, re-activates it on subscribe, and removes it", async () => {
      const store = await db.open();
      await store.upsertSubscription(input, t0);
      await store.setSubscriptionStatus("C1", "not_in_channel");
      expect((await store.getSubscription("C1"))?.status).toBe("not_in_channel");
      expect((await store.upsertSubscription(input, t0)).status).toBe("active");
      expect(await store.removeSubscription("C1")).toBe(true);
      expect(await store.removeSubscription("C1")).toBe(false);
      expect(await store.getSubscription("C1")).toBeUndefined();
    });

    it("lists subscriptions oldest first", async () => {
      const store = await db.open();
      await store.upsertSubscription({ ...input, channelId: "C2" }, later(5));
      await store.upsertSubscription({ ...input, channelId: "C1", quietWhenUnchanged: true }, t0);
      const subs = await store.listSubscriptions();
      expect(subs.map((s) => [s.channelId, s.quietWhenUnchanged])).toEqual([
        ["C1", true],
        ["C2", false],
      ]);
    });
  });

  describe("briefing ledger", () => {
    it("never lets a slot that is being sent be reclaimed, but retries a failed one after its retry time", async () => {
      const store = await db.open();
      const far = new Date("2026-03-02T00:00:00Z");
      expect(await store.claimBriefing("C1", "2026-03-01", "a", t0)).toBe(true);
      expect(await store.markSending("C1", "2026-03-01", "b")).toBe(false);
      expect(await store.markSending("C1", "2026-03-01", "a")).toBe(true);
      expect(await store.reclaimBriefing("C1", "2026-03-01", "b", far, far)).toBe(false);

      await store.claimBriefing("C2", "2026-03-01", "a", t0);
      await store.markFailed("C2", "2026-03-01", { reason: "ratelimited", retryAt: later(1) });
      expect(await store.reclaimBriefing("C2", "2026-03-01", "b", t0, t0)).toBe(false);
      expect(await store.reclaimBriefing("C2", "2026-03-01", "b", far, t0)).toBe(true);
      expect(await store.getBriefing("C2", "2026-03-01")).toMatchObject({
        state: "claimed",
        claimedBy: "b",
        attempts: 2,
      });
      expect((await store.getBriefing("C2", "2026-03-01"))?.retryAt).toBeUndefined();
    });

    it("takes over a stale claim only once, and never a failure without a retry time", async () => {
      const [a, b] = [await db.open(), await db.open()];
      await a.claimBriefing("C1", "2026-03-01", "dead", t0);
      const takeovers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).reclaimBriefing("C1", "2026-03-01", `i${i}`, later(30), later(20)),
        ),
      );
      expect(takeovers.filter(Boolean)).toHaveLength(1);
      await a.claimBriefing("C2", "2026-03-01", "a", t0);
      await a.markFailed("C2", "2026-03-01", { reason: "not_in_channel" });
      expect(await b.reclaimBriefing("C2", "2026-03-01", "b", later(600), later(600))).toBe(false);
      expect(await a.getBriefing("C2", "2026-03-01")).toMatchObject({
        state: "failed",
        reason: "not_in_channel",
      });
    });

    it("lets exactly one of many concurrent claims of one slot win", async () => {
      const [a, b] = [await db.open(), await db.open()];
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimBriefing("C9", "2026-03-01", `i${i}`, t0)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = claims.indexOf(true);
      expect((await a.getBriefing("C9", "2026-03-01"))?.claimedBy).toBe(`i${winner}`);
    });

    it("finds the previous posted briefing with its snapshot", async () => {
      const store = await db.open();
      await store.claimBriefing("C1", "2026-03-01", "a", t0);
      await store.markPosted("C1", "2026-03-01", {
        messageTs: "1.2",
        snapshot: [{ id: "truce-expiry", hash: "abc" }],
        kbVersion: "k1",
        at: t0,
      });
      await store.markSkipped("C1", "2026-03-02", { reason: "unchanged", instance: "a", at: t0 });
      expect(await store.lastPostedBriefing("C1")).toMatchObject({
        snapshot: [{ id: "truce-expiry", hash: "abc" }],
        messageTs: "1.2",
        kbVersion: "k1",
        postedAt: t0,
      });
      expect(await store.lastPostedBriefing("C1", "2026-03-01")).toBeUndefined();
      expect((await store.listBriefings("C1")).map((b) => b.state)).toEqual(["posted", "skipped"]);
    });

    it("turns a claimed slot into a quiet day that keeps its snapshot", async () => {
      const store = await db.open();
      await store.claimBriefing("C1", "2026-03-03", "a", t0);
      await store.markSkipped("C1", "2026-03-03", {
        reason: "unchanged",
        instance: "a",
        at: t0,
        snapshot: [{ id: "x", hash: "1" }],
        kbVersion: "k2",
      });
      expect(await store.getBriefing("C1", "2026-03-03")).toMatchObject({
        state: "skipped",
        reason: "unchanged",
        snapshot: [{ id: "x", hash: "1" }],
        kbVersion: "k2",
        attempts: 1,
      });
    });
  });

  describe("curator notices", () => {
    it("lets a notice be claimed once, records where it was posted, and frees a refused one", async () => {
      const [a, b] = [await db.open(), await db.open()];
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claimNotice("draft", "claim-1", t0)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      await a.markNoticePosted("draft", "claim-1", { channelId: "CCUR", ts: "9.9", at: later(1) });
      expect(await b.getNotice("draft", "claim-1")).toEqual({
        kind: "draft",
        key: "claim-1",
        state: "posted",
        claimedAt: t0,
        channelId: "CCUR",
        messageTs: "9.9",
      });
      await a.releaseNotice("draft", "claim-1");
      expect(await a.claimNotice("draft", "claim-1", t0)).toBe(false);

      expect(await a.claimNotice("overdue", "2026-03-01", t0)).toBe(true);
      await a.releaseNotice("overdue", "2026-03-01");
      expect(await b.getNotice("overdue", "2026-03-01")).toBeUndefined();
      expect(await b.claimNotice("overdue", "2026-03-01", t0)).toBe(true);
    });
  });
});
