/**
 * The suggested prompts of a new assistant thread, drawn from what the knowledge holds: the core's
 * headline questions (what it offers when asked nothing: the standing claims about the concepts
 * most of the news is about), each kept only when the core answers it, so a prompt never leads to
 * "I don't know". No news text is written here; a curator's edit changes the prompts.
 */
import type { Core } from "../answer/types.js";
import { formatDate } from "./blocks/dates.js";
import { truncate } from "./blocks/limits.js";
import { safePlain } from "./escape.js";

/** Slack shows at most four suggested prompts. */
export const MAX_PROMPTS = 4;
/** Prompt titles are shown on one line; longer ones are cut. */
const PROMPT_TITLE_MAX = 75;

/** What `assistant.threads.setSuggestedPrompts` takes. */
export interface SuggestedPrompts {
  title: string;
  prompts: { title: string; message: string }[];
}

/** The prompts for a thread opened at `now`. */
export function suggestedPrompts(core: Core, now: Date): SuggestedPrompts {
  const seen = new Set<string>();
  const prompts: SuggestedPrompts["prompts"] = [];
  for (const s of core.answer("", now).suggestions) {
    if (prompts.length >= MAX_PROMPTS || seen.has(s.question)) continue;
    seen.add(s.question);
    if (!core.answer(s.question, now).answered) continue;
    prompts.push({ title: truncate(safePlain(s.question), PROMPT_TITLE_MAX), message: s.question });
  }
  const newest = core.status(now).newestSource;
  const title = newest
    ? `Ask about the US–China trade talks (sources up to ${formatDate(newest)}):`
    : "Ask about the US–China trade talks:";
  return { title, prompts };
}
