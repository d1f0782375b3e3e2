import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeText, resolveTopic, seenNow, watchChanges } from "../../src/briefing/watch.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";

const seed = join(import.meta.dirname, "../fixtures/seed-kb");
let dir: string;
let before: KnowledgeBase;
let after: KnowledgeBase;

beforeAll(() => {
  before = loadKnowledge(seed);
  dir = mkdtempSync(join(tmpdir(), "tradebot-watch-"));
  cpSync(seed, dir, { recursive: true });
  const sentence = "The truce will now expire on Nov. 10, 2026, and the surtax is 100% still.";
  writeFileSync(join(dir, "sources", "news.txt"), `${sentence}\n`);
  writeFileSync(
    join(dir, "sources", "news.yml"),
    'id: news\ntitle: "Truce news"\npublisher: "Test Wire"\npublished: 2025-11-05\ntext_file: news.txt\n',
  );
  writeFileSync(
    join(dir, "claims", "news.yml"),
    `claims:
  - id: news-truce-end
    about: [truce]
    attribute: end
    value: { date: 2026-11-10, precision: day }
    answer: The truce now runs until Nov. 10, 2026.
    snippet: The truce will now expire on Nov. 10, 2026
    source: news
  - id: news-surtax
    about: [surtax-100]
    attribute: amount
    value: { figure: 100, unit: percent }
    answer: The surtax is still 100%.
    snippet: the surtax is 100% still
    source: news
`,
  );
  after = loadKnowledge(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("resolving a topic", () => {
  it("finds the concept people mean through its aliases, typos included", () => {
    for (const [topic, id] of [
      ["the truce", "truce"],
      ["the tariff on Chinese goods", "us-tariffs"],
      ["the rare-earth controls", "rare-earth-controls"],
      ["the truse", "truce"],
    ])
      expect(resolveTopic(before, topic as string)).toMatchObject({ ok: true, concepts: [id] });
  });

  it("suggests topics the sources cover when it knows none", () => {
    const r = resolveTopic(before, "bananas");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestions).toContain("US-China trade truce");
  });
});

describe("what changed about a watched concept", () => {
  it("reports a claim that replaced one the watch saw, with what it replaced", () => {
    const changes = watchChanges(after, ["truce"], seenNow(before, ["truce"]));
    expect(changes.map((c) => [c.kind, c.claim.id, c.replaced?.id])).toEqual([
      ["replaced", "news-truce-end", "truce-end"],
    ]);
    const [change] = changes;
    if (!change) throw new Error("no change");
    expect(change.citation).toMatchObject({
      snippet: "The truce will now expire on Nov. 10, 2026",
      publisher: "Test Wire",
    });
    expect(changeText(after, change)).toBe(
      "The truce now runs until Nov. 10, 2026. It replaces November 2025, from the Oct. 17, 2025 report.",
    );
  });

  it("reports nothing once the watch has seen it, nor a newer report saying the same", () => {
    expect(watchChanges(after, ["truce"], seenNow(after, ["truce"]))).toEqual([]);
    expect(watchChanges(after, ["surtax-100"], seenNow(before, ["surtax-100"]))).toEqual([]);
  });

  it("reports a claim it never saw as new, and one whose content changed as corrected", () => {
    const changes = watchChanges(after, ["truce"], {});
    expect(changes.map((c) => c.kind)).toContain("new");
    const seen = { ...seenNow(after, ["truce"]), "news-truce-end": "0000" };
    expect(watchChanges(after, ["truce"], seen).map((c) => [c.kind, c.claim.id])).toEqual([
      ["updated", "news-truce-end"],
    ]);
  });
});
