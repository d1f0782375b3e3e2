/** Dated events and deadlines, in date order, each placed against `now` with a countdown. */
import type { KnowledgeBase, LoadedEntry } from "../knowledge/schema.js";
import { citationOf } from "./citations.js";
import { countdown, formatDated, period } from "./dates.js";
import type { Standing } from "./standing.js";
import type { TimelineItem } from "./types.js";

/** A short title for an entry: its curated title, else the start of its answer. */
export function titleOf(entry: LoadedEntry): string {
  if (entry.title) return entry.title;
  const first = entry.answer.split(/(?<=[.;:])\s/)[0] ?? entry.answer;
  return first.length <= 80 ? first.replace(/[.;:]$/, "") : `${first.slice(0, 77).trimEnd()}…`;
}

/** Every standing dated entry, in the order its period ends; one item per date (the first entry that states it). */
export function buildTimeline(kb: KnowledgeBase, standing: Standing, now: Date): TimelineItem[] {
  const items: TimelineItem[] = [];
  const seen = new Set<string>();
  const dated = standing.entries
    .filter((e): e is LoadedEntry & { when: NonNullable<LoadedEntry["when"]> } => e.when !== undefined)
    .filter((e) => e.kind === "event" || e.kind === "deadline");
  for (const entry of dated) {
    const key = `${entry.when.date}/${entry.when.precision}/${titleOf(entry)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = countdown(entry.when, now);
    items.push({
      entryId: entry.id,
      title: titleOf(entry),
      text: entry.answer,
      date: entry.when.date,
      precision: entry.when.precision,
      until: period(entry.when.date, entry.when.precision).end.format("YYYY-MM-DD"),
      dateLabel: formatDated(entry.when.date, entry.when.precision),
      countdown: at.text,
      past: at.past,
      citation: citationOf(kb, entry),
    });
  }
  // By the end of each period: "in October" comes after "the week of Oct. 20", as people read it.
  return items.sort((a, b) => a.until.localeCompare(b.until) || a.date.localeCompare(b.date));
}
