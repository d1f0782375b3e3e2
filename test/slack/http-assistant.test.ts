/**
 * The assistant panel end to end over HTTP, as Slack delivers it: `assistant_thread_started` gets
 * suggested prompts drawn from the knowledge; a question in the thread (a `message.im` with
 * `thread_ts`) gets a title, a "thinking" status and a cited answer in the thread, and a follow-up
 * is read with the thread's context; `assistant_thread_context_changed` is kept. Real signed
 * requests, the real core over the frozen seed knowledge, real SQLite; only Slack's Web API is fake.
 */
import { describe, expect, it, vi } from "vitest";
import { THINKING_STATUS } from "../../src/slack/listeners/assistant/index.js";
import { messageIm } from "../support/payloads.js";
import { useTestSlackApp } from "../support/slack-app.js";
import { sendEvent } from "../support/slack-requests.js";
import { assistantThreadContextChanged, assistantThreadStarted } from "../support/surface-payloads.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });
let seq = 0;
const eventId = () => `EvAST${String(++seq).padStart(6, "0")}`;
let tsSeq = 0;
const nextTs = () => `17299${String(50000 + ++tsSeq)}.000100`;

const DM = "D123ABC456";
const PERSON = "U123ABC456";

async function openPanel(threadTs: string, viewing = "C123ABC456") {
  const res = await sendEvent(
    world.app.target,
    assistantThreadStarted(eventId(), {
      channel_id: DM,
      thread_ts: threadTs,
      user_id: PERSON,
      context: { channel_id: viewing, team_id: "T07XY8FPJ5C" },
    }),
  );
  expect(res.status).toBe(200);
  return (await world.slack.waitForCalls("assistant.threads.setSuggestedPrompts", 1))[0];
}

async function ask(threadTs: string, text: string) {
  const res = await sendEvent(
    world.app.target,
    messageIm(eventId(), { channel: DM, user: PERSON, text, ts: nextTs(), thread_ts: threadTs }),
  );
  expect(res.status).toBe(200);
}

describe("the assistant panel", () => {
  it("offers suggested prompts from the knowledge when a thread opens, each one answerable, and keeps the context", async () => {
    const thread = nextTs();
    const call = await openPanel(thread);
    expect(call?.args.channel_id).toBe(DM);
    expect(call?.args.thread_ts).toBe(thread);
    expect(String(call?.args.title)).toMatch(/sources up to Oct\. 17, 2025/);
    const prompts = call?.args.prompts as { title: string; message: string }[];
    expect(prompts.length).toBeGreaterThanOrEqual(2);
    expect(prompts.length).toBeLessThanOrEqual(4);
    for (const p of prompts) {
      expect(p.title.length).toBeGreaterThan(0);
      const answer = world.app.core.answer(p.message, NOW);
      expect(answer.answered, p.message).toBe(true);
      expect(answer.citations.length).toBeGreaterThan(0);
    }
    const kept = await world.app.store.assistantThread({ channelId: DM, threadTs: thread });
    expect(kept?.userId).toBe(PERSON);
    expect(kept?.context).toEqual({ channelId: "C123ABC456", teamId: "T07XY8FPJ5C" });
    // Nothing is posted into the thread until the user asks.
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("titles the thread with the question, shows a thinking status, then posts a cited answer there; a follow-up keeps the context", async () => {
    const thread = nextTs();
    await openPanel(thread);
    await ask(thread, "when does the truce expire?");
    const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
    const [title] = world.slack.callsTo("assistant.threads.setTitle");
    const [status] = world.slack.callsTo("assistant.threads.setStatus");
    expect(title?.args).toMatchObject({
      channel_id: DM,
      thread_ts: thread,
      title: "when does the truce expire?",
    });
    expect(status?.args).toMatchObject({ channel_id: DM, thread_ts: thread, status: THINKING_STATUS });
    // The status is set before the answer is posted (Slack clears it when the reply arrives).
    const order = world.slack.calls.map((c) => c.method);
    expect(order.indexOf("assistant.threads.setStatus")).toBeLessThan(order.indexOf("chat.postMessage"));
    expect(post?.args.channel).toBe(DM);
    expect(post?.args.thread_ts).toBe(thread);
    expect(String(post?.args.text)).toMatch(/expire in November 2025/);
    expect(JSON.stringify(post?.args.blocks)).toContain("That agreement is set to expire in November.");

    await vi.waitFor(async () => {
      expect(
        await world.app.store.threadTurns({ channelId: DM, threadTs: thread }, new Date(0)),
      ).toHaveLength(1);
    });
    await ask(thread, "and the tariff?");
    const second = (await world.slack.waitForCalls("chat.postMessage", 2))[1];
    expect(second?.args.thread_ts).toBe(thread);
    expect(String(second?.args.text)).toMatch(/100% import surtax on Chinese goods/);
    // Every message in the thread gets its own status; one answer each.
    expect(world.slack.callsTo("assistant.threads.setStatus")).toHaveLength(2);
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("keeps the new context when the user moves to another channel with the panel open", async () => {
    const thread = nextTs();
    await openPanel(thread, "C0FIRST001");
    const res = await sendEvent(
      world.app.target,
      assistantThreadContextChanged(eventId(), {
        channel_id: DM,
        thread_ts: thread,
        user_id: PERSON,
        context: { channel_id: "C0SECOND02", team_id: "T07XY8FPJ5C", enterprise_id: "E480293PS82" },
      }),
    );
    expect(res.status).toBe(200);
    await vi.waitFor(async () => {
      const kept = await world.app.store.assistantThread({ channelId: DM, threadTs: thread });
      expect(kept?.context).toEqual({
        channelId: "C0SECOND02",
        teamId: "T07XY8FPJ5C",
        enterpriseId: "E480293PS82",
      });
    });
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("answers a reply in an ordinary DM thread as a DM, without the panel's title or status", async () => {
    const thread = nextTs();
    await ask(thread, "when does the truce expire?");
    const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(post?.args.thread_ts).toBe(thread);
    expect(String(post?.args.text)).toMatch(/expire in November 2025/);
    expect(world.slack.callsTo("assistant.threads.setTitle")).toHaveLength(0);
    expect(world.slack.callsTo("assistant.threads.setStatus")).toHaveLength(0);
  });

  it("sets the prompts once when Slack re-delivers assistant_thread_started", async () => {
    const thread = nextTs();
    const envelope = assistantThreadStarted(eventId(), {
      channel_id: DM,
      thread_ts: thread,
      user_id: PERSON,
    });
    expect((await sendEvent(world.app.target, envelope)).status).toBe(200);
    await world.slack.waitForCalls("assistant.threads.setSuggestedPrompts", 1);
    const retry = {
      ...world.app.target,
      extraHeaders: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" },
    };
    expect((await sendEvent(retry, envelope)).status).toBe(200);
    await world.app.log.waitFor(/ignoring re-delivered event/);
    expect(world.slack.callsTo("assistant.threads.setSuggestedPrompts")).toHaveLength(1);
  });

  it("never puts a ping from the question into the thread title", async () => {
    const thread = nextTs();
    await openPanel(thread);
    await ask(thread, "<!channel> when does the truce expire?");
    await world.slack.waitForCalls("chat.postMessage", 1);
    const [title] = world.slack.callsTo("assistant.threads.setTitle");
    expect(String(title?.args.title)).not.toMatch(/<!channel>|@channel(?!\u200b)/);
  });
});
