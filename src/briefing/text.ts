/**
 * The briefing as plain text, for the terminal (`tradebot briefing --preview`) and as the
 * notification fallback of the Slack message. Citations are numbered per source: [1], [2] …
 */
import type { Citation, TimelineItem } from "../answer/types.js";
import type { BriefingContent } from "./content.js";
import { longDate, shortDate } from "./time.js";

/** Numbers sources in order of first use. */
export class SourceNumbers {
  private readonly ids = new Map<string, { n: number; citation: Citation }>();
  /** The number of `c`'s source, assigning the next one on first use. */
  of(c: Citation): number {
    const known = this.ids.get(c.source);
    if (known) return known.n;
    const n = this.ids.size + 1;
    this.ids.set(c.source, { n, citation: c });
    return n;
  }
  /** Every numbered source, in order. */
  list(): { n: number; citation: Citation }[] {
    return [...this.ids.values()];
  }
}

/** "Truce expiry: in 12 days (Nov. 10, 2026)". */
export function dateLine(t: TimelineItem): string {
  return `${t.title}: ${t.countdown} (${t.dateLabel})`;
}

/** The one-line "no change" summary with the next dates (citations added by the caller). */
export function unchangedLine(b: BriefingContent, cite: (t: TimelineItem) => string = () => ""): string {
  const since = b.previousDate ? shortDate(b.previousDate) : "the last briefing";
  const next = b.upcoming.slice(0, 3).map((t) => `${dateLine(t)}${cite(t)}`);
  return `No change since ${since}.${next.length ? ` Next: ${next.join("; ")}.` : " No dates ahead on file."}`;
}

/** What a count of withdrawn items means: "1 earlier item no longer stands." */
export function withdrawnLine(n: number): string {
  return n === 1 ? "1 earlier item no longer stands." : `${n} earlier items no longer stand.`;
}

/** The changes left out: "…and 1 more new or changed entry." */
export function moreChangesLine(n: number): string {
  return `…and ${n} more new or changed ${n === 1 ? "entry" : "entries"}.`;
}

/** A change labelled for the reader. */
export function changeLabel(kind: "new" | "updated" | "supersedes"): string {
  return kind === "new" ? "New" : kind === "updated" ? "Updated" : "Replaces earlier";
}

/** Who said the quote of the day: "Scott Bessent, U.S. Treasury Secretary", or the name alone. */
export function quoteBy(q: { speaker: string; role?: string }): string {
  return q.role ? `${q.speaker}, ${q.role}` : q.speaker;
}

/** The whole briefing as plain text. */
export function renderBriefingText(b: BriefingContent): string {
  const refs = new SourceNumbers();
  const cite = (c: Citation) => ` [${refs.of(c)}]`;
  const lines: string[] = [`US–China trade talks briefing — ${longDate(b.localDate)}`, ""];
  if (b.unchanged) {
    lines.push(unchangedLine(b, (t) => cite(t.citation)));
  } else {
    lines.push(`${b.headline}${b.headlineCitation ? cite(b.headlineCitation) : ""}`);
    for (const s of b.standing) lines.push(`  • ${s.text}${cite(s.citation)}`);
    if (b.previousDate) {
      lines.push("", `What changed since ${shortDate(b.previousDate)}:`);
      for (const c of b.changes) {
        lines.push(`  • ${changeLabel(c.kind)}: ${c.text}${cite(c.citation)}`);
        if (c.replacedText) lines.push(`      (was: ${c.replacedText})`);
      }
      if (b.moreChanges) lines.push(`  • ${moreChangesLine(b.moreChanges)}`);
      if (b.withdrawn.length) lines.push(`  • Withdrawn: ${withdrawnLine(b.withdrawn.length)}`);
    } else if (b.recent.length) {
      lines.push("", "Dates now passed (our sources do not say how they turned out):");
      for (const t of b.recent)
        lines.push(`  • ${dateLine(t)}${t.text ? ` — ${t.text}` : ""}${cite(t.citation)}`);
    }
    if (b.upcoming.length) {
      lines.push("", "Coming up:");
      for (const t of b.upcoming) lines.push(`  • ${dateLine(t)}${cite(t.citation)}`);
    }
    if (b.quote) {
      const q = b.quote;
      lines.push("", `Quote — ${quoteBy(q)}:`, `  > ${q.text}${cite(q.citation)}`);
    }
  }
  lines.push("", b.freshness);
  const sources = refs.list();
  if (sources.length) {
    lines.push("", "Sources:");
    for (const { n, citation: c } of sources) {
      lines.push(
        `  [${n}] ${c.title} — ${c.publisher}, ${shortDate(c.published)}${c.url ? ` ${c.url}` : ""}`,
      );
    }
  }
  return lines.join("\n");
}
