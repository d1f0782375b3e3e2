import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/command.js";
import { kbCheck } from "../../src/cli/commands/kb-check.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/knowledge-${name}`, import.meta.url));

const seedKb = fileURLToPath(new URL("../fixtures/seed-kb", import.meta.url));

async function run(args: string[], knowledgeDir = seedKb) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await kbCheck.run(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: Readable.from([]),
    now: () => new Date("2025-10-20T12:00:00Z"),
    knowledgeDir,
    env: {},
  });
  return { code, out, err };
}

describe("tradebot kb check", () => {
  it("is registered under the two-word name the CLI dispatches on", () => {
    expect(kbCheck.name).toBe("kb check");
  });

  it("prints a one-line summary and exits 0 for a sound knowledge base", async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^Knowledge OK: 2 sources, 39 concepts, 50 claims, 0 drafts \(version [0-9a-f]{12}, newest source 2025-10-17\)$/,
    );
  });

  it("checks the folder given as an argument instead of the configured one", async () => {
    const { code, out } = await run([fixture("valid")], "does-not-exist");
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Knowledge OK: 1 source, 3 concepts, 3 claims, /);
  });

  it("lists problems in drafts apart, as not served, and exits 1 though the reviewed knowledge is fine", async () => {
    const { code, out, err } = await run([fixture("invalid-draft")]);
    expect(code).toBe(1);
    expect(out).toEqual([expect.stringMatching(/^Knowledge OK: 1 source, 3 concepts, 1 claim, 1 draft /)]);
    expect(err[0]).toMatch(/^Problems in drafts \(drafts\/ is never served/);
    expect(err.slice(1, 3)).toEqual([
      expect.stringMatching(
        /knowledge-invalid-draft\/drafts\/demo-article\.yml:6: aliases\[0\]: "Geneva talks" already names/,
      ),
      expect.stringMatching(
        /knowledge-invalid-draft\/drafts\/demo-article\.yml:10: about\[1\]: no concept with id trade-war/,
      ),
    ]);
    expect(err.at(-1)).toMatch(/^2 problems in the drafts of /);
  });

  it("prints each problem as file:line: field: problem on stderr and exits 1", async () => {
    const { code, out, err } = await run([fixture("dangling-source")]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(
      /knowledge-dangling-source\/claims\/truce\.yml:12: source: no source with id no-such-article/,
    );
    expect(err.at(-1)).toMatch(/^1 problem in /);
  });

  it("says the folder is missing rather than crashing", async () => {
    const { code, err } = await run([fixture("nowhere")]);
    expect(code).toBe(1);
    expect(err[0]).toContain("folder: the knowledge folder does not exist");
  });

  it("rejects unknown options as a usage error", async () => {
    await expect(run(["--fix"])).rejects.toBeInstanceOf(UsageError);
  });
});
