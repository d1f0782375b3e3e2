/**
 * `/tradetalks watch`, end to end: the app over a watched copy of the seed knowledge, signed slash
 * commands, and the watch notices posting to the fake Slack when a reload replaces a watched claim.
 * Exactly once: a second reload, a restart and a second instance on the same SQLite file post nothing
 * more; two instances racing on one change post it once; unwatch stops it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeHolder } from "../../src/knowledge/holder.js";
import { silentLogger } from "../../src/log.js";
import { startWatchNotices, type WatchNotices } from "../../src/slack/watch-notices.js";
import { openStore } from "../../src/store/sqlite.js";
import { FakeSlack } from "../support/fake-slack.js";
import { slashCommand } from "../support/payloads.js";
import { startTestSlackApp, type TestSlackApp } from "../support/slack-app.js";
import { sendCommand } from "../support/slack-requests.js";

const NOW = new Date("2025-11-06T12:00:00Z");
const CHANNEL = "C2147483705";

let slack: FakeSlack;
let app: TestSlackApp;
let holder: KnowledgeHolder;
const running: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  slack = await FakeSlack.start();
  app = await startTestSlackApp(slack, { now: NOW, knowledge: "test/fixtures/seed-kb" });
  holder = app.holder as KnowledgeHolder;
});
afterAll(async () => {
  for (const r of running) await r.close();
  await app.close();
  await slack.close();
});

async function command(text: string): Promise<string> {
  slack.reset();
  const res = await sendCommand(app.target, slashCommand(text, slack.responseUrl()));
  expect(res.status).toBe(200);
  const [reply] = await slack.waitForResponses(1);
  return String(reply?.body.text);
}

/** A running instance's watch notices, on its own connection to the app's database file. */
function instance(id: string): WatchNotices {
  const store = openStore(app.store.path);
  const notices = startWatchNotices({
    store,
    botToken: "xoxb-test-token",
    apiUrl: slack.apiUrl,
    logger: silentLogger,
    knowledge: () => holder.snapshot().kb,
    onSwap: (l) => holder.onSwap(l),
    now: () => NOW,
    instanceId: id,
  });
  running.push({
    close: async () => {
      await notices.close();
      await store.close();
    },
  });
  return notices;
}

/** Writes a new source and a claim on the truce's expiry that replaces the seed's, and reloads. */
function addTruceNews(id: string, date: string, expires: string, sentence: string): void {
  const dir = app.knowledgeDir as string;
  writeFileSync(join(dir, "sources", `${id}.txt`), `${sentence}\n`);
  writeFileSync(
    join(dir, "sources", `${id}.yml`),
    `id: ${id}\ntitle: "Truce news ${date}"\npublisher: "Test Wire"\npublished: ${date}\ntext_file: ${id}.txt\n`,
  );
  writeFileSync(
    join(dir, "claims", `${id}.yml`),
    [
      "claims:",
      `  - id: ${id}-truce-end`,
      "    about: [truce]",
      "    attribute: end",
      "    value:",
      `      date: ${expires}`,
      "      precision: day",
      `    answer: The US-China tariff truce now runs until ${expires}.`,
      `    snippet: ${sentence}`,
      `    source: ${id}`,
      "",
    ].join("\n"),
  );
  const result = app.deps.review?.reload;
  expect(result).toBeDefined();
  result?.();
}

const truceNotices = () =>
  slack
    .delivered("chat.postMessage")
    .filter((c) => c.args.channel === CHANNEL && /Watched/.test(String(c.args.text)));

/** Lets queued checks (and the watcher's own debounced reload) finish. */
const settle = () => new Promise((r) => setTimeout(r, 400));

