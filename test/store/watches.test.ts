/** The watch store, the same on SQLite and on a real PostgreSQL (test/support/store-backends.ts). */
import { describe, expect, it } from "vitest";
import { storeBackends, useFreshDatabase } from "../support/store-backends.js";

const t0 = new Date("2026-03-01T12:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const truce = { channelId: "C1", topic: "the truce", concepts: ["truce"], createdBy: "U1", seen: { a: "1" } };

describe.each(storeBackends())("the watch store on $name", (backend) => {
  const db = useFreshDatabase(backend);
  const store = () => db.open();
  it("keeps one watch per conversation and concepts, in order, across reopening the database", async () => {
    const s = await store();
    const w = await s.addWatch(truce, t0);
    expect(w).toMatchObject({
      id: expect.any(Number),
      topic: "the truce",
      concepts: ["truce"],
      seen: { a: "1" },
    });
    expect(await s.addWatch({ ...truce, topic: "the pause" }, t0)).toBeUndefined();
    await s.addWatch({ ...truce, channelId: "C2" }, t0);
    await s.addWatch({ ...truce, topic: "tariffs", concepts: ["us-tariffs", "tariffs"] }, t0);
    await s.close();
    const again = await store();
    expect((await again.listWatches("C1")).map((x) => [x.topic, x.concepts])).toEqual([
      ["the truce", ["truce"]],
      ["tariffs", ["tariffs", "us-tariffs"]],
    ]);
    expect(await again.listWatches()).toHaveLength(3);
  });

  it("adds to what a watch has seen, keeping what it saw before", async () => {
    const s = await store();
    const w = await s.addWatch(truce, t0);
    await s.addWatchSeen(w?.id ?? -1, { b: "2", a: "3" });
    expect((await s.listWatches("C1"))[0]?.seen).toEqual({ a: "3", b: "2" });
  });

  it("lets one instance claim a change; a stale claim is taken over, one being sent never", async () => {
    const [x, y] = [await store(), await store()];
    const w = await x.addWatch(truce, t0);
    const id = w?.id ?? -1;
    expect(await x.claimWatchNotice(id, "k", "x", t0, later(-10))).toBe(true);
    expect(await y.claimWatchNotice(id, "k", "y", later(1), later(-9))).toBe(false);
    // Only the claimer moves it on.
    expect(await y.markWatchNoticeSending(id, "k", "y")).toBe(false);
    // x died before sending: after ten minutes y takes it over, and x can no longer send.
    expect(await y.claimWatchNotice(id, "k", "y", later(11), later(1))).toBe(true);
    expect(await x.markWatchNoticeSending(id, "k", "x")).toBe(false);
    expect(await y.markWatchNoticeSending(id, "k", "y")).toBe(true);
    // Once sending, nobody claims it again, however old.
    expect(await x.claimWatchNotice(id, "k", "x", later(60), later(50))).toBe(false);
    await y.markWatchNoticePosted(id, "k", { messageTs: "1.2", at: later(11) });
    expect(await x.getWatchNotice(id, "k")).toMatchObject({
      state: "posted",
      claimedBy: "y",
      messageTs: "1.2",
    });
    expect(await x.claimWatchNotice(id, "k", "x", later(120), later(110))).toBe(false);
  });

  it("records a refused post as failed, and forgets a watch's notices when it is removed", async () => {
    const s = await store();
    const w = await s.addWatch(truce, t0);
    const id = w?.id ?? -1;
    await s.claimWatchNotice(id, "k", "x", t0, later(-10));
    await s.markWatchNoticeSending(id, "k", "x");
    await s.markWatchNoticeFailed(id, "k", "not_in_channel");
    expect(await s.listWatchNotices(id)).toMatchObject([{ state: "failed", reason: "not_in_channel" }]);
    expect(await s.removeWatch("C2", id)).toBe(false);
    expect(await s.removeWatch("C1", id)).toBe(true);
    expect(await s.listWatchNotices(id)).toEqual([]);
    expect(await s.listWatches("C1")).toEqual([]);
  });
});
