/** The shapes the feed poller hands out and reports. */

/** A new article found through a feed, ready to be stored as a source. */
export interface FeedArticle {
  /** The feed it came from, with any credentials or tokens redacted. */
  feedUrl: string;
  /** The item's GUID / Atom id, or its link when it has none. */
  guid: string;
  /** The article's canonical address. */
  url: string;
  title: string;
  subtitle?: string;
  publisher: string;
  /** The byline, when the page gives one. */
  byline?: string;
  /** YYYY-MM-DD. */
  published: string;
  /** The readable text: paragraphs separated by blank lines. */
  text: string;
  /** The page as fetched. */
  html?: string;
}

/** What ingest says it did, for the report (a source id, say). */
export interface IngestResult {
  sourceId?: string;
}

/** Stores a new article; throwing leaves the item to be tried again next poll. */
export type Ingest = (article: FeedArticle) => Promise<IngestResult | undefined> | IngestResult | undefined;

/** What became of one item in a poll. */
export interface ItemReport {
  key: string;
  title?: string;
  url?: string;
  outcome: "ingested" | "duplicate" | "failed" | "gave_up";
  /** Why it failed, or which item already had its text. */
  reason?: string;
  sourceId?: string;
  attempts: number;
}

/** What became of one feed in a poll. */
export interface FeedReport {
  /** The feed's address, redacted. */
  feedUrl: string;
  /** `not_due`: polled too recently; `unchanged`: 304 Not Modified; `failed`: see reason. */
  status: "not_due" | "unchanged" | "polled" | "failed";
  reason?: string;
  nextPollAt?: Date;
  /** Items in the feed this time. */
  itemsInFeed?: number;
  items: ItemReport[];
}

/** One poll over every feed. */
export interface PollReport {
  feeds: FeedReport[];
}
