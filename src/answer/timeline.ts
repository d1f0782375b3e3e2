/** Dated claims in date order, each placed against `now` with a countdown. */
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import { citationOf, theName } from "./citations.js";
import { countdown, formatDated, period } from "./dates.js";
import type { Standing } from "./standing.js";
import type { TimelineItem } from "./types.js";

const DATED = new Set(["when", "start", "end"]);

/** A short title for a claim: its curated title, else what it is about and which date it gives. */
export function titleOf(kb: KnowledgeBase, claim: LoadedClaim): string {
  if (claim.title) return claim.title;
  const name = theName(kb, claim.about[0] as string);
  const cap = name.charAt(0).toUpperCase() + name.slice(1);
  if (claim.attribute === "start") return `${cap} takes effect`;
  if (claim.attribute === "end") return `${cap} ends`;
  const first = claim.answer.split(/(?<=[.;:])\s/)[0] ?? claim.answer;
  return first.length <= 80 ? first.replace(/[.;:]$/, "") : `${first.slice(0, 77).trimEnd()}…`;
}

/** Every standing dated claim a newer status has not retired, in the order its period ends; one item per date and title. */
export function buildTimeline(kb: KnowledgeBase, standing: Standing, now: Date): TimelineItem[] {
  const items: TimelineItem[] = [];
  const seen = new Set<string>();
  for (const claim of standing.claims) {
    const v = claim.value;
    if (!DATED.has(claim.attribute) || !("date" in v) || standing.retired.has(claim.id)) continue;
    const title = titleOf(kb, claim);
    const key = `${v.date}/${v.precision}/${title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const last = v.until ?? period(v.date, v.precision).end.format("YYYY-MM-DD");
    const deadline = claim.attribute === "end" && kb.concepts.get(claim.about[0] ?? "")?.type === "measure";
    const at = countdown({ date: v.until ?? v.date, precision: v.until ? "day" : v.precision }, now, {
      deadline,
    });
    items.push({
      entryId: claim.id,
      title,
      text: claim.answer,
      date: v.date,
      precision: v.precision,
      until: last,
      dateLabel: v.until
        ? `${formatDated(v.date, "day")} to ${formatDated(v.until, "day")}`
        : formatDated(v.date, v.precision),
      countdown: at.text,
      past: at.past,
      citation: citationOf(kb, claim),
    });
  }
  // By the end of each period: "in October" comes after "the week of Oct. 20", as people read it.
  return items.sort((a, b) => a.until.localeCompare(b.until) || a.date.localeCompare(b.date));
}
