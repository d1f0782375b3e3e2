import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { buildBriefing } from "../../src/briefing/content.js";
import { runCli } from "../../src/cli/run.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { openStore } from "../../src/store/sqlite.js";
import { subscribe, tempDir } from "./harness.js";

const knowledgeDir = join(import.meta.dirname, "../fixtures/seed-kb");
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { KNOWLEDGE_DIR: knowledgeDir, DATABASE_PATH: join(tmp.dir, "bot.db") };
  const code = await runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: Readable.from([]),
    env,
    clock: () => new Date("2025-10-20T08:00:00Z"),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("tradebot briefing --preview", () => {
  it("prints a cited briefing with countdowns for the given moment", async () => {
    const { code, out } = await run(["briefing", "--preview", "--at", "2025-10-21T09:00:00Z"]);
    expect(code).toBe(0);
    expect(out).toContain("US–China trade talks briefing — Tuesday, Oct. 21, 2025");
    expect(out).toContain("100% surtax takes effect: in 11 days (Nov. 1, 2025)");
    expect(out).toMatch(/Sources:\n {2}\[1\] /);
    expect(out).toMatch(/\[1\] .+, Oct\. 17, 2025/);
    expect(out).not.toMatch(/Oct 17|item\(s\)/);
  });

  it("does not create a database when previewing a channel that has none", async () => {
    const { code, err } = await run(["briefing", "--preview", "--channel", "C1"]);
    expect(code).toBe(0);
    expect(err).toContain("first briefing");
    expect(existsSync(join(tmp.dir, "bot.db"))).toBe(false);
  });

  it("says 'no change' relative to the channel's last briefing in the store", async () => {
    const kb = loadKnowledge(knowledgeDir);
    const now = new Date("2025-10-19T08:00:00Z");
    const last = buildBriefing({ kb, core: createCore(kb), now, localDate: "2025-10-19" });
    const store = openStore(join(tmp.dir, "bot.db"));
    await subscribe(store, "C1", "08:00", "Asia/Shanghai", now);
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

  it("names the database file when it is not a database, instead of starting a fresh one", async () => {
    writeFileSync(join(tmp.dir, "bot.db"), "a shopping list, not a database\n".repeat(50));
    const { code, err } = await run(["briefing", "--preview", "--channel", "C1"]);
    expect(code).toBe(1);
    expect(err).toContain(`The database file ${join(tmp.dir, "bot.db")} is not a valid SQLite database`);
  });

  it("rejects a time it cannot read, with the usage", async () => {
    const { code, err } = await run(["briefing", "--preview", "--at", "next tuesday"]);
    expect(code).toBe(2);
    expect(err).toContain('--at: "next tuesday" is not a date-time');
    expect(err).toContain("Usage: tradebot briefing --preview");
  });

  it("rejects an unknown flag and a missing --preview", async () => {
    expect((await run(["briefing", "--preview", "--loud"])).code).toBe(2);
    expect((await run(["briefing"])).err).toContain("only --preview is supported");
  });
});
