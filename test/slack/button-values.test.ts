import { describe, expect, it } from "vitest";
import { decodeFeedback, decodeShare, encodeFeedback, encodeShare } from "../../src/slack/blocks/payloads.js";

describe("button values", () => {
  const nasty = `${'"\\\\'.repeat(500)}${"\u0001".repeat(300)} when does the truce expire`;

  it("stay within Slack's 2,000 characters and still decode, whatever the question holds", () => {
    const feedback = encodeFeedback({ question: nasty, entryIds: ["truce-expiry"], kbVersion: "abc123" });
    expect(feedback.length).toBeLessThanOrEqual(2000);
    expect(decodeFeedback(feedback)).toMatchObject({ entryIds: ["truce-expiry"], kbVersion: "abc123" });
    for (const share of [
      encodeShare({ kind: "ask", question: nasty }),
      encodeShare({ kind: "entry", entryId: "truce-expiry", question: nasty }),
    ]) {
      expect(share.length).toBeLessThanOrEqual(2000);
      expect(decodeShare(share)).toBeDefined();
    }
  });

  it("keep an ordinary question whole", () => {
    const v = encodeShare({ kind: "ask", question: "when does the truce expire?" });
    expect(decodeShare(v)).toEqual({ kind: "ask", question: "when does the truce expire?" });
  });
});
