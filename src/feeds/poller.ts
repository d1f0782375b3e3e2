/**
 * The feed poller. Each poll looks at every feed; a feed is fetched only when its minimum interval
 * (or its backoff after failures) is over, as recorded in the store, so restarts and several
 * processes never poll it more often. The fetch is a conditional GET (ETag / Last-Modified); each
 * new item goes through `processItem`. A feed that is down, slow, malformed or huge is logged with
 * its (redacted) address and the reason and tried again later; it never stops the other feeds.
 */
import type { Logger } from "../log.js";
import type { FeedStore } from "../store/types.js";
import { backoffMs, formatWait, retryAfterMs } from "./backoff.js";
import { decodeBody } from "./decode.js";
import { FeedError, reasonOf } from "./errors.js";
import { type FetchLike, formatBytes, getWithLimits } from "./http.js";
import { isDue, processItem } from "./item.js";
import { parseFeedText } from "./parse.js";
import { redactUrl, redactUrlsIn } from "./redact.js";
import type { FeedReport, Ingest, ItemReport, PollReport } from "./types.js";

/** What the poller is given; the clock and fetch are injected. */
export interface FeedPollerDeps {
  /** The feeds' addresses, as configured (credentials are used, never logged). */
  feeds: readonly string[];
  store: FeedStore;
  ingest: Ingest;
  fetch: FetchLike;
  now: () => Date;
  logger: Logger;
  /** The minimum interval between two polls of one feed (FEED_POLL_MINUTES). */
  pollMinutes: number;
  /** The time limit of one request, body included (FEED_TIMEOUT_MS). */
  timeoutMs: number;
  /** Caps on a feed's and on a page's body. Default 5 MB each. */
  maxFeedBytes?: number;
  maxPageBytes?: number;
  /** Tries at an item before it is given up. Default 5. */
  maxAttempts?: number;
  /** New items handled per feed and poll; the rest wait for the next poll. Default 20. */
  maxItemsPerPoll?: number;
  /** How often a started poller looks for due feeds. Default one minute. */
  tickMs?: number;
  /** Told what each poll found (the metrics); a failing hook never disturbs the poll. */
  onPoll?: (report: PollReport) => void;
}

/** A poller; nothing runs until `pollOnce` or `start`. */
export interface FeedPoller {
  /** Polls every due feed once (never two polls at once) and reports what it found. */
  pollOnce(): Promise<PollReport>;
  /** Polls now, then looks for due feeds every `tickMs` until stopped. */
  start(): void;
  /** Stops: aborts requests under way and waits for the poll in flight to end. */
  stop(): Promise<void>;
}

