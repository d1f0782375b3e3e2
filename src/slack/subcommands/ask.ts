/** `/tradetalks ask <question>` (and any multi-word text that is not a subcommand). */
import { askCore } from "../ask.js";
import { answerMessage } from "../blocks/answer.js";
import { displayQuestion, normaliseQuestion } from "../question.js";
import { sourceTexts } from "../source-text.js";
import type { Subcommand } from "./types.js";

/** The ask subcommand. */
export const ask: Subcommand = {
  name: "ask",
  usage: "<question>",
  summary: "Ask a question, answered from the cited sources",
  handler: async ({ args, deps, now, userId }) => {
    const question = normaliseQuestion(args);
    if (!question) return { text: "Ask me something, like `/tradetalks ask when does the truce expire?`" };
    const answer = await askCore(deps, question, userId, now);
    const shown = displayQuestion(args);
    return answerMessage(answer, {
      question: shown,
      now,
      showQuestion: true,
      share: { kind: "ask", question: shown },
      feedback: { kbVersion: deps.core.kbVersion() },
      sourceText: sourceTexts(deps),
    });
  },
};
