import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";

const seedKb = "test/fixtures/seed-kb";

/** Runs `tradebot` in-process with captured output, the clock pinned as a user can with TRADEBOT_NOW. */
async function tradebot(argv: string[], stdin = "", env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: Readable.from([stdin]),
    env: { TRADEBOT_NOW: "2025-10-20T12:00:00Z", KNOWLEDGE_DIR: seedKb, ...env },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the tradebot command line", () => {
  it("ask prints the answer with its quoted snippet and source", async () => {
    const r = await tradebot(["ask", "when does the truce expire"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/set to expire in November 2025/);
    expect(r.out).toContain("“That agreement is set to expire in November.”");
    expect(r.out).toMatch(/— US, China Plan New Trade Talks in Malaysia — .*, Oct\. 17, 2025/);
    expect(r.out).toMatch(/Until: November 2025 \(expires in 12 to 41 days, per the Oct\. 17, 2025 report\)/);
  });

  it("ask --json prints one object with exactly the contract's fields", async () => {
    const r = await tradebot(["ask", "--json", "who is bessent meeting in malaysia"]);
    const a = JSON.parse(r.out);
    expect(Object.keys(a).sort()).toEqual(
      ["answered", "citations", "confidence", "factIds", "freshness", "suggestions", "text"].sort(),
    );
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/He Lifeng/);
    expect(Object.keys(a.citations[0]).sort()).toEqual([
      "published",
      "publisher",
      "snippet",
      "source",
      "title",
    ]);
  });

  it("ask --jsonl answers one question a line, in order, one object a line, blank lines included", async () => {
    const r = await tradebot(
      ["ask", "--jsonl"],
      "truce expiry?\n\nwho won the super bowl\nwhere will trump and xi meet\n",
    );
    const lines = r.out.split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.answered)).toEqual([true, false, false, true]);
    expect(lines[3].text).toMatch(/South Korea/);
  });

  it("status prints what stands, key numbers and countdowns", async () => {
    const r = await tradebot(["status"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/What stands:/);
    expect(r.out).toMatch(/Key numbers:[\s\S]*145%/);
    expect(r.out).toMatch(/Coming up:[\s\S]*Nov\. 1, 2025 \(in 12 days\)/);
    expect(r.out).toMatch(/Newest source: Oct\. 17, 2025/);
  });

  it("unknown commands and bad flags get the usage and exit 2", async () => {
    const unknown = await tradebot(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "frobnicate"[\s\S]*Usage: tradebot <command>/);
    const bad = await tradebot(["ask", "--bogus", "x"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^tradebot ask: unknown option --bogus\nUsage: tradebot ask/);
    const group = await tradebot(["kb"]);
    expect(group.code).toBe(2);
    expect(group.err).toMatch(/^tradebot kb: give one of: kb check, kb add-source, kb review, kb gaps/);
    expect((await tradebot(["ask"])).code).toBe(2);
    expect((await tradebot([])).code).toBe(2);
  });

  it("a bad TRADEBOT_NOW is a clear usage error", async () => {
    const r = await tradebot(["status"], "", { TRADEBOT_NOW: "yesterday-ish" });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/TRADEBOT_NOW: must be an ISO time/);
  });

  it("refuses to answer from a broken knowledge base and says where it is broken", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tradebot-kb-"));
    cpSync(seedKb, dir, { recursive: true });
    writeFileSync(join(dir, "claims", "broken.yml"), "claims:\n  - id: Bad Id\n");
    const r = await tradebot(["ask", "truce?"], "", { KNOWLEDGE_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/claims\/broken\.yml:2: /);
  });

  it("runs as the installed bin, start to answer", () => {
    const r = spawnSync(process.execPath, ["bin/tradebot.js", "ask", "--json", "what is the us deficit"], {
      encoding: "utf8",
      env: { ...process.env, TRADEBOT_NOW: "2025-10-20T12:00:00Z", KNOWLEDGE_DIR: seedKb },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).text).toMatch(/\$1\.78 trillion/);
  });

  it("ask answers from the cached knowledge without loading zod, whose schemas cost 50 ms at each start", () => {
    const env = { ...process.env, TRADEBOT_NOW: "2025-10-20T12:00:00Z", KNOWLEDGE_DIR: seedKb };
    const args = ["bin/tradebot.js", "ask", "--json", "when does the truce expire"];
    // The first run fills the knowledge cache: a cold start checks the files, with zod.
    expect(spawnSync(process.execPath, args, { encoding: "utf8", env }).status).toBe(0);
    const hook = `export async function resolve(s, c, next) {
      if (s === "zod" || s.startsWith("zod/")) throw new Error("zod was imported at start");
      return next(s, c);
    }`;
    const register = `import { register } from "node:module";
      register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
    const r = spawnSync(
      process.execPath,
      ["--import", `data:text/javascript,${encodeURIComponent(register)}`, ...args],
      { encoding: "utf8", env },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).answered).toBe(true);
  });
});
