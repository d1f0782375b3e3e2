/** Plain-text rendering of answers and status for the terminal. */
import { formatDay } from "../answer/dates.js";
import type { Answer, Citation, StatusReport, TimelineItem } from "../answer/types.js";

/** "Title — Publisher, Oct. 17, 2025". */
export function sourceLine(c: Citation): string {
  return `${c.title} — ${c.publisher}, ${formatDay(c.published)}${c.url ? ` <${c.url}>` : ""}`;
}

/** An answer with its cited snippets, or the "I don't know" with what it can answer instead. */
export function renderAnswer(a: Answer): string {
  const lines = [a.text];
  for (const c of a.citations) lines.push("", `  “${c.snippet}”`, `  — ${sourceLine(c)}`);
  if (a.freshness) lines.push("", a.freshness);
  if (a.suggestions.length) {
    lines.push("", a.answered ? "Did you mean:" : "You could ask:");
    for (const s of a.suggestions) lines.push(`  • ${s.question}`);
  }
  return lines.join("\n");
}

/** The answer as the JSON object of the command-line contract. */
export function answerJson(a: Answer): Record<string, unknown> {
  return {
    answered: a.answered,
    text: a.text,
    citations: a.citations.map((c) => ({
      snippet: c.snippet,
      source: c.source,
      title: c.title,
      publisher: c.publisher,
      published: c.published,
      ...(c.url ? { url: c.url } : {}),
    })),
    confidence: a.confidence,
    factIds: a.factIds,
    suggestions: a.suggestions.map((s) => s.question),
    ...(a.freshness ? { freshness: a.freshness } : {}),
  };
}

function timelineLine(t: TimelineItem): string {
  return `  • ${t.dateLabel} (${t.countdown}): ${t.title}`;
}

/** The status report as plain text. */
export function renderStatus(s: StatusReport): string {
  const lines = ["TRADE TALKS — LATEST STATUS", "", s.headline];
  if (s.inForce.length) {
    lines.push("", "What stands:");
    for (const p of s.inForce) lines.push(`  • ${p.text} [${formatDay(p.citation.published)}]`);
  }
  if (s.keyNumbers.length) {
    lines.push("", "Key numbers:");
    for (const p of s.keyNumbers) lines.push(`  • ${p.text}`);
  }
  lines.push("", "Coming up:");
  if (s.upcoming.length) for (const t of s.upcoming) lines.push(timelineLine(t));
  else lines.push("  • No upcoming dates in the sources on file.");
  if (s.recent.length) {
    lines.push("", "Dates now passed (the sources do not say how they turned out):");
    for (const t of s.recent) lines.push(timelineLine(t));
  }
  lines.push("", s.freshness);
  return lines.join("\n");
}

/** The timeline as plain text. */
export function renderTimeline(items: TimelineItem[]): string {
  if (!items.length) return "No dated events in the sources on file.";
  return items
    .map((t) => `${t.past ? "  passed" : "→ coming"}  ${t.dateLabel} (${t.countdown}): ${t.title}`)
    .join("\n");
}
