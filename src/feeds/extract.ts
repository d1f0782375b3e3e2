/**
 * An article page to its readable text and metadata, with @mozilla/readability over a linkedom
 * document (chosen by measurement against Readability's own test pages, see docs/feeds.md).
 * Page furniture (navigation, cookie banners, ads, related links) is left out by Readability;
 * the canonical address and a few meta tags it does not report are read here.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { FeedError } from "./errors.js";
import { readableText } from "./text.js";

/** What a page says about itself, plus its text. */
export interface ExtractedPage {
  title?: string;
  /** The standfirst, from the page's description meta tags. */
  subtitle?: string;
  byline?: string;
  /** The site's own name (og:site_name, or the publisher in its structured data). */
  siteName?: string;
  /** The publication date as the page gives it (an ISO string, or other date text). */
  published?: string;
  /** rel=canonical, else og:url, else the address the page was fetched from. */
  canonicalUrl: string;
  /** Paragraphs separated by blank lines; list items as "  • …". */
  text: string;
}

/** Fewer characters than this is not an article (a paywall stub, an index page). */
const MIN_TEXT_CHARS = 200;

type Doc = ReturnType<typeof parseHTML>["document"];

/** Extracts the article from `html`, fetched from `pageUrl`. Throws FeedError `no_text`. */
export function extractArticle(html: string, pageUrl: string): ExtractedPage {
  const { document } = parseHTML(html);
  // Read before Readability, which takes the document apart.
  const canonicalUrl = canonical(document, pageUrl);
  const subtitle = meta(document, ["og:description", "description", "twitter:description"]);
  const published =
    meta(document, [
      "article:published_time",
      "datePublished",
      "date",
      "dc.date.issued",
      "parsely-pub-date",
    ]) ??
    document.querySelector("time[datetime]")?.getAttribute("datetime") ??
    undefined;
  let article: ReturnType<Readability["parse"]>;
  try {
    article = new Readability(document as unknown as Document).parse();
  } catch (err) {
    throw new FeedError("no_text", "the page could not be read as an article", { cause: err });
  }
  const text = article?.content ? readableText(article.content) : "";
  if (text.length < MIN_TEXT_CHARS) {
    throw new FeedError("no_text", "no article text found on the page (too short, or not an article)");
  }
  const byline = tidy(article?.byline)?.replace(/^by\s+/i, "");
  const publishedAt = tidy(article?.publishedTime) ?? tidy(published);
  return {
    ...(tidy(article?.title) ? { title: tidy(article?.title) } : {}),
    ...(subtitle && !text.startsWith(subtitle) ? { subtitle } : {}),
    ...(byline ? { byline } : {}),
    ...(tidy(article?.siteName) ? { siteName: tidy(article?.siteName) } : {}),
    ...(publishedAt ? { published: publishedAt } : {}),
    canonicalUrl,
    text,
  } as ExtractedPage;
}

function canonical(document: Doc, pageUrl: string): string {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
    document.querySelector('meta[property="og:url"]')?.getAttribute("content"),
  ];
  for (const c of candidates) {
    const t = c?.trim();
    if (!t || !URL.canParse(t, pageUrl)) continue;
    const url = new URL(t, pageUrl);
    if (/^https?:$/.test(url.protocol)) return url.toString();
  }
  return pageUrl;
}

function meta(document: Doc, names: string[]): string | undefined {
  for (const name of names) {
    const el =
      document.querySelector(`meta[property="${name}"]`) ??
      document.querySelector(`meta[name="${name}"]`) ??
      document.querySelector(`meta[itemprop="${name}"]`);
    const v = tidy(el?.getAttribute("content"));
    if (v) return v;
  }
  return undefined;
}

function tidy(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : undefined;
}
