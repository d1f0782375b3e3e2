/**
 * `npm run eval [-- FILE.jsonl … --verbose]`: the project's labelled questions (eval/questions.jsonl
 * and the held-out eval/holdout.jsonl by default), scored in-process on the real knowledge base.
 */
import { createCore } from "../src/answer/core.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import { evalFiles, evaluate, pct, readQuestions } from "./evaluate.js";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const kbAt = args.indexOf("--kb");
const kbDir = kbAt >= 0 ? (args[kbAt + 1] as string) : "knowledge";
const files = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1] === "--kb"));
const defaults = evalFiles();
const kb = loadKnowledge(kbDir);
const core = createCore(kb);
const now = new Date();
console.log(
  `knowledge ${kbDir} ${kb.version}: ${kb.claims.length} claims, ${kb.concepts.size} concepts, ${kb.sources.size} sources; now ${now.toISOString()}`,
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
