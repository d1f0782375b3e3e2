/**
 * The store tests run against both databases: `describe.each(storeBackends())` and, inside,
 * `useFreshDatabase(backend)` for an empty database per test — a SQLite file in a temporary
 * folder, or a new database on the run's throwaway PostgreSQL server (postgres-global.ts),
 * dropped after the test. Every store opened through it is closed after the test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, inject } from "vitest";
import { openConfiguredStore } from "../../src/store/open.js";
import { openPostgresStore, type PostgresOptions } from "../../src/store/postgres.js";
import type { Store } from "../../src/store/types.js";

/** One of the two databases the store runs on. */
export interface StoreBackend {
  name: "SQLite" | "PostgreSQL";
  kind: "sqlite" | "postgres";
}

let warned = false;

/** SQLite, and PostgreSQL unless TRADEBOT_TEST_POSTGRES=skip left it out. */
export function storeBackends(): StoreBackend[] {
  const provided = inject("postgres");
  const backends: StoreBackend[] = [{ name: "SQLite", kind: "sqlite" }];
  if ("skipped" in provided) {
    if (!warned) console.warn(`PostgreSQL store tests left out (${provided.skipped})`);
    warned = true;
  } else backends.push({ name: "PostgreSQL", kind: "postgres" });
  return backends;
}

/** The run's PostgreSQL server address; throws, failing the test, when it could not be started. */
export function postgresServerUrl(): string {
  const provided = inject("postgres");
  if ("url" in provided) return provided.url;
  const why = "unavailable" in provided ? provided.unavailable : provided.skipped;
  throw new Error(
    `PostgreSQL is needed for this test and could not be started: ${why}\n` +
      "Install PostgreSQL (apt-get install postgresql; see README), or set TRADEBOT_TEST_POSTGRES=skip to leave these tests out.",
  );
}

/** The address of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let admin: pg.Pool | undefined;
let adminUrl = "";

/** Creates an empty database on the test server and returns its address and a drop function. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = postgresServerUrl();
  if (!admin || adminUrl !== server) {
    admin = new pg.Pool({ connectionString: server, max: 2 });
    adminUrl = server;
  }
  const pool = admin;
  const name = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await pool.query(`CREATE DATABASE ${name}`);
  return {
    url: withDatabase(server, name),
    drop: async () => {
      await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The fresh database of the test under way. */
export interface FreshDatabase {
  /** The configuration that points the app at it. */
  readonly config: { databasePath: string; databaseUrl?: string };
  /** The environment that points the app at it. */
  readonly env: Record<string, string>;
  /** Opens (another handle on) it; closed after the test. */
  open(options?: PostgresOptions): Promise<Store>;
}

/** Registers the hooks giving each test an empty database of `backend`. */
export function useFreshDatabase(backend: StoreBackend): FreshDatabase {
  let dir: string | undefined;
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  const opened: Store[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "tradebot-store-"));
    if (backend.kind === "postgres") ({ url, drop } = await createTestDatabase());
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await drop?.();
    drop = undefined;
    url = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await admin?.end();
    admin = undefined;
  });
  const fresh: FreshDatabase = {
    get config() {
      if (!dir) throw new Error("no database outside a test");
      return { databasePath: join(dir, "bot.db"), ...(url ? { databaseUrl: url } : {}) };
    },
    get env() {
      const c = fresh.config;
      return { DATABASE_PATH: c.databasePath, ...(c.databaseUrl ? { DATABASE_URL: c.databaseUrl } : {}) };
    },
    async open(options) {
      const c = fresh.config;
      const store = c.databaseUrl
        ? await openPostgresStore(c.databaseUrl, { waitForMs: 0, ...options })
        : await openConfiguredStore(c);
      opened.push(store);
      return store;
    },
  };
  return fresh;
}