describe("/tradetalks watch", () => {
  it("resolves a topic through the knowledge's aliases, and says when it does not know one", async () => {
    expect(await command("watch the truce")).toMatch(/^Watching the truce \(US-China trade truce\)/);
    expect(await command("watch the truce")).toMatch(/already watches the truce/);
    const unknown = await command("watch bananas");
    expect(unknown).toMatch(
      /I don't know that topic: no name or alias in my knowledge matches bananas\. Try /,
    );
    expect(unknown).toContain("US-China trade truce");
    expect(await command("watches")).toMatch(/1\. the truce \(US-China trade truce\)/);
    // A channel the bot is not in is refused, and nothing is stored.
    slack.reset();
    slack.failNext("conversations.info", "channel_not_found");
    const res = await sendCommand(
      app.target,
      slashCommand("watch the rare-earth controls", slack.responseUrl()),
    );
    expect(res.status).toBe(200);
    const [refused] = await slack.waitForResponses(1);
    expect(String(refused?.body.text)).toMatch(/^I'm not in this channel.*\/invite @Trade Talk Bot/);
    expect((await app.store.listWatches(CHANNEL)).map((w) => w.topic)).toEqual(["the truce"]);
  });

  it("posts once when a reload replaces the truce's expiry, cited, and never again", async () => {
    const a = instance("instance-a");
    await settle();
    slack.reset();
    addTruceNews("truce-extended", "2025-11-05", "2026-11-10", "The truce will now expire on Nov. 10, 2026.");
    await slack.waitForCalls("chat.postMessage", 1);
    await settle();
    const [post, ...more] = truceNotices();
    expect(more).toHaveLength(0);
    const text = String(post?.args.text);
    expect(text).toContain("The US-China tariff truce now runs until 2026-11-10.");
    // From what: the claim it replaced, and its report.
    expect(text).toContain("It replaces November 2025, from the Oct. 17, 2025 report.");
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain("> The truce will now expire on Nov. 10, 2026.");
    expect(blocks).toContain("Test Wire");

    // A second reload of the same knowledge, a check by the same instance, a restart and a second
    // instance on the same file: nothing more.
    app.deps.review?.reload?.();
    await a.check();
    const b = instance("instance-b");
    await b.check();
    const restarted = instance("instance-a-restarted");
    await restarted.check();
    await settle();
    expect(truceNotices()).toHaveLength(1);
    const [watch] = await app.store.listWatches(CHANNEL);
    const notices = await app.store.listWatchNotices(watch?.id ?? -1);
    expect(notices.map((n) => [n.state, n.claimedBy])).toEqual([["posted", "instance-a"]]);
  });

  it("posts a change once when two instances check it at the same moment", async () => {
    // A second watch set before the news, so both instances see the same change unposted.
    const kbBefore = holder.snapshot().kb;
    const seen = Object.fromEntries(
      [...(await app.store.listWatches(CHANNEL))].flatMap((w) => Object.entries(w.seen)),
    );
    delete seen["truce-extended-truce-end"];
    seen["truce-end"] = "old";
    const added = await app.store.addWatch(
      { channelId: "C0RACE", topic: "the pause", concepts: ["truce"], createdBy: "U1", seen },
      NOW,
    );
    expect(added).toBeDefined();
    expect(kbBefore.claims.some((c) => c.id === "truce-extended-truce-end")).toBe(true);
    slack.reset();
    const [x, y] = [instance("race-x"), instance("race-y")];
    await settle();
    await Promise.all([x.check(), y.check(), x.check(), y.check()]);
    const posts = slack.delivered("chat.postMessage").filter((c) => c.args.channel === "C0RACE");
    expect(posts).toHaveLength(1);
  });

  it("stops posting once unwatched", async () => {
    expect(await command("unwatch 1")).toMatch(/^Stopped watching the truce/);
    expect(await command("watches")).toMatch(/watches nothing/);
    expect(await command("unwatch the truce")).toMatch(/watches nothing/);
    slack.reset();
    addTruceNews(
      "truce-extended-again",
      "2025-11-06",
      "2027-01-01",
      "The truce now lasts until Jan. 1, 2027.",
    );
    await settle();
    await settle();
    expect(truceNotices()).toHaveLength(0);
    // The racing channel still watches, and hears of this one change once.
    expect(slack.delivered("chat.postMessage").filter((c) => c.args.channel === "C0RACE")).toHaveLength(1);
  });
});
