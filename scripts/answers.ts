/**
 * `npx tsx scripts/answers.ts OUT.jsonl [--synthetic]`: every answer to the eval questions, as JSON
 * lines, with the clock pinned, so a change meant to keep answers as they are (a speed-up) can be
 * checked by diffing this file before and after. The question sets are run, never printed.
 * With --synthetic, also the bench's questions over synthetic knowledge of 1,000 and 10,000 claims.
 */
import { writeFileSync } from "node:fs";
import { createCore } from "../src/answer/core.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { evalFiles, readQuestions } from "./evaluate.js";
import { synthetic } from "./synthetic.js";

const [out, ...flags] = process.argv.slice(2);
if (!out) throw new Error("usage: answers.ts OUT.jsonl [--synthetic]");
const now = new Date("2025-10-20T09:00:00Z");
const single = [
  "eval/sets/sa-belief.jsonl",
  "eval/sets/sa-attributes.jsonl",
  "eval/sets/sa-missing.jsonl",
  "eval/sets/sa-context.jsonl",
];
const lines: string[] = [];
const run = (label: string, kb: KnowledgeBase, files: string[]) => {
  const core = createCore(kb);
  for (const file of files) {
    readQuestions(file).forEach((q, i) => {
      lines.push(JSON.stringify({ kb: label, file, i, answer: core.answer(q.q, now) }));
    });
  }
};
const real = loadKnowledge("knowledge");
run("knowledge", real, [...evalFiles(), ...single]);
run("eval/multi-kb", loadKnowledge("eval/multi-kb"), ["eval/sets/ma-changes.jsonl"]);
if (flags.includes("--synthetic")) {
  for (const n of [1000, 10000]) run(`synthetic ${n}`, synthetic(real, n - real.claims.length), evalFiles());
}
writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${lines.length} answers written to ${out}`);
