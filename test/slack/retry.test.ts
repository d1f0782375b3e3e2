/**
 * The Web API retry policy, with a real client against real sockets: retried when the request
 * cannot have reached Slack, never when it may have (so an answer cannot be posted twice).
 */
import { createServer } from "node:net";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryPolicy } from "../../src/slack/retry.js";
import { FakeSlack } from "../support/fake-slack.js";

let slack: FakeSlack;
beforeAll(async () => {
  slack = await FakeSlack.start();
});
afterAll(() => slack.close());

/** A client whose requests are counted, with an instant back-off. */
function countingClient(apiUrl: string) {
  let attempts = 0;
  const client = new webApi.WebClient("xoxb-test", {
    slackApiUrl: apiUrl,
    retryConfig: retryPolicy({ retries: 2, minTimeout: 1, maxTimeout: 1, randomize: false }),
    logLevel: webApi.LogLevel.ERROR,
    fetch: (url, init) => {
      attempts++;
      return fetch(url, init);
    },
  });
  return { client, attempts: () => attempts };
}

async function closedPortUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/`;
}

describe("retry policy", () => {
  it("retries a call whose connection was refused, since it never reached Slack", async () => {
    const { client, attempts } = countingClient(await closedPortUrl());
    await expect(client.chat.postMessage({ channel: "C1", text: "hi" })).rejects.toThrow();
    expect(attempts()).toBe(3);
  });

  it("does not retry a call cut off after it was sent", async () => {
    slack.dropNext("chat.postMessage");
    const { client, attempts } = countingClient(slack.apiUrl);
    await expect(client.chat.postMessage({ channel: "C1", text: "hi" })).rejects.toThrow();
    expect(attempts()).toBe(1);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("does not retry a platform error such as not_in_channel", async () => {
    slack.reset();
    slack.failNext("chat.postMessage", "not_in_channel");
    const { client, attempts } = countingClient(slack.apiUrl);
    await expect(client.chat.postMessage({ channel: "C1", text: "hi" })).rejects.toMatchObject({
      data: { error: "not_in_channel" },
    });
    expect(attempts()).toBe(1);
  });
});
