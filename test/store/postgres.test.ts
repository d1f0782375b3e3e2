/**
 * What only the PostgreSQL store does: migrating (once, when instances start together), refusing a
 * newer schema, and a server that is down — at start-up (it waits, saying so with the password
 * hidden) and mid-run (queries wait a little, then fail as `unavailable`; it recovers by itself).
 * Against real servers: the run's shared one, and throwaway ones this file stops and starts.
 */
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import { redactDatabaseUrl } from "../../src/store/pg-db.js";
import { PG_MIGRATIONS } from "../../src/store/pg-migrations.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { Store } from "../../src/store/types.js";
import { memoryLogger } from "../briefing/harness.js";
import { freePort, type PostgresServer, startPostgresServer } from "../support/postgres-server.js";
import {
  createTestDatabase,
  postgresServerUrl,
  storeBackends,
  withDatabase,
} from "../support/store-backends.js";

const t0 = new Date("2026-03-01T12:00:00Z");
const onPostgres = storeBackends().some((b) => b.kind === "postgres");
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const track = (store: Store) => {
  cleanups.push(() => store.close());
  return store;
};
const fresh = async () => {
  const db = await createTestDatabase();
  cleanups.push(db.drop);
  return db.url;
};

describe.runIf(onPostgres)("the PostgreSQL store", () => {
  it("creates the schema once when several instances start together", async () => {
    const url = await fresh();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore(url, { waitForMs: 0 })),
    );
    stores.forEach(track);
    const client = new pg.Client(url);
    await client.connect();
    const { rows } = await client.query("SELECT version FROM tradebot_schema");
    await client.end();
    expect(rows).toEqual([{ version: PG_MIGRATIONS.length }]);
    expect(await stores[0]?.claimEvent("Ev1", t0)).toBe(true);
    expect(await stores[3]?.claimEvent("Ev1", t0)).toBe(false);
  });

  it("migrates a database made by an older build, keeping its data", async () => {
    const url = await fresh();
    const older = track(
      await openPostgresStore(url, { waitForMs: 0, migrations: PG_MIGRATIONS.slice(0, -1) }),
    );
    await older.close();
    const store = track(await openPostgresStore(url, { waitForMs: 0 }));
    expect(await store.claimEvent("Ev1", t0)).toBe(true);
  });

  it("refuses a database written by a newer build instead of guessing", async () => {
    const url = await fresh();
    track(await openPostgresStore(url, { waitForMs: 0 }));
    const client = new pg.Client(url);
    await client.connect();
    await client.query("UPDATE tradebot_schema SET version = version + 1");
    await client.end();
    await expect(openPostgresStore(url, { waitForMs: 0 })).rejects.toThrowError(/newer than this build/);
  });

  it("says plainly that a database does not exist, without waiting for it", async () => {
    const url = withDatabase(postgresServerUrl(), "no_such_database");
    const started = Date.now();
    const error = await openPostgresStore(url, { waitForMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("refused");
    expect((error as StoreError).message).toMatch(/has no such database .*DATABASE_URL/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("hides the password of the address in every message", async () => {
    expect(redactDatabaseUrl("postgres://bot:s3cret@db.internal:5432/tradebot?sslmode=require")).toBe(
      "postgres://bot:***@db.internal:5432/tradebot?sslmode=require",
    );
    expect(redactDatabaseUrl("postgresql://bot@db/tradebot?password=s3cret")).toBe(
      "postgresql://bot@db/tradebot?password=***",
    );
    const port = await freePort();
    const logger = memoryLogger();
    const error = await openPostgresStore(`postgres://bot:s3cret@127.0.0.1:${port}/tradebot`, {
      waitForMs: 1500,
      logger,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("unavailable");
    const said = [(error as Error).message, ...logger.lines].join("\n");
    expect(said).toContain(`postgres://bot:***@127.0.0.1:${port}/tradebot`);
    expect(said).toMatch(/cannot be reached .*ECONNREFUSED.*Check that the server is running/);
    expect(said).not.toContain("s3cret");
  });
});

describe.runIf(onPostgres)("a PostgreSQL server that is down", () => {
  let server: PostgresServer | undefined;
  afterEach(() => {
    server?.stop();
    server = undefined;
  });

  it("is waited for at start-up, saying so, and used as soon as it is up", async () => {
    const port = await freePort();
    const logger = memoryLogger();
    const url = `postgres://tradebot@127.0.0.1:${port}/postgres`;
    const opening = openPostgresStore(url, { logger });
    await until(() => logger.lines.some((l) => l.includes("cannot be reached")));
    expect(logger.lines.join("\n")).toMatch(
      new RegExp(
        `warn The PostgreSQL database at postgres://tradebot@127.0.0.1:${port}/postgres cannot be reached \\(.*ECONNREFUSED.*\\)\\. .*Trying again in \\d+ s\\.`,
      ),
    );
    server = await startPostgresServer({ port });
    const store = track(await opening);
    expect(await store.claimEvent("Ev1", t0)).toBe(true);
  });

  it("mid-run: queries wait a little, then fail as unavailable (claiming nothing), and work again when it is back", async () => {
    server = await startPostgresServer();
    const logger = memoryLogger();
    const store = track(
      await openPostgresStore(server.url, {
        waitForMs: 0,
        logger,
        retry: { attempts: 3, delayMs: 50, maxDelayMs: 100 },
      }),
    );
    expect(await store.claimEvent("Ev1", t0)).toBe(true);
    server.halt();
    const error = await store.claimEvent("Ev2", t0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("unavailable");
    expect(logger.lines.filter((l) => l.includes("cannot be reached"))).toHaveLength(1);
    server.resume();
    // The claim that failed inserted nothing: Ev2 is still new; Ev1 is still known.
    expect(await store.claimEvent("Ev2", t0)).toBe(true);
    expect(await store.claimEvent("Ev1", t0)).toBe(false);
    expect(logger.lines.some((l) => l.includes("is reachable again"))).toBe(true);
  });

  it("mid-run: stops trying once its time budget is spent, however many tries it may make", async () => {
    server = await startPostgresServer();
    const store = track(
      await openPostgresStore(server.url, {
        waitForMs: 0,
        retry: { attempts: 1000, delayMs: 50, maxDelayMs: 100, budgetMs: 600 },
      }),
    );
    expect(await store.claimEvent("Ev1", t0)).toBe(true);
    server.halt();
    const started = Date.now();
    const error = await store.listSubscriptions().catch((e: unknown) => e);
    expect((error as StoreError).code).toBe("unavailable");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("mid-run: a query made while it restarts waits for it and succeeds", async () => {
    server = await startPostgresServer();
    const store = track(
      await openPostgresStore(server.url, {
        waitForMs: 0,
        retry: { attempts: 40, delayMs: 100, maxDelayMs: 200 },
      }),
    );
    await store.claimBriefing("C1", "2026-03-01", "a", t0);
    server.halt();
    const claim = store.claimBriefing("C1", "2026-03-02", "a", t0);
    const s = server;
    setTimeout(() => s.resume(), 300);
    expect(await claim).toBe(true);
    expect(await store.claimBriefing("C1", "2026-03-02", "b", t0)).toBe(false);
  });
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
