/**
 * The pool under load and a server that never answers: a query waiting for a free connection
 * while all are busy waits for one (it is load, not an outage: nothing logged as down, nothing
 * failed); opening a connection to a server that accepts and then says nothing still gives up
 * after 3 s, as `unavailable`. Found by the load script (scripts/load.ts): with the pool's own
 * connect timeout a busy pool read as a database that cannot be reached, and events went
 * unanswered.
 */
import { createServer, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import type { StoreError } from "../../src/store/errors.js";
import { createDb } from "../../src/store/pg-db.js";
import { memoryLogger } from "../briefing/harness.js";
import { createTestDatabase, storeBackends } from "../support/store-backends.js";

const onPostgres = storeBackends().some((b) => b.kind === "postgres");

describe.runIf(onPostgres)("the PostgreSQL pool", () => {
  it("a query waits for a busy pool's connection, longer than the connect timeout, and nothing is logged as down", async () => {
    const database = await createTestDatabase();
    const logger = memoryLogger();
    const db = createDb(database.url, {
      logger,
      poolSize: 1,
      retry: { attempts: 1, delayMs: 0, maxDelayMs: 0 },
    });
    try {
      await db.query("SELECT 1");
      const busy = db.query("SELECT pg_sleep(4)");
      const started = Date.now();
      const waiting = await db.query<{ n: number }>("SELECT 2 AS n");
      expect(waiting.rows[0]?.n).toBe(2);
      expect(Date.now() - started).toBeGreaterThan(3000);
      await busy;
      expect(logger.lines.filter((l) => /cannot be reached/.test(l))).toEqual([]);
    } finally {
      await db.close();
      await database.drop();
    }
  }, 20_000);

  it("gives up opening a connection to a server that never answers after 3 s, as unavailable", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const db = createDb(`postgres://tradebot@127.0.0.1:${port}/postgres`, {
      retry: { attempts: 1, delayMs: 0, maxDelayMs: 0 },
    });
    try {
      const started = Date.now();
      const error = (await db.query("SELECT 1").catch((e: unknown) => e)) as StoreError;
      expect(error.code).toBe("unavailable");
      expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      await db.close();
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  }, 20_000);
});
