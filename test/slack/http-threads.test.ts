/**
 * Conversations in threads, end to end over HTTP the way Slack delivers them: a question asked by
 * mention, then follow-ups in its thread as plain `message.channels` replies (no mention), answered
 * in the thread from the thread's context; people talking to each other there get no reply;
 * `/tradetalks threads off` stops it; the context expires. Real signed requests, the real core over
 * the frozen seed knowledge, real SQLite; only Slack's Web API is the fake.
 */
import { describe, expect, it, vi } from "vitest";
import { quoted } from "../support/blocks.js";
import { appMention, messageChannels, messageIm, slashCommand } from "../support/payloads.js";
import { useTestSlackApp } from "../support/slack-app.js";
import { sendCommand, sendEvent } from "../support/slack-requests.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });
let seq = 0;
const eventId = () => `EvTHR${String(++seq).padStart(6, "0")}`;
let tsSeq = 0;
const nextTs = () => `17298${String(50000 + ++tsSeq)}.000100`;

const CHANNEL = "C123ABC456";
const PERSON = "U061F7AUR";
const blocksText = (blocks: unknown) => JSON.stringify(blocks);

/**
 * Waits until the conversation keeps `n` turns: the turn is stored just after its answer is posted,
 * and a person's next message in Slack comes seconds later, not within the same millisecond.
 */
async function kept(threadTs: string, n: number, channel = CHANNEL): Promise<void> {
  await vi.waitFor(async () => {
    expect(await world.app.store.threadTurns({ channelId: channel, threadTs }, new Date(0))).toHaveLength(n);
  });
}

/** Asks the bot by mention at the top of the channel (Slack sends app_mention and message.channels); returns the thread. */
async function startThread(question: string, channel = CHANNEL): Promise<string> {
  const ts = nextTs();
  const text = `<@UBOT0001> ${question}`;
  await sendEvent(world.app.target, appMention(eventId(), { text, ts, channel, user: PERSON }));
  await sendEvent(
    world.app.target,
    messageChannels(eventId(), { text, ts, event_ts: ts, channel, user: PERSON }),
  );
  await world.slack.waitForCalls("chat.postMessage", 1);
  await kept(ts, 1, channel);
  return ts;
}

/** A reply in a thread, as Slack delivers it to an app subscribed to message.channels. */
async function replyInThread(threadTs: string, text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  const res = await sendEvent(
    world.app.target,
    messageChannels(eventId(), {
      text,
      ts,
      event_ts: ts,
      thread_ts: threadTs,
      parent_user_id: PERSON,
      channel: CHANNEL,
      user: PERSON,
      ...extra,
    }),
  );
  expect(res.status).toBe(200);
}

async function command(text: string, channel = CHANNEL) {
  const fields = { ...slashCommand(text, world.slack.responseUrl()), channel_id: channel };
  expect((await sendCommand(world.app.target, fields)).status).toBe(200);
  const [reply] = await world.slack.waitForResponses(1);
  world.slack.reset();
  return reply?.body as { text: string };
}

