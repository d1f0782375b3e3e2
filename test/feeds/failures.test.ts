import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useFeedWorld } from "./harness.js";
import { closedPortUrl, fixture } from "./server.js";

const world = useFeedWorld();
const KB = 1024;

/** Everything written under the knowledge folder, as one text. */
function knowledgeText(): string {
  const dirs = ["sources", "concepts", "claims", "drafts"].map((d) => join(world.knowledgeDir, d));
  return dirs
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).map((n) => readFileSync(join(d, n), "utf8")))
    .join("\n");
}

describe("feeds that fail", () => {
  it("logs a down, slow, malformed, HTML or huge feed with its address and reason, and still reads the others", async () => {
    const { server } = world;
    server.routes.set("/feeds/down.xml", { kind: "status", status: 503 });
    server.routes.set("/feeds/slow.xml", { kind: "hang" });
    server.routes.set("/feeds/malformed.xml", {
      kind: "file",
      file: "malformed.xml",
      type: "application/xml",
    });
    server.routes.set("/feeds/page.xml", { kind: "file", file: "freedonia-talks.html", type: "text/html" });
    server.routes.set("/feeds/huge.xml", { kind: "endless", type: "application/rss+xml" });
    const refused = await closedPortUrl("/feeds/refused.xml");
    const poller = await world.poller(
      [
        "/feeds/down.xml",
        "/feeds/slow.xml",
        refused,
        "/feeds/malformed.xml",
        "/feeds/page.xml",
        "/feeds/huge.xml",
        "/feeds/trade.xml",
      ],
      { timeoutMs: 300, maxFeedBytes: 256 * KB },
    );
    const report = await poller.pollOnce();
    const byUrl = new Map(report.feeds.map((f) => [f.feedUrl.replace(server.base, ""), f]));
    expect(byUrl.get("/feeds/trade.xml")?.status).toBe("polled");
    expect(world.ingested).toHaveLength(2);

    const expected: [string, RegExp][] = [
      [`${server.base}/feeds/down.xml`, /HTTP 503/],
      [`${server.base}/feeds/slow.xml`, /no answer within 300 ms/],
      [refused, /connection was refused/],
      [`${server.base}/feeds/malformed.xml`, /not well-formed XML: .*line \d+/],
      [`${server.base}/feeds/page.xml`, /web page \(HTML\), not an RSS or Atom feed/],
      [`${server.base}/feeds/huge.xml`, /larger than 256 KB; stopped reading/],
    ];
    for (const [url, reason] of expected) {
      const line = world.log.lines.find((l) => l.text.startsWith(`feed ${url} failed:`));
      expect(line, url).toBeDefined();
      expect(line?.level).toBe("warn");
      expect(line?.text).toMatch(reason);
      expect(line?.text).toContain("next try in 30 min");
    }
    expect(report.feeds.filter((f) => f.status === "failed")).toHaveLength(6);
  });

  it("tries a failed feed again after the interval, then backs off while it keeps failing", async () => {
    world.server.routes.set("/feeds/flaky.xml", { kind: "status", status: 500 });
    const poller = await world.poller(["/feeds/flaky.xml"]);
    await poller.pollOnce();
    expect(world.server.count("/feeds/flaky.xml")).toBe(1);

    world.advanceMinutes(30);
    await poller.pollOnce();
    expect(world.server.count("/feeds/flaky.xml")).toBe(2);
    expect(world.log.text()).toMatch(
      /flaky\.xml failed: the server answered HTTP 500; next try in 1 h \(2 failures in a row\)/,
    );

    // Backing off: 30 minutes later it is not tried; an hour after the second failure it is.
    world.advanceMinutes(30);
    expect((await poller.pollOnce()).feeds[0]?.status).toBe("not_due");
    expect(world.server.count("/feeds/flaky.xml")).toBe(2);
    world.server.routes.set("/feeds/flaky.xml", {
      kind: "file",
      file: "rss.xml",
      type: "application/rss+xml",
    });
    world.advanceMinutes(30);
    expect((await poller.pollOnce()).feeds[0]?.status).toBe("polled");
    expect(world.ingested).toHaveLength(2);
  });

  it("waits as long as a busy server asks (Retry-After) before trying again", async () => {
    world.server.routes.set("/feeds/busy.xml", {
      kind: "status",
      status: 429,
      headers: { "Retry-After": "7200" },
    });
    const poller = await world.poller(["/feeds/busy.xml"]);
    await poller.pollOnce();
    expect(world.log.text()).toMatch(/busy\.xml failed: the server answered HTTP 429; next try in 2 h/);
    world.advanceMinutes(90);
    expect((await poller.pollOnce()).feeds[0]?.status).toBe("not_due");
    world.advanceMinutes(30);
    await poller.pollOnce();
    expect(world.server.count("/feeds/busy.xml")).toBe(2);
  });

  it("logs an article page that is down, slow, huge or not a page, and tries it again at a later poll", async () => {
    const { server } = world;
    const body = fixture("rss.xml", server.base)
      .replace("/articles/freedonia-talks.html", "/articles/slow.html")
      .replace("/articles/wool-duties.html", "/articles/huge.html");
    const extra = ["/articles/down.html", "/articles/file.pdf"]
      .map((p, i) => `<item><title>Item ${i}</title><link>${server.base}${p}</link></item>`)
      .join("\n");
    server.routes.set("/feeds/trade.xml", {
      kind: "text",
      body: body.replace("</channel>", `${extra}</channel>`),
      type: "application/rss+xml",
    });
    server.routes.set("/articles/slow.html", { kind: "hang" });
    server.routes.set("/articles/huge.html", { kind: "endless", type: "text/html" });
    server.routes.set("/articles/down.html", { kind: "status", status: 502 });
    server.routes.set("/articles/file.pdf", { kind: "text", body: "%PDF-1.7", type: "application/pdf" });
    const poller = await world.poller(["/feeds/trade.xml", "/feeds/economy.atom"], {
      timeoutMs: 300,
      maxPageBytes: 256 * KB,
    });
    const report = await poller.pollOnce();
    expect(report.feeds[0]?.items.map((i) => i.outcome)).toEqual(["failed", "failed", "failed", "failed"]);
    const text = world.log.text();
    expect(text).toMatch(/item "Freedonia and Sylvania.*" failed \(try 1 of 5\): no answer within 300 ms/);
    expect(text).toMatch(/item "Sylvania Warns.*" failed \(try 1 of 5\): the answer is larger than 256 KB/);
    expect(text).toMatch(/item "Item 0" failed .*HTTP 502/);
    expect(text).toMatch(/item "Item 1" failed .*not a web page \(application\/pdf\)/);
    // The other feed's copy of the wool article still came through.
    expect(world.ingested.map((a) => a.feedUrl)).toEqual([`${server.base}/feeds/economy.atom`]);

    // The pages come back: the next poll tries the failed items again.
    server.routes.set("/articles/slow.html", {
      kind: "file",
      file: "freedonia-talks.html",
      type: "text/html",
    });
    server.routes.set("/articles/huge.html", { kind: "file", file: "wool-duties.html", type: "text/html" });
    world.advanceMinutes(30);
    const again = await poller.pollOnce();
    expect(again.feeds[0]?.items.map((i) => i.outcome)).toEqual([
      "ingested",
      "duplicate",
      "failed",
      "failed",
    ]);
    expect(world.ingested).toHaveLength(2);
  });

  it("never logs or stores the user name, password or token of a feed's address", async () => {
    const { server } = world;
    server.routes.set("/private/trade.xml", {
      kind: "basic-auth",
      user: "curator",
      password: "s3cret-pw",
      route: { kind: "file", file: "rss.xml", type: "application/rss+xml" },
    });
    server.routes.set("/private/down.xml", { kind: "status", status: 500 });
    const host = server.base.replace("http://", "");
    const good = `http://curator:s3cret-pw@${host}/private/trade.xml?token=tok-abc123&section=trade`;
    const bad = `http://curator:s3cret-pw@${host}/private/down.xml?api_key=key-xyz789`;
    const refused = (await closedPortUrl("/feed.xml?access_token=tok-refused")).replace(
      "http://",
      "http://curator:s3cret-pw@",
    );
    const poller = await world.poller([good, bad, refused], { timeoutMs: 300 });
    const report = await poller.pollOnce();
    // The credentials were used: the protected feed was read.
    expect(report.feeds[0]?.status).toBe("polled");
    expect(world.ingested).toHaveLength(2);

    const everything = [world.log.text(), JSON.stringify(report), knowledgeText()].join("\n");
    for (const secret of ["s3cret-pw", "curator:", "tok-abc123", "key-xyz789", "tok-refused"])
      expect(everything, secret).not.toContain(secret);
    expect(world.log.text()).toContain(
      `feed http://[redacted]@${host}/private/down.xml?api_key=[redacted] failed: the server answered HTTP 500`,
    );
    expect(world.ingested[0]?.feedUrl).toBe(
      `http://[redacted]@${host}/private/trade.xml?token=[redacted]&section=trade`,
    );
  });

  it("stops cleanly while a request is under way", async () => {
    world.server.routes.set("/feeds/slow.xml", { kind: "hang" });
    const poller = await world.poller(["/feeds/slow.xml"], { timeoutMs: 60_000 });
    poller.start();
    await world.server.waitForRequests("/feeds/slow.xml", 1);
    await poller.stop();
    // Stopping is not the feed's fault: no failure is logged or counted against it.
    expect(world.log.text()).not.toMatch(/failed/);
    expect(world.server.count("/feeds/slow.xml")).toBe(1);
  });
});
