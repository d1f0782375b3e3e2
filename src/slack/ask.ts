/**
 * Asking the core on behalf of a Slack user: the one place that also records questions the bot
 * could not answer, so curators see the gaps whichever surface they came through.
 */
import type { Answer } from "../answer/types.js";
import type { SlackDeps } from "./deps.js";

/** Answers `question` for `userId` at `now`, recording it when there is no sourced answer. */
export async function askCore(deps: SlackDeps, question: string, userId: string, now: Date): Promise<Answer> {
  const started = performance.now();
  const answer = deps.core.answer(question, now);
  deps.telemetry?.metrics.recordQuestion(answer.answered, (performance.now() - started) / 1000);
  if (!answer.answered) {
    try {
      await deps.store.recordUnanswered({ userId, question, kbVersion: deps.core.kbVersion(), at: now });
    } catch (err) {
      // The user still gets the answer; the missed record is worth a log line, not a failure.
      deps.logger.warn("could not record an unanswered question", err);
    }
  }
  return answer;
}
