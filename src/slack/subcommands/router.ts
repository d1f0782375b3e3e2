/**
 * Routes the text after `/tradetalks` to a subcommand. Empty text is `status`; a first word that
 * names a subcommand runs it; a question (several words, or ending in `?`) is `ask`. A lone word
 * that is neither is tried as a question (`/tradetalks truce`); when the sources have no answer
 * it gets help, saying the word is not a subcommand.
 */
import { answerMessage } from "../blocks/answer.js";
import { safeMrkdwn, slackToPlain } from "../escape.js";
import { COMMAND } from "../ids.js";
import { normaliseQuestion } from "../question.js";
import { sourceTexts } from "../source-text.js";
import { helpMessage } from "./help.js";
import type { Subcommand } from "./types.js";

/** What the router decided: the subcommand and the text it is given. */
export interface Route {
  subcommand: Subcommand;
  args: string;
  /** Set when the text named no subcommand: shown above the help. */
  note?: string;
}

/** Finds the subcommand for `text` among `list` (which must include `status`, `ask` and `help`). */
export function route(text: string, list: readonly Subcommand[]): Route {
  const trimmed = text.trim();
  const find = (name: string) =>
    list.find((s) => s.name === name || s.aliases?.includes(name)) ?? missing(name);
  if (!trimmed) return { subcommand: find("status"), args: "" };
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const named = list.find((s) => s.name === first.toLowerCase() || s.aliases?.includes(first.toLowerCase()));
  if (named) return { subcommand: named, args: trimmed.slice(first.length).trim() };
  if (rest.length > 0 || trimmed.endsWith("?")) return { subcommand: find("ask"), args: trimmed };
  const word = safeMrkdwn(slackToPlain(first));
  const note = `\`${word}\` is not a ${COMMAND} subcommand. To ask about it, write \`${COMMAND} ask ${word}\`.`;
  const askOrHelp: Subcommand = {
    ...find("help"),
    handler: ({ deps, now, subcommands }) => {
      const question = normaliseQuestion(first);
      const answer = deps.core.answer(question, now);
      if (!answer.answered) return helpMessage(subcommands, note);
      return answerMessage(answer, {
        question,
        now,
        showQuestion: true,
        share: { kind: "ask", question },
        feedback: { kbVersion: deps.core.kbVersion() },
        sourceText: sourceTexts(deps),
      });
    },
  };
  return { subcommand: askOrHelp, args: trimmed, note };
}

function missing(name: string): never {
  throw new Error(`the ${name} subcommand is not registered`);
}
