import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { buildBriefing } from "../../src/briefing/content.js";
import { claimHash, diffSnapshot, snapshotOf } from "../../src/briefing/snapshot.js";
import { renderBriefingText } from "../../src/briefing/text.js";
import { insideQuotationMarks } from "../../src/knowledge/check.js";
import {
  type KnowledgeBase,
  type LoadedClaim,
  type LoadedSource,
  loadKnowledge,
} from "../../src/knowledge/index.js";
import { briefingMessage } from "../../src/slack/blocks/briefing.js";

const kb = loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
const now = new Date("2025-10-20T08:00:00Z");
const claim = (id: string) => {
  const found = kb.claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id} in the seed knowledge`);
  return found;
};
let edits = 0;
const withClaims = (claims: LoadedClaim[], sources: LoadedSource[] = []): KnowledgeBase => ({
  ...kb,
  sources: new Map([...kb.sources, ...sources.map((s) => [s.id, s] as const)]),
  claims,
  version: `${kb.version}-${++edits}`,
});

/** A report two days after the seed article. */
const later: LoadedSource = {
  ...(kb.sources.get("us-china-malaysia-talks") as LoadedSource),
  id: "later-report",
  title: "Truce Extended",
  published: "2025-10-19",
  file: "sources/later-report.yml",
};
/** A claim of the later report, on the same subject and attribute as `base`. */
const newer = (base: string, id: string, fields: Partial<LoadedClaim>): LoadedClaim => ({
  ...claim(base),
  id,
  source: later.id,
  asOf: later.published,
  title: undefined,
  ...fields,
});

/** The knowledge the day after the truce was extended: a newer claim on the truce's end. */
function truceExtended(): KnowledgeBase {
  const extended = newer("truce-end", "truce-extended", {
    answer: "The US-China tariff truce was extended by another 90 days.",
    value: { date: "2026-02-10", precision: "day" },
  });
  return withClaims([...kb.claims, extended], [later]);
}

describe("what changed since the previous briefing", () => {
  it("finds nothing when the knowledge is the same, even if claims moved within their files", () => {
    const moved = withClaims(kb.claims.map((c) => ({ ...c, line: c.line + 10 })));
    expect(diffSnapshot(moved, snapshotOf(kb))).toEqual({
      added: [],
      changed: [],
      superseded: [],
      removed: [],
    });
  });

  it("reports a newer claim on the same subject and attribute as replacing the one the channel was told about", () => {
    const diff = diffSnapshot(truceExtended(), snapshotOf(kb));
    expect(diff.superseded.map((s) => [s.claim.id, s.replaced?.id])).toEqual([
      ["truce-extended", "truce-end"],
    ]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it("follows a supersedes the curator wrote where the newest-wins rule does not apply", () => {
    const terms = newer("truce-terms", "truce-terms-revised", {
      answer: "Under the revised truce, Washington keeps the 145% tariffs paused for another year.",
      value: { text: "Washington keeps the 145% tariffs paused for another year" },
      supersedes: ["truce-terms"],
    });
    const diff = diffSnapshot(withClaims([...kb.claims, terms], [later]), snapshotOf(kb));
    expect(diff.superseded.map((s) => [s.claim.id, s.replaces])).toEqual([
      ["truce-terms-revised", "truce-terms"],
    ]);
  });

  it("tells new, reworded, confirmed and withdrawn claims apart", () => {
    const reworded = {
      ...claim("surtax-amount"),
      answer: "Trump's 100% surtax is now said to start Nov. 10.",
    };
    const confirmed = newer("truce-end", "truce-end-again", {
      answer: "The truce still expires in November.",
    });
    const next = withClaims(
      [
        ...kb.claims.filter((c) => c.id !== "surtax-amount" && c.id !== "us-deficit-amount"),
        reworded,
        confirmed,
      ],
      [later],
    );
    const previous = snapshotOf(kb).filter((s) => s.id !== "asean-summit-where");
    const diff = diffSnapshot(next, previous);
    expect(diff.added.map((c) => c.id)).toEqual(["asean-summit-where"]);
    // A newer claim saying what the channel was told is an update, and the older one is not withdrawn.
    expect(diff.changed.map((c) => c.id).sort()).toEqual(["surtax-amount", "truce-end-again"]);
    expect(diff.removed).toEqual(["us-deficit-amount"]);
    expect(claimHash(reworded)).not.toBe(claimHash(claim("surtax-amount")));
  });
});

describe("the briefing", () => {
  const previous = { localDate: "2025-10-19", snapshot: snapshotOf(kb) };

  it("shows a replacement with what it replaced, cited", () => {
    const next = truceExtended();
    const b = buildBriefing({ kb: next, core: createCore(next), now, localDate: "2025-10-20", previous });
    expect(b.unchanged).toBe(false);
    expect(b.changes).toEqual([
      expect.objectContaining({
        kind: "supersedes",
        entryId: "truce-extended",
        replacedText: claim("truce-end").answer,
      }),
    ]);
    const text = renderBriefingText(b);
    expect(text).toMatch(
      /Replaces earlier: The US-China tariff truce was extended by another 90 days\. \[\d\]/,
    );
    expect(text).toContain(`(was: ${claim("truce-end").answer})`);
    expect(text).toContain("Truce Extended — ");
    expect(JSON.stringify(b.upcoming)).not.toContain("November 2025");
  });

  it("counts one withdrawn item in the singular, in text and in Slack", () => {
    const next = withClaims(kb.claims.filter((c) => c.id !== "us-deficit-amount"));
    const b = buildBriefing({ kb: next, core: createCore(next), now, localDate: "2025-10-20", previous });
    expect(renderBriefingText(b)).toContain("Withdrawn: 1 earlier item no longer stands.");
    expect(JSON.stringify(briefingMessage(b).blocks)).toContain(
      "*Withdrawn:* 1 earlier item no longer stands.",
    );
  });

  it("says a date no longer stands once a newer report suspends what it was for", () => {
    const suspended = newer("tariffs-145-status", "kl-talks-called-off", {
      about: ["kl-talks", "us-china-talks"],
      answer: "The talks in Malaysia have been called off.",
      value: { state: "cancelled" },
    });
    const next = withClaims([...kb.claims, suspended], [later]);
    const b = buildBriefing({ kb: next, core: createCore(next), now, localDate: "2025-10-20", previous });
    expect(b.changes.map((c) => [c.kind, c.entryId])).toEqual([["new", "kl-talks-called-off"]]);
    expect(b.withdrawn).toEqual(["kl-talks-when"]);
    expect(b.upcoming.map((t) => t.entryId)).not.toContain("kl-talks-when");
  });

  it("counts one change left out in the singular", () => {
    const dropped = new Set(
      snapshotOf(kb)
        .slice(0, 9)
        .map((s) => s.id),
    );
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
      for (const t of [...b.recent, ...b.upcoming]) expect(text.split(`• ${t.title}:`).length - 1).toBe(1);
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

  it("treats a channel whose last briefing predates claims as a first briefing, not as everything changed", () => {
    const fromEntries = {
      localDate: "2025-10-19",
      snapshot: ["truce-expiry", "talks-in-malaysia", "surtax-100"].map((id) => ({
        id,
        hash: "0123456789abcdef",
      })),
    };
    const b = buildBriefing({
      kb,
      core: createCore(kb),
      now,
      localDate: "2025-10-20",
      previous: fromEntries,
    });
    expect(b.previousDate).toBeUndefined();
    expect(b.changes).toEqual([]);
    expect(b.withdrawn).toEqual([]);
    expect(renderBriefingText(b)).not.toContain("What changed");
    expect(b.snapshot.length).toBeGreaterThan(0);
  });

  it("quotes the speaker's own words, in quotation marks in the source, with the speaker's name and source", () => {
    for (let day = 1; day <= 20; day++) {
      const localDate = `2025-11-${String(day).padStart(2, "0")}`;
      const q = buildBriefing({ kb, core: createCore(kb), now, localDate }).quote;
      const quoted = claim(q?.entryId ?? "");
      expect(quoted.quote).toBe(true);
      expect(q?.text).toBe(quoted.snippet);
      expect(insideQuotationMarks(quoted.snippet, kb.sources.get(quoted.source)?.text ?? "")).toBe(true);
      expect(q?.speaker).toBe(kb.concepts.get(quoted.speaker ?? "")?.name);
      expect(q?.citation.title).toBe("US, China Plan New Trade Talks in Malaysia");
    }
  });

  it("lets a changed quote take the quote slot, with the role its speaker's role claim gives", () => {
    const changed = withClaims(
      kb.claims.map((c) =>
        c.id === "trump-doing-very-well" ? { ...c, answer: `${c.answer} (updated)` } : c,
      ),
    );
    const b = buildBriefing({
      kb: changed,
      core: createCore(changed),
      now,
      localDate: "2025-10-20",
      previous,
    });
    expect(b.quote).toMatchObject({
      entryId: "trump-doing-very-well",
      speaker: "Donald Trump",
      role: "U.S. President",
    });
    expect(renderBriefingText(b)).toContain(
      "Quote — Donald Trump, U.S. President:\n  > I think we're doing very well. I think we're getting along with China",
    );
  });

  it("stays within Slack's limits and never lets knowledge text ping a channel", () => {
    const loud = withClaims(
      kb.claims.map((c, i) => ({
        ...c,
        id: `${c.id}-v${i}`,
        answer: `<!channel> ${c.answer} @here ${"x".repeat(300)}`,
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
  });
});

describe("the quote of the day's speaker", () => {
  const fictional = loadKnowledge(join(import.meta.dirname, "../fixtures/fictional-kb"));
  const quoteOn = (localDate: string) =>
    buildBriefing({
      kb: fictional,
      core: createCore(fictional),
      now: new Date("2031-03-13T08:00:00Z"),
      localDate,
    }).quote;

  it("takes the title from the speaker's role claim over the concept's roles, else the concept's first role", () => {
    const quotes = ["2031-03-13", "2031-03-14"].map(quoteOn);
    expect(quotes.map((q) => [q?.speaker, q?.role]).sort()).toEqual([
      ["Rufus T. Firefly", "Freedonian Trade Minister"],
      ["Vera Trentino", "Sylvanian Ambassador"],
    ]);
  });
});
