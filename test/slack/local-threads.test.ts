/**
 * Threads in the local chat: `/thread <question>` mentions the bot in a channel, the lines after
 * it are replies in that thread, through the same listeners as Slack's `message.channels`; `/dm`
 * goes back to the direct message.
 */
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/log.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { runLocalChat } from "../../src/slack/local/chat.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const core = createCore(loadKnowledge("test/fixtures/seed-kb"));
let store: Store;
beforeAll(() => {
  store = openStore(":memory:");
});
afterAll(() => store.close());

async function chat(lines: string[]): Promise<string> {
  const deps: SlackDeps = { core, store, logger: silentLogger, now: () => NOW, config: loadConfig({}) };
  const output = new PassThrough();
  let printed = "";
  output.on("data", (c: Buffer) => {
    printed += c.toString("utf8");
  });
  await runLocalChat({ deps, input: Readable.from(lines.map((l) => `${l}\n`)), output, interactive: false });
  return printed;
}

/** What the bot printed after the line `you> line`, up to the next line typed. */
const replyTo = (out: string, line: string) => (out.split(`you> ${line}\n`)[1] ?? "").split("you> ")[0] ?? "";

describe("threads in the local chat", () => {
  it("answers follow-ups in the thread without a mention, once each, and not people's remarks", async () => {
    const out = await chat([
      "/thread when does the truce expire?",
      "and the tariff?",
      "thanks, I'll tell finance",
      "who said so?",
    ]);
    expect(replyTo(out, "/thread when does the truce expire?")).toMatch(
      /^tradebot \(in thread\):\n {2}The US-China tariff truce .* expire in November 2025/,
    );
    expect(replyTo(out, "/thread when does the truce expire?").match(/tradebot/g)).toHaveLength(1);
    expect(replyTo(out, "and the tariff?")).toMatch(
      /^tradebot \(in thread\):\n {2}Trump's 100% import surtax .* Nov\. 1, 2025/,
    );
    expect(replyTo(out, "thanks, I'll tell finance")).toBe("");
    expect(replyTo(out, "who said so?")).toMatch(
      /^tradebot \(in thread\):\n {2}As reported by Transportation-industry news site/,
    );
    expect(replyTo(out, "who said so?")).toContain("│ He also declared a 100% import surtax");
  });

  it("goes back to the direct message with /dm, which keeps its own context", async () => {
    const out = await chat([
      "/thread when does the truce expire?",
      "/dm",
      "what did bessent say?",
      "who said that?",
    ]);
    expect(replyTo(out, "/dm")).toMatch(/^Back in the direct message\./);
    expect(replyTo(out, "who said that?")).toMatch(/^tradebot:\n {2}Scott Bessent said it/);
  });

  it("asks for a question when /thread has none", async () => {
    expect(replyTo(await chat(["/thread"]), "/thread")).toMatch(/^Start a thread with a question/);
  });
});
