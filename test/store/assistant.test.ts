/**
 * Assistant threads, on SQLite and on a real PostgreSQL: a thread the panel opened is kept with who
 * opened it and its context; a new context replaces the old in the same row; other threads are
 * apart; it survives a restart.
 */
import { describe, expect, it } from "vitest";
import { storeBackends, useFreshDatabase } from "../support/store-backends.js";

const thread = { channelId: "D1", threadTs: "1729999327.187299" };
const t0 = new Date("2026-03-01T12:00:00Z");

describe.each(storeBackends())("assistant threads on $name", (backend) => {
  const db = useFreshDatabase(backend);

  it("keeps a thread's opener and its latest context, apart from other threads, across a restart", async () => {
    let store = await db.open();
    expect(await store.assistantThread(thread)).toBeUndefined();
    await store.saveAssistantThread({
      ...thread,
      userId: "U1",
      context: { channelId: "C1", teamId: "T1" },
      at: t0,
    });
    await store.saveAssistantThread({
      ...thread,
      userId: "U1",
      context: { channelId: "C2", teamId: "T1", enterpriseId: "E1" },
      at: new Date(t0.getTime() + 60_000),
    });
    await store.saveAssistantThread({
      channelId: "D1",
      threadTs: "other",
      userId: "U2",
      context: {},
      at: t0,
    });
    await store.close();
    store = await db.open();
    expect(await store.assistantThread(thread)).toEqual({
      ...thread,
      userId: "U1",
      context: { channelId: "C2", teamId: "T1", enterpriseId: "E1" },
      at: new Date(t0.getTime() + 60_000),
    });
    expect((await store.assistantThread({ channelId: "D1", threadTs: "other" }))?.userId).toBe("U2");
    expect(await store.assistantThread({ channelId: "D2", threadTs: thread.threadTs })).toBeUndefined();
  });
});
