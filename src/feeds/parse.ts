/**
 * A feed's text to its items, with @rowanmanning/feed-parser (RSS 0.9x/2.0, RSS 1.0/RDF and
 * Atom; chosen by measurement, see docs/feeds.md). A web page served where the feed should be,
 * and anything that is not a feed, is a FeedError saying so.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { FeedError } from "./errors.js";

/** One item of a feed, as the poller uses it. */
export interface FeedEntry {
  /** What identifies the item for "seen before": its GUID / Atom id, else its link. */
  key: string;
  guid?: string;
  link?: string;
  title?: string;
  published?: Date;
  summary?: string;
  author?: string;
}

/** The feed's own title and its items, in the feed's order. */
export interface ParsedFeed {
  title?: string;
  entries: FeedEntry[];
  /** Items with neither GUID nor link: they cannot be told apart, so they are left out. Repeats are dropped. */
  skipped: number;
  /** The XML's first error, when the feed is broken but its items could still be read. */
  xmlProblem?: string;
}

/**
 * Parses a feed body; `contentType` is the answer's Content-Type header, if any, and relative
 * item links are read against `feedUrl`.
 */
export function parseFeedText(text: string, contentType: string | null, feedUrl: string): ParsedFeed {
  const start = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  const looksHtml = start.startsWith("<!doctype html") || /^(<!--[\s\S]*?-->\s*)*<html[\s>]/.test(start);
  if (looksHtml || (/text\/html/i.test(contentType ?? "") && !start.startsWith("<?xml"))) {
    throw new FeedError("not_a_feed", "the address answered with a web page (HTML), not an RSS or Atom feed");
  }
  if (!start.startsWith("<")) {
    throw new FeedError("not_a_feed", "the answer is not XML, so not an RSS or Atom feed");
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new FeedError("malformed", `the feed could not be read as RSS or Atom (${firstLine(detail)})`, {
      cause: err,
    });
  }
  // The parser is lenient: broken XML comes back as a feed with no items. The validator tells a
  // broken feed from an empty one, and says where it breaks.
  const valid = XMLValidator.validate(text);
  const xmlProblem =
    valid === true ? undefined : `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`;
  if (xmlProblem && feed.items.length === 0) {
    throw new FeedError("malformed", `the feed is not well-formed XML: ${xmlProblem}`);
  }
  const entries: FeedEntry[] = [];
  const keys = new Set<string>();
  let skipped = 0;
  for (const item of feed.items) {
    const guid = clean(item.id);
    const link = httpUrl(item.url, feedUrl);
    const key = guid ?? link;
    if (!key) {
      skipped++;
      continue;
    }
    // A feed that lists one item twice: the first counts.
    if (keys.has(key)) continue;
    keys.add(key);
    const author = item.authors.map((a) => a.name).find((n): n is string => Boolean(n?.trim()));
    entries.push({
      key,
      ...(guid ? { guid } : {}),
      ...(link ? { link } : {}),
      ...(clean(item.title) ? { title: clean(item.title) } : {}),
      ...(validDate(item.published ?? item.updated) ? { published: item.published ?? item.updated } : {}),
      ...(clean(item.description) ? { summary: clean(item.description) } : {}),
      ...(author ? { author: author.trim() } : {}),
    } as FeedEntry);
  }
  return {
    ...(clean(feed.title) ? { title: clean(feed.title) } : {}),
    entries,
    skipped,
    ...(xmlProblem ? { xmlProblem } : {}),
  };
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : undefined;
}

function httpUrl(s: string | null | undefined, base: string): string | undefined {
  const t = s?.trim();
  if (!t || !URL.canParse(t, base)) return undefined;
  const url = new URL(t, base);
  // Credentials in the feed's address are for the feed only: never carried into an article link.
  url.username = "";
  url.password = "";
  return /^https?:$/.test(url.protocol) ? url.toString() : undefined;
}

function validDate(d: Date | null | undefined): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

function firstLine(s: string): string {
  return (s.split("\n")[0] ?? s).slice(0, 160);
}
