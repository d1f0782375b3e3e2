/**
 * `tradebot feeds poll`: polls every feed in FEEDS once, as the running app would (the minimum
 * interval still holds: a feed polled recently is reported as not due), adds new articles to the
 * knowledge folder as sources with drafted claims, and prints what it found for each feed.
 */
import { parseArgs } from "node:util";
import { type Config, ConfigError, loadConfig } from "../../config.js";
import { feedPollerFor } from "../../feeds/start.js";
import type { FeedReport, ItemReport } from "../../feeds/types.js";
import { createLogger } from "../../log.js";
import { CLI_DATABASE_WAIT_MS, openConfiguredStore } from "../../store/open.js";
import { type CliCommand, UsageError } from "../command.js";

/** The `feeds poll` command. */
export const feedsPoll: CliCommand = {
  name: "feeds poll",
  summary: "Poll the feeds in FEEDS once, add new articles as sources, and say what was found",
  usage: "[--verbose]",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { verbose: { type: "boolean" } },
    });
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    let config: Config;
    try {
      config = loadConfig(ctx.env);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      ctx.err(`${err.message}\nSee .env.example for every variable.`);
      return 2;
    }
    if (!config.feeds.urls.length) {
      ctx.err("No feeds to poll: set FEEDS to one or more RSS or Atom addresses. See docs/feeds.md.");
      return 1;
    }
    const store = await openConfiguredStore(config, { waitForMs: CLI_DATABASE_WAIT_MS });
    const logger = createLogger(values.verbose ? "debug" : "error", (line) => ctx.err(line));
    const poller = feedPollerFor({ config, store, logger, knowledgeDir: ctx.knowledgeDir, now: ctx.now });
    try {
      const report = await poller.pollOnce();
      for (const feed of report.feeds) for (const line of feedLines(feed)) ctx.out(line);
      const failed = report.feeds.some(
        (f) =>
          f.status === "failed" || f.items.some((i) => i.outcome === "failed" || i.outcome === "gave_up"),
      );
      return failed ? 1 : 0;
    } finally {
      await poller.stop();
      await store.close();
    }
  },
};

function feedLines(feed: FeedReport): string[] {
  const next = feed.nextPollAt ? ` Next poll after ${when(feed.nextPollAt)}.` : "";
  switch (feed.status) {
    case "not_due":
      return [`${feed.feedUrl}: polled recently, not due yet.${next}`];
    case "unchanged":
      return [`${feed.feedUrl}: nothing new (the feed has not changed).${next}`];
    case "failed":
      return [`${feed.feedUrl}: FAILED: ${feed.reason ?? "unknown reason"}.${next}`];
    case "polled": {
      const head = `${feed.feedUrl}: ${feed.itemsInFeed ?? 0} item(s) in the feed, ${feed.items.length} new.${next}`;
      return [head, ...feed.items.map(itemLine)];
    }
  }
}

function itemLine(item: ItemReport): string {
  const what = `"${item.title ?? item.key}"${item.url ? ` (${item.url})` : ""}`;
  switch (item.outcome) {
    case "ingested":
      return `  added      ${what}${item.sourceId ? ` as source ${item.sourceId}: review drafts/${item.sourceId}.yml` : ""}`;
    case "duplicate":
      return `  known      ${what}: ${item.reason ?? "same text as an item already added"}`;
    case "failed":
      return `  failed     ${what}: ${item.reason ?? "unknown reason"} (try ${item.attempts}; tried again at a later poll)`;
    case "gave_up":
      return `  given up   ${what}: ${item.reason ?? "unknown reason"} (after ${item.attempts} tries)`;
  }
}

function when(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
