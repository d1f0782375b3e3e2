/**
 * The process-wide handlers, in a real Node process: a rejected promise nobody handles is logged
 * and the process carries on; an uncaught exception is logged and asks for the orderly stop.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;

function run(script: string) {
  const guards = pathToFileURL(join(root, "src/process-guards.ts")).href;
  const log = pathToFileURL(join(root, "src/log.ts")).href;
  const code = `
    import { installProcessGuards } from ${JSON.stringify(guards)};
    import { createLogger } from ${JSON.stringify(log)};
    const counts = {};
    installProcessGuards({
      logger: createLogger("info"),
      count: (f) => { counts[f] = (counts[f] ?? 0) + 1; },
      stop: (why) => { console.log("stop: " + why + " " + JSON.stringify(counts)); setTimeout(() => process.exit(3), 20); },
      exitNow: () => process.exit(4),
    });
    ${script}`;
  return spawnSync(process.execPath, ["--import", tsx, "--input-type=module", "-e", code], {
    cwd: root,
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("process guards", () => {
  it("logs and counts an unhandled rejection, and the process keeps running", () => {
    const r = run(`
      Promise.reject(new Error("nobody is listening"));
      Promise.reject(new Error("nor here"));
      setTimeout(() => { console.log("still serving " + JSON.stringify(counts)); }, 100);
    `);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('still serving {"unhandled_rejection":2}');
    expect(r.stderr).toMatch(
      /ERROR a promise was rejected and nothing handled it; still serving Error: nobody is listening/,
    );
  });

  it("logs and counts an uncaught exception and asks for the orderly stop (exit 1 in main)", () => {
    const r = run(`setTimeout(() => { throw new Error("boom in a callback"); }, 10);`);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('stop: uncaught exception {"uncaught_exception":1}');
    expect(r.stderr).toMatch(/uncaught exception; finishing replies in progress.*Error: boom in a callback/);
  });

  it("exits at once on a second uncaught exception while stopping", () => {
    const r = run(`
      setTimeout(() => { throw new Error("first"); }, 10);
      setTimeout(() => { throw new Error("second"); }, 12);
    `);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/another uncaught exception while stopping/);
  });
});