describe("follow-ups in a thread the bot answered in", () => {
  it("answers three questions in a row, the last two without a mention: short, cited, in the thread", async () => {
    const thread = await startThread("when does the truce expire?");
    const [first] = world.slack.callsTo("chat.postMessage");
    expect(first?.args.thread_ts).toBe(thread);
    expect(first?.args.text).toMatch(/expire in November 2025/);
    expect(quoted(first?.args.blocks)).toContain("> That agreement is set to expire in November.");

    await replyInThread(thread, "and the tariff?");
    const second = (await world.slack.waitForCalls("chat.postMessage", 2))[1];
    await kept(thread, 2);
    expect(second?.args.channel).toBe(CHANNEL);
    expect(second?.args.thread_ts).toBe(thread);
    expect(second?.args.text).toMatch(
      /100% import surtax on Chinese goods is set to take effect on Nov\. 1, 2025/,
    );
    expect(quoted(second?.args.blocks)).toContain(
      "> He also declared a 100% import surtax on Chinese goods to take effect Nov. 1.",
    );

    await replyInThread(thread, "who said so?");
    const third = (await world.slack.waitForCalls("chat.postMessage", 3))[2];
    expect(third?.args.thread_ts).toBe(thread);
    expect(third?.args.text).toMatch(
      /^As reported by .*, Oct\. 17, 2025; my sources record no speaker for it\./,
    );
    expect(quoted(third?.args.blocks)).toContain("> He also declared a 100% import surtax");

    for (const post of [first, second, third]) expect(String(post?.args.text).length).toBeLessThan(400);
    // The mention arrived twice (app_mention and message.channels) and was answered once.
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(3);
  });

  it("gets no reply for people talking to each other in the thread", async () => {
    const thread = await startThread("when does the truce expire?");
    await replyInThread(thread, "thanks, I'll tell finance");
    await replyInThread(thread, "<@U0BOB0001> can you check this?");
    await replyInThread(thread, "lol");
    // Edits, bot posts and broadcasts are not questions either.
    await replyInThread(thread, "and the tariff?", { subtype: "thread_broadcast" });
    await replyInThread(thread, "and the tariff?", { bot_id: "BOTHER01", user: "UOTHERBOT" });
    await replyInThread(thread, "and the tariff?", { user: "UBOT0001" });
    // Then a real follow-up: the one and only reply after the first answer.
    await replyInThread(thread, "source?");
    const posts = await world.slack.waitForCalls("chat.postMessage", 2);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.args.text).toMatch(
      /^Source: .*"US, China Plan New Trade Talks in Malaysia", Oct\. 17, 2025\./,
    );
    expect(quoted(posts[1]?.args.blocks)).toContain("> That agreement is set to expire in November.");
  });

  it("does not answer in a thread it has not answered in", async () => {
    await replyInThread(nextTs(), "when does the truce expire?");
    const thread = await startThread("when does the truce expire?");
    const posts = world.slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.thread_ts).toBe(thread);
  });

  it("answers follow-ups in private channels and group DMs too, and never a message outside a thread", async () => {
    for (const [channel, channelType] of [
      ["G0PRIVATE1", "group"],
      ["G0GROUPDM1", "mpim"],
    ] as const) {
      const thread = await startThread("when does the truce expire?", channel);
      // The same channel's top-level chatter, even a question, is not for the bot.
      const top = nextTs();
      await sendEvent(
        world.app.target,
        messageChannels(eventId(), {
          text: "and the tariff?",
          ts: top,
          event_ts: top,
          channel,
          channel_type: channelType,
        }),
      );
      await replyInThread(thread, "and the tariff?", { channel, channel_type: channelType });
      const posts = await world.slack.waitForCalls("chat.postMessage", 2);
      expect(posts).toHaveLength(2);
      expect(posts[1]?.args).toMatchObject({ channel, thread_ts: thread });
      expect(posts[1]?.args.text).toMatch(/Nov\. 1, 2025/);
      world.slack.reset();
    }
  });

  it("answers a follow-up that also mentions the bot once, by the mention", async () => {
    const thread = await startThread("when does the truce expire?");
    const ts = nextTs();
    const text = "<@UBOT0001> and the tariff?";
    await sendEvent(
      world.app.target,
      appMention(eventId(), { text, ts, thread_ts: thread, channel: CHANNEL }),
    );
    await replyInThread(thread, text);
    const posts = await world.slack.waitForCalls("chat.postMessage", 2);
    await kept(thread, 2);
    await replyInThread(thread, "source?");
    await world.slack.waitForCalls("chat.postMessage", 3);
    const all = world.slack.callsTo("chat.postMessage");
    expect(all).toHaveLength(3);
    expect(posts[1]?.args.text).toMatch(/Nov\. 1, 2025/);
  });

  it("never posts a broadcast mention back from the follow-up", async () => {
    const thread = await startThread("when does the truce expire?");
    await replyInThread(thread, "<!channel> and the tariff?");
    const [, post] = await world.slack.waitForCalls("chat.postMessage", 2);
    const posted = `${post?.args.text} ${blocksText(post?.args.blocks)}`;
    expect(posted).not.toContain("<!channel>");
    expect(posted).toMatch(/Nov\. 1, 2025/);
  });
});

