/**
 * The poller as the app runs it: the configured feeds, the real fetch and clock, and the
 * knowledge ingest. `main.ts` starts it when FEEDS is set and stops it on shutdown.
 */
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { FeedStore } from "../store/types.js";
import { knowledgeIngest } from "./ingest.js";
import { createFeedPoller, type FeedPoller } from "./poller.js";
import type { Ingest, PollReport } from "./types.js";

/** A poller over the configured feeds, writing new articles into `knowledgeDir`; not started. */
export function feedPollerFor(options: {
  config: Config;
  store: FeedStore;
  logger: Logger;
  /** Where new sources go; the configured knowledge folder by default. */
  knowledgeDir?: string;
  ingest?: Ingest;
  /** The clock; the real one by default (the CLI passes its own, which TRADEBOT_NOW can pin). */
  now?: () => Date;
  /** Told what each poll found (the metrics). */
  onPoll?: (report: PollReport) => void;
}): FeedPoller {
  const { config, store, logger } = options;
  return createFeedPoller({
    feeds: config.feeds.urls,
    store,
    ingest: options.ingest ?? knowledgeIngest(options.knowledgeDir ?? config.knowledgeDir),
    fetch: (url, init) => fetch(url, init),
    now: options.now ?? (() => new Date()),
    logger,
    pollMinutes: config.feeds.pollMinutes,
    timeoutMs: config.feeds.timeoutMs,
    ...(options.onPoll ? { onPoll: options.onPoll } : {}),
  });
}
