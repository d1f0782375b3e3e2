import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkKnowledge, formatProblem } from "../../src/knowledge/index.js";
import { storeBackends } from "../support/store-backends.js";
import { useFeedWorld } from "./harness.js";
import { fixture } from "./server.js";

// The poller's memory (intervals, validators, items seen, backoff) behaves the same on both databases.
describe.each(storeBackends())("polling feeds for new articles, the store on $name", (backend) => {
  const world = useFeedWorld(backend);

  it("adds each new article of RSS, Atom and RDF feeds once, as a source with drafts that pass kb check", async () => {
    const poller = await world.poller(["/feeds/trade.xml", "/feeds/economy.atom", "/feeds/ledger.rdf"]);
    const report = await poller.pollOnce();
    expect(report.feeds.map((f) => f.status)).toEqual(["polled", "polled", "polled"]);

    // Two articles, though the Atom feed repeats one and the RDF feed the other (same text).
    expect(world.ingested.map((a) => a.title).sort()).toEqual([
      "Freedonia and Sylvania Agree to Resume Tariff Talks",
      "Sylvania Warns of Wool Shortage as April Duties Near",
    ]);
    expect(world.feedSources()).toEqual([
      "freedonia-sylvania-agree-resume-tariff-talks",
      "sylvania-warns-wool-shortage-april-duties",
    ]);
    const check = checkKnowledge(world.knowledgeDir);
    expect(check.problems.map(formatProblem)).toEqual([]);
    expect(check.draftProblems.map(formatProblem)).toEqual([]);
    const outcomes = report.feeds.flatMap((f) => f.items.map((i) => i.outcome)).sort();
    expect(outcomes).toEqual(["duplicate", "duplicate", "ingested", "ingested"]);

    // Polling again, after the interval, drafts nothing more and fetches no page again.
    const pagesBefore = world.server.count("/articles/freedonia-talks.html");
    world.advanceMinutes(31);
    const again = await poller.pollOnce();
    expect(again.feeds.flatMap((f) => f.items)).toEqual([]);
    expect(world.ingested).toHaveLength(2);
    expect(world.server.count("/articles/freedonia-talks.html")).toBe(pagesBefore);
  });

  it("keeps the article text and its metadata, and none of the page furniture", async () => {
    await (await world.poller(["/feeds/trade.xml"])).pollOnce();
    const id = "freedonia-sylvania-agree-resume-tariff-talks";
    expect(world.sourceMeta(id)).toMatchObject({
      title: "Freedonia and Sylvania Agree to Resume Tariff Talks",
      subtitle: "Cheese duties and port fees top the agenda as envoys prepare to meet in Fredonville",
      publisher: "The Freedonia Ledger",
      // The publisher's own day (7:30 AM in Fredonville), not the UTC day of the feed's pubDate.
      published: "2031-03-12",
      credit: "Margaret Dumont",
      url: `${world.server.base}/2031/03/12/freedonia-sylvania-talks`,
    });
    const text = world.sourceText(id);
    expect(text).toContain(
      "Freedonian Trade Minister Rufus T. Firefly said on Tuesday that his government will meet Sylvanian negotiators",
    );
    expect(text).toContain(
      "Analysts said the talks were the most serious effort to end the dispute since it began.",
    );
    expect(text).toContain("\n\n“Our farmers cannot wait another season,” said Trentino.");
    for (const furniture of [
      "cookies",
      "Advertisement",
      "free toaster",
      "Subscribe",
      "Related",
      "Most read",
      "Cheese prices climb",
      "Trade Briefing in your inbox",
      "All rights reserved",
      "Share on X",
    ])
      expect(text, furniture).not.toContain(furniture);
    // The claims are drafted from the text, like tradebot kb add-source's, and wait in drafts/ for review.
    const drafts = readDrafts(id, world.knowledgeDir);
    expect(drafts).toContain(`# Drafts for source ${id}:`);
    expect(drafts).toContain("snippet: We will not be rushed into a bad bargain");

    const wool = world.sourceMeta("sylvania-warns-wool-shortage-april-duties");
    expect(wool).toMatchObject({
      publisher: "Sylvanian Courier",
      published: "2031-03-14",
      url: `${world.server.base}/news/wool-duties-april`,
    });
    expect(world.sourceText("sylvania-warns-wool-shortage-april-duties")).not.toMatch(
      /cookies|knitwear|barley/,
    );
  });

  it("asks with If-None-Match and fetches nothing more when the feed answers 304", async () => {
    world.server.routes.set("/feeds/trade.xml", {
      kind: "file",
      file: "rss.xml",
      type: "application/rss+xml",
      etag: '"trade-v1"',
    });
    const poller = await world.poller(["/feeds/trade.xml"]);
    await poller.pollOnce();
    const requestsAfterFirst = world.server.requests.length;
    world.advanceMinutes(30);
    const report = await poller.pollOnce();
    expect(report.feeds[0]?.status).toBe("unchanged");
    const feedRequests = world.server.requests.filter((r) => r.path === "/feeds/trade.xml");
    expect(feedRequests.at(-1)?.headers["if-none-match"]).toBe('"trade-v1"');
    expect(world.server.requests.length).toBe(requestsAfterFirst + 1);
    expect(world.ingested).toHaveLength(2);
  });

  it("asks with If-Modified-Since when the feed gives only Last-Modified", async () => {
    const lastModified = "Sat, 14 Mar 2031 11:00:00 GMT";
    world.server.routes.set("/feeds/economy.atom", {
      kind: "file",
      file: "atom.xml",
      type: "application/atom+xml",
      lastModified,
    });
    const poller = await world.poller(["/feeds/economy.atom"]);
    await poller.pollOnce();
    const before = world.server.requests.length;
    world.advanceMinutes(45);
    expect((await poller.pollOnce()).feeds[0]?.status).toBe("unchanged");
    expect(world.server.requests.at(-1)?.headers["if-modified-since"]).toBe(lastModified);
    expect(world.server.requests.length).toBe(before + 1);
  });

  it("never polls a feed more often than the interval, even across a restart", async () => {
    await (await world.poller(["/feeds/trade.xml"])).pollOnce();
    expect(world.server.count("/feeds/trade.xml")).toBe(1);

    // A new process over the same database, ten minutes later: not due.
    world.advanceMinutes(10);
    const restarted = await world.poller(["/feeds/trade.xml"]);
    const report = await restarted.pollOnce();
    expect(report.feeds[0]).toMatchObject({
      status: "not_due",
      nextPollAt: new Date("2031-03-14T12:30:00Z"),
    });
    expect(world.server.count("/feeds/trade.xml")).toBe(1);

    world.advanceMinutes(20);
    expect((await restarted.pollOnce()).feeds[0]?.status).toBe("polled");
    expect(world.server.count("/feeds/trade.xml")).toBe(2);
  });

  it("does not draft a re-published item (new GUID, same text) a second time", async () => {
    const poller = await world.poller(["/feeds/trade.xml"]);
    await poller.pollOnce();
    const republished = `<item>
      <title>UPDATED: Freedonia and Sylvania to resume tariff talks</title>
      <link>${world.server.base}/articles/republished.html</link>
      <guid isPermaLink="false">ledger-2031-03-12-talks-v2</guid>
      <pubDate>Thu, 12 Mar 2031 14:05:00 GMT</pubDate>
    </item>`;
    world.server.routes.set("/feeds/trade.xml", {
      kind: "text",
      body: fixture("rss.xml", world.server.base).replace("<item>", `${republished}\n<item>`),
      type: "application/rss+xml",
    });
    world.advanceMinutes(30);
    const report = await poller.pollOnce();
    expect(report.feeds[0]?.items).toMatchObject([
      {
        key: "ledger-2031-03-12-talks-v2",
        outcome: "duplicate",
        reason: expect.stringContaining("same text"),
      },
    ]);
    expect(world.ingested).toHaveLength(2);
    expect(world.feedSources()).toHaveLength(2);
    expect(world.log.text()).toMatch(/UPDATED: Freedonia.*skipped: same text as/);
  });

  it("leaves an item whose ingest failed to be tried again, and gives up after a few tries", async () => {
    world.server.routes.set("/feeds/trade.xml", {
      kind: "file",
      file: "rss.xml",
      type: "application/rss+xml",
      etag: '"v1"',
    });
    let failing = true;
    const ingest = async (article: { title: string }) => {
      if (failing && article.title.startsWith("Freedonia")) throw new Error("disk full");
      return { sourceId: article.title.slice(0, 9).toLowerCase() };
    };
    const poller = await world.poller(["/feeds/trade.xml"], { ingest, maxAttempts: 3 });
    const first = await poller.pollOnce();
    expect(first.feeds[0]?.items.map((i) => [i.title, i.outcome])).toEqual([
      ["Freedonia and Sylvania Agree to Resume Tariff Talks", "failed"],
      ["Sylvania Warns of Wool Shortage as April Duties Near", "ingested"],
    ]);
    expect(world.log.text()).toMatch(/warn .*Freedonia and Sylvania.* failed \(try 1 of 3\): .*disk full/);

    // Next poll: the feed has an ETag, but the failed item is still tried again (no 304 hides it).
    world.advanceMinutes(30);
    failing = false;
    const second = await poller.pollOnce();
    expect(second.feeds[0]?.items).toMatchObject([{ outcome: "ingested", attempts: 2 }]);

    // With every item done, the next poll is a conditional one again.
    world.advanceMinutes(30);
    expect((await poller.pollOnce()).feeds[0]?.status).toBe("unchanged");
  });

  it("keeps fetching the feed whole while an item waits out its backoff, so a 304 never hides it", async () => {
    world.server.routes.set("/feeds/economy.atom", {
      kind: "file",
      file: "atom.xml",
      type: "application/atom+xml",
      etag: '"economy-v1"',
    });
    let calls = 0;
    const ingest = async () => {
      if (++calls <= 2) throw new Error("the knowledge folder is busy");
      return { sourceId: "wool" };
    };
    const poller = await world.poller(["/feeds/economy.atom"], { ingest });
    await poller.pollOnce(); // try 1 fails
    world.advanceMinutes(30);
    await poller.pollOnce(); // try 2 fails; the next waits an hour
    world.advanceMinutes(30);
    expect((await poller.pollOnce()).feeds[0]).toMatchObject({ status: "polled", items: [] });
    world.advanceMinutes(30);
    expect((await poller.pollOnce()).feeds[0]?.items).toMatchObject([{ outcome: "ingested", attempts: 3 }]);
  });

  it("gives an item up, logged, after the last try", async () => {
    const ingest = async () => {
      throw new Error("the knowledge folder is read-only");
    };
    const poller = await world.poller(["/feeds/economy.atom"], { ingest, maxAttempts: 2 });
    await poller.pollOnce();
    world.advanceMinutes(30);
    expect((await poller.pollOnce()).feeds[0]?.items).toMatchObject([{ outcome: "gave_up", attempts: 2 }]);
    expect(world.log.text()).toMatch(/error .*Sylvania Warns.* given up after 2 tries: .*read-only/);
    for (let i = 0; i < 3; i++) {
      world.advanceMinutes(120);
      expect((await poller.pollOnce()).feeds[0]?.items).toEqual([]);
    }
  });
});

function readDrafts(id: string, knowledgeDir: string): string {
  return readFileSync(join(knowledgeDir, "drafts", `${id}.yml`), "utf8");
}
