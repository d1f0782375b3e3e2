/**
 * The `tradebot` commands that read the store, with DATABASE_URL: they read the PostgreSQL
 * database (a real one on the test server) and never touch DATABASE_PATH; a server that cannot be
 * reached is one sentence naming it, password hidden, and exit 1 — after a short wait, not forever.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { buildBriefing } from "../../src/briefing/content.js";
import { runCli } from "../../src/cli/run.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import { freePort } from "../support/postgres-server.js";
import { createTestDatabase, storeBackends } from "../support/store-backends.js";

const knowledgeDir = join(import.meta.dirname, "../fixtures/seed-kb");
const onPostgres = storeBackends().some((b) => b.kind === "postgres");

describe.runIf(onPostgres)("tradebot commands with DATABASE_URL", () => {
  let dir: string;
  let url: string;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "tradebot-cli-pg-"));
    ({ url, drop } = await createTestDatabase());
  });
  afterEach(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(args: string[], databaseUrl = url) {
    const out: string[] = [];
    const err: string[] = [];
    const env = {
      KNOWLEDGE_DIR: knowledgeDir,
      DATABASE_PATH: join(dir, "bot.db"),
      DATABASE_URL: databaseUrl,
    };
    const code = await runCli(args, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      stdin: Readable.from([]),
      env,
      clock: () => new Date("2025-10-20T08:00:00Z"),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("kb gaps lists what the app recorded in PostgreSQL, naming the database, and leaves DATABASE_PATH alone", async () => {
    const store = await openPostgresStore(url, { waitForMs: 0 });
    const at = new Date("2025-10-19T10:00:00Z");
    for (const userId of ["U1", "U2"])
      await store.recordUnanswered({ userId, question: "who chairs the wool board", kbVersion: "v1", at });
    await store.close();
    const { code, out } = await run(["kb", "gaps"]);
    expect(code).toBe(0);
    expect(out).toContain(`Curators' to-do list (${url}`);
    expect(out).toMatch(/1\. 2× "who chairs the wool board"/);
    expect(existsSync(join(dir, "bot.db"))).toBe(false);
  });

  it("briefing --preview --channel reads the channel's last briefing from PostgreSQL", async () => {
    const kb = loadKnowledge(knowledgeDir);
    const now = new Date("2025-10-19T08:00:00Z");
    const last = buildBriefing({ kb, core: createCore(kb), now, localDate: "2025-10-19" });
    const store = await openPostgresStore(url, { waitForMs: 0 });
    await store.upsertSubscription(
      {
        channelId: "C1",
        time: "08:00",
        timeZone: "Asia/Shanghai",
        weekdaysOnly: false,
        quietWhenUnchanged: false,
        createdBy: "U1",
      },
      now,
    );
    await store.claimBriefing("C1", "2025-10-19", "a", now);
    await store.markPosted("C1", "2025-10-19", {
      messageTs: "1.1",
      snapshot: last.snapshot,
      kbVersion: kb.version,
      at: now,
    });
    await store.close();
    const { code, out } = await run(["briefing", "--preview", "--channel", "C1"]);
    expect(code).toBe(0);
    expect(out).toContain("No change since Oct. 19, 2025. Next: ");
  });

  it("says in one sentence that the server cannot be reached, and exits 1", async () => {
    const port = await freePort();
    const unreachable = `postgres://bot:hunter2@127.0.0.1:${port}/tradebot`;
    const started = Date.now();
    const { code, err } = await run(["kb", "gaps"], unreachable);
    expect(code).toBe(1);
    expect(err).toMatch(
      new RegExp(
        `^tradebot kb gaps: The PostgreSQL database at postgres://bot:\\*\\*\\*@127\\.0\\.0\\.1:${port}/tradebot cannot be reached \\(.*ECONNREFUSED.*\\)\\. Check that the server is running and DATABASE_URL points at it\\.$`,
      ),
    );
    expect(err).not.toContain("hunter2");
    expect(err).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
