/** The latest status: what stands, the key numbers, what is coming and what just passed. */
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import { citationOf } from "./citations.js";
import { ageOf, countdown, formatDay } from "./dates.js";
import { headlineClaims } from "./overviews.js";
import type { Standing } from "./standing.js";
import { buildTimeline } from "./timeline.js";
import type { StatusPoint, StatusReport } from "./types.js";

/** How many past events the status recalls, and how many key numbers it lists. */
const RECENT_LIMIT = 4;
const NUMBERS_LIMIT = 6;

/** Builds the status from the standing claims, placed against `now`. */
export function buildStatus(kb: KnowledgeBase, standing: Standing, now: Date): StatusReport {
  const point = (c: LoadedClaim): StatusPoint => ({
    entryId: c.id,
    text: c.answer,
    citation: citationOf(kb, c),
  });
  const headlines = headlineClaims(kb, standing).filter((c) => c.headline);
  // What stands: headline points not tied to a date that has passed. A planned meeting or a
  // deadline whose date is gone is listed among the dates now passed, not as standing.
  const datePassed = (c: LoadedClaim) =>
    "date" in c.value &&
    countdown(
      { date: c.value.until ?? c.value.date, precision: c.value.until ? "day" : c.value.precision },
      now,
    ).past;
  const inForce = headlines.filter((c) => c.attribute !== "amount" && !datePassed(c)).map(point);
  const amounts = standing.claims.filter((c) => c.attribute === "amount");
  const keyNumbers = [...amounts.filter((c) => c.headline), ...amounts.filter((c) => !c.headline)]
    .slice(0, NUMBERS_LIMIT)
    .map(point);
  const timeline = buildTimeline(kb, standing, now);
  const upcoming = timeline.filter((t) => !t.past);
  const recent = timeline
    .filter((t) => t.past)
    .reverse()
    .slice(0, RECENT_LIMIT);
  const newest = kb.newestSource;
  const stale = upcoming.length === 0 && timeline.length > 0;
  // Lead with the headline point from the newest source, and date it by that source.
  const leadClaim = headlines[0] ?? standing.claims[0];
  const leadDate = leadClaim ? (kb.sources.get(leadClaim.source)?.published ?? newest) : newest;
  const lead = leadClaim
    ? `As of the ${formatDay(leadDate)} report (${ageOf(leadDate, now)}): ${leadClaim.answer}`
    : "The knowledge base is empty.";
  return {
    headline: stale ? `${lead} Every date it gives has now passed; no newer source is on file.` : lead,
    inForce,
    keyNumbers,
    upcoming,
    recent,
    newestSource: newest,
    freshness: `Newest source: ${formatDay(newest)} (${ageOf(newest, now)})`,
    kbVersion: kb.version,
  };
}
