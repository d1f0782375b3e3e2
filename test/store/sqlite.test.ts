/** What only the SQLite store does: its file (created, checked, refused). Its behaviour: store.test.ts. */
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

describe("migrations", () => {
  it("adds the feed tables to a database made before feeds existed, keeping its data", async () => {
    const path = join(dir, "old.db");
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0] as string);
    raw.pragma("user_version = 1");
    raw
      .prepare("INSERT INTO processed_events (event_id, seen_at) VALUES (?, ?)")
      .run("Ev1", t0.toISOString());
    raw.close();
    const store = open(path);
    expect(await store.claimEvent("Ev1", t0)).toBe(false);
    expect(await store.claimFeedPoll("https://news.example/feed.xml", t0, t0)).toBe(true);
  });
});
