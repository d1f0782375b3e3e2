import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

// The core is pure: it never talks to Slack, never reads the environment, never reads the clock.
const core = ["src/knowledge", "src/search", "src/answer", "src/briefing", "src/curation"].flatMap(sources);

describe("the shape of the code", () => {
  it("keeps Slack out of the core", () => {
    for (const f of core)
      expect(readFileSync(f, "utf8"), f).not.toMatch(/from "@slack\/|from "\.\.\/slack\//);
  });

  it("reads the environment only in the config modules", () => {
    const readers = sources("src").filter((f) => /process\.env\b/.test(readFileSync(f, "utf8")));
    expect(readers.sort()).toEqual(expect.arrayContaining([]));
    for (const f of readers)
      expect(["src/config.ts", "src/config-cli.ts", "src/cli/main.ts", "src/main.ts"], f).toContain(f);
  });

  it("never reads the clock in the core: `now` is passed in", () => {
    for (const f of core) {
      const text = readFileSync(f, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      expect(text, f).not.toMatch(/Date\.now\(\)|new Date\(\)/);
    }
  });
});
