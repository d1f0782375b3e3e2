/**
 * `/tradetalks` and the buttons, end to end over HTTP: form-encoded signed commands, `payload=`
 * clicks shaped like Slack's, replies through a response_url served by the fake Slack.
 */
import { describe, expect, it } from "vitest";
import { safeMrkdwn } from "../../src/slack/escape.js";
import { usageLine } from "../../src/slack/subcommands/help.js";
import { subcommands } from "../../src/slack/subcommands/index.js";
import { appMention, buttonClick, slashCommand } from "../support/payloads.js";
import { useTestSlackApp } from "../support/slack-app.js";
import { sendCommand, sendEvent, sendInteraction } from "../support/slack-requests.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });

type Block = { type: string; elements?: { action_id?: string; value?: string; text?: { text: string } }[] };
/** One feedback_buttons element as posted: each side carries its own value. */
interface FeedbackElement {
  type: string;
  action_id: string;
  positive_button: { value: string };
  negative_button: { value: string };
}

const buttons = (blocks: unknown) =>
  ((blocks as Block[]) ?? []).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

async function command(text: string) {
  const res = await sendCommand(world.app.target, slashCommand(text, world.slack.responseUrl()));
  expect(res.status).toBe(200);
  // Acknowledged empty at once; the reply comes through response_url.
  expect(res.text).toBe("");
  const [reply] = await world.slack.waitForResponses(1);
  return reply?.body as { response_type: string; text: string; blocks: unknown[] };
}

describe("/tradetalks", () => {
  it("shows the status ephemerally through response_url when given no text", async () => {
    const reply = await command("");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toMatch(/^Trade talks status: /);
    expect(JSON.stringify(reply.blocks)).toContain("where things stand");
    expect(buttons(reply.blocks).map((b) => b.text?.text)).toEqual(["Share in channel"]);
  });

  it("answers `ask <question>` and a bare question alike, showing what was asked", async () => {
    const asked = await command("ask when does the truce expire?");
    world.slack.reset();
    const bare = await command("when does the truce expire?");
    for (const reply of [asked, bare]) {
      expect(reply.response_type).toBe("ephemeral");
      expect(reply.text).toMatch(/November 2025/);
      expect(JSON.stringify(reply.blocks)).toContain("You asked: “when does the truce expire?”");
    }
  });

  it("lists dated events with countdowns for `timeline`", async () => {
    const reply = await command("timeline");
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain("Coming up");
    expect(text).toMatch(/Truce expiry/);
    expect(text).toMatch(/in \d+ days/);
  });

  it("lists the sources for `sources`", async () => {
    const reply = await command("sources");
    expect(JSON.stringify(reply.blocks)).toContain("US, China Plan New Trade Talks in Malaysia");
  });

  it("answers an unknown subcommand with help generated from the registry", async () => {
    const reply = await command("frobnicate");
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain("`frobnicate` is not a /tradetalks subcommand");
    // Every registered subcommand, as the registry defines it, with Slack's control characters escaped.
    for (const s of subcommands) expect(text).toContain(`\`${safeMrkdwn(usageLine(s))}\`: `);
    expect(text).toContain("/tradetalks ask &lt;question&gt;");
    expect(text).not.toMatch(/<question>/);
  });

  it("neutralises @channel, @here and group mentions in a question it quotes", async () => {
    const reply = await command(
      "ask <!channel> <!here> <!subteam^S0614TZR7|@traders> when does the truce expire?",
    );
    const all = JSON.stringify(reply);
    expect(all).not.toMatch(/<!channel>|<!here>|<!subteam/);
    expect(all).toContain("@\u200bchannel @\u200bhere @traders");
    // The pings are no part of the question the core matched: it is still answered.
    expect(reply.text).toMatch(/November 2025/);
  });
});

