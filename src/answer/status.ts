/** The latest status: what stands, the key numbers, what is coming and what just passed. */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { citationOf } from "./citations.js";
import { ageOf, countdown, formatDay } from "./dates.js";
import type { Standing } from "./standing.js";
import { buildTimeline } from "./timeline.js";
import type { StatusPoint, StatusReport } from "./types.js";

/** How many past events the status recalls. */
const RECENT_LIMIT = 4;

/** Builds the status from the standing entries, placed against `now`. */
export function buildStatus(kb: KnowledgeBase, standing: Standing, now: Date): StatusReport {
  const point = (e: (typeof standing.entries)[number]): StatusPoint => ({
    entryId: e.id,
    text: e.answer,
    citation: citationOf(kb, e),
  });
  const headlines = standing.entries.filter((e) => e.headline);
  // What stands: headline points not tied to a date that has passed. A planned meeting or a
  // deadline whose date is gone is listed among the dates now passed, not as standing.
  const datePassed = (e: (typeof standing.entries)[number]) =>
    e.when !== undefined && countdown(e.when, now).past;
  const inForce = headlines.filter((e) => e.kind !== "figure" && !datePassed(e)).map(point);
  const keyNumbers = standing.entries.filter((e) => e.kind === "figure").map(point);
  const timeline = buildTimeline(kb, standing, now);
  const upcoming = timeline.filter((t) => !t.past);
  const recent = timeline
    .filter((t) => t.past)
    .reverse()
    .slice(0, RECENT_LIMIT);
  const newest = kb.newestSource;
  const age = ageOf(newest, now);
  const stale = upcoming.length === 0 && timeline.length > 0;
  // Lead with the headline point from the newest source, and date it by that source, not the newest overall.
  const published = (e: (typeof standing.entries)[number]) => kb.sources.get(e.source)?.published ?? "";
  const leadEntry =
    [...headlines].sort((a, b) => published(b).localeCompare(published(a)))[0] ?? standing.entries[0];
  const leadDate = leadEntry ? published(leadEntry) || newest : newest;
  const lead = leadEntry
    ? `As of the ${formatDay(leadDate)} report (${ageOf(leadDate, now)}): ${leadEntry.answer}`
    : "The knowledge base is empty.";
  return {
    headline: stale ? `${lead} Every date it gives has now passed; no newer source is on file.` : lead,
    inForce,
    keyNumbers,
    upcoming,
    recent,
    newestSource: newest,
    freshness: `Newest source: ${formatDay(newest)} (${age})`,
    kbVersion: kb.version,
  };
}
