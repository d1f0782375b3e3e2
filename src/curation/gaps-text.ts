/**
 * The to-do list as lines of plain text, for `tradebot kb gaps` and (escaped by the Slack surface)
 * for `/tradetalks gaps`. No user ids: curators need the questions, not who asked them.
 */
import { apDate } from "../knowledge/news-style.js";
import type { GapsReport } from "./gaps.js";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The report as lines; `quote` wraps user-written text (the Slack surface passes its escaper). */
export function gapsLines(report: GapsReport, quote: (text: string) => string = (t) => `"${t}"`): string[] {
  const { totals } = report;
  const lines: string[] = [];
  if (report.unanswered.length === 0) {
    lines.push("Unanswered questions: none recorded.");
  } else {
    lines.push(
      `Unanswered questions, most asked first (${plural(totals.unansweredQuestions, "question")} in ${plural(totals.groups, "group")}; top ${report.unanswered.length}):`,
    );
    report.unanswered.forEach((g, i) => {
      const who = plural(g.people, "person", "people");
      lines.push(
        `${i + 1}. ${g.count}× ${quote(g.example)} (${who}, last asked ${apDate(g.lastAsked.slice(0, 10))})`,
      );
      if (g.variants.length) lines.push(`     also asked as: ${g.variants.map(quote).join(", ")}`);
      if (g.answeredNowBy)
        lines.push(`     now answered by claim ${g.answeredNowBy}: check the answer is right`);
    });
  }
  lines.push("");
  if (report.unhelpful.length === 0) {
    lines.push('Answers marked "not helpful": none.');
  } else {
    lines.push(
      `Answers marked "not helpful", most first (${plural(totals.notHelpfulVotes, "vote")} in all; top ${report.unhelpful.length}):`,
    );
    report.unhelpful.forEach((u, i) => {
      const where = u.location ? ` — ${u.location}` : u.answer ? "" : " — no longer in the knowledge base";
      lines.push(`${i + 1}. ${u.entryId}: ${u.notHelpful} not helpful, ${u.helpful} helpful${where}`);
      if (u.answer) lines.push(`     says: ${u.answer}`);
      if (u.supersededBy)
        lines.push(`     (no longer stands: the newer claim ${u.supersededBy} answers for it)`);
      if (u.questions.length) lines.push(`     asked: ${u.questions.map(quote).join(", ")}`);
    });
  }
  return lines;
}
