/**
 * `npx tsx scripts/train-arbiter.ts [--check]` (or `npm run train:arbiter`): trains the arbiter (src/answer/arbiter.ts) on the
 * labelled sets in eval/arbiter-sets.json and writes src/answer/arbiter-model.ts.
 * - `serve` learns from the rules' refusals it may overrule: positive when the best claim's answer
 *   gives what the question expects, negative when the sources hold no answer.
 * - `refuse` learns from the rules' answers resting on a claim: positive when the sources hold no
 *   answer, negative when the answer is right.
 * An answerable question the rules got wrong either way teaches neither.
 * - `passage` learns from the refusals that stand: positive for each nearest sentence that answers.
 * - `swap` learns from the answers resting on a claim once the other three have judged: positive
 *   for a nearby sentence that answers where the claim's answer does not.
 * Before writing, it reports
 * leave-one-set-out figures: each set is scored by models trained without it (and without the same
 * questions asked of other knowledge), so the gain is measured on questions they did not learn
 * from (this takes some minutes; `--check` reports them and writes nothing).
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  type ArbiterModel,
  arbiterFeatures,
  type Example,
  type LogisticModel,
  probability,
  trainLogistic,
} from "../src/answer/arbiter.js";
import { AnswerEngine } from "../src/answer/engine.js";
import { type NearPassage, passageAnswer } from "../src/answer/passages.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import { answersRight, readQuestions } from "./evaluate.js";

/** Chosen by leave-one-set-out runs of this script: 1/C of the penalty, and each model's threshold. */
const L2 = 1 / 3;
const SERVE_AT = 0.8;
const REFUSE_AT = 0.6;
const PASSAGE_AT = 0.5;
/** The swap model's threshold and penalty (chosen by six-fold runs of this script with --check). */
const SWAP_AT = 0.5;
const SWAP_L2 = 1;

const args = process.argv.slice(2);
const { sets } = JSON.parse(readFileSync("eval/arbiter-sets.json", "utf8")) as { sets: [string, string][] };
const now = new Date();