const MB = 1024 * 1024;
const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/** Creates a feed poller. */
export function createFeedPoller(deps: FeedPollerDeps): FeedPoller {
  const { store, logger, now } = deps;
  const intervalMs = deps.pollMinutes * 60_000;
  const maxFeedBytes = deps.maxFeedBytes ?? 5 * MB;
  const maxPageBytes = deps.maxPageBytes ?? 5 * MB;
  const maxAttempts = deps.maxAttempts ?? 5;
  const maxItems = deps.maxItemsPerPoll ?? 20;
  const stopper = new AbortController();
  let running: Promise<PollReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => {});
    return next;
  };
  const get = (maxBytes: number) => (url: string, headers: Record<string, string>) =>
    getWithLimits(url, {
      fetch: deps.fetch,
      timeoutMs: deps.timeoutMs,
      maxBytes,
      headers,
      signal: stopper.signal,
    });

  async function pollFeed(configured: string): Promise<FeedReport> {
    const feedUrl = redactUrl(configured);
    const before = await store.getFeedState(feedUrl);
    const at = now();
    if (!(await store.claimFeedPoll(feedUrl, at, new Date(at.getTime() + intervalMs)))) {
      const nextPollAt = (await store.getFeedState(feedUrl))?.nextPollAt;
      return { feedUrl, status: "not_due", ...(nextPollAt ? { nextPollAt } : {}), items: [] };
    }
    try {
      const headers: Record<string, string> = { Accept: FEED_ACCEPT };
      if (before?.etag) headers["If-None-Match"] = before.etag;
      if (before?.lastModified) headers["If-Modified-Since"] = before.lastModified;
      const res = await get(maxFeedBytes)(configured, headers);
      if (res.status === 304) {
        await store.recordFeedSuccess(feedUrl, validatorsOf(before));
        logger.debug(`feed ${feedUrl}: nothing new (304 Not Modified)`);
        return { feedUrl, status: "unchanged", nextPollAt: new Date(at.getTime() + intervalMs), items: [] };
      }
      if (res.status >= 400) {
        const asked = retryAfterMs(res.headers.get("retry-after"), at);
        throw new FeedError("http_status", `the server answered HTTP ${res.status}`, {
          ...(asked ? { retryAfterMs: asked } : {}),
        });
      }
      const type = res.headers.get("content-type");
      const feed = parseFeedText(decodeBody(res.bytes, type), type, res.url || configured);
      const seen = await Promise.all(feed.entries.map((e) => store.getFeedItem(feedUrl, e.key)));
      const due = feed.entries.filter((_, i) => isDue(seen[i], now(), intervalMs));
      const items: ItemReport[] = [];
      for (const entry of due.slice(0, maxItems)) {
        items.push(
          await processItem(
            {
              store,
              ingest: deps.ingest,
              logger,
              now,
              get: get(maxPageBytes),
              serial,
              feedUrl,
              ...(feed.title ? { feedTitle: feed.title } : {}),
              maxAttempts,
            },
            entry,
          ),
        );
      }
      // While an item waits to be tried again, fetch the feed whole next time: a 304 would hide it.
      const after = await Promise.all(feed.entries.map((e) => store.getFeedItem(feedUrl, e.key)));
      const waiting = due.length > maxItems || after.some((record) => record?.state === "failed");
      await store.recordFeedSuccess(feedUrl, waiting ? {} : validatorsOf(res.headers));
      if (feed.skipped)
        logger.warn(`feed ${feedUrl}: ${feed.skipped} item(s) have neither GUID nor link; left out`);
      logSummary(feedUrl, feed.entries.length, items, due.length - items.length);
      return {
        feedUrl,
        status: "polled",
        nextPollAt: new Date(at.getTime() + intervalMs),
        itemsInFeed: feed.entries.length,
        items,
      };
    } catch (err) {
      if (err instanceof FeedError && err.code === "stopped") {
        return { feedUrl, status: "failed", reason: err.message, items: [] };
      }
      const reason = redactUrlsIn(reasonOf(err));
      const failures = (before?.failures ?? 0) + 1;
      // A server that asks for a longer wait (429 or 503 with Retry-After) gets it.
      const asked = err instanceof FeedError ? (err.retryAfterMs ?? 0) : 0;
      const wait = Math.max(backoffMs(intervalMs, failures), asked);
      const nextPollAt = new Date(at.getTime() + wait);
      await store.recordFeedFailure(feedUrl, { reason, nextPollAt });
      const times = failures === 1 ? "" : ` (${failures} failures in a row)`;
      logger.warn(`feed ${feedUrl} failed: ${reason}; next try in ${formatWait(wait)}${times}`);
      return { feedUrl, status: "failed", reason, nextPollAt, items: [] };
    }
  }

  function logSummary(feedUrl: string, inFeed: number, items: ItemReport[], left: number): void {
    if (!items.length) {
      logger.debug(`feed ${feedUrl}: ${inFeed} items, none new`);
      return;
    }
    const count = (o: ItemReport["outcome"]) => items.filter((i) => i.outcome === o).length;
    const parts = [
      `${count("ingested")} added`,
      count("duplicate") ? `${count("duplicate")} already known` : "",
      count("failed") ? `${count("failed")} to try again` : "",
      count("gave_up") ? `${count("gave_up")} given up` : "",
      left > 0 ? `${left} left for the next poll` : "",
    ].filter(Boolean);
    logger.info(`feed ${feedUrl}: ${items.length} new item(s): ${parts.join(", ")}`);
  }

  async function pollAll(): Promise<PollReport> {
    const settled = await Promise.allSettled(deps.feeds.map((f) => pollFeed(f)));
    const feeds = settled.map((s, i): FeedReport => {
      if (s.status === "fulfilled") return s.value;
      // Only a bug gets here (the store failing, say): log it, and carry on with the others.
      const feedUrl = redactUrl(deps.feeds[i] ?? "");
      logger.error(`feed ${feedUrl}: unexpected error`, redactError(s.reason));
      return { feedUrl, status: "failed", reason: redactUrlsIn(reasonOf(s.reason)), items: [] };
    });
    try {
      deps.onPoll?.({ feeds });
    } catch (err) {
      logger.warn("the feed poll report hook failed", err);
    }
    return { feeds };
  }

  const poller: FeedPoller = {
    pollOnce() {
      if (running) return running;
      running = pollAll().finally(() => {
        running = undefined;
      });
      return running;
    },
    start() {
      if (timer || stopped) return;
      logger.info(
        `polling ${deps.feeds.length} feed(s) every ${deps.pollMinutes} min at most (timeout ${deps.timeoutMs} ms, ` +
          `feeds and pages up to ${formatBytes(maxFeedBytes)})`,
      );
      const tick = () => {
        poller
          .pollOnce()
          .catch((err: unknown) => logger.error("feed poll failed", redactError(err)))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, deps.tickMs ?? 60_000).unref();
          });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      stopper.abort();
      await running?.catch(() => {});
    },
  };
  return poller;
}

function validatorsOf(source: Headers | { etag?: string; lastModified?: string } | undefined): {
  etag?: string;
  lastModified?: string;
} {
  if (!source) return {};
  if (source instanceof Headers) {
    const etag = source.get("etag") ?? undefined;
    const lastModified = source.get("last-modified") ?? undefined;
    return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  }
  return {
    ...(source.etag ? { etag: source.etag } : {}),
    ...(source.lastModified ? { lastModified: source.lastModified } : {}),
  };
}

function redactError(err: unknown): Error {
  return new Error(redactUrlsIn(reasonOf(err)));
}
