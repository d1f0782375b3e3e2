import { describe, expect, it } from "vitest";
import { useFeedWorld } from "./harness.js";
import { fixture } from "./server.js";

const world = useFeedWorld();

describe("reading feeds and pages as they are written", () => {
  it("reads a feed and a page in the encoding they declare, not as UTF-8", async () => {
    const { server } = world;
    const feed = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Le Courrier de Sylvanie</title><link>${server.base}/</link>
<item><title>Les droits sur la laine entrent en vigueur en avril</title>
<link>${server.base}/articles/laine.html</link><guid>courrier-laine-1</guid>
<pubDate>Sat, 14 Mar 2031 09:00:00 GMT</pubDate></item></channel></rss>`;
    const page = fixture("wool-duties.html", server.base)
      .replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
      .replace("Sylvanian mill owners said", "Les filatures sylvaniennes, déjà éprouvées, said");
    server.routes.set("/feeds/courrier.xml", {
      kind: "text",
      body: Buffer.from(feed, "latin1"),
      type: "application/rss+xml",
    });
    server.routes.set("/articles/laine.html", {
      kind: "text",
      body: Buffer.from(page, "latin1"),
      type: "text/html",
    });
    await (await world.poller(["/feeds/courrier.xml"])).pollOnce();
    expect(world.ingested.map((a) => a.title)).toEqual([
      "Les droits sur la laine entrent en vigueur en avril",
    ]);
    expect(world.ingested[0]?.text).toContain("Les filatures sylvaniennes, déjà éprouvées, said");
  });

  it("takes an item listed twice in one feed once", async () => {
    const body = fixture("rss.xml", world.server.base);
    const item = /<item>[\s\S]*?<\/item>/.exec(body)?.[0] ?? "";
    world.server.routes.set("/feeds/trade.xml", {
      kind: "text",
      body: body.replace(item, `${item}\n${item}`),
      type: "application/rss+xml",
    });
    const report = await (await world.poller(["/feeds/trade.xml"])).pollOnce();
    expect(report.feeds[0]?.items.map((i) => i.outcome)).toEqual(["ingested", "ingested"]);
    expect(world.feedSources()).toHaveLength(2);
  });

  it("reads an item's relative link against the feed's address, and says where it found the article", async () => {
    await (await world.poller(["/feeds/economy.atom"])).pollOnce();
    expect(world.ingested[0]).toMatchObject({
      feedUrl: `${world.server.base}/feeds/economy.atom`,
      guid: "tag:courier.example,2031-03-14:wool-duties",
      url: `${world.server.base}/news/wool-duties-april`,
      byline: "Nikolai Pinky Jr.",
    });
    const meta = world.sourceMeta("sylvania-warns-wool-shortage-april-duties");
    expect(String(meta.notes)).toContain(
      `Added with the feed poller from ${world.server.base}/feeds/economy.atom`,
    );
  });
});
