/** Request signing, checked against Slack's own worked example. */
import { verifySlackRequest } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { payloadText } from "../support/payloads.js";
import { slackSignature } from "../support/signing.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP = 1531420618;
const SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

describe("Slack's signing example", () => {
  const body = payloadText("slash_command.signed-vector.form.txt").replace(/\n$/, "");

  it("is reproduced by the signer the tests use", () => {
    expect(slackSignature(SECRET, TIMESTAMP, body)).toBe(SIGNATURE);
  });

  it("is accepted by the verification the app runs, at the time it was made", () => {
    expect(() =>
      verifySlackRequest({
        signingSecret: SECRET,
        body,
        headers: {
          "x-slack-signature": SIGNATURE,
          "x-slack-request-timestamp": TIMESTAMP,
        },
        nowMilliseconds: TIMESTAMP * 1000 + 1000,
      }),
    ).not.toThrow();
  });

  it("is refused once it is more than five minutes old", () => {
    expect(() =>
      verifySlackRequest({
        signingSecret: SECRET,
        body,
        headers: { "x-slack-signature": SIGNATURE, "x-slack-request-timestamp": TIMESTAMP },
        nowMilliseconds: (TIMESTAMP + 6 * 60) * 1000,
      }),
    ).toThrow(/stale/);
  });
});
