/**
 * Claims due for another look: those whose `review_by` date has passed, oldest first, with where
 * they are, what they say and who verified them when. Only claims that stand: one a newer claim
 * replaced needs no second look. `today` is passed in (the core never reads the clock).
 */
import { formatDay } from "../answer/dates.js";
import { standingOf } from "../answer/standing.js";
import type { KnowledgeBase } from "../knowledge/schema.js";

/** A claim whose review date has passed. */
export interface OverdueReview {
  id: string;
  /** Where to edit it: `claims/freedonia.yml:59`. */
  location: string;
  answer: string;
  reviewBy: string;
  /** Days since `review_by`: 1 the day after. */
  daysOverdue: number;
  verifiedBy?: string;
  verifiedOn?: string;
}

const DAY = 86_400_000;

/** The standing claims whose `review_by` is before `today` (YYYY-MM-DD), most overdue first. */
export function overdueReviews(kb: KnowledgeBase, today: string): OverdueReview[] {
  return standingOf(kb)
    .claims.filter((c) => c.review_by !== undefined && c.review_by < today)
    .map((c) => ({
      id: c.id,
      location: `${c.file}:${c.line}`,
      answer: c.answer,
      reviewBy: c.review_by as string,
      daysOverdue: Math.round(
        (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${c.review_by}T00:00:00Z`)) / DAY,
      ),
      ...(c.verified_by ? { verifiedBy: c.verified_by } : {}),
      ...(c.verified_on ? { verifiedOn: c.verified_on } : {}),
    }))
    .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy) || a.location.localeCompare(b.location));
}

/** Who verified a claim and when, in words: "verified by Margaret Dumont on March 12, 2031". */
export function verifiedInWords(r: OverdueReview): string {
  if (!r.verifiedBy && !r.verifiedOn) return "never verified";
  return `verified${r.verifiedBy ? ` by ${r.verifiedBy}` : ""}${r.verifiedOn ? ` on ${formatDay(r.verifiedOn)}` : ""}`;
}

/** The overdue reviews as lines of plain text (`tradebot kb gaps`). */
export function overdueLines(list: readonly OverdueReview[]): string[] {
  if (!list.length) return ["Claims due for another look: none (no review_by date has passed)."];
  return [
    `Claims due for another look (review_by passed; ${list.length}, most overdue first):`,
    ...list.flatMap((r, i) => [
      `${i + 1}. ${r.location}: ${r.id}, review by ${formatDay(r.reviewBy)} (${r.daysOverdue} day${r.daysOverdue === 1 ? "" : "s"} ago); ${verifiedInWords(r)}`,
      `     says: ${r.answer}`,
    ]),
  ];
}
