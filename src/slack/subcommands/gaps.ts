/**
 * `/tradetalks gaps`: the curators' to-do list (unanswered questions grouped, answers marked not
 * helpful), shown ephemerally to the admins in ADMIN_USER_IDS; anyone else gets a polite no.
 */

import { buildGaps, type GapsReport } from "../../curation/gaps.js";
import { gapsLines } from "../../curation/gaps-text.js";
import { isAdmin } from "../admins.js";
import { capBlocks, context, header, sections } from "../blocks/limits.js";
import type { Message } from "../blocks/message.js";
import { safeMrkdwn } from "../escape.js";
import { COMMAND } from "../ids.js";
import type { Subcommand, SubcommandContext } from "./types.js";

/** How many groups and unhelpful claims the Slack list shows (the CLI takes `--limit`). */
const SHOWN = 10;

/** The refusal for people who are not admins. */
export function notAnAdmin(): Message {
  const text = `Sorry, \`${COMMAND} gaps\` is only for the curators who keep the knowledge base current. You can ask me anything about the talks with \`${COMMAND} <question>\`.`;
  return { text, blocks: sections(text) };
}

/** The to-do list as a Slack message; user-written questions are escaped so nothing in them can ping. */
export function gapsMessage(report: GapsReport, kbVersion: string): Message {
  const lines = gapsLines(report, (t) => `“${t}”`).map((l) => safeMrkdwn(l));
  const summary = `Curators' to-do list: ${report.totals.groups} unanswered question group${report.totals.groups === 1 ? "" : "s"}, ${report.unhelpful.length} answer${report.unhelpful.length === 1 ? "" : "s"} marked not helpful`;
  return {
    text: summary,
    blocks: capBlocks([
      header("Curators' to-do list"),
      ...sections(lines.join("\n")),
      context([
        `Knowledge version ${safeMrkdwn(kbVersion)}. The full list: \`tradebot kb gaps --limit 50\`.`,
      ]),
    ]),
  };
}

async function handler({ deps, userId, teamId, now }: SubcommandContext): Promise<Message> {
  if (!isAdmin(deps.config, teamId, userId)) return notAnAdmin();
  const report = buildGaps({
    unanswered: await deps.store.listUnanswered(),
    feedback: await deps.store.listFeedback(),
    limit: SHOWN,
    answeredNowBy: (q) => {
      const a = deps.core.answer(q, now);
      return a.answered ? a.factIds[0] : undefined;
    },
  });
  // The core knows what each claim says now (following what replaced it); the store only has ids.
  for (const u of report.unhelpful) u.answer ??= deps.core.answerEntry(u.entryId, now)?.text;
  return gapsMessage(report, deps.core.kbVersion());
}

/** The gaps subcommand. */
export const gaps: Subcommand = {
  name: "gaps",
  usage: "",
  summary: "For curators: unanswered questions and answers marked not helpful",
  handler,
};
