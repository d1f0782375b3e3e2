import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadKnowledgeCached } from "../../src/knowledge/cache.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

/** A draft that passes the checks against the seed knowledge. */
const DRAFT = `concepts:
  - id: truce-review
    type: event
    name: truce review
claims:
  - id: truce-review-when
    about: [truce-review, truce]
    attribute: when
    value: { date: 2025-11-01, precision: month }
    answer: The truce comes up for review in November 2025.
    snippet: That agreement is set to expire in November.
    source: us-china-malaysia-talks
`;

let dir: string;
let loads: number;
const load = async (d: string) => {
  loads++;
  return loadKnowledge(d);
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kb-cache-"));
  cpSync("test/fixtures/seed-kb", join(dir, "kb"), { recursive: true });
  mkdirSync(join(dir, "kb", "drafts"));
  writeFileSync(join(dir, "kb", "drafts", "later.yml"), DRAFT);
  loads = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the CLI's knowledge cache", () => {
  it("serves an unchanged folder from the cache, reloads an edited one, and keeps only a few old ones", async () => {
    const cache = join(dir, "cache");
    const first = await loadKnowledgeCached(join(dir, "kb"), cache, load);
    const again = await loadKnowledgeCached(join(dir, "kb"), cache, load);
    expect(loads).toBe(1);
    expect(again.kb.version).toBe(first.kb.version);
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, "kb", "claims", "people-and-quotes.yml"), `# edit ${i}\n`, { flag: "a" });
      const edited = await loadKnowledgeCached(join(dir, "kb"), cache, load);
      expect(edited.kb.version).not.toBe(first.kb.version);
    }
    expect(loads).toBe(7);
    expect(readdirSync(cache).filter((f) => f.endsWith(".json")).length).toBeLessThanOrEqual(4);
  });

  it("gives back the same concepts, claims and drafts, so answers from the cache are the same", async () => {
    const cache = join(dir, "cache");
    const loaded = await loadKnowledgeCached(join(dir, "kb"), cache, load);
    const cached = await loadKnowledgeCached(join(dir, "kb"), cache, load);
    expect(loads).toBe(1);
    expect([...cached.kb.concepts.keys()]).toEqual([...loaded.kb.concepts.keys()]);
    expect(cached.kb.concepts.get("scott-bessent")).toEqual(loaded.kb.concepts.get("scott-bessent"));
    expect(cached.kb.claims).toEqual(loaded.kb.claims);
    expect(loaded.kb.drafts.claims.map((c) => c.id)).toEqual(["truce-review-when"]);
    expect(cached.kb.drafts).toEqual(loaded.kb.drafts);
    const now = new Date("2025-10-20T09:00:00Z");
    for (const q of ["when does the truce expire", "who is bessent", "what did trump say about china"]) {
      expect(createCore(cached.kb).answer(q, now)).toEqual(createCore(loaded.kb).answer(q, now));
    }
    expect(createCore(cached.kb).status(now)).toEqual(createCore(loaded.kb).status(now));
  });
});
