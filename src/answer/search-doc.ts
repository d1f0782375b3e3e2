/** What the search index sees of a curated entry. */
import type { LoadedEntry } from "../knowledge/schema.js";
import { terms } from "../search/analyze.js";
import type { SearchDoc } from "../search/index.js";
import { PEOPLE } from "../search/lexicon.js";

/** Words by which an answer gives a reason: it can answer "why". */
const REASON =
  /\b(?:because|since|infuriated|angered|after|to prepare|in order to|so that|aim(?:s|ed)? to|amid|over|due to|seek(?:s|ing)? to|to ease|to calm|to defuse|prompted|reason)\b/i;

/**
 * The search document of a standing entry. The questions of the entries it replaced are kept, so
 * people asking the old way find the new answer.
 */
export function searchDocOf(entry: LoadedEntry, replaced: readonly LoadedEntry[]): SearchDoc {
  const speaker = entry.speaker ? terms(entry.speaker.name).find((t) => PEOPLE.has(t)) : undefined;
  return {
    id: entry.id,
    kind: entry.kind,
    questions: [...entry.questions, ...replaced.flatMap((o) => o.questions)],
    focus: [entry.title, entry.answer].filter(Boolean).join(" \n "),
    text: [entry.snippet, entry.topics.join(" "), entry.speaker?.name, entry.speaker?.role]
      .filter(Boolean)
      .join(" \n "),
    speaker,
    hasDate: entry.when !== undefined || entry.speaker?.said_on !== undefined,
    hasFigures: (entry.figures?.length ?? 0) > 0,
    outcome: entry.topics.some((t) => /^outcomes?$/i.test(t)),
    reason: REASON.test(entry.answer),
    headline: entry.headline,
  };
}
