/**
 * The Slack app end to end over HTTP: real signed requests shaped like Slack's own payloads, the
 * real core and store, the Web API pointed at a fake Slack that records what would appear.
 */
import { describe, expect, it } from "vitest";
import { quoted } from "../support/blocks.js";
import { appMention, messageIm, payloadJson } from "../support/payloads.js";
import { useTestSlackApp } from "../support/slack-app.js";
import { sendEvent } from "../support/slack-requests.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });
let seq = 0;
const eventId = () => `EvHTTP${String(++seq).padStart(6, "0")}`;

const blocksText = (blocks: unknown) => JSON.stringify(blocks);

describe("signed Events API requests", () => {
  it("rejects a request signed with the wrong secret with 401 and posts nothing", async () => {
    const res = await sendEvent(
      { ...world.app.target, signingSecret: "not-the-secret" },
      appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?" }),
    );
    expect(res.status).toBe(401);
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("rejects a request signed more than five minutes ago with 401", async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await sendEvent(
      { ...world.app.target, timestamp: stale },
      appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?" }),
    );
    expect(res.status).toBe(401);
  });

  it("answers Slack's url_verification handshake with the challenge", async () => {
    const handshake = payloadJson<{ challenge: string }>("url_verification.json");
    const res = await sendEvent(world.app.target, handshake);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: handshake.challenge });
  });

  it("serves a health check on /healthz with the knowledge version", async () => {
    const res = await fetch(`${world.app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, kbVersion: world.app.core.kbVersion() });
  });
});

describe("mentions in channels", () => {
  it("answers in a thread under the asking message, with the quoted source and its context line", async () => {
    const res = await sendEvent(
      world.app.target,
      appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?", ts: "1729850000.000100" }),
    );
    expect(res.status).toBe(200);
    const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(post?.args.channel).toBe("C123ABC456");
    expect(post?.args.thread_ts).toBe("1729850000.000100");
    expect(post?.args.text).toMatch(/November 2025/);
    const blocks = blocksText(post?.args.blocks);
    expect(quoted(post?.args.blocks)).toBe("> That agreement is set to expire in November.");
    expect(blocks).toContain("US, China Plan New Trade Talks in Malaysia");
    expect(blocks).toContain("Oct. 17, 2025 (8 days old)");
    expect(blocks).toContain("tradetalks_feedback");
    expect(post?.token).toBe("xoxb-test-token");
  });

  it("answers inside the thread the question was asked in", async () => {
    await sendEvent(
      world.app.target,
      appMention(eventId(), {
        text: "<@UBOT0001> what tariffs did the truce pause?",
        ts: "1729850100.000200",
        thread_ts: "1729849000.000001",
      }),
    );
    const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(post?.args.thread_ts).toBe("1729849000.000001");
    expect(post?.args.text).toMatch(/145%/);
  });

  it("answers an event re-delivered by Slack only once", async () => {
    const envelope = appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?" });
    expect((await sendEvent(world.app.target, envelope)).status).toBe(200);
    await world.slack.waitForCalls("chat.postMessage", 1);
    const retry = await sendEvent(
      {
        ...world.app.target,
        extraHeaders: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" },
      },
      envelope,
    );
    expect(retry.status).toBe(200);
    await world.app.log.waitFor(new RegExp(`ignoring re-delivered event ${envelope.event_id} \\(retry 1\\)`));
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("ignores messages posted by bots, including itself", async () => {
    await sendEvent(
      world.app.target,
      appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?", bot_id: "BOTHER01" }),
    );
    await sendEvent(
      world.app.target,
      messageIm(eventId(), { text: "when?", bot_id: "BBOT0001", subtype: "bot_message" }),
    );
    await sendEvent(world.app.target, messageIm(eventId(), { text: "when?", user: "UBOT0001" }));
    await sendEvent(
      world.app.target,
      messageIm(eventId(), { text: "when?", user: "UOTHERBOT", bot_id: "BOTHER01", subtype: "bot_message" }),
    );
    await sendEvent(
      world.app.target,
      messageIm(eventId(), { text: "when?", user: "UOTHERBOT", bot_id: "BOTHER01" }),
    );
    await sendEvent(
      world.app.target,
      messageIm(eventId(), { subtype: "message_changed", text: undefined, user: undefined }),
    );
    // A real question afterwards is the one and only reply.
    await sendEvent(world.app.target, messageIm(eventId(), { text: "when does the truce expire?" }));
    const posts = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe("D024BE91L");
    expect(posts[0]?.args.text).toMatch(/November 2025/);
  });

  it("answers a direct message in the conversation, not in a new thread", async () => {
    await sendEvent(world.app.target, messageIm(eventId(), { text: "what is the 100% surtax?" }));
    const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(post?.args.channel).toBe("D024BE91L");
    expect(post?.args.thread_ts).toBeUndefined();
    expect(post?.args.text).toMatch(/100%/);
  });

  it("records a question it cannot answer and offers related ones as buttons", async () => {
    await sendEvent(
      world.app.target,
      messageIm(eventId(), { text: "how are banana exports from Peru doing?" }),
    );
    const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(post?.args.text).toMatch(/I don't know/);
    expect(blocksText(post?.args.blocks)).toContain("tradetalks_suggestion:0");
    const gaps = await world.app.store.listUnanswered();
    expect(gaps[0]).toMatchObject({
      question: "how are banana exports from Peru doing?",
      userId: "U2147483697",
    });
  });
});

describe("the Home tab", () => {
  it("publishes the status and upcoming dates when the user opens it", async () => {
    const env = messageIm(eventId(), {});
    await sendEvent(world.app.target, {
      ...env,
      event: {
        type: "app_home_opened",
        user: "U2147483697",
        channel: "D024BE91L",
        tab: "home",
        event_ts: "1729850000.1",
      },
    });
    const [publish] = await world.slack.waitForCalls("views.publish", 1);
    expect(publish?.args.user_id).toBe("U2147483697");
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    const text = blocksText(view.blocks);
    expect(text).toContain("where things stand");
    expect(text).toContain("Coming up");
    expect(text).toContain("Truce expiry");
  });
});
