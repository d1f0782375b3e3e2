import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { openStore } from "../../src/store/sqlite.js";

let dir: string;
const t0 = new Date("2026-03-01T12:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const feed = "https://news.example/feed.xml";

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tradebot-feed-store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the feed store", () => {
  it("lets a feed be polled only when its next poll is due, across reopening the file", async () => {
    const path = join(dir, "bot.db");
    const first = openStore(path);
    expect(await first.claimFeedPoll(feed, t0, later(30))).toBe(true);
    expect(await first.claimFeedPoll(feed, later(10), later(40))).toBe(false);
    await first.close();
    const second = openStore(path);
    expect(await second.claimFeedPoll(feed, later(29), later(59))).toBe(false);
    expect(await second.claimFeedPoll(feed, later(30), later(60))).toBe(true);
    expect(await second.getFeedState(feed)).toMatchObject({ lastPolledAt: later(30), nextPollAt: later(60) });
    await second.close();
  });

  it("counts failures in a row, pushes the next poll out, and forgets them after a good poll", async () => {
    const store = openStore(":memory:");
    await store.claimFeedPoll(feed, t0, later(30));
    expect(await store.recordFeedFailure(feed, { reason: "timed out", nextPollAt: later(30) })).toBe(1);
    expect(await store.recordFeedFailure(feed, { reason: "HTTP 503", nextPollAt: later(60) })).toBe(2);
    expect(await store.getFeedState(feed)).toMatchObject({
      failures: 2,
      lastError: "HTTP 503",
      nextPollAt: later(60),
    });
    await store.recordFeedSuccess(feed, { etag: '"v2"', lastModified: "Sun, 01 Mar 2026 12:00:00 GMT" });
    const state = await store.getFeedState(feed);
    expect(state).toMatchObject({ failures: 0, etag: '"v2"' });
    expect(state?.lastError).toBeUndefined();
    await store.close();
  });

  it("keeps each item's tries and finds an ingested text by its hash, from any feed", async () => {
    const store = openStore(":memory:");
    const failed = await store.recordFeedItem(feed, "guid-1", {
      state: "failed",
      at: t0,
      reason: "HTTP 500",
    });
    expect(failed).toMatchObject({ state: "failed", attempts: 1, lastError: "HTTP 500" });
    const done = await store.recordFeedItem(feed, "guid-1", {
      state: "ingested",
      at: later(30),
      textHash: "abc",
      url: "https://news.example/a",
    });
    expect(done).toMatchObject({ state: "ingested", attempts: 2, textHash: "abc", firstSeenAt: t0 });
    expect(done.lastError).toBeUndefined();
    expect((await store.findIngestedText("abc"))?.key).toBe("guid-1");
    expect(await store.findIngestedText("other")).toBeUndefined();
    await store.close();
  });

  it("adds the feed tables to a database made before feeds existed, keeping its data", async () => {
    const path = join(dir, "old.db");
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0] as string);
    raw.pragma("user_version = 1");
    raw
      .prepare("INSERT INTO processed_events (event_id, seen_at) VALUES (?, ?)")
      .run("Ev1", t0.toISOString());
    raw.close();
    const store = openStore(path);
    expect(await store.claimEvent("Ev1", t0)).toBe(false);
    expect(await store.claimFeedPoll(feed, t0, later(30))).toBe(true);
    await store.close();
  });
});
