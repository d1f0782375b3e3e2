/** Feed polls reach the metrics: the real poller over the feed test server, counted by status and item outcome. */
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/telemetry/metrics.js";
import { useFeedWorld } from "./harness.js";

const world = useFeedWorld();

describe("feed poll metrics", () => {
  it("counts each feed polled and each item's outcome; a feed not yet due is not a poll", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const poller = await world.poller(["/feeds/trade.xml", "/feeds/economy.atom", "/feeds/missing.xml"], {
      onPoll: (report) => metrics.recordFeedPoll(report),
    });
    await poller.pollOnce();
    await poller.pollOnce(); // too soon: every feed is not_due
    const { body } = await metrics.scrape();
    expect(body).toContain('tradebot_feed_polls_total{status="polled"} 2');
    expect(body).toContain('tradebot_feed_polls_total{status="failed"} 1');
    expect(body).not.toContain('status="not_due"');
    expect(body).toContain('tradebot_feed_items_total{outcome="ingested"} 2');
    expect(body).toContain('tradebot_feed_items_total{outcome="duplicate"} 1');
  });
});
