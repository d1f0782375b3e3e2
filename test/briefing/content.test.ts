import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { buildBriefing } from "../../src/briefing/content.js";
import { diffSnapshot, entryHash, snapshotOf } from "../../src/briefing/snapshot.js";
import { renderBriefingText } from "../../src/briefing/text.js";
import { type KnowledgeBase, type LoadedEntry, loadKnowledge } from "../../src/knowledge/index.js";
import { briefingMessage } from "../../src/slack/blocks/briefing.js";

const kb = loadKnowledge(join(import.meta.dirname, "../../knowledge"));
const now = new Date("2025-10-20T08:00:00Z");
const entry = (id: string) => kb.entries.find((e) => e.id === id) as LoadedEntry;
const withEntries = (entries: LoadedEntry[]): KnowledgeBase => ({
  ...kb,
  entries,
  version: `${kb.version}-x`,
});

/** The knowledge base the day after the truce was extended: a new entry superseding truce-expiry. */
function truceExtended(): KnowledgeBase {
  const old = entry("truce-expiry");
  const extended: LoadedEntry = {
    ...old,
    id: "truce-extended",
    supersedes: "truce-expiry",
    answer: "The US-China tariff truce was extended by another 90 days.",
    when: { date: "2026-02-10", precision: "day" },
  };
  return withEntries([...kb.entries, extended]);
}

describe("what changed since the previous briefing", () => {
  it("finds nothing when the knowledge is the same, even if entries moved within their files", () => {
    const moved = withEntries(kb.entries.map((e) => ({ ...e, line: e.line + 10 })));
    const diff = diffSnapshot(moved, snapshotOf(kb));
    expect(diff).toEqual({ added: [], changed: [], superseded: [], removed: [] });
  });

  it("reports an entry that replaces one the channel was told about as superseding it", () => {
    const diff = diffSnapshot(truceExtended(), snapshotOf(kb));
    expect(diff.superseded).toHaveLength(1);
    expect(diff.superseded[0]?.entry.id).toBe("truce-extended");
    expect(diff.superseded[0]?.replaced?.id).toBe("truce-expiry");
    expect(diff.added).toEqual([]);
  });

  it("tells new, reworded and withdrawn entries apart", () => {
    const reworded = { ...entry("surtax-100"), answer: "Trump's 100% surtax is now said to start Nov. 10." };
    const next = withEntries([
      ...kb.entries.filter((e) => e.id !== "surtax-100" && e.id !== "us-deficit"),
      reworded,
    ]);
    const previous = snapshotOf(kb).filter((s) => s.id !== "asean-summit");
    const diff = diffSnapshot(next, previous);
    expect(diff.added.map((e) => e.id)).toEqual(["asean-summit"]);
    expect(diff.changed.map((e) => e.id)).toEqual(["surtax-100"]);
    expect(diff.removed).toEqual(["us-deficit"]);
    expect(entryHash(reworded)).not.toBe(entryHash(entry("surtax-100")));
  });
});

