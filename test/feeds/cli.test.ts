import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { checkKnowledge } from "../../src/knowledge/index.js";
import { type FeedServer, serveFixtures, startFeedServer } from "./server.js";

let server: FeedServer;
let dir: string;
let out: string[];
let err: string[];

beforeEach(async () => {
  server = await startFeedServer();
  serveFixtures(server);
  dir = mkdtempSync(join(tmpdir(), "tradebot-feeds-cli-"));
  cpSync("test/fixtures/knowledge-valid", join(dir, "knowledge"), { recursive: true });
  out = [];
  err = [];
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function tradebot(env: Record<string, string>, ...args: string[]): Promise<number> {
  out = [];
  err = [];
  return runCli(["feeds", "poll", ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: new PassThrough(),
    env: {
      KNOWLEDGE_DIR: join(dir, "knowledge"),
      DATABASE_PATH: join(dir, "tradebot.db"),
      TRADEBOT_NOW: "2031-03-14T12:00:00Z",
      ...env,
    },
  });
}

describe("tradebot feeds poll", () => {
  it("polls once, adds the new articles and says what it found; a second run says the feed is not due", async () => {
    const FEEDS = `${server.base}/feeds/trade.xml ${server.base}/feeds/economy.atom`;
    expect(await tradebot({ FEEDS })).toBe(0);
    const text = out.join("\n");
    expect(text).toContain(
      `${server.base}/feeds/trade.xml: 2 item(s) in the feed, 2 new. Next poll after 2031-03-14 12:30 UTC.`,
    );
    expect(text).toMatch(
      /added {6}"Freedonia and Sylvania Agree to Resume Tariff Talks" \(.*\) as source freedonia-sylvania-agree-resume-tariff-talks: review drafts\/freedonia-sylvania-agree-resume-tariff-talks\.yml/,
    );
    expect(text).toMatch(/known {6}"Sylvania Warns of Wool Shortage as April Duties Near" .*: same text as/);
    expect(checkKnowledge(join(dir, "knowledge")).kb?.drafts.claims.length).toBeGreaterThan(0);

    expect(await tradebot({ FEEDS, TRADEBOT_NOW: "2031-03-14T12:10:00Z" })).toBe(0);
    expect(out).toEqual([
      `${server.base}/feeds/trade.xml: polled recently, not due yet. Next poll after 2031-03-14 12:30 UTC.`,
      `${server.base}/feeds/economy.atom: polled recently, not due yet. Next poll after 2031-03-14 12:30 UTC.`,
    ]);
    expect(server.count("/feeds/trade.xml")).toBe(1);
  });

  it("says which feed failed and why, and exits 1", async () => {
    server.routes.set("/feeds/down.xml", { kind: "status", status: 503 });
    const FEEDS = `${server.base}/feeds/down.xml,${server.base}/feeds/trade.xml`;
    expect(await tradebot({ FEEDS })).toBe(1);
    expect(out.join("\n")).toContain(
      `${server.base}/feeds/down.xml: FAILED: the server answered HTTP 503. Next poll after 2031-03-14 12:30 UTC.`,
    );
    expect(out.join("\n")).toContain(`${server.base}/feeds/trade.xml: 2 item(s) in the feed, 2 new.`);
  });

  it("says how to configure feeds when FEEDS is not set", async () => {
    expect(await tradebot({})).toBe(1);
    expect(err.join("\n")).toContain("No feeds to poll: set FEEDS");
  });
});
