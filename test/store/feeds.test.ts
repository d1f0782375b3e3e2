import { describe, expect, it } from "vitest";
import { storeBackends, useFreshDatabase } from "../support/store-backends.js";

const t0 = new Date("2026-03-01T12:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const feed = "https://news.example/feed.xml";

describe.each(storeBackends())("the feed store on $name", (backend) => {
  const db = useFreshDatabase(backend);

  it("lets a feed be polled only when its next poll is due, across reopening the database", async () => {
    const first = await db.open();
    expect(await first.claimFeedPoll(feed, t0, later(30))).toBe(true);
    expect(await first.claimFeedPoll(feed, later(10), later(40))).toBe(false);
    await first.close();
    const second = await db.open();
    expect(await second.claimFeedPoll(feed, later(29), later(59))).toBe(false);
    expect(await second.claimFeedPoll(feed, later(30), later(60))).toBe(true);
    expect(await second.getFeedState(feed)).toMatchObject({ lastPolledAt: later(30), nextPollAt: later(60) });
  });

  it("lets one of two processes polling at once take the poll", async () => {
    const [a, b] = [await db.open(), await db.open()];
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claimFeedPoll(feed, t0, later(30))),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("counts failures in a row, pushes the next poll out, and forgets them after a good poll", async () => {
    const store = await db.open();
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
    expect(state).toMatchObject({ failures: 0, etag: '"v2"', lastModified: "Sun, 01 Mar 2026 12:00:00 GMT" });
    expect(state?.lastError).toBeUndefined();
    expect(await store.getFeedState("https://other.example/feed")).toBeUndefined();
  });

  it("keeps each item's tries and finds an ingested text by its hash, from any feed", async () => {
    const store = await db.open();
    const failed = await store.recordFeedItem(feed, "guid-1", {
      state: "failed",
      at: t0,
      reason: "HTTP 500",
      url: "https://news.example/a",
    });
    expect(failed).toMatchObject({ state: "failed", attempts: 1, lastError: "HTTP 500" });
    const done = await store.recordFeedItem(feed, "guid-1", {
      state: "ingested",
      at: later(30),
      textHash: "abc",
      url: "https://news.example/a",
    });
    expect(done).toMatchObject({
      state: "ingested",
      attempts: 2,
      textHash: "abc",
      firstSeenAt: t0,
      updatedAt: later(30),
    });
    expect(done.lastError).toBeUndefined();
    expect((await store.findIngestedText("abc"))?.key).toBe("guid-1");
    expect(await store.findIngestedText("other")).toBeUndefined();
    expect(await store.getFeedItem(feed, "guid-1")).toEqual(done);
    expect(await store.getFeedItem(feed, "guid-2")).toBeUndefined();
  });
});