describe("/tradetalks threads", () => {
  it("turns follow-ups without a mention off and on again for the channel; mentions still work", async () => {
    const channel = "C0THREADS1";
    const thread = await startThread("when does the truce expire?", channel);
    world.slack.reset();
    expect((await command("threads off", channel)).text).toMatch(/^Thread follow-ups off/);
    await replyInThread(thread, "and the tariff?", { channel });
    expect((await command("threads", channel)).text).toMatch(/are off/);
    // Still answered when mentioned, in the same thread.
    const ts = nextTs();
    await sendEvent(
      world.app.target,
      appMention(eventId(), { text: "<@UBOT0001> and the tariff?", ts, thread_ts: thread, channel }),
    );
    const [mentioned] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(mentioned?.args.text).toMatch(/Nov\. 1, 2025/);
    await kept(thread, 2, channel);
    world.slack.reset();
    expect((await command("threads on", channel)).text).toMatch(/^Thread follow-ups on/);
    await replyInThread(thread, "source?", { channel });
    const [again] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(again?.args.thread_ts).toBe(thread);
    expect(again?.args.text).toMatch(/^Source: /);
  });

  it("is listed by help", async () => {
    expect((await command("help")).text).toMatch(/threads/);
  });
});

describe("the thread's context", () => {
  it("expires: a day later a reply in the thread gets no answer, and a new mention starts afresh", async () => {
    const thread = await startThread("when does the truce expire?");
    world.slack.reset();
    const { deps } = world.app;
    deps.now = () => new Date(NOW.getTime() + 25 * 60 * 60 * 1000);
    try {
      await replyInThread(thread, "and the tariff?");
      const ts = nextTs();
      await sendEvent(
        world.app.target,
        appMention(eventId(), { text: "<@UBOT0001> who said so?", ts, thread_ts: thread, channel: CHANNEL }),
      );
      const posts = await world.slack.waitForCalls("chat.postMessage", 1);
      expect(posts).toHaveLength(1);
      // Read with no context, "who said so?" names nothing the sources are about.
      expect(posts[0]?.args.text).toMatch(/I don't know/);
      // The expired turn is pruned once the new one is kept (just after the post).
      await vi.waitFor(async () => {
        const kept = await world.app.store.threadTurns({ channelId: CHANNEL, threadTs: thread }, new Date(0));
        expect(kept.map((t) => t.question)).toEqual(["who said so?"]);
      });
    } finally {
      deps.now = () => NOW;
    }
  });
});

describe("direct messages", () => {
  it("keeps the conversation's context: a follow-up in a DM is read with the question before it", async () => {
    await sendEvent(
      world.app.target,
      messageIm(eventId(), { text: "when does the truce expire?", ts: nextTs() }),
    );
    await world.slack.waitForCalls("chat.postMessage", 1);
    await kept("", 1, "D024BE91L");
    await sendEvent(world.app.target, messageIm(eventId(), { text: "and the tariff?", ts: nextTs() }));
    const [, tariff] = await world.slack.waitForCalls("chat.postMessage", 2);
    await kept("", 2, "D024BE91L");
    expect(tariff?.args.channel).toBe("D024BE91L");
    expect(tariff?.args.thread_ts).toBeUndefined();
    expect(tariff?.args.text).toMatch(/take effect on Nov\. 1, 2025/);
    await sendEvent(world.app.target, messageIm(eventId(), { text: "source?", ts: nextTs() }));
    const [, , source] = await world.slack.waitForCalls("chat.postMessage", 3);
    expect(source?.args.text).toMatch(/^Source: /);
    expect(quoted(source?.args.blocks)).toContain("> He also declared a 100% import surtax");
  });
});
