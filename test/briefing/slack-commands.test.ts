/**
 * `/tradetalks subscribe | unsubscribe | subscriptions | briefing`, end to end over HTTP against
 * the real app, the real SQLite store and the fake Slack API.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { FakeSlack } from "../support/fake-slack.js";
import { slashCommand } from "../support/payloads.js";
import { startTestSlackApp, type TestSlackApp } from "../support/slack-app.js";
import { sendCommand } from "../support/slack-requests.js";

const NOW = new Date("2025-10-20T02:00:00Z"); // a Monday; 10:00 in Shanghai
const USER = "U2147483697";
const CHANNEL = "C2147483705";
let slack: FakeSlack;
let app: TestSlackApp;

beforeAll(async () => {
  slack = await FakeSlack.start();
  app = await startTestSlackApp(slack, { now: NOW });
  const kb = loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
  app.deps.briefings = { store: app.store, knowledge: () => kb };
});
afterEach(async () => {
  slack.reset();
  await app.store.removeSubscription(CHANNEL);
});
afterAll(async () => {
  await app.close();
  await slack.close();
});

async function command(text: string) {
  const res = await sendCommand(app.target, slashCommand(text, slack.responseUrl()));
  expect(res.status).toBe(200);
  const [reply] = await slack.waitForResponses(1);
  slack.responses.length = 0;
  return reply?.body as { response_type: string; text: string; blocks: unknown[] };
}

describe("/tradetalks subscribe", () => {
  it("subscribes the channel at 08:00 in the requester's Slack time zone by default", async () => {
    slack.addUser({ id: USER, tz: "Asia/Shanghai" });
    const reply = await command("subscribe");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain("every day at 08:00 Asia/Shanghai");
    expect(reply.text).toContain("Next one: Tue., Oct. 21, 2025, 08:00 Asia/Shanghai.");
    expect(await app.store.getSubscription(CHANNEL)).toMatchObject({
      time: "08:00",
      timeZone: "Asia/Shanghai",
      weekdaysOnly: false,
      createdBy: USER,
      teamId: "T0001",
    });
  });

  it("takes a time, a zone and weekdays, and lists the subscription", async () => {
    const reply = await command("subscribe 7:30pm Europe/London weekdays");
    expect(reply.text).toContain("every weekday at 19:30 Europe/London");
    const list = await command("subscriptions");
    expect(list.text).toContain(`<#${CHANNEL}> — weekdays at 19:30 Europe/London`);
    expect(list.text).toContain("1 channel gets the daily briefing:");
    expect(list.text).toContain("; next Mon., Oct. 20, 2025, 19:30 Europe/London");
  });

  it("explains a bad time and an unknown zone with an example, and subscribes nothing", async () => {
    expect((await command("subscribe 25:61")).text).toMatch(
      /couldn't read "25:61" as a time.*subscribe 07:30/,
    );
    expect((await command("subscribe 08:00 Atlantis")).text).toMatch(/don't know the time zone "Atlantis"/);
    expect(await app.store.getSubscription(CHANNEL)).toBeUndefined();
  });

  it("says what changed when a channel subscribes again, keeping the time when only a zone is given", async () => {
    await command("subscribe 7:30pm UTC");
    const reply = await command("subscribe London");
    expect(reply.text).toMatch(/^Updated: was 19:30 UTC every day, now 19:30 Europe\/London every day\./);
    expect(await app.store.getSubscription(CHANNEL)).toMatchObject({
      time: "19:30",
      timeZone: "Europe/London",
    });
    const again = await command("subscribe 08:00 weekdays quiet");
    expect(again.text).toMatch(
      /^Updated: was 19:30 Europe\/London every day, now 08:00 Europe\/London every weekday, quiet when unchanged\./,
    );
    expect((await command("subscribe 08:00 weekdays quiet")).text).toMatch(/^No change: /);
  });

  it("reports an unknown option instead of blaming the zone, and subscribes nothing", async () => {
    const reply = await command("subscribe 07:30 Europe/London weekends");
    expect(reply.text).toMatch(/I don't know the option "weekends" — did you mean weekdays\?/);
    expect(reply.text).not.toMatch(/time zone/);
    expect(await app.store.getSubscription(CHANNEL)).toBeUndefined();
  });

  it("does not echo a broadcast mention typed as a zone", async () => {
    const reply = await command("subscribe 08:00 <!channel>");
    expect(reply.text).not.toContain("<!channel>");
    expect(reply.text).toMatch(/time zone "(&lt;!channel&gt;|@\u200bchannel)"/);
  });

  it("says how to invite the bot when it cannot see the channel", async () => {
    slack.failNext("conversations.info", "channel_not_found");
    const reply = await command("subscribe 08:00");
    expect(reply.text).toContain("/invite @Trade Talk Bot");
    expect(await app.store.getSubscription(CHANNEL)).toBeUndefined();
  });
});

describe("/tradetalks unsubscribe and briefing", () => {
  it("unsubscribes, and says so when there was nothing to stop", async () => {
    await command("subscribe 08:00 UTC");
    expect((await command("unsubscribe")).text).toContain("no more daily briefings");
    expect((await command("unsubscribe")).text).toContain("has no daily briefing");
  });

  it("previews today's briefing ephemerally, with citations", async () => {
    const reply = await command("briefing");
    expect(reply.response_type).toBe("ephemeral");
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain("Preview — only you can see this");
    expect(blocks).toContain("Coming up");
    expect(blocks).toContain("US, China Plan New Trade Talks in Malaysia");
    expect((reply.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  });
});
