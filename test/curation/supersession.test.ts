import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { buildBriefing, type PreviousBriefing } from "../../src/briefing/content.js";
import { renderBriefingText } from "../../src/briefing/text.js";
import { KnowledgeHolder } from "../../src/knowledge/holder.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { type KnowledgeWatcher, watchKnowledge } from "../../src/knowledge/watch.js";
import { silentLogger } from "../../src/log.js";
import { edit, eventually, tempKnowledge } from "./support.js";

const question = "when do the wool duties take effect";
const oldAnswer =
  "Freedonia's second round of duties, on Sylvanian wool, takes effect April 2, 2031 unless the talks produce a deal.";
const newAnswer =
  "Freedonia has postponed its duties on Sylvanian wool until July 1, 2031, to give negotiators more time.";
const monday = new Date("2031-03-17T13:00:00Z");
const friday = new Date("2031-03-21T13:00:00Z");

let kb: ReturnType<typeof tempKnowledge>;
let holder: KnowledgeHolder;
let watcher: KnowledgeWatcher;

beforeEach(() => {
  kb = tempKnowledge("test/fixtures/fictional-kb");
  holder = new KnowledgeHolder(loadKnowledge(kb.dir), createCore);
  watcher = watchKnowledge({ dir: kb.dir, holder, log: silentLogger });
});
afterEach(() => {
  watcher.close();
  kb.remove();
});

/** Copies the later report and its newer claim on the wool duties into the running app's knowledge folder. */
async function publishPostponement(): Promise<void> {
  const before = holder.kbVersion();
  cpSync("test/fixtures/fictional-kb-update", kb.dir, { recursive: true });
  await eventually(
    () => holder.kbVersion(),
    (v) => v !== before && holder.snapshot().kb.sources.has("sylvania-herald-postponed"),
  );
}

function briefing(now: Date, localDate: string, previous?: PreviousBriefing) {
  const { kb: knowledge, core } = holder.snapshot();
  return buildBriefing({ kb: knowledge, core, now, localDate, ...(previous ? { previous } : {}) });
}

describe("a newer claim under a running app", () => {
  it("changes the answer to the newest claim, cites it first and says what it replaced", async () => {
    const before = holder.answer(question, friday);
    expect(before.factIds).toEqual(["wool-duties"]);
    expect(before.text).toContain("April 2, 2031");

    await publishPostponement();
    const after = holder.answer(question, friday);
    expect(after.answered).toBe(true);
    expect(after.factIds[0]).toBe("wool-duties-postponed");
    expect(after.text.startsWith(newAnswer)).toBe(true);
    expect(after.text).toContain("It replaces April 2, 2031, from the March 12, 2031 report.");
    expect(oldAnswer).toContain("April 2, 2031");
    expect(after.citations[0]).toMatchObject({
      source: "sylvania-herald-postponed",
      published: "2031-03-20",
    });
    expect(after.freshness).toMatch(/March 20, 2031/);
  });

  it("changes the status: the postponement stands, the April 2 deadline no longer comes up", async () => {
    const before = holder.status(friday);
    expect(before.upcoming.map((t) => t.entryId)).toContain("wool-duties");

    await publishPostponement();
    const status = holder.status(friday);
    const ids = [...status.inForce, ...status.keyNumbers].map((p) => p.entryId);
    expect(ids).toContain("wool-duties-postponed");
    expect(ids).not.toContain("wool-duties");
    const wool = status.upcoming.find((t) => t.entryId === "wool-duties-postponed");
    expect(wool).toMatchObject({ dateLabel: "July 1, 2031", past: false });
    expect(status.upcoming.map((t) => t.entryId)).not.toContain("wool-duties");
    expect(JSON.stringify(status)).not.toContain("April 2, 2031");
    expect(status.newestSource).toBe("2031-03-20");
    expect(holder.timeline(friday).map((t) => t.entryId)).not.toContain("wool-duties");
  });

  it("makes the next briefing report the replacement and what it replaced", async () => {
    const first = briefing(monday, "2031-03-17");
    expect(first.upcoming.map((t) => t.entryId)).toContain("wool-duties");

    await publishPostponement();
    const next = briefing(friday, "2031-03-21", { localDate: first.localDate, snapshot: first.snapshot });
    expect(next.unchanged).toBe(false);
    expect(next.changes).toContainEqual(
      expect.objectContaining({
        kind: "supersedes",
        entryId: "wool-duties-postponed",
        replacedText: oldAnswer,
      }),
    );
    expect(next.upcoming.map((t) => t.entryId)).not.toContain("wool-duties");
    const text = renderBriefingText(next);
    expect(text).toContain(`Replaces earlier: ${newAnswer}`);
    expect(text).toContain(`(was: ${oldAnswer})`);
    expect(text).toMatch(/The Sylvania Herald, Mar\w* 20, 2031/);
  });

  it("shows both answers, each cited, when a source of the same day disagrees, until a supersedes settles it", async () => {
    cpSync("test/fixtures/fictional-kb-update", kb.dir, { recursive: true });
    // The Herald's report dated the same day as the Ledger's: neither is newer, so they disagree.
    edit(
      join(kb.dir, "sources", "sylvania-herald-postponed.yml"),
      "published: 2031-03-20",
      "published: 2031-03-12",
    );
    await eventually(
      () => holder.snapshot().kb.sources.has("sylvania-herald-postponed"),
      (loaded) => loaded,
    );
    const answer = holder.answer(question, friday);
    expect(answer.text).toMatch(/^Sources differ\./);
    expect(answer.text).toContain("April 2, 2031");
    expect(answer.text).toContain("July 1, 2031");
    expect(answer.citations.map((c) => c.source).sort()).toEqual([
      "freedonia-ledger-talks",
      "sylvania-herald-postponed",
    ]);

    // Marking the Herald's claim as replacing the Ledger's settles it.
    edit(
      join(kb.dir, "claims", "postponement.yml"),
      "    headline: true\n",
      "    headline: true\n    supersedes: [wool-duties]\n",
    );
    const settled = await eventually(
      () => holder.answer(question, friday),
      (a) => !a.text.startsWith("Sources differ"),
    );
    expect(settled.factIds[0]).toBe("wool-duties-postponed");
    expect(settled.text).toContain("It replaces April 2, 2031, from the March 12, 2031 report.");
  });
});
