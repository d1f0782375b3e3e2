/**
 * The Slack side of conversations in threads: which conversation a message belongs to, the
 * thread's fresh context read from the store, the core's reading of the message with it, and the
 * answered turn kept for the next follow-up. The reading itself is the core's (answer/followup.ts).
 */
import type { ThreadAnswer, ThreadTurn } from "../answer/followup.js";
import type { Answer } from "../answer/types.js";
import type { ThreadKey } from "../store/threads.js";
import type { SlackDeps } from "./deps.js";

/** How long a thread's questions stay its context; older turns are ignored, then pruned. */
export const THREAD_CONTEXT_MS = 24 * 60 * 60 * 1000;

/** The conversation of a DM: its thread when in one, else the whole DM. */
export function directKey(channel: string, threadTs?: string): ThreadKey {
  return { channelId: channel, threadTs: threadTs ?? "" };
}

/** The thread's turns still fresh at `now`, oldest first. */
export async function freshTurns(deps: SlackDeps, key: ThreadKey, now: Date): Promise<ThreadTurn[]> {
  return deps.store.threadTurns(key, new Date(now.getTime() - THREAD_CONTEXT_MS));
}

/**
 * Answers a message in its conversation, or undefined when it is not for the bot; the answered
 * turn is recorded as the conversation's context (a failure to record is logged, not fatal).
 */
export async function answerInConversation(
  deps: SlackDeps,
  asked: { question: string; user: string; key: ThreadKey; direct: boolean; turns?: ThreadTurn[] },
  now: Date,
): Promise<ThreadAnswer | undefined> {
  const turns = asked.turns ?? (await freshTurns(deps, asked.key, now));
  const started = performance.now();
  const reply = deps.core.answerInThread(asked.question, turns, now, { direct: asked.direct });
  if (!reply) return undefined;
  deps.telemetry?.metrics.recordQuestion(reply.answer.answered, (performance.now() - started) / 1000);
  await recordIfUnanswered(deps, reply.answer, reply.question, asked.user, now);
  return reply;
}

/**
 * Records a question with no sourced answer for the curators' gaps list, as `askCore` does (the
 * question recorded is the follow-up resolved). Awaited whether the store answers at once or with
 * a Promise, so a failed record is a log line either way.
 */
async function recordIfUnanswered(
  deps: SlackDeps,
  answer: Answer,
  question: string,
  userId: string,
  now: Date,
): Promise<void> {
  if (answer.answered) return;
  try {
    await deps.store.recordUnanswered({ userId, question, kbVersion: deps.core.kbVersion(), at: now });
  } catch (err) {
    deps.logger.warn("could not record an unanswered question", err);
  }
}

/** Keeps an answered turn as the conversation's context, and forgets expired ones. */
export async function rememberTurn(
  deps: SlackDeps,
  key: ThreadKey,
  reply: ThreadAnswer,
  now: Date,
): Promise<void> {
  try {
    await deps.store.recordThreadTurn({
      ...key,
      question: reply.question,
      factIds: reply.answer.factIds,
      answered: reply.answer.answered,
      at: now,
    });
    await deps.store.pruneThreadTurns(new Date(now.getTime() - THREAD_CONTEXT_MS));
  } catch (err) {
    deps.logger.warn("could not keep the thread's context", err);
  }
}
