import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS, plainFromSlack } from "../../src/search/slack-text.js";

describe("reading Slack-encoded text as plain words", () => {
  it("drops user mentions, including the bot's own", () => {
    expect(plainFromSlack("<@U0LAN0Z89> when does the truce expire")).toBe("when does the truce expire");
    expect(plainFromSlack("hey <@W123ABC|sam> truce?")).toBe("hey truce?");
  });

  it("drops @here, @channel, @everyone and user-group mentions so they cannot reach the matcher", () => {
    expect(plainFromSlack("<!here> <!channel> <!everyone> <!subteam^S123|@traders> truce expiry")).toBe(
      "truce expiry",
    );
  });

  it("keeps a link's label and channel names, drops bare links and emoji codes", () => {
    expect(
      plainFromSlack("saw <https://example.com/a|this story> in <#C123|trade> :flag-cn: <https://x.y>"),
    ).toBe("saw this story in trade");
  });

  it("decodes the three HTML entities Slack escapes", () => {
    expect(plainFromSlack("S&amp;P &lt;3 &gt; 2")).toBe("S&P <3 > 2");
  });

  it("cuts a 10,000-character paste to a bounded question instead of refusing it", () => {
    const pasted = `when does the truce expire ${"blah ".repeat(2000)}`;
    const plain = plainFromSlack(pasted);
    expect(plain.length).toBe(MAX_QUESTION_CHARS);
    expect(plain.startsWith("when does the truce expire")).toBe(true);
  });
});