describe("buttons", () => {
  it("records a click on the answer's native feedback buttons with its entries and knowledge version, and thanks the user", async () => {
    await sendEvent(
      world.app.target,
      appMention("EvBTN000001", { text: "<@UBOT0001> when does the truce expire?" }),
    );
    const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
    const feedback = ((post?.args.blocks as Block[]) ?? [])
      .filter((b) => b.type === "context_actions")
      .flatMap((b) => (b.elements ?? []) as FeedbackElement[])
      .find((e) => e.type === "feedback_buttons");
    expect(feedback?.action_id).toBe("tradetalks_feedback");
    const click = (side: "positive_button" | "negative_button", ts: string) => {
      const base = buttonClick(
        { action_id: "tradetalks_feedback", value: feedback?.[side].value ?? "" },
        { responseUrl: world.slack.responseUrl(), ephemeral: false, message: { type: "message", ts } },
      );
      // Slack reports the element clicked as type feedback_buttons, with that side's value.
      const [action] = base.actions as Record<string, unknown>[];
      return { ...base, actions: [{ ...action, type: "feedback_buttons", block_id: "answer_feedback" }] };
    };
    expect((await sendInteraction(world.app.target, click("negative_button", "111.222"))).status).toBe(200);
    const [thanks] = await world.slack.waitForResponses(1);
    expect(thanks?.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(thanks?.body.text)).toMatch(/Thanks for saying so/);
    expect((await world.app.store.listFeedback())[0]).toMatchObject({
      userId: "W111",
      channelId: "C111",
      question: "when does the truce expire?",
      entryIds: world.app.core.answer("when does the truce expire?", NOW).factIds,
      helpful: false,
      kbVersion: world.app.core.kbVersion(),
    });
    expect((await sendInteraction(world.app.target, click("positive_button", "111.223"))).status).toBe(200);
    await world.slack.waitForResponses(2);
    expect((await world.app.store.listFeedback())[0]).toMatchObject({
      helpful: true,
      question: "when does the truce expire?",
    });
  });

  it("still records a click on the older helpful button of an answer posted before the native ones", async () => {
    const value = JSON.stringify({ q: "when does the truce expire?", e: ["truce-end"], v: "old-version" });
    const click = buttonClick(
      { action_id: "tradetalks_helpful", value },
      {
        responseUrl: world.slack.responseUrl(),
        ephemeral: false,
        message: { type: "message", ts: "111.300" },
      },
    );
    expect((await sendInteraction(world.app.target, click)).status).toBe(200);
    await world.slack.waitForResponses(1);
    expect((await world.app.store.listFeedback())[0]).toMatchObject({
      helpful: true,
      entryIds: ["truce-end"],
      kbVersion: "old-version",
    });
  });

  it("answers a suggested question when its button is clicked, in the thread it was offered in", async () => {
    await sendEvent(
      world.app.target,
      appMention("EvBTN000002", { text: "<@UBOT0001> bananas in Peru?", ts: "1729850000.000300" }),
    );
    const [offer] = await world.slack.waitForCalls("chat.postMessage", 1);
    const suggestion = buttons(offer?.args.blocks)[0];
    expect(suggestion?.action_id).toBe("tradetalks_suggestion:0");
    world.slack.reset();
    const click = buttonClick(
      {
        action_id: suggestion?.action_id ?? "",
        value: suggestion?.value ?? "",
        text: suggestion?.text?.text,
      },
      {
        responseUrl: world.slack.responseUrl(),
        ephemeral: false,
        message: { type: "message", ts: "1729850001.000400", thread_ts: "1729850000.000300" },
      },
    );
    await sendInteraction(world.app.target, click);
    const [answer] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(answer?.args.channel).toBe("C111");
    expect(answer?.args.thread_ts).toBe("1729850000.000300");
    const expected = world.app.core.answerEntry(suggestion?.value ?? "", NOW);
    expect(answer?.args.text).toContain(expected?.text.slice(0, 40));
  });

  it("shares an ephemeral answer with the channel, credited and without pinging anyone", async () => {
    const reply = await command("ask <!everyone> when does the truce expire?");
    const share = buttons(reply.blocks).find((b) => b.action_id === "tradetalks_share");
    world.slack.reset();
    const click = buttonClick(
      { action_id: "tradetalks_share", value: share?.value ?? "" },
      { responseUrl: world.slack.responseUrl(), ephemeral: true },
    );
    await sendInteraction(world.app.target, click);
    const [shared, removed] = await world.slack.waitForResponses(2);
    expect(shared?.body.response_type).toBe("in_channel");
    const text = JSON.stringify(shared?.body);
    expect(text).toContain("<@W111> asked:");
    expect(text).not.toContain("<!everyone>");
    expect(text).toContain("@\u200beveryone");
    expect(text).toMatch(/November 2025/);
    expect(text).not.toContain("tradetalks_share");
    expect(removed?.body).toEqual({ delete_original: true });
  });
});
