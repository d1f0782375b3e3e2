/** `tradebot ask --explain`: how a question was read, the scored candidates and the decision, then the answer. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";

/** Runs `tradebot` in-process with captured output, the clock pinned as a user can with TRADEBOT_NOW. */
async function tradebot(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: Readable.from([""]),
    env: { TRADEBOT_NOW: "2025-10-20T12:00:00Z", KNOWLEDGE_DIR: "test/fixtures/seed-kb" },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("tradebot ask --explain", () => {
  it("prints the reading, the candidates and the decision, then the answer", async () => {
    const r = await tradebot(["ask", "--explain", "wen does the truse expire"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const [reading, rest] = r.out.split(/\nCandidates /);
    expect(reading).toMatch(/^Reading\n/);
    expect(reading).toMatch(/concepts: truce \("truse", alias \(typo corrected\), weight [\d.]+\)/);
    expect(reading).toMatch(/asked for: .*end [\d.]+.*\(cues: when, expire\)/);
    expect(reading).toMatch(/words no source holds: none/);
    expect(rest).toMatch(/\n {2}[\d.]+ {2}truce-end \[end\] {2}coverage /);
    expect(rest).toMatch(/\nDecision: .*truce-end/);
    expect(rest).toMatch(/set to expire in November 2025/);
    expect(rest).toContain("“That agreement is set to expire in November.”");
  });

  it("shows the value a belief puts forward and the verdict", async () => {
    const r = await tradebot(["ask", "--explain", "the surtax is 50%, right?"]);
    expect(r.out).toMatch(/form: belief/);
    expect(r.out).toMatch(/put forward: figure "50%"/);
    expect(r.out).toMatch(/Decision: belief check: No: 100%, not 50%\./);
  });

  it("shows the words no source holds and why it refused", async () => {
    const r = await tradebot(["ask", "--explain", "what's the weather in Kuala Lumpur"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/words no source holds: weather/);
    expect(r.out).toMatch(/Decision: it asks about "weather", which no source mentions/);
    expect(r.out).toMatch(/I don't know: my sources don't cover that\./);
  });

  it("refuses --explain with --json as a usage error", async () => {
    const r = await tradebot(["ask", "--explain", "--json", "truce?"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/give --json or --explain, not both/);
  });
});
