/**
 * When Slack's side fails: rate limits, channels the bot cannot post to, errors inside a listener,
 * and shutting down while a reply is in progress. Slack is faked at the HTTP boundary only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/types.js";
import { FakeSlack } from "../support/fake-slack.js";
import { appMention, buttonClick, slashCommand } from "../support/payloads.js";
import { startTestSlackApp, type TestSlackApp, useTestSlackApp } from "../support/slack-app.js";
import { sendCommand, sendEvent, sendInteraction } from "../support/slack-requests.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });
let seq = 0;
const eventId = () => `EvFAIL${String(++seq).padStart(6, "0")}`;
const ask = (text = "<@UBOT0001> when does the truce expire?") => appMention(eventId(), { text });

describe("Web API failures", () => {
  it("retries a rate-limited post after Retry-After and posts the answer once", async () => {
    world.slack.rateLimitNext("chat.postMessage", 1);
    await sendEvent(world.app.target, ask());
    const calls = await world.slack.waitForCalls("chat.postMessage", 2);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(world.slack.delivered("chat.postMessage")).toHaveLength(1);
    expect(calls[0]?.args.text).toBe(calls[1]?.args.text);
  });

  it.each(["not_in_channel", "channel_not_found"])(
    "logs %s clearly, does not retry or crash, and keeps answering",
    async (error) => {
      world.slack.failNext("chat.postMessage", error);
      await sendEvent(world.app.target, ask());
      const line = await world.app.log.waitFor(new RegExp(`could not post to C123ABC456: ${error}`));
      expect(line.level).toBe("warn");
      expect(world.slack.callsTo("chat.postMessage")).toHaveLength(1);
      await sendEvent(world.app.target, ask());
      await world.slack.waitForCalls("chat.postMessage", 2);
      expect(world.slack.delivered("chat.postMessage")).toHaveLength(1);
    },
  );

  it("does not retry a post whose connection broke after sending, so nothing can be posted twice", async () => {
    world.slack.dropNext("chat.postMessage");
    const question = "<@UBOT0001> when does the truce expire?";
    await sendEvent(world.app.target, ask(question));
    await world.app.log.waitFor(/error while handling event_callback/);
    const expected = world.app.core.answer("when does the truce expire?", NOW).text;
    const attempts = world.slack
      .callsTo("chat.postMessage")
      .filter((c) => String(c.args.text).startsWith(expected));
    expect(attempts).toHaveLength(1);
    // The user is told something went wrong instead of waiting in silence.
    const [, sorry] = await world.slack.waitForCalls("chat.postMessage", 2);
    expect(String(sorry?.args.text)).toMatch(/^Sorry/);
  });

  it("retries a post Slack answered with 503 and delivers it once", async () => {
    world.slack.httpErrorNext("chat.postMessage", 503);
    await sendEvent(world.app.target, ask());
    // A 5xx means Slack did not take it: retried once, delivered once.
    const calls = await world.slack.waitForCalls("chat.postMessage", 2);
    expect(calls.map((c) => c.status)).toEqual([503, 200]);
    expect(world.slack.delivered("chat.postMessage")).toHaveLength(1);
  });
});

describe("errors inside listeners", () => {
  let failing: TestSlackApp;
  let failSlack: FakeSlack;
  beforeAll(async () => {
    failSlack = await FakeSlack.start();
    const broken = (s: Store): Store =>
      new Proxy(s, {
        get(target, prop, receiver) {
          if (prop === "recordFeedback")
            return async () => {
              throw new Error("SQLITE_FULL: database or disk is full");
            };
          const v = Reflect.get(target, prop, receiver);
          return typeof v === "function" ? v.bind(target) : v;
        },
      });
    failing = await startTestSlackApp(failSlack, { now: NOW, wrapStore: broken });
  });
  afterAll(async () => {
    await failing.close();
    await failSlack.close();
  });

  it("tells the user in a friendly sentence, logs the detail, and keeps working", async () => {
    const value = JSON.stringify({ q: "when does the truce expire?", e: ["truce-expiry"], v: "x" });
    const click = buttonClick(
      { action_id: "tradetalks_helpful", value },
      { responseUrl: failSlack.responseUrl(), ephemeral: true },
    );
    expect((await sendInteraction(failing.target, click)).status).toBe(200);
    const [sorry] = await failSlack.waitForResponses(1);
    expect(sorry?.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(sorry?.body.text)).toMatch(/^Sorry, something went wrong/);
    expect(String(sorry?.body.text)).not.toMatch(/SQLITE/);
    const logged = await failing.log.waitFor(/error while handling block_actions/);
    expect(logged.level).toBe("error");
    expect(logged.text).toContain("SQLITE_FULL");
    // Still alive: the next question is answered.
    await sendEvent(
      failing.target,
      appMention("EvALIVE00001", { text: "<@UBOT0001> when does the truce expire?" }),
    );
    await failSlack.waitForCalls("chat.postMessage", 1);
  });
});

describe("shutting down", () => {
  it("finishes a reply already in progress, then stops taking requests", async () => {
    const own = await FakeSlack.start();
    const running = await startTestSlackApp(own, { now: NOW });
    const res = await sendCommand(running.target, slashCommand("timeline", own.responseUrl()));
    expect(res.status).toBe(200);
    // The command is acknowledged; its reply may still be on its way. Stop now.
    await running.close();
    expect(own.responses).toHaveLength(1);
    await expect(fetch(`${running.baseUrl}/healthz`)).rejects.toThrow();
    await own.close();
  });
});
