/**
 * "Fact-check this" end to end over HTTP: a signed message_action payload shaped like Slack's, the
 * private reply through the shortcut's response_url, and its Share button posting in the thread.
 */
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/slack/blocks/limits.js";
import { ACTIONS, SHORTCUTS } from "../../src/slack/ids.js";
import { buttonClick, messageShortcut } from "../support/payloads.js";
import { useTestSlackApp } from "../support/slack-app.js";
import { sendInteraction } from "../support/slack-requests.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });

type Block = {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: { text: string } | string }[];
};
const buttons = (blocks: unknown) =>
  ((blocks as Block[]) ?? []).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

const MESSAGE =
  "<!channel> Heads up: the talks were held in Bangkok, and the surtax takes effect Nov. 1. " +
  "Trump will meet Xi in South Korea. Crazy week, right? Thanks <@U0NOBODY>!";

async function factCheck(text: string, message: { ts?: string; thread_ts?: string } = {}) {
  const res = await sendInteraction(
    world.app.target,
    messageShortcut(
      SHORTCUTS.factCheck,
      { text, user: "W222", ...message },
      { responseUrl: world.slack.responseUrl() },
    ),
  );
  expect(res.status).toBe(200);
  const [reply] = await world.slack.waitForResponses(1);
  return reply?.body as { response_type: string; text: string; blocks: Block[] };
}

describe("Fact-check this", () => {
  it("replies privately with each claim's verdict, cited, and skips what states nothing", async () => {
    const reply = await factCheck(MESSAGE);
    expect(reply.response_type).toBe("ephemeral");
    const all = JSON.stringify(reply.blocks);
    const shown = JSON.stringify(reply.blocks.filter((b) => b.type !== "actions"));
    expect(all).toContain("✗ the sources say Malaysia (not Bangkok)");
    expect(all).toContain("✓ supported");
    // Each verdict rests on a snippet of the seed source, quoted verbatim with its source line.
    expect(all).toContain("He also declared a 100% import surtax on Chinese goods to take effect Nov. 1.");
    expect(all).toContain(
      "U.S. Treasury Secretary Scott Bessent said he will meet Chinese Vice Premier He Lifeng in Malaysia",
    );
    expect(all).toMatch(
      /2 supported, 1 contradicted, 0 not in the sources; \d sentences? with nothing to check skipped/,
    );
    // The fallback says the same, one line per claim.
    expect(reply.text).toMatch(
      /^Fact-check:\n1\. Heads up: the talks were held in Bangkok — ✗ the sources say Malaysia \(not Bangkok\)/,
    );
    expect(reply.text).toContain("the surtax takes effect Nov. 1 — ✓ supported");
    // No ping survives: not the channel-wide one, not the user mention, not the author's name.
    expect(shown + reply.text).not.toMatch(/<!channel>|<@U0NOBODY>|W222|@channel/);
    expect(buttons(reply.blocks).map((b) => (typeof b.text === "string" ? b.text : b.text?.text))).toEqual([
      "Share",
    ]);
    expect(reply.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    for (const b of reply.blocks) expect((b.text?.text ?? "").length).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it("says what the sources lack: a detail they don't give, and a topic they don't cover", async () => {
    const reply = await factCheck("The truce expires on Nov. 10. The Eiffel Tower is 300 meters tall.");
    const all = JSON.stringify(reply.blocks);
    expect(all.match(/\? not in the sources/g)).toHaveLength(2);
    // The first is about something the sources do give, less precisely: that is said, and cited.
    expect(all).toContain("they say November 2025");
    expect(all).toContain("That agreement is set to expire in November.");
    expect(reply.text).toContain("The Eiffel Tower is 300 meters tall — ? not in the sources");
  });

  it("says so when the message makes no claim to check", async () => {
    const reply = await factCheck("lol ok, sounds good to me :thumbsup:");
    expect(reply.text).toMatch(/I found no claim to check/);
    expect(JSON.stringify(reply.blocks)).toContain("I found no claim to check");
  });

  it("shares the fact-check in the message's thread, credited, and removes the private copy", async () => {
    const reply = await factCheck(MESSAGE, { ts: "1700000100.000200" });
    const [share] = buttons(reply.blocks);
    world.slack.reset();
    const res = await sendInteraction(
      world.app.target,
      buttonClick(
        { action_id: ACTIONS.shareFactCheck, value: share?.value ?? "" },
        { responseUrl: world.slack.responseUrl() },
      ),
    );
    expect(res.status).toBe(200);
    const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
    expect(post?.args.channel).toBe("C111");
    expect(post?.args.thread_ts).toBe("1700000100.000200");
    const posted = JSON.stringify(post?.args.blocks);
    expect(posted).toContain("shared by <@W111>");
    expect(posted).toContain("✗ the sources say Malaysia (not Bangkok)");
    expect(posted).not.toContain(ACTIONS.shareFactCheck);
    expect(String(post?.args.text)).toMatch(/^Fact-check:/);
    const [removed] = await world.slack.waitForResponses(1);
    expect(removed?.body.delete_original).toBe(true);
  });

  it("shares through the response_url when the bot is not in the channel", async () => {
    const reply = await factCheck(MESSAGE, { thread_ts: "1700000000.000001", ts: "1700000100.000300" });
    const [share] = buttons(reply.blocks);
    world.slack.reset();
    world.slack.failNext("chat.postMessage", "not_in_channel");
    await sendInteraction(
      world.app.target,
      buttonClick(
        { action_id: ACTIONS.shareFactCheck, value: share?.value ?? "" },
        { responseUrl: world.slack.responseUrl() },
      ),
    );
    const [shared, removed] = await world.slack.waitForResponses(2);
    expect(world.slack.callsTo("chat.postMessage")[0]?.args.thread_ts).toBe("1700000000.000001");
    expect(shared?.body.response_type).toBe("in_channel");
    expect(JSON.stringify(shared?.body.blocks)).toContain("✓ supported");
    expect(removed?.body.delete_original).toBe(true);
  });
});
