import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

let dir: string;
const opened: Store[] = [];
const open = (path: string) => {
  const store = openStore(path);
  opened.push(store);
  return store;
};
const t0 = new Date("2026-03-01T12:00:00Z");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tradebot-store-"));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("opening the database", () => {
  it("creates the parent folder and the schema on first start", async () => {
    const path = join(dir, "nested", "deeper", "bot.db");
    const store = open(path);
    expect(await store.claimEvent("Ev1", t0)).toBe(true);
    const raw = new Database(path);
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
  });

  it("refuses a corrupt file with an error naming the path, and leaves the file alone", () => {
    const path = join(dir, "bot.db");
    const junk = "this is not a database, it is a shopping list\n".repeat(200);
    writeFileSync(path, junk);
    let error: unknown;
    try {
      open(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("corrupt");
    expect((error as StoreError).message).toContain(path);
    expect(readFileSync(path, "utf8")).toBe(junk);
  });

  it("reports a path that cannot be created as unwritable, naming it", () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "x");
    const path = join(blocker, "bot.db");
    expect(() => open(path)).toThrowError(StoreError);
    try {
      open(path);
    } catch (err) {
      expect((err as StoreError).code).toBe("unwritable");
      expect((err as StoreError).message).toContain(path);
    }
  });

  it("refuses a database written by a newer build instead of guessing", () => {
    const path = join(dir, "bot.db");
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => open(path)).toThrowError(/newer than this build/);
  });
});

describe("event dedupe", () => {
  it("sees a re-delivered event as a duplicate, even after a restart", async () => {
    const path = join(dir, "bot.db");
    const first = open(path);
    expect(await first.claimEvent("Ev1", t0)).toBe(true);
    expect(await first.claimEvent("Ev1", t0)).toBe(false);
    await first.close();
    const second = open(path);
    expect(await second.claimEvent("Ev1", t0)).toBe(false);
    expect(await second.claimEvent("Ev2", t0)).toBe(true);
  });

  it("lets only one of two connections on one file claim an event or a briefing slot", async () => {
    const path = join(dir, "bot.db");
    const a = open(path);
    const b = open(path);
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
    const store = open(join(dir, "bot.db"));
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
    expect((await store.listUnanswered()).map((u) => u.question)).toEqual(["new?", "old?"]);
    expect(await store.listUnanswered({ since: new Date("2026-03-01T18:00:00Z") })).toHaveLength(1);
    expect((await store.listUnanswered({ limit: 1 }))[0]?.kbVersion).toBe("k2");
    expect(await store.listFeedback()).toEqual([feedback]);
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
    const store = open(join(dir, "bot.db"));
    await store.upsertSubscription(input, t0);
    const later = new Date("2026-03-05T00:00:00Z");
    expect((await store.upsertSubscription(input, later)).scheduleSince).toEqual(t0);
    const moved = await store.upsertSubscription({ ...input, time: "07:30" }, later);
    expect(moved.scheduleSince).toEqual(later);
    expect(moved.time).toBe("07:30");
    expect(await store.listSubscriptions()).toHaveLength(1);
  });

  it("marks a channel the bot left, re-activates it on subscribe, and removes it", async () => {
    const store = open(join(dir, "bot.db"));
    await store.upsertSubscription(input, t0);
    await store.setSubscriptionStatus("C1", "not_in_channel");
    expect((await store.getSubscription("C1"))?.status).toBe("not_in_channel");
    expect((await store.upsertSubscription(input, t0)).status).toBe("active");
    expect(await store.removeSubscription("C1")).toBe(true);
    expect(await store.removeSubscription("C1")).toBe(false);
    expect(await store.getSubscription("C1")).toBeUndefined();
  });
});

describe("briefing ledger", () => {
  it("never lets a slot that is being sent be reclaimed, but retries a failed one after its retry time", async () => {
    const store = open(join(dir, "bot.db"));
    const far = new Date("2026-03-02T00:00:00Z");
    expect(await store.claimBriefing("C1", "2026-03-01", "a", t0)).toBe(true);
    expect(await store.markSending("C1", "2026-03-01", "b")).toBe(false);
    expect(await store.markSending("C1", "2026-03-01", "a")).toBe(true);
    expect(await store.reclaimBriefing("C1", "2026-03-01", "b", far, far)).toBe(false);

    await store.claimBriefing("C2", "2026-03-01", "a", t0);
    await store.markFailed("C2", "2026-03-01", {
      reason: "ratelimited",
      retryAt: new Date("2026-03-01T12:01:00Z"),
    });
    expect(await store.reclaimBriefing("C2", "2026-03-01", "b", t0, t0)).toBe(false);
    expect(await store.reclaimBriefing("C2", "2026-03-01", "b", far, t0)).toBe(true);
    expect(await store.getBriefing("C2", "2026-03-01")).toMatchObject({
      state: "claimed",
      claimedBy: "b",
      attempts: 2,
    });
  });

  it("finds the previous posted briefing with its snapshot", async () => {
    const store = open(join(dir, "bot.db"));
    await store.claimBriefing("C1", "2026-03-01", "a", t0);
    await store.markPosted("C1", "2026-03-01", {
      messageTs: "1.2",
      snapshot: [{ id: "truce-expiry", hash: "abc" }],
      kbVersion: "k1",
      at: t0,
    });
    await store.markSkipped("C1", "2026-03-02", { reason: "unchanged", instance: "a", at: t0 });
    expect((await store.lastPostedBriefing("C1"))?.snapshot).toEqual([{ id: "truce-expiry", hash: "abc" }]);
    expect(await store.lastPostedBriefing("C1", "2026-03-01")).toBeUndefined();
    expect((await store.listBriefings("C1")).map((b) => b.state)).toEqual(["posted", "skipped"]);
  });
});