describe("the briefing", () => {
  const previous = { localDate: "2025-10-19", snapshot: snapshotOf(kb) };

  it("shows a supersession with what it replaced, cited", () => {
    const next = truceExtended();
    const b = buildBriefing({ kb: next, core: createCore(next), now, localDate: "2025-10-20", previous });
    expect(b.unchanged).toBe(false);
    expect(b.changes).toEqual([
      expect.objectContaining({
        kind: "supersedes",
        entryId: "truce-extended",
        replacedText: entry("truce-expiry").answer,
      }),
    ]);
    const text = renderBriefingText(b);
    expect(text).toContain(
      "Replaces earlier: The US-China tariff truce was extended by another 90 days. [1]",
    );
    expect(text).toContain(`(was: ${entry("truce-expiry").answer})`);
  });

  it("counts one withdrawn item in the singular, in text and in Slack", () => {
    const next = withEntries(kb.entries.filter((e) => e.id !== "us-deficit"));
    const b = buildBriefing({ kb: next, core: createCore(next), now, localDate: "2025-10-20", previous });
    expect(renderBriefingText(b)).toContain("Withdrawn: 1 earlier item no longer stands.");
    expect(JSON.stringify(briefingMessage(b).blocks)).toContain(
      "*Withdrawn:* 1 earlier item no longer stands.",
    );
  });

  it("counts one change left out in the singular", () => {
    const dropped = new Set(kb.entries.slice(0, 9).map((e) => e.id));
    const older = { localDate: "2025-10-19", snapshot: snapshotOf(kb).filter((s) => !dropped.has(s.id)) };
    const b = buildBriefing({ kb, core: createCore(kb), now, localDate: "2025-10-20", previous: older });
    expect(b.moreChanges).toBe(1);
    expect(renderBriefingText(b)).toContain("…and 1 more new or changed entry.");
    expect(JSON.stringify(briefingMessage(b).blocks)).toContain("…and 1 more new or changed entry.");
  });

  it("never lists the same item twice, whatever the day", () => {
    for (const at of ["2025-10-20T08:00:00Z", "2025-11-05T08:00:00Z", "2026-03-01T08:00:00Z"]) {
      const day = at.slice(0, 10);
      const b = buildBriefing({ kb, core: createCore(kb), now: new Date(at), localDate: day });
      const ids = [...b.standing, ...b.changes, ...b.recent, ...b.upcoming].map((i) => i.entryId);
      expect(new Set(ids).size, `${day}: ${ids.join(", ")}`).toBe(ids.length);
      expect(b.standing.length).toBeGreaterThan(0);
      const text = renderBriefingText(b);
      for (const t of [...b.recent, ...b.upcoming]) expect(text.split(t.title).length - 1).toBe(1);
      // The headline's words are not repeated under a date.
      const said = [...b.standing, ...b.recent].map((i) => i.text).filter(Boolean);
      for (const words of said) expect(text.split(words).length - 1, words).toBe(1);
    }
  });

  it("is a one-line 'no change' with the next dates and their sources when nothing changed", () => {
    const b = buildBriefing({ kb, core: createCore(kb), now, localDate: "2025-10-20", previous });
    expect(b.unchanged).toBe(true);
    const text = renderBriefingText(b);
    expect(text.split("\n")[2]).toMatch(/^No change since Oct. 19, 2025\. Next: .+ \[1\]; .+\.$/);
    expect(text).toContain("Sources:");
  });

  it("gives each quote its speaker and source, and a changed quote takes the quote slot", () => {
    const first = buildBriefing({ kb, core: createCore(kb), now, localDate: "2025-10-20" });
    expect(first.quote?.citation.title).toBeTruthy();
    const q = entry("trump-doing-very-well");
    const changed = withEntries(
      kb.entries.map((e) => (e.id === q.id ? { ...e, answer: `${e.answer} (updated)` } : e)),
    );
    const b = buildBriefing({
      kb: changed,
      core: createCore(changed),
      now,
      localDate: "2025-10-20",
      previous,
    });
    expect(b.quote).toMatchObject({ entryId: q.id, speaker: q.speaker?.name });
  });

  it("stays within Slack's limits and never lets knowledge text ping a channel", () => {
    const loud = withEntries(
      kb.entries.map((e, i) => ({
        ...e,
        id: `${e.id}-v${i}`,
        answer: `<!channel> ${e.answer} @here ${"x".repeat(300)}`,
      })),
    );
    const b = buildBriefing({ kb: loud, core: createCore(loud), now, localDate: "2025-10-20", previous });
    const message = briefingMessage(b);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const json = JSON.stringify(message);
    expect(json).not.toContain("<!channel>");
    expect(json).not.toMatch(/@here/);
    for (const block of message.blocks as { text?: { text: string } }[]) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    expect(message.text.length).toBeLessThanOrEqual(4000);
    expect(renderBriefingText(b)).toContain("more new or changed entries");
  });
});