interface Row {
  group: string;
  abstain: boolean;
  /** The rules' reply is right: an answer giving what is expected, or a refusal of an abstain. */
  rulesRight: boolean;
  model?: "serve" | "refuse";
  /** When the arbiter acts: its reply is right. */
  actedRight?: boolean;
  features?: Record<string, number>;
  /** Set when the row teaches its model. */
  example?: Example;
  /** Should the refusal stand: the nearest passages' features, and whether each answers. */
  passages?: { features: Record<string, number>[]; right: boolean[] };
}
const rows: Row[] = [];
const engines = new Map<string, AnswerEngine>();
for (const [kbDir, file] of sets) {
  let engine = engines.get(kbDir);
  if (!engine) {
    engine = new AnswerEngine(loadKnowledge(kbDir), undefined, { arbiter: null });
    engines.set(kbDir, engine);
  }
  const group = file.replace(/^.*\//, "").replace(/\.jsonl$/, "");
  for (const q of readQuestions(file)) {
    const { answer, explanation, judged, passages } = engine.explainByRules(q.q, now);
    const abstain = q.kind === "abstain";
    const row: Row = { group, abstain, rulesRight: abstain ? !answer.answered : answersRight(q, answer) };
    if (judged) {
      row.model = judged.model;
      const features = arbiterFeatures(q.q, explanation, judged.claim, engine.sourceKeys());
      row.features = features;
      // Serving is right when the nearest answer gives what is expected; refusing when nothing is.
      row.actedRight =
        judged.model === "serve" ? !abstain && !!judged.nearest && answersRight(q, judged.nearest) : abstain;
      const teaches = judged.model === "serve" ? abstain || row.actedRight : abstain || row.rulesRight;
      if (teaches) row.example = { features, act: judged.model === "serve" ? row.actedRight : abstain };
    }
    if (passages?.features.length)
      row.passages = {
        features: passages.features,
        right: passages.features.map(
          (_, rank) =>
            !abstain &&
            answersRight(q, passageAnswer(engine.kb, (passages.near[rank] as NearPassage).passage, 1, now)),
        ),
      };
    rows.push(row);
  }
}
const train = (of: Row[], model: "serve" | "refuse", groups: number): LogisticModel =>
  trainLogistic(
    of.flatMap((r) => (r.model === model && r.example ? [r.example] : [])),
    { threshold: model === "serve" ? SERVE_AT : REFUSE_AT, l2: L2, sets: groups },
  );
/** Whether the arbiter acts on a row, given its model's probability. */
const acts = (r: Row, p: number, serveAt = SERVE_AT, refuseAt = REFUSE_AT) =>
  r.model !== undefined && p >= (r.model === "serve" ? serveAt : refuseAt);
/** Whether the reply is a refusal once the arbiter has judged it (the passage model's turn). */
const refused = (r: Row, acted: boolean) =>
  r.model === "serve" ? !acted : r.model === "refuse" ? acted : false;
/** The passage model learns from every passage near a refusal that stands, right or not. */
const trainPassage = (of: Row[], stands: (r: Row) => boolean, groups: number): LogisticModel =>
  trainLogistic(
    of.flatMap((r) =>
      r.passages && stands(r)
        ? r.passages.features.map((features, k) => ({ features, act: r.passages?.right[k] === true }))
        : [],
    ),
    { threshold: PASSAGE_AT, l2: L2, sets: groups },
  );
/** The best passage's probability and whether it answers. */
const bestPassage = (m: LogisticModel, r: Row): { p: number; right: boolean } => {
  let best = { p: -1, right: false };
  for (const [k, f] of (r.passages?.features ?? []).entries()) {
    const q = probability(m, f);
    if (q > best.p) best = { p: q, right: r.passages?.right[k] === true };
  }
  return best;
};
const pc = (a: number, b: number) => ((100 * a) / b).toFixed(1);
/** Answered right / refused right over every row, given each row's reply being right. */
const figures = (right: (r: Row) => boolean) => {
  const ans = rows.filter((r) => !r.abstain);
  const abs = rows.filter((r) => r.abstain);
  return `${pc(ans.filter(right).length, ans.length)} / ${pc(abs.filter(right).length, abs.length)}`;
};
/**
 * What the swap model learns from: every answerable question a claim answers once the other models
 * have judged it, with the passages near it. Replacing a wrong answer by a passage that answers is
 * right; replacing a right one by a passage that does not, or a wrong one by another wrong, is not.
 */
interface SwapRow {
  group: string;
  right: boolean;
  features: Record<string, number>[];
  passageRight: boolean[];
}
function swapRows(model: ArbiterModel): SwapRow[] {
  const out: SwapRow[] = [];
  const judged = new Map<string, AnswerEngine>();
  for (const [kbDir, file] of sets) {
    let engine = judged.get(kbDir);
    if (!engine) {
      engine = new AnswerEngine((engines.get(kbDir) as AnswerEngine).kb, undefined, { arbiter: model });
      judged.set(kbDir, engine);
    }
    const group = file.replace(/^.*\//, "").replace(/\.jsonl$/, "");
    for (const q of readQuestions(file)) {
      if (q.kind !== "answer") continue;
      const { answer, swap } = engine.explainSwap(q.q, now);
      if (!swap?.features.length) continue;
      out.push({
        group,
        right: answersRight(q, answer),
        features: swap.features,
        passageRight: swap.features.map((_, k) =>
          answersRight(q, passageAnswer(engine.kb, (swap.near[k] as NearPassage).passage, 1, now)),
        ),
      });
    }
  }
  return out;
}
const trainSwap = (of: SwapRow[], groups: number): LogisticModel =>
  trainLogistic(
    of.flatMap((r) =>
      r.features.flatMap((features, k) =>
        r.right && r.passageRight[k] ? [] : [{ features, act: !r.right && r.passageRight[k] === true }],
      ),
    ),
    { threshold: SWAP_AT, l2: SWAP_L2, sets: groups },
  );
/**
 * The module holding the models: their JSON in a string, which V8 reads several times faster than
 * the same object written as a literal (it counts in `tradebot ask`'s start).
 */
function modelModule(model: ArbiterModel): string {
  return `// Generated by scripts/train-arbiter.ts from the sets in eval/arbiter-sets.json: do not edit by hand.\nimport type { ArbiterModel } from "./arbiter.js";\n\nexport const ARBITER: ArbiterModel | undefined = JSON.parse(${JSON.stringify(JSON.stringify(model))});\n`;
}
const groups = [...new Set(rows.map((r) => r.group))];
const full = { serve: train(rows, "serve", groups.length), refuse: train(rows, "refuse", groups.length) };
const fullP = (r: Row) => (r.model && r.features ? probability(full[r.model], r.features) : 0);
/** Refusals that stand with the arbiter trained on every set: what the passage model learns from. */
const standsFull = (r: Row) => refused(r, acts(r, fullP(r))) || (!r.model && r.passages !== undefined);
console.log(
  `${rows.length} questions in ${groups.length} sets; serve learns from ${rows.filter((r) => r.model === "serve" && r.example).length}, refuse from ${rows.filter((r) => r.model === "refuse" && r.example).length}, passage from ${rows.filter((r) => r.passages && standsFull(r)).length} refusals`,
);
console.log(`rules alone: answered right / refused right ${figures((r) => r.rulesRight)}`);
if (args.includes("--check")) {
  // Each set is judged by models trained without it (and without the same questions asked of other knowledge).
  const p = new Map<Row, number>();
  const passage = new Map<Row, { p: number; right: boolean }>();
  for (const g of groups) {
    const rest = rows.filter((r) => r.group !== g);
    const models = { serve: train(rest, "serve", 0), refuse: train(rest, "refuse", 0) };
    const pm = trainPassage(rest, standsFull, 0);
    for (const r of rows) {
      if (r.group !== g) continue;
      if (r.model && r.features) p.set(r, probability(models[r.model], r.features));
      if (r.passages) passage.set(r, bestPassage(pm, r));
    }
  }
  const reply = (serveAt: number, refuseAt: number, passageAt: number) => (r: Row) => {
    const acted = acts(r, p.get(r) ?? 0, serveAt, refuseAt);
    const stands = refused(r, acted) || (!r.model && r.passages !== undefined);
    const q = passage.get(r);
    if (stands && q && q.p >= passageAt) return q.right;
    return acted ? !!r.actedRight : r.rulesRight;
  };
  // The swap model in six folds of sets (each fold's sets judged by a model trained on the others),
  // on the answers the full models give.
  const fullModel: ArbiterModel = { ...full, passage: trainPassage(rows, standsFull, groups.length) };
  const swaps = swapRows(fullModel);
  const best = new Map<SwapRow, { p: number; right: boolean }>();
  for (let fold = 0; fold < 6; fold++) {
    const held = new Set(groups.filter((_, i) => i % 6 === fold));
    const m = trainSwap(
      swaps.filter((r) => !held.has(r.group)),
      0,
    );
    for (const r of swaps) {
      if (!held.has(r.group)) continue;
      let b = { p: -1, right: false };
      r.features.forEach((f, k) => {
        const q = probability(m, f);
        if (q > b.p) b = { p: q, right: r.passageRight[k] === true };
      });
      best.set(r, b);
    }
  }
  const answerable = rows.filter((r) => !r.abstain).length;
  for (const t of [0.5, 0.6, 0.7, 0.8]) {
    let gained = 0;
    let lost = 0;
    for (const r of swaps) {
      const b = best.get(r);
      if (!b || b.p < t) continue;
      if (!r.right && b.right) gained++;
      if (r.right && !b.right) lost++;
    }
    console.log(
      `swap ≥ ${t}, six folds: ${gained} answers put right, ${lost} put wrong, of ${answerable} answerable`,
    );
  }
  for (const [s, f] of [
    [SERVE_AT, REFUSE_AT],
    [0.7, 0.6],
    [0.8, 0.5],
    [0.9, 0.7],
  ] as const)
    console.log(
      `arbiter, serve ≥ ${s}, refuse ≥ ${f}, each set left out: ${figures(reply(s, f, 2))}; with passages ≥ ${[0.4, 0.5, 0.6, 0.7].map((t) => `${t}: ${figures(reply(s, f, t))}`).join(", ")}`,
    );
} else {
  // The models shipped are trained on every set.
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const tidy = (m: LogisticModel): LogisticModel => ({
    ...m,
    mean: m.mean.map(r4),
    sd: m.sd.map(r4),
    weights: m.weights.map(r4),
    bias: r4(m.bias),
  });
  const model: ArbiterModel = {
    serve: tidy(full.serve),
    refuse: tidy(full.refuse),
    passage: tidy(trainPassage(rows, standsFull, groups.length)),
  };
  model.swap = tidy(trainSwap(swapRows(model), groups.length));
  writeFileSync("src/answer/arbiter-model.ts", modelModule(model));
  console.log(
    `wrote src/answer/arbiter-model.ts: serve ${model.serve.names.length} features, refuse ${model.refuse.names.length}, passage ${model.passage?.names.length}, swap ${model.swap?.names.length}`,
  );
}
