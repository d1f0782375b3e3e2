/**
 * Vitest global set-up: one throwaway PostgreSQL server for the whole run (test/support/
 * postgres-server.ts), stopped at the end. Test files get its address through `inject("postgres")`
 * and make their own databases on it. When it cannot be started, the PostgreSQL half of the suite
 * fails with the reason; TRADEBOT_TEST_POSTGRES=skip (for machines without PostgreSQL) leaves that
 * half out instead, on purpose.
 */
import type { TestProject } from "vitest/node";
import { type PostgresServer, startPostgresServer } from "./postgres-server.js";

/** What the test files are given: the server's address, or why there is none. */
export type ProvidedPostgres = { url: string } | { skipped: string } | { unavailable: string };

declare module "vitest" {
  export interface ProvidedContext {
    postgres: ProvidedPostgres;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  let server: PostgresServer | undefined;
  if (process.env.TRADEBOT_TEST_POSTGRES === "skip") {
    project.provide("postgres", { skipped: "TRADEBOT_TEST_POSTGRES=skip" });
  } else {
    try {
      server = await startPostgresServer();
      project.provide("postgres", { url: server.url });
    } catch (err) {
      project.provide("postgres", { unavailable: err instanceof Error ? err.message : String(err) });
    }
  }
  return () => server?.stop();
}
