/**
 * `tradebot kb gaps [--limit N] [--json]`: the curators' to-do list from the store at
 * DATABASE_PATH — unanswered questions (near-duplicates grouped, most asked first) and the
 * claims most often marked not helpful, with what they say and where to edit them — and, from the
 * knowledge alone, the claims whose review_by date has passed.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { createCore } from "../../answer/core.js";
import { loadConfig } from "../../config.js";
import { buildGaps } from "../../curation/gaps.js";
import { gapsLines } from "../../curation/gaps-text.js";
import { type OverdueReview, overdueLines, overdueReviews } from "../../curation/review-dates.js";
import { checkKnowledge } from "../../knowledge/index.js";
import { CLI_DATABASE_WAIT_MS, openConfiguredStore } from "../../store/open.js";
import { type CliCommand, UsageError } from "../command.js";
import { today } from "../today.js";

/** The `kb gaps` command. */
export const kbGaps: CliCommand = {
  name: "kb gaps",
  summary: "The curators' to-do list: unanswered questions grouped, answers marked not helpful",
  usage: "[--limit N] [--json]",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { limit: { type: "string" }, json: { type: "boolean" } },
    });
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const limit = values.limit === undefined ? 10 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new UsageError(`--limit must be a whole number from 1 to 1000, not ${values.limit}`);

    const config = loadConfig(ctx.env);
    const { kb } = checkKnowledge(ctx.knowledgeDir);
    const now = ctx.now();
    const overdue: OverdueReview[] = kb ? overdueReviews(kb, today(now)) : [];
    if (!config.databaseUrl && !existsSync(config.databasePath)) {
      ctx.err(
        `No database at ${config.databasePath} yet: nothing has been recorded. (The app records questions there; set DATABASE_PATH if it uses another file.)`,
      );
      if (values.json)
        ctx.out(JSON.stringify({ ...buildGaps({ unanswered: [], feedback: [], limit }), overdue }, null, 2));
      else for (const line of overdueLines(overdue)) ctx.out(line);
      return 0;
    }
    const store = await openConfiguredStore(config, { waitForMs: CLI_DATABASE_WAIT_MS });
    let unanswered: Awaited<ReturnType<typeof store.listUnanswered>>;
    let feedback: Awaited<ReturnType<typeof store.listFeedback>>;
    try {
      unanswered = await store.listUnanswered();
      feedback = await store.listFeedback();
    } finally {
      await store.close();
    }

    const core = kb ? createCore(kb) : undefined;
    const report = buildGaps({
      unanswered,
      feedback,
      limit,
      ...(kb ? { kb } : {}),
      ...(core
        ? {
            answeredNowBy: (q: string) => {
              const a = core.answer(q, now);
              return a.answered ? a.factIds[0] : undefined;
            },
          }
        : {}),
    });
    if (values.json) {
      ctx.out(JSON.stringify({ ...report, overdue }, null, 2));
      return 0;
    }
    ctx.out(`Curators' to-do list (${store.path}${kb ? `, knowledge version ${kb.version}` : ""})`);
    ctx.out("");
    for (const line of gapsLines(report)) ctx.out(line);
    ctx.out("");
    for (const line of overdueLines(overdue)) ctx.out(line);
    if (!kb)
      ctx.out(
        "\n(The knowledge folder has problems, so claims are shown by id only: run tradebot kb check.)",
      );
    return 0;
  },
};
