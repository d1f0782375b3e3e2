/** `/tradetalks gaps` end to end over HTTP: a signed slash command, the reply through response_url. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.js";
import { slashCommand } from "../support/payloads.js";
import { startTestSlackApp, type TestSlackApp } from "../support/slack-app.js";
import { sendCommand } from "../support/slack-requests.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const ADMIN = "U0CURATOR";
let slack: FakeSlack;
let app: TestSlackApp;

beforeAll(async () => {
  slack = await FakeSlack.start();
  app = await startTestSlackApp(slack, { now: NOW, env: { ADMIN_USER_IDS: `U0OTHERADMIN, ${ADMIN}` } });
  const at = (m: number) => new Date(NOW.getTime() - m * 60_000);
  for (const [i, question] of [
    "will china buy soybeans again?",
    "Will China buy soybeans again",
    "will china buy soy beans <!channel>",
    "is boeing affected",
  ].entries()) {
    await app.store.recordUnanswered({
      userId: `U${i}`,
      question,
      kbVersion: app.core.kbVersion(),
      at: at(10 - i),
    });
  }
  const [entryId = ""] = app.core.answer("when does the truce expire?", NOW).factIds;
  await app.store.recordFeedback({
    userId: "U9",
    question: "when does the truce end",
    entryIds: [entryId],
    helpful: false,
    kbVersion: app.core.kbVersion(),
    at: at(1),
  });
});
afterEach(() => slack.reset());
afterAll(async () => {
  await app.close();
  await slack.close();
});

async function gapsAs(userId: string) {
  const res = await sendCommand(app.target, {
    ...slashCommand("gaps", slack.responseUrl()),
    user_id: userId,
  });
  expect(res.status).toBe(200);
  const [reply] = await slack.waitForResponses(1);
  return reply?.body as { response_type: string; text: string; blocks: unknown[] };
}

describe("/tradetalks gaps", () => {
  it("shows an admin the grouped unanswered questions and the not-helpful answers, ephemerally", async () => {
    const reply = await gapsAs(ADMIN);
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toMatch(
      /^Curators' to-do list: 2 unanswered question groups, 1 answer marked not helpful/,
    );
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain("1. 3× “will china buy soybeans again?” (3 people");
    expect(shown).toContain("also asked as: “will china buy soy beans");
    expect(shown).toMatch(/1\. [a-z0-9-]+: 1 not helpful, 0 helpful/);
    expect(shown).toMatch(/says: [^"]*November 2025/);
  });

  it("never lets a question it quotes ping the channel", async () => {
    const shown = JSON.stringify((await gapsAs(ADMIN)).blocks);
    expect(shown).not.toContain("<!channel>");
    expect(shown).not.toMatch(/(?<!\u200b)@channel/);
  });

  it("lists a question the bot just failed to answer in Slack, grouped with its variants", async () => {
    for (const [user, text] of [
      ["U0ASKER1", "ask will china buy more boeing airplanes?"],
      ["U0ASKER2", "ask Will China buy more Boeing aeroplanes"],
    ]) {
      await sendCommand(app.target, {
        ...slashCommand(text ?? "", slack.responseUrl()),
        user_id: user ?? "",
      });
      const [reply] = await slack.waitForResponses(1);
      expect((reply?.body as { text?: string } | undefined)?.text).toMatch(/I don't know/);
      slack.reset();
    }
    const shown = JSON.stringify((await gapsAs(ADMIN)).blocks);
    // Both were asked at the same (pinned) moment, so either may be the example; the other is its variant.
    expect(shown).toMatch(
      /2\. 2× “(will china buy more boeing airplanes\?|Will China buy more Boeing aeroplanes)” \(2 people/,
    );
    expect(shown).toMatch(
      /also asked as: “(will china buy more boeing airplanes\?|Will China buy more Boeing aeroplanes)”/,
    );
  });

  it("politely refuses anyone who is not an admin, showing them nothing of the list", async () => {
    const reply = await gapsAs("U0SOMEONE");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toMatch(/^Sorry, `\/tradetalks gaps` is only for the curators/);
    expect(JSON.stringify(reply.blocks)).not.toContain("soybeans");
  });
});
