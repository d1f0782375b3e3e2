import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { timelineMessage } from "../../src/slack/blocks/timeline.js";

describe("the /tradetalks timeline in Slack", () => {
  it("orders dates as people read them: the week of Oct. 20 before 'this month' (October)", () => {
    const core = createCore(loadKnowledge("test/fixtures/seed-kb"));
    const text = JSON.stringify(timelineMessage(core.timeline(new Date("2025-10-18T09:00:00Z"))).blocks);
    expect(text.indexOf("Bessent–He talks in Malaysia")).toBeGreaterThan(-1);
    expect(text.indexOf("Trump–Xi meeting")).toBeGreaterThan(text.indexOf("Bessent–He talks in Malaysia"));
  });
});
