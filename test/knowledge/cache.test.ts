import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeCached } from "../../src/knowledge/cache.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

describe("the CLI's knowledge cache", () => {
  it("serves an unchanged folder from the cache, reloads an edited one, and keeps only a few old entries", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-cache-"));
    const cache = join(dir, "cache");
    cpSync("knowledge", join(dir, "kb"), { recursive: true });
    let loads = 0;
    const load = async (d: string) => {
      loads++;
      return loadKnowledge(d);
    };
    const first = await loadKnowledgeCached(join(dir, "kb"), cache, load);
    const again = await loadKnowledgeCached(join(dir, "kb"), cache, load);
    expect(loads).toBe(1);
    expect(again.kb.version).toBe(first.kb.version);
    expect(again.kb.entries.length).toBe(first.kb.entries.length);
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, "kb", "entries", "people.yml"), `# edit ${i}\n`, { flag: "a" });
      const edited = await loadKnowledgeCached(join(dir, "kb"), cache, load);
      expect(edited.kb.version).not.toBe(first.kb.version);
    }
    expect(loads).toBe(7);
    expect(readdirSync(cache).filter((f) => f.endsWith(".json")).length).toBeLessThanOrEqual(4);
  });
});
