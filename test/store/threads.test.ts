/**
 * The thread memory, on SQLite and on a real PostgreSQL: turns come back oldest first, per thread,
 * only the fresh ones; pruning forgets the old; a channel's thread replies are on until turned off,
 * across restarts.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/types.js";
import { storeBackends, useFreshDatabase } from "../support/store-backends.js";

const t0 = new Date("2026-03-01T12:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const thread = { channelId: "C1", threadTs: "1700000000.000100" };

describe.each(storeBackends())("threads on $name", (backend) => {
  const db = useFreshDatabase(backend);
  let store: Store;
  beforeEach(async () => {
    store = await db.open();
  });

  describe("thread turns", () => {
    it("returns a thread's turns oldest first, not another thread's, and only those at or after `since`", async () => {
      await store.recordThreadTurn({ ...thread, question: "q1", factIds: ["a"], answered: true, at: at(0) });
      await store.recordThreadTurn({
        ...thread,
        question: "q2",
        factIds: ["b", "c"],
        answered: true,
        at: at(10),
      });
      await store.recordThreadTurn({ ...thread, question: "q3", factIds: [], answered: false, at: at(20) });
      await store.recordThreadTurn({
        channelId: "C1",
        threadTs: "other",
        question: "x",
        factIds: [],
        answered: false,
        at: at(5),
      });
      const turns = await store.threadTurns(thread, at(0));
      expect(turns.map((t) => t.question)).toEqual(["q1", "q2", "q3"]);
      expect(turns[1]).toEqual({ question: "q2", factIds: ["b", "c"], answered: true, at: at(10) });
      expect((await store.threadTurns(thread, at(5))).map((t) => t.question)).toEqual(["q2", "q3"]);
      expect(await store.threadTurns({ channelId: "C2", threadTs: thread.threadTs }, at(0))).toEqual([]);
    });

    it("prunes turns older than the limit and keeps them across a restart otherwise", async () => {
      await store.recordThreadTurn({ ...thread, question: "old", factIds: [], answered: false, at: at(0) });
      await store.recordThreadTurn({
        ...thread,
        question: "new",
        factIds: ["a"],
        answered: true,
        at: at(60),
      });
      expect(await store.pruneThreadTurns(at(30))).toBe(1);
      await store.close();
      store = await db.open();
      expect((await store.threadTurns(thread, at(-1000))).map((t) => t.question)).toEqual(["new"]);
    });
  });

  describe("thread replies per channel", () => {
    it("is on until turned off, and the choice survives a restart", async () => {
      expect(await store.threadRepliesEnabled("C1")).toBe(true);
      await store.setThreadReplies("C1", false, "U1", t0);
      expect(await store.threadRepliesEnabled("C1")).toBe(false);
      expect(await store.threadRepliesEnabled("C2")).toBe(true);
      await store.close();
      store = await db.open();
      expect(await store.threadRepliesEnabled("C1")).toBe(false);
      await store.setThreadReplies("C1", true, "U2", at(1));
      expect(await store.threadRepliesEnabled("C1")).toBe(true);
    });
  });
});
