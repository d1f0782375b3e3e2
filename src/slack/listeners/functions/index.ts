/**
 * Workflow Builder steps (Bolt's custom functions, `function_executed`): "Ask Trade Talk Bot"
 * answers its `question` input from the same core as every surface, with the cited snippet and its
 * source as outputs; "Trade talks status" outputs the status headline and what stands. Each run
 * ends with `functions.completeSuccess`, or `functions.completeError` saying what went wrong, so
 * the workflow never hangs on us.
 */
import type { App } from "@slack/bolt";
import type { Answer, StatusReport } from "../../../answer/types.js";
import { askCore } from "../../ask.js";
import { formatDate } from "../../blocks/dates.js";
import type { SlackDeps } from "../../deps.js";
import { slackToPlain } from "../../escape.js";
import { FUNCTIONS } from "../../ids.js";

/** Who a workflow's question is recorded as, for the curators' gaps list. */
export const WORKFLOW_USER = "workflow";

/** The `source` output: publisher, date, title and address of the first citation; empty when none. */
export function sourceLine(a: Answer): string {
  const c = a.citations[0];
  if (!c) return "";
  return `${c.publisher}, ${formatDate(c.published)}: ${c.title}${c.url ? ` (${c.url})` : ""}`;
}

/** The `status` output: the headline and one line per point that stands, each with its source. */
export function statusText(s: StatusReport): string {
  const points = s.inForce.map(
    (p) => `• ${p.text} (${p.citation.publisher}, ${formatDate(p.citation.published)})`,
  );
  return [s.headline, ...points, s.freshness].filter(Boolean).join("\n");
}

/** Registers both steps. */
export function register(app: App, deps: SlackDeps): void {
  app.function(FUNCTIONS.ask, async ({ inputs, complete, fail, logger }) => {
    const raw = typeof inputs.question === "string" ? inputs.question : "";
    const question = slackToPlain(raw).replace(/\s+/g, " ").trim();
    if (!question) {
      await fail({ error: "The step has no question to ask: set its Question input." });
      return;
    }
    try {
      const answer = await askCore(deps, question, WORKFLOW_USER, deps.now());
      await complete({
        outputs: {
          answer: answer.text,
          quote: answer.citations[0]?.snippet ?? "",
          source: sourceLine(answer),
        },
      });
    } catch (err) {
      logger.error(`the Ask step failed: ${String(err)}`);
      await fail({ error: "Trade Talk Bot could not answer just now; try the step again." });
    }
  });
  app.function(FUNCTIONS.status, async ({ complete, fail, logger }) => {
    try {
      await complete({ outputs: { status: statusText(deps.core.status(deps.now())) } });
    } catch (err) {
      logger.error(`the status step failed: ${String(err)}`);
      await fail({ error: "Trade Talk Bot could not read the status just now; try the step again." });
    }
  });
}
