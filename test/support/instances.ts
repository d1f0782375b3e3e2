/**
 * Instances of the app as deployed, for the multi-instance tests and the load script
 * (scripts/load.ts): `main.ts` in a child process (through tsx) in HTTP mode, with the Web API at
 * a fake Slack, and a round-robin proxy in front of several of them — a load balancer in
 * miniature, which, as real ones do, passes a request on to the next instance when the one in
 * turn refuses the connection (it is down).
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { TEST_SIGNING_SECRET } from "./slack-app.js";

const root = join(import.meta.dirname, "../..");

/** The seed knowledge the tests answer from. */
export const SEED_KB = join(root, "test/fixtures/seed-kb");

export interface Instance {
  name: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything the process wrote to stderr so far (its log). */
  log: () => string;
  port: number;
}

export interface InstanceOptions {
  databaseUrl: string;
  /** Its bot token is `xoxb-<name>`. */
  name: string;
  apiUrl: string;
  /** The working folder: an empty one, so no .env of the developer's is read. */
  cwd: string;
  knowledgeDir?: string;
  /** Hot reload of the knowledge folder; off by default. */
  watch?: boolean;
  logLevel?: string;
}

/** `src/main.ts` in a child process (through tsx), with its log kept. */
export interface Main {
  child: ChildProcessWithoutNullStreams;
  /** Everything the process wrote to stderr so far (its log). */
  log: () => string;
  /** The port it listens on for Slack, once its log says so (`pattern`'s first group). */
  listening: (pattern?: RegExp, timeoutMs?: number) => Promise<number>;
}

const LISTENING = /listening for Slack on http:\/\/[^:]+:(\d+)\/slack\/events/;

/** Starts `src/main.ts` in `cwd` with exactly `env` (and PATH): as an operator runs `npm start`. */
export function spawnMain(cwd: string, env: Record<string, string>): Main {
  const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", tsx, join(root, "src/main.ts")], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  // Read, so a chatty process never blocks on a full pipe.
  child.stdout.resume();
  const listening = (pattern = LISTENING, timeoutMs = 15_000) => {
    const found = () => pattern.exec(stderr)?.[1];
    return new Promise<number>((resolve, reject) => {
      if (found()) return resolve(Number(found()));
      const timer = setTimeout(() => reject(new Error(`main.ts did not start:\n${stderr}`)), timeoutMs);
      child.stderr.on("data", () => {
        if (!found()) return;
        clearTimeout(timer);
        resolve(Number(found()));
      });
      child.on("exit", (code) => reject(new Error(`main.ts exited ${code}:\n${stderr}`)));
    });
  };
  return { child, log: () => stderr, listening };
}

/** Starts `src/main.ts` in HTTP mode on a free port; resolves once it listens. */
export async function startInstance(o: InstanceOptions): Promise<Instance> {
  const main = spawnMain(o.cwd, {
    SLACK_BOT_TOKEN: `xoxb-${o.name}`,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: o.apiUrl,
    PORT: "0",
    KNOWLEDGE_DIR: o.knowledgeDir ?? SEED_KB,
    KNOWLEDGE_WATCH: o.watch ? "true" : "false",
    DATABASE_URL: o.databaseUrl,
    // Unused with DATABASE_URL: a path that cannot be created shows it is not touched.
    DATABASE_PATH: "/dev/null/unused.db",
    LOG_LEVEL: o.logLevel ?? "info",
  });
  const port = await main.listening(LISTENING, 30_000).catch((e: Error) => {
    throw new Error(`${o.name}: ${e.message}`);
  });
  return { name: o.name, child: main.child, log: main.log, port };
}

/** SIGKILL, as a crashed machine or an OOM kill would stop it; resolves once it has exited. */
export function killHard(i: Instance): Promise<void> {
  if (i.child.exitCode !== null || i.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    i.child.once("exit", () => resolve());
    i.child.kill("SIGKILL");
  });
}

export interface RoundRobin {
  server: Server;
  /** The events URL in front of the instances. */
  url: string;
  /** Requests each instance answered, by position in `ports`. */
  forwarded: number[];
  /** Requests passed on because the instance in turn refused the connection. */
  failedOver: number;
  /** Swaps an instance's port (a restarted instance listens elsewhere). */
  setPort(index: number, port: number): void;
  close(): Promise<void>;
}

const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/** True for an error that means nothing reached the instance (so another may take the request). */
function refused(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code === "ECONNREFUSED" || cause?.code === "ECONNRESET";
}

/** A round-robin proxy in front of `ports`. */
export function startProxy(initialPorts: number[]): Promise<RoundRobin> {
  const ports = [...initialPorts];
  let next = 0;
  const state = { forwarded: ports.map(() => 0), failedOver: 0 };
  const server = createServer(async (req, res) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers[k] = v;
    }
    try {
      const body = await read(req);
      const first = next++ % ports.length;
      let lastError: unknown;
      for (let n = 0; n < ports.length; n++) {
        const i = (first + n) % ports.length;
        let upstream: Response;
        try {
          upstream = await fetch(`http://127.0.0.1:${ports[i]}${req.url ?? "/"}`, {
            method: req.method ?? "POST",
            headers,
            ...(body.length ? { body } : {}),
          });
        } catch (err) {
          lastError = err;
          if (!refused(err)) break;
          state.failedOver++;
          continue;
        }
        state.forwarded[i] = (state.forwarded[i] ?? 0) + 1;
        res.writeHead(upstream.status, {
          "content-type": upstream.headers.get("content-type") ?? "text/plain",
        });
        res.end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
      res.writeHead(502).end(String(lastError));
    } catch (err) {
      res.writeHead(502).end(String(err));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        server,
        url: `http://127.0.0.1:${port}/slack/events`,
        get forwarded() {
          return state.forwarded;
        },
        get failedOver() {
          return state.failedOver;
        },
        setPort(index, p) {
          ports[index] = p;
        },
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    }),
  );
}

/** Polls `check` every 50 ms until true; throws after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
