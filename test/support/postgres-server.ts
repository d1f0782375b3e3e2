/**
 * A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder, `pg_ctl start` on a
 * free TCP port of 127.0.0.1 (trust login, no fsync: nothing here must survive), and `stop()` shuts
 * it down and removes the folder. The binaries are found on PATH, then in /usr/lib/postgresql/<n>/bin
 * (where Debian's package puts them). PostgreSQL refuses to run as root, so as root (CI) the server
 * runs as the `postgres` user (or `nobody`) through `runuser`, owning the folder.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** A running throwaway server. */
export interface PostgresServer {
  /** postgres://tradebot@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A URL for another database of this server. */
  urlFor(database: string): string;
  /** Starts the server again after `halt` (same folder, same port). */
  resume(): void;
  /** Stops the server at once (as a crash would), keeping its folder, so `resume` can bring it back. */
  halt(): void;
  /** Stops the server and removes its folder. */
  stop(): void;
}

/** Why PostgreSQL cannot be started here, for the failure message. */
export class PostgresUnavailable extends Error {}

const BINARIES = ["initdb", "pg_ctl", "postgres"] as const;

/**
 * The folder holding initdb, pg_ctl and postgres: `only` when given (TRADEBOT_TEST_POSTGRES_BIN),
 * else on PATH first, then /usr/lib/postgresql/<newest>/bin.
 */
export function findPostgresBin(only?: string): string | undefined {
  const has = (dir: string) => BINARIES.every((b) => existsSync(join(dir, b)));
  if (only) return has(only) ? only : undefined;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) if (dir && has(dir)) return dir;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (has(join(root, v, "bin"))) return join(root, v, "bin");
  return undefined;
}

/** A TCP port of 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The account the server runs as when we are root: `postgres` if it exists, else `nobody`. */
function serverAccount(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
  for (const name of ["postgres", "nobody"]) {
    const line = passwd.find((l) => l.startsWith(`${name}:`));
    const [, , uid, gid] = line?.split(":") ?? [];
    if (uid && gid) return { name, uid: Number(uid), gid: Number(gid) };
  }
  throw new PostgresUnavailable(
    "running as root, and there is no postgres or nobody account to run the server as",
  );
}

/** Starts a throwaway server on `port` (a free one by default). */
export async function startPostgresServer(
  options: { port?: number; bin?: string } = {},
): Promise<PostgresServer> {
  const bin = findPostgresBin(options.bin ?? process.env.TRADEBOT_TEST_POSTGRES_BIN);
  if (!bin) {
    throw new PostgresUnavailable(
      process.env.TRADEBOT_TEST_POSTGRES_BIN
        ? `initdb, pg_ctl and postgres are not all in TRADEBOT_TEST_POSTGRES_BIN=${process.env.TRADEBOT_TEST_POSTGRES_BIN}`
        : "initdb, pg_ctl and postgres were found neither on PATH nor in /usr/lib/postgresql/*/bin",
    );
  }
  const port = options.port ?? (await freePort());
  const account = serverAccount();
  // As root, /tmp rather than TMPDIR: the server's account must be able to reach the folder.
  const dir = mkdtempSync(join(account ? "/tmp" : tmpdir(), "tradebot-pg-"));
  const data = join(dir, "data");
  const logFile = join(dir, "server.log");
  if (account) {
    chownSync(dir, account.uid, account.gid);
    chmodSync(dir, 0o700);
  }
  const run = (file: string, args: string[]) => {
    const [cmd, argv] = account
      ? ["runuser", ["-u", account.name, "--", join(bin, file), ...args]]
      : [join(bin, file), args];
    try {
      execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    } catch (err) {
      const e = err as { stderr?: Buffer; stdout?: Buffer; message: string };
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new PostgresUnavailable(
        `${file} failed: ${e.stderr?.toString().trim() || e.stdout?.toString().trim() || e.message}${log ? `\n${log}` : ""}`,
      );
    }
  };
  const user = "tradebot";
  const options_ = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const start = () => run("pg_ctl", ["-D", data, "-l", logFile, "-w", "-t", "60", "-o", options_, "start"]);
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", user, "-E", "UTF8", "--no-sync", "--no-instructions"]);
    start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const urlFor = (database: string) => `postgres://${user}@127.0.0.1:${port}/${database}`;
  let running = true;
  const halt = (mode: "immediate" | "fast") => {
    if (!running) return;
    run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
    running = false;
  };
  return {
    url: urlFor("postgres"),
    port,
    urlFor,
    resume() {
      if (running) return;
      start();
      running = true;
    },
    halt: () => halt("immediate"),
    stop() {
      try {
        halt("fast");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
