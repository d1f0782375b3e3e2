/**
 * One new feed item: fetch its page, extract the article, skip it when its text was ingested
 * before (a re-published item), hand it to ingest, and record the outcome. The item counts as
 * seen only once ingest succeeded; a failure is tried again at a later poll (with a backoff) and
 * given up after `maxAttempts` tries.
 */
import type { Logger } from "../log.js";
import type { FeedItemRecord, FeedStore } from "../store/types.js";
import { backoffMs } from "./backoff.js";
import { isoDay } from "./dates.js";
import { decodeBody } from "./decode.js";
import { FeedError, reasonOf } from "./errors.js";
import { type ExtractedPage, extractArticle } from "./extract.js";
import type { FetchedBody } from "./http.js";
import type { FeedEntry } from "./parse.js";
import { redactUrl, redactUrlsIn } from "./redact.js";
import { textHash } from "./text.js";
import type { FeedArticle, Ingest, ItemReport } from "./types.js";

/** What processing an item needs from the poller. */
export interface ItemContext {
  store: FeedStore;
  ingest: Ingest;
  logger: Logger;
  now: () => Date;
  /** GETs a page within the poller's limits. */
  get: (url: string, headers: Record<string, string>) => Promise<FetchedBody>;
  /** Runs the dedupe-check-and-ingest step one at a time across feeds. */
  serial: <T>(step: () => Promise<T>) => Promise<T>;
  /** The feed's address, redacted: the key the store keeps it under. */
  feedUrl: string;
  feedTitle?: string;
  maxAttempts: number;
}

const PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

/** True when the item has still to be tried now: never seen, or failed and its backoff is over. */
export function isDue(record: FeedItemRecord | undefined, now: Date, intervalMs: number): boolean {
  if (!record) return true;
  if (record.state !== "failed") return false;
  // A little less than the backoff, so a poll that comes round on time is not missed by a second.
  const wait = backoffMs(intervalMs, record.attempts) - 60_000;
  return now.getTime() >= record.updatedAt.getTime() + wait;
}

/** Processes one item that is due; never throws, except a FeedError `stopped`. */
export async function processItem(ctx: ItemContext, entry: FeedEntry): Promise<ItemReport> {
  const prior = await ctx.store.getFeedItem(ctx.feedUrl, entry.key);
  const label = `feed ${ctx.feedUrl}: item "${entry.title ?? entry.key}"`;
  let pageUrl: string | undefined;
  try {
    if (!entry.link) throw new FeedError("no_link", "the item has no link to an article page");
    pageUrl = entry.link;
    const page = await ctx.get(entry.link, { Accept: PAGE_ACCEPT });
    if (page.status >= 400)
      throw new FeedError("http_status", `the article page answered HTTP ${page.status}`);
    const type = page.headers.get("content-type");
    if (type && !/html|xml/i.test(type))
      throw new FeedError("not_html", `the article page is not a web page (${type.split(";")[0]})`);
    const html = decodeBody(page.bytes, type);
    const article = toArticle(ctx, entry, extractArticle(html, page.url), html);
    pageUrl = article.url;
    const hash = textHash(article.text);
    return await ctx.serial(() => ingestOnce(ctx, entry, article, hash, label));
  } catch (err) {
    if (err instanceof FeedError && err.code === "stopped") throw err;
    const reason = redactUrlsIn(reasonOf(err));
    const attempts = (prior?.attempts ?? 0) + 1;
    const giveUp = attempts >= ctx.maxAttempts;
    const record = await ctx.store.recordFeedItem(ctx.feedUrl, entry.key, {
      state: giveUp ? "gave_up" : "failed",
      at: ctx.now(),
      reason,
      ...(pageUrl ? { url: redactUrl(pageUrl) } : {}),
    });
    if (giveUp)
      ctx.logger.error(`${label} given up after ${attempts} tries: ${reason}. It will not be tried again.`);
    else
      ctx.logger.warn(
        `${label} failed (try ${attempts} of ${ctx.maxAttempts}): ${reason}; it will be tried again at a later poll`,
      );
    return {
      key: entry.key,
      ...(entry.title ? { title: entry.title } : {}),
      ...(pageUrl ? { url: redactUrl(pageUrl) } : {}),
      outcome: giveUp ? "gave_up" : "failed",
      reason,
      attempts: record.attempts,
    };
  }
}

async function ingestOnce(
  ctx: ItemContext,
  entry: FeedEntry,
  article: FeedArticle,
  hash: string,
  label: string,
): Promise<ItemReport> {
  const base = { key: entry.key, title: article.title, url: article.url };
  const same = await ctx.store.findIngestedText(hash);
  if (same) {
    const record = await ctx.store.recordFeedItem(ctx.feedUrl, entry.key, {
      state: "duplicate",
      at: ctx.now(),
      textHash: hash,
      url: article.url,
    });
    const reason = `same text as ${same.url ?? same.key}, already added`;
    ctx.logger.info(`${label} skipped: ${reason}`);
    return { ...base, outcome: "duplicate", reason, attempts: record.attempts };
  }
  let result: Awaited<ReturnType<Ingest>>;
  try {
    result = await ctx.ingest(article);
  } catch (err) {
    throw new FeedError("ingest_failed", `it could not be stored (${reasonOf(err)})`, { cause: err });
  }
  const record = await ctx.store.recordFeedItem(ctx.feedUrl, entry.key, {
    state: "ingested",
    at: ctx.now(),
    textHash: hash,
    url: article.url,
  });
  const sourceId = result?.sourceId;
  ctx.logger.info(`${label} added${sourceId ? ` as source ${sourceId}` : ""} (${article.url})`);
  return { ...base, outcome: "ingested", ...(sourceId ? { sourceId } : {}), attempts: record.attempts };
}

function toArticle(ctx: ItemContext, entry: FeedEntry, page: ExtractedPage, html: string): FeedArticle {
  // The address kept with the source must hold no token: the canonical one, else a clean one.
  const clean = (u: string | undefined) => (u && redactUrl(u) === u ? u : undefined);
  const url = clean(page.canonicalUrl) ?? clean(entry.link) ?? redactUrl(page.canonicalUrl);
  const host = new URL(url).hostname.replace(/^www\./, "");
  const published = isoDay(page.published) ?? isoDay(entry.published) ?? isoDay(ctx.now());
  const byline = page.byline ?? entry.author;
  return {
    feedUrl: ctx.feedUrl,
    guid: entry.key,
    url,
    title: entry.title ?? page.title ?? `Article from ${host}`,
    ...(page.subtitle ? { subtitle: page.subtitle } : {}),
    publisher: page.siteName ?? ctx.feedTitle ?? host,
    ...(byline ? { byline } : {}),
    published: published as string,
    text: page.text,
    html,
  };
}
