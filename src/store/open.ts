/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite file
 * at DATABASE_PATH. The PostgreSQL driver is loaded only when it is used.
 */
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Store } from "./types.js";

/** How long a `tradebot` command waits for an unreachable PostgreSQL server before saying so. */
export const CLI_DATABASE_WAIT_MS = 5000;

/** Opens the configured store; with PostgreSQL, waits `waitForMs` (default forever) for the server. */
export async function openConfiguredStore(
  config: Pick<Config, "databasePath" | "databaseUrl">,
  options: { logger?: Logger; waitForMs?: number } = {},
): Promise<Store> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import("./postgres.js");
    return openPostgresStore(config.databaseUrl, options);
  }
  const { openStore } = await import("./sqlite.js");
  return openStore(config.databasePath);
}
