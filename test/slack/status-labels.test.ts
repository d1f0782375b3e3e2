/**
 * Status, timeline, Home tab and briefing say only what the sources say: what stands, dates coming
 * up, and dates now passed, never that something happened.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { buildBriefing } from "../../src/briefing/content.js";
import { renderBriefingText } from "../../src/briefing/text.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { briefingMessage } from "../../src/slack/blocks/briefing.js";
import { homeView } from "../../src/slack/blocks/home.js";
import { statusMessage } from "../../src/slack/blocks/status.js";
import { timelineMessage } from "../../src/slack/blocks/timeline.js";
import { renderMessage } from "../../src/slack/local/render-text.js";

const kb = loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
const core = createCore(kb);
// Late enough that some dates in the sources have passed, early enough that some are still ahead.
const NOW = new Date("2025-11-05T12:00:00Z");
const PASSED = "Dates now passed (our sources do not say how they turned out)";
const CLAIMS = /happened|In force|Recently|✓/;

describe("status, timeline and Home tab labels", () => {
  const status = core.status(NOW);
  const timeline = core.timeline(NOW);

  it("label the status as what stands per the sources, dates coming up and dates now passed", () => {
    expect(status.upcoming.length + status.recent.length).toBeGreaterThan(0);
    const text = renderMessage(statusMessage(status)).text;
    if (status.inForce.length) expect(text).toContain("What stands, per the sources");
    if (status.upcoming.length) expect(text).toContain("Coming up");
    if (status.recent.length) expect(text).toContain(PASSED);
    expect(text).not.toMatch(CLAIMS);
  });

  it("label past timeline dates as passed, not as having happened", () => {
    expect(timeline.some((t) => t.past)).toBe(true);
    const text = renderMessage(timelineMessage(timeline)).text;
    expect(text).toContain(PASSED);
    expect(text).not.toMatch(CLAIMS);
  });

  it("count a single past date in the singular", () => {
    const one = timeline.filter((t) => t.past).slice(0, 1);
    expect(timelineMessage(one).text).toBe("Trade talks timeline: 1 dated event, none upcoming.");
  });

  it("give the Home tab the same labels", () => {
    const text = renderMessage(homeView(status, timeline)).text;
    expect(text).toContain("Coming up");
    expect(text).not.toMatch(CLAIMS);
  });

  it("label a first briefing's passed dates the same way, in Slack and as text", () => {
    const b = buildBriefing({ kb, core, now: NOW, localDate: "2025-11-05" });
    const slack = renderMessage(briefingMessage(b)).text;
    const plain = renderBriefingText(b);
    for (const text of [slack, plain]) expect(text).not.toMatch(CLAIMS);
    if (b.recent.length) {
      expect(slack).toContain(PASSED);
      expect(plain).toContain(PASSED);
    }
  });
});
