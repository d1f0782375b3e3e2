/**
 * Each eval set asked as one DM conversation (every question read with the ones before it, as the
 * Slack surface reads a DM), beside the same questions asked one by one: a follow-up reader that
 * misreads whole questions shows here. `KB=eval/multi-kb npx tsx scripts/eval-dm.ts SET.jsonl…`;
 * `V=1` lists the questions it rewrote.
 */
import { readFileSync } from "node:fs";
import { createCore } from "../src/answer/core.js";
import type { ThreadTurn } from "../src/answer/followup.js";
import { loadKnowledge } from "../src/knowledge/index.js";

const core = createCore(loadKnowledge(process.env.KB ?? "knowledge"));
const fold = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/\s+/g, " ")} `;
const now = new Date();
for (const file of process.argv.slice(2)) {
  const qs = readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const score = (mode: "alone" | "dm") => {
    const turns: ThreadTurn[] = [];
    let ar = 0,
      an = 0,
      rr = 0,
      rn = 0;
    const diff: string[] = [];
    for (const q of qs) {
      const r =
        mode === "alone"
          ? { answer: core.answer(q.q, now), question: q.q }
          : core.answerInThread(q.q, turns, now, { direct: true });
      if (!r) continue;
      const a = r.answer;
      turns.push({ question: r.question, factIds: a.factIds, answered: a.answered, at: now });
      const hay = fold([a.text, ...a.citations.map((c) => c.snippet)].join(" "));
      const ok =
        q.kind === "abstain"
          ? !a.answered
          : a.answered &&
            q.expect.every((g: string[]) =>
              g.some((alt) => hay.includes(alt.toLowerCase().replace(/[\u2018\u2019']/g, ""))),
            );
      if (q.kind === "abstain") {
        rn++;
        if (ok) rr++;
      } else {
        an++;
        if (ok) ar++;
      }
      if (mode === "dm" && r.question !== q.q) diff.push(`${q.q} -> ${r.question} ${ok ? "ok" : "MISS"}`);
    }
    return {
      ans: ((100 * ar) / an).toFixed(1),
      ref: ((100 * rr) / rn).toFixed(1),
      rewritten: diff.length,
      diff,
    };
  };
  const a = score("alone"),
    d = score("dm");
  console.log(file, "alone", a.ans, a.ref, "| dm", d.ans, d.ref, "rewritten", d.rewritten);
  if (process.env.V) console.log(d.diff.join("\n"));
}
