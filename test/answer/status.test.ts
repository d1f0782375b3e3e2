import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

const core = createCore(loadKnowledge("test/fixtures/seed-kb"));

describe("the latest status and the timeline", () => {
  it("counts down to the dates still ahead, the day after the article", () => {
    const s = core.status(new Date("2025-10-18T09:00:00Z"));
    const upcoming = Object.fromEntries(s.upcoming.map((t) => [t.entryId, t.countdown]));
    expect(upcoming["surtax-start"]).toBe("in 14 days");
    expect(upcoming["truce-end"]).toBe("expires in 14 to 43 days");
    expect(upcoming["kl-talks-when"]).toBe("starts in 2 days");
    expect(s.upcoming.map((t) => t.until)).toEqual([...s.upcoming.map((t) => t.until)].sort());
    expect(s.headline).toMatch(/^As of the Oct\. 17, 2025 report/);
    expect(s.keyNumbers.map((p) => p.text).join(" ")).toMatch(/145%/);
  });

  it("says plainly when every date has passed, and does not list a passed date as standing", () => {
    const s = core.status(new Date("2026-11-29T12:00:00Z"));
    expect(s.upcoming).toEqual([]);
    expect(s.inForce.map((p) => p.entryId)).not.toContain("surtax-start");
    expect(s.inForce.map((p) => p.entryId)).not.toContain("trump-xi-meeting-when");
    expect(s.recent.length).toBeGreaterThan(0);
    expect(s.headline).toMatch(/Every date it gives has now passed; no newer source is on file\./);
    expect(s.freshness).toBe("Newest source: Oct. 17, 2025 (over a year old)");
  });

  it("lists dated events in the order their periods end, each dated at the source's precision, with a citation", () => {
    const t = core.timeline(new Date("2025-10-18T09:00:00Z"));
    expect(t.map((i) => i.until)).toEqual([...t.map((i) => i.until)].sort());
    // "this month" (October) comes after "next week" (the week of Oct. 20), as a reader expects.
    const order = t.map((i) => i.entryId);
    expect(order.indexOf("trump-xi-meeting-when")).toBeGreaterThan(order.indexOf("kl-talks-when"));
    const truce = t.find((i) => i.entryId === "truce-end");
    expect(truce).toMatchObject({ dateLabel: "November 2025", precision: "month", past: false });
    expect(t.find((i) => i.entryId === "kl-talks-when")?.dateLabel).toBe("the week of Oct. 20, 2025");
    for (const i of t) expect(i.citation.snippet.length).toBeGreaterThan(10);
  });

  it("lists the sources newest first with how many claims rest on each", () => {
    const sources = core.sources();
    expect(sources.map((s) => s.id)).toContain("us-china-malaysia-talks");
    expect(sources.find((s) => s.id === "us-china-malaysia-talks")?.entryCount).toBeGreaterThan(25);
  });
});
