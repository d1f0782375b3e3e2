/** Text going back to Slack never pings anyone and never breaks the markup; questions reach the core clean. */
import { describe, expect, it } from "vitest";
import { safeMrkdwn, safePlain, slackToPlain } from "../../src/slack/escape.js";
import { displayQuestion, normaliseQuestion } from "../../src/slack/question.js";

const ZW = "\u200b";

describe("user text from Slack, made plain then safe", () => {
  const fromSlack = (t: string) => safeMrkdwn(slackToPlain(t));

  it("defuses @channel, @here and @everyone whether Slack-encoded or typed plainly", () => {
    const out = fromSlack("<!channel> <!here|here> <!everyone> and @here again");
    expect(out).toBe(`@${ZW}channel @${ZW}here @${ZW}everyone and @${ZW}here again`);
    expect(out).not.toMatch(/<!/);
  });

  it("turns user-group and user mentions into plain names that do not notify", () => {
    expect(fromSlack("ask <!subteam^S0614TZR7|@trade-team> or <@U024BE7LH|bessent> or <@U0LAN0Z89>")).toBe(
      "ask @trade-team or @bessent or @U0LAN0Z89",
    );
  });

  it("decodes Slack's entities once, so they are not escaped twice", () => {
    expect(fromSlack("a &amp; b &lt;!channel&gt;")).toBe("a &amp; b &lt;!channel&gt;");
  });

  it("keeps a link's label and a channel's name", () => {
    expect(fromSlack("see <https://example.com/a|the article> in <#C123|trade>")).toBe(
      "see the article in #trade",
    );
  });
});

describe("safeMrkdwn", () => {
  it("escapes &, < and > in the core's text, so it cannot open a link or form a mention", () => {
    expect(safeMrkdwn("tariffs < 100% & rising > expected")).toBe(
      "tariffs &lt; 100% &amp; rising &gt; expected",
    );
    expect(safeMrkdwn("<!channel> hi")).toBe("&lt;!channel&gt; hi");
  });
});

describe("safePlain", () => {
  it("leaves plain text unescaped but still defused", () => {
    expect(safePlain("Q&A @here")).toBe(`Q&A @${ZW}here`);
  });
});

describe("questions from Slack", () => {
  it("reach the core without the bot's mention, pings or Slack encoding", () => {
    expect(
      normaliseQuestion("<@U0LAN0Z89> <!channel> when does the truce  expire? &amp; why", "U0LAN0Z89"),
    ).toBe("when does the truce expire? & why");
    expect(normaliseQuestion("<@U0LAN0Z89>: what about @here tariffs?")).toBe("what about tariffs?");
  });

  it("are shown back as written, minus the bot's mention", () => {
    expect(displayQuestion("<@U0LAN0Z89> <!channel> is the truce over?", "U0LAN0Z89")).toBe(
      "@channel is the truce over?",
    );
    expect(slackToPlain("&lt;b&gt;")).toBe("<b>");
  });
});
