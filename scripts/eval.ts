/**
 * `npm run eval [-- FILE.jsonl … --verbose]`: the project's labelled questions (eval/questions.jsonl
 * and the held-out eval/holdout.jsonl by default), scored in-process on the real knowledge base.
 */
import { createCore } from "../src/answer/core.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import { evalFiles, evaluate, pct, readQuestions } from "./evaluate.js";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const files = args.filter((a) => !a.startsWith("--"));
const defaults = evalFiles();
const kb = loadKnowledge("knowledge");
const core = createCore(kb);
const now = new Date();
console.log(
  `knowledge ${kb.version}: ${kb.entries.length} entries, ${kb.sources.size} sources; now ${now.toISOString()}`,
);
for (const file of files.length ? files : defaults) {
  const questions = readQuestions(file);
  const r = evaluate(core, kb, questions, now);
  if (verbose && r.misses.length) console.log(r.misses.map((m) => `  ${m}`).join("\n"));
  console.log(
    `${file}: ${questions.length} questions — top-1 answer accuracy ${pct(r.answeredRight, r.answerable)}% (${r.answeredRight}/${r.answerable}), ` +
      `abstention ${pct(r.abstainedRight, r.abstainable)}% (${r.abstainedRight}/${r.abstainable}), ` +
      `citations valid ${pct(r.citedValid, r.answered)}% (${r.citedValid}/${r.answered}), ${r.msPerQuestion.toFixed(2)} ms/question`,
  );
}
