/**
 * The PostgreSQL connection pool (pg) with what the store needs around it: the address with its
 * password hidden for every message, errors sorted into "the database cannot be reached now"
 * (retried with a backoff, then a StoreError `unavailable`) and everything else, and one log line
 * when the database goes away and one when it is back, instead of one per query.
 */
import pg from "pg";
import type { Logger } from "../log.js";
import { StoreError } from "./errors.js";

/** The address with its password (and any password-like query value) replaced by `***`. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|key|token/i.test(key)) parsed.searchParams.set(key, "***");
    }
    return parsed.toString().replace(/%2A%2A%2A/g, "***");
  } catch {
    return url.replace(/\/\/([^/:@\s]*):[^/@\s]*@/g, "//$1:***@");
  }
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** True for a failure to reach the server (down, restarting, network), as opposed to a refused query. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (CONNECTION_CODES.has(code) || code.startsWith("08")) return true;
  const message = typeof e?.message === "string" ? e.message : "";
  // "timeout expired": the client giving up opening a connection (CONNECT_TIMEOUT_MS).
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|Query read timeout|^timeout expired$/i.test(
    message,
  );
}

function reason(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length) return reason(err.errors[0]);
  const message = err instanceof Error ? err.message : String(err);
  return message || ((err as { code?: string })?.code ?? "unknown error");
}

/** The StoreError for an error from PostgreSQL, naming the (redacted) address and saying what to do. */
export function toPostgresError(err: unknown, where: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (isConnectionError(err)) {
    return new StoreError(
      "unavailable",
      where,
      `The PostgreSQL database at ${where} cannot be reached (${reason(err)}). ` +
        "Check that the server is running and DATABASE_URL points at it.",
      { cause: err },
    );
  }
  if (code === "28P01" || code === "28000") {
    return new StoreError(
      "refused",
      where,
      `The PostgreSQL server at ${where} refused the login (${reason(err)}). Check the user and password in DATABASE_URL.`,
      { cause: err },
    );
  }
  if (code === "3D000") {
    return new StoreError(
      "refused",
      where,
      `The PostgreSQL server at ${where} has no such database (${reason(err)}). Create it (createdb), or fix DATABASE_URL.`,
      { cause: err },
    );
  }
  return new StoreError("open_failed", where, `The PostgreSQL database at ${where} failed: ${reason(err)}`, {
    cause: err,
  });
}

/** How long a query keeps trying while the database cannot be reached. */
export interface RetryPolicy {
  /** Tries in all (1 = no retry). */
  attempts: number;
  /** The first wait; doubled after each try, at most `maxDelayMs`. */
  delayMs: number;
  maxDelayMs: number;
  /** No new try starts this long after the first (a server that drops packets makes tries slow). */
  budgetMs?: number;
}

/** At most 5 tries within about 5 s: a restarting server is waited for; a request never hangs long. */
export const QUERY_RETRY: RetryPolicy = { attempts: 5, delayMs: 250, maxDelayMs: 2000, budgetMs: 5000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The queries the store makes; retried while the database cannot be reached. */
export interface Db {
  /** The redacted address, for messages. */
  readonly where: string;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** Runs `work` in one transaction on one connection (not retried: the caller decides). */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How long opening one connection may take. */
const CONNECT_TIMEOUT_MS = 3000;

/** pg's client, giving up on opening a connection after CONNECT_TIMEOUT_MS. */
class ConnectTimeoutClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({
      ...(typeof config === "string" ? { connectionString: config } : config),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
  }
}

/** A pool on `url`; nothing connects until the first query. */
export function createDb(
  url: string,
  options: { logger?: Logger; retry?: RetryPolicy; poolSize?: number } = {},
): Db {
  const where = redactDatabaseUrl(url);
  const retry = options.retry ?? QUERY_RETRY;
  const logger = options.logger;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A server that drops packets instead of refusing: give up on a connection or a query after
    // a while rather than hang a request (the query is then retried like a refused connection).
    // The connect timeout is the client's, not the pool's: the pool's would also end a wait for a
    // free connection when all are busy (same message), so a busy pool under load read as a
    // database that cannot be reached — logged as down, retried, and the event not answered.
    Client: ConnectTimeoutClient,
    query_timeout: 15_000,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
    application_name: "tradebot",
  });
  // An idle connection the server dropped (restart, failover) must not crash the process: the
  // pool discards it, and the next query opens a new one.
  pool.on("error", (err) => logger?.debug(`PostgreSQL connection at ${where} lost: ${reason(err)}`));
  let down = false;
  const wentDown = (err: unknown) => {
    if (down) return;
    down = true;
    logger?.warn(`The PostgreSQL database at ${where} cannot be reached (${reason(err)}); retrying`);
  };
  const cameBack = () => {
    if (!down) return;
    down = false;
    logger?.info(`The PostgreSQL database at ${where} is reachable again`);
  };
  return {
    where,
    async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      let wait = retry.delayMs;
      const giveUpAt = Date.now() + (retry.budgetMs ?? Number.POSITIVE_INFINITY);
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await pool.query<R>(text, values);
          cameBack();
          return result;
        } catch (err) {
          if (!isConnectionError(err)) throw toPostgresError(err, where);
          wentDown(err);
          if (attempt >= retry.attempts || Date.now() + wait > giveUpAt) throw toPostgresError(err, where);
          await sleep(wait);
          wait = Math.min(wait * 2, retry.maxDelayMs);
        }
      }
    },
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw toPostgresError(err, where);
      }
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch((e: Error) => {
          broken = e;
        });
        throw toPostgresError(err, where);
      } finally {
        // A connection that could not even roll back is dropped, not handed out again.
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
