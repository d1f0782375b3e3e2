/** `tradebot ask`: one question, or one a line on stdin with --jsonl. */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { type CliCommand, UsageError } from "../command.js";
import { loadCoreFor } from "../knowledge.js";
import { answerJson, renderAnswer } from "../render.js";

export const ask: CliCommand = {
  name: "ask",
  summary: "answer a question from the knowledge base, with its cited snippet",
  usage:
    '[--json | --explain] "question" | --jsonl  (one question a line on stdin, one JSON object a line out)',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { json: { type: "boolean" }, jsonl: { type: "boolean" }, explain: { type: "boolean" } },
    });
    const question = positionals.join(" ").trim();
    if (values.jsonl && (question || values.json || values.explain))
      throw new UsageError("--jsonl reads questions from stdin; give no question and no --json or --explain");
    if (values.json && values.explain) throw new UsageError("give --json or --explain, not both");
    if (!values.jsonl && !question)
      throw new UsageError("give a question, or --jsonl to read questions from stdin");
    const core = await loadCoreFor(ctx);
    if (!core) return 1;
    if (values.explain) {
      const { answer, explanation } = core.engine.explain(question, ctx.now());
      const { renderExplanation } = await import("../explain.js");
      ctx.out(renderExplanation(answer, explanation));
      return 0;
    }
    if (!values.jsonl) {
      const answer = core.answer(question, ctx.now());
      ctx.out(values.json ? JSON.stringify(answerJson(answer)) : renderAnswer(answer));
      return 0;
    }
    const lines = createInterface({ input: ctx.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) ctx.out(JSON.stringify(answerJson(core.answer(line, ctx.now()))));
    return 0;
  },
};
