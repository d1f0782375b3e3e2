/**
 * Assistant threads in real SQLite: a thread the panel opened is kept with who opened it and its
 * context; a new context replaces the old in the same row; other threads are apart; it survives a
 * restart.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

let dir: string;
let store: Store;
const thread = { channelId: "D1", threadTs: "1729999327.187299" };
const t0 = new Date("2026-03-01T12:00:00Z");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tradebot-assistant-"));
  store = openStore(join(dir, "bot.db"));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("assistant threads", () => {
  it("keeps a thread's opener and its latest context, apart from other threads, across a restart", async () => {
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
    store.close();
    store = openStore(join(dir, "bot.db"));
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
