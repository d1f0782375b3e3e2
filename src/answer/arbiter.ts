/**
 * A learned second opinion on the engine's rules. The rules refuse when one of many checks says a
 * claim does not answer, and answer when none does; each check is right often, and wrong often
 * enough that together they refused a third of the questions people asked that the sources answer,
 * and answered one in seven they do not. The arbiter is two logistic models over what the rules saw
 * (why they decided, how the question reads, how well the best claims scored, how many of the
 * question's words the claim and the sources hold) and over the question's own words:
 * - `serve`: of a refusal, the probability that the best claim answers; above its threshold that
 *   claim is given, said to be the nearest the sources come;
 * - `refuse`: of an answer, the probability that the sources do not hold what is asked; above its
 *   threshold the reply says so, with what they do hold.
 * Both are trained on labelled question sets by `scripts/train-arbiter.ts`. Nothing is ever said
 * but a claim's own answer and verbatim snippet.
 */
import type { LoadedClaim } from "../knowledge/schema.js";
import { GENERAL_WORDS } from "../search/general-words.js";
import { keyOf } from "../search/keys.js";
import type { Explanation } from "./engine-shared.js";

/** A trained logistic model: feature names, the scaling learnt with them, weights, and its threshold. */
export interface LogisticModel {
  names: string[];
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
  /** Act (serve, or refuse) when the probability is at least this. */
  threshold: number;
  /** What it was trained on. */
  trained: { examples: number; sets: number; positives: number };
}

/** The arbiter: a model for refusals the rules made, one for answers they gave, and one for passages. */
export interface ArbiterModel {
  serve: LogisticModel;
  refuse: LogisticModel;
  /** Of a refusal that stands, the probability that the nearest passage answers (passages.ts). */
  passage?: LogisticModel;
  /**
   * Of an answer resting on a claim, the probability that a passage near the question answers it
   * where the claim does not (passages.ts, `swapFeatures`).
   */
  swap?: LogisticModel;
}

/** Answers resting on a claim: the ones the arbiter may judge. */
export const CLAIM_ANSWERS = /^(answered from|belief check|a curated phrasing)/;

/** A refusal of the rules the arbiter overruled with the best claim's answer (engine.ts, `arbitrate`). */
export const SERVED = /the arbiter judges \S+ to answer/;

/** Refusals the arbiter never overrules: nothing to answer from, or not a question about the talks. */
export const FINAL_REFUSALS =
  /^(empty question|a task|a greeting|the question names nothing|asks for the source's|two questions in one)/;

/** Function words: neither what a question is about nor evidence that a claim answers it. */
const FUNCTION_WORDS = new Set(
  `the and but for from with into onto than then that this these those there here what when where who
  whom whose which why how its are was were been being does did has have had will would can could should
  may might must shall not any some about just still also only very our your their they them you his her
  she him hers ours theirs mine yours been off out per via say said says`.split(/\s+/),
);

/** Words too common to tell questions apart. */
const TOO_COMMON = new Set(
  "the a an and or but of to in on at for from with by is are was were be been do does did has have had will would can could should this that it they what when where who which why how".split(
    " ",
  ),
);

/** The question's own words, as keys: the arbiter learns which ones go with answers the sources hold. */
export function questionWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z']+/g) ?? []) if (!TOO_COMMON.has(w)) out.add(keyOf(w));
  return [...out];
}

/** The question's words that could name what it is about, as keys. */
export function contentKeys(text: string): string[] {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? []) {
    if (FUNCTION_WORDS.has(w)) continue;
    const k = keyOf(w);
    if (k && !GENERAL_WORDS.has(k)) out.add(k);
  }
  return [...out];
}

/** The keys of every word of a text. */
export function keysOf(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? []).map(keyOf));
}

/** What the refusal says, without its particulars: `it asks about "…", which no source mentions`. */
export function reasonOf(decision: string): string {
  return decision
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\([^)]*\)?/g, "(…)")
    .replace(/:[\s\S]*$/, "")
    .slice(0, 60)
    .trim();
}

const cap = (x: number, most: number) => Math.min(x, most) / most;

/**
 * The features of one question the rules decided, by name: one-hot names carry their value
 * (`form=wh`), and the question's words are `w=<key>` (learnt as they are, not scaled). `top` is
 * the claim the rules answered from, or the best they refused.
 */
export function arbiterFeatures(
  question: string,
  x: Explanation,
  top: LoadedClaim | undefined,
  sourceKeys: ReadonlySet<string>,
): Record<string, number> {
  const r = x.reading;
  const f: Record<string, number> = {};
  f[`reason=${reasonOf(x.decision)}`] = 1;
  f[`form=${r.form}`] = 1;
  f[`time=${r.time ?? ""}`] = 1;
  f[`attribute=${x.candidates[0]?.attribute ?? ""}`] = 1;
  f.negated = r.negated ? 1 : 0;
  f.unknown = cap(r.unknownWords.length, 3);
  f.concepts = cap(r.concepts.length, 6);
  f.weightMax = Math.max(0, ...r.concepts.map((c) => c.weight));
  f.weightMin = r.concepts.length ? Math.min(...r.concepts.map((c) => c.weight)) : 0;
  f.asked = cap(r.asked.length, 8);
  f.askedFit = Math.max(0, ...r.asked.map((a) => a.fit));
  f.claimed = cap(r.claimed.length, 5);
  f.choices = cap(r.choices.length, 3);
  f.length = Math.log(question.length + 1) / 6;
  f.words = cap(question.split(/\s+/).length, 60);
  f.candidates = cap(x.candidates.length, 8);
  for (const [i, c] of x.candidates.slice(0, 3).entries()) {
    f[`c${i}.score`] = c.score;
    f[`c${i}.coverage`] = c.coverage;
    f[`c${i}.words`] = c.words;
    f[`c${i}.fit`] = c.fit;
    f[`c${i}.standing`] = c.standing ? 1 : 0;
  }
  const [a, b] = x.candidates;
  f.gap = (a?.score ?? 0) - (b?.score ?? 0);
  f.scoreFit = (a?.score ?? 0) * (a?.fit ?? 0);
  f.coverageWords = (a?.coverage ?? 0) * (a?.words ?? 0);
  const asked = contentKeys(question);
  const inClaim = keysOf(top ? `${top.snippet} ${top.answer}` : "");
  f.inClaim = asked.length ? asked.filter((k) => inClaim.has(k)).length / asked.length : 0;
  f.inSources = asked.length ? asked.filter((k) => sourceKeys.has(k)).length / asked.length : 0;
  f.notInSources = cap(asked.filter((k) => !sourceKeys.has(k)).length, 4);
  f.asks = cap(asked.length, 20);
  for (const w of questionWords(question)) f[`w=${w}`] = 1;
  return f;
}

/** Whether a feature is learnt as it is (a word of the question) rather than scaled. */
const unscaled = (name: string) => name.startsWith("w=");

/** The probability the model gives. */
export function probability(model: LogisticModel, features: Record<string, number>): number {
  let z = model.bias;
  for (const [i, name] of model.names.entries()) {
    const v = features[name] ?? 0;
    z += (model.weights[i] as number) * ((v - (model.mean[i] as number)) / (model.sd[i] as number));
  }
  return 1 / (1 + Math.exp(-z));
}

/** One labelled example: the features of a decided question, and whether the model should act. */
export interface Example {
  features: Record<string, number>;
  /** For `serve`: the best claim answers; for `refuse`: the sources hold no answer. */
  act: boolean;
}

/**
 * Fits a logistic model by gradient descent with an L2 penalty (`l2` = 1/C, the intercept not
 * penalised). Numeric and one-hot features are scaled to mean 0 and standard deviation 1; the
 * question's words, present in few examples each, are kept as they are and stored sparsely. Words
 * in fewer than `minCount` examples are left out. Deterministic: the same examples give the same model.
 */
export function trainLogistic(
  examples: readonly Example[],
  options: {
    threshold: number;
    l2?: number;
    iterations?: number;
    rate?: number;
    sets?: number;
    minCount?: number;
  },
): LogisticModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const k of Object.keys(e.features)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const minCount = options.minCount ?? 8;
  const names = [...counts.keys()]
    .filter((k) => !unscaled(k) || (counts.get(k) as number) >= minCount)
    .sort();
  const scaled = names.flatMap((k, j) => (unscaled(k) ? [] : [j]));
  const column = new Map(names.map((k, j) => [k, j]));
  const n = examples.length;
  const mean = names.map(() => 0);
  const sd = names.map(() => 1);
  for (const j of scaled) {
    const k = names[j] as string;
    const m = examples.reduce((s, e) => s + (e.features[k] ?? 0), 0) / Math.max(n, 1);
    const v = examples.reduce((s, e) => s + ((e.features[k] ?? 0) - m) ** 2, 0) / Math.max(n, 1);
    mean[j] = m;
    sd[j] = Math.sqrt(v) || 1;
  }
  // Each example: its scaled features in full, its words as the columns present.
  const dense = examples.map((e) =>
    Float64Array.from(
      scaled,
      (j) => ((e.features[names[j] as string] ?? 0) - (mean[j] as number)) / (sd[j] as number),
    ),
  );
  const sparse = examples.map((e) =>
    Object.keys(e.features).flatMap((k) => (unscaled(k) && column.has(k) ? [column.get(k) as number] : [])),
  );
  const y: number[] = examples.map((e) => (e.act ? 1 : 0));
  const l2 = options.l2 ?? 1;
  const rate = options.rate ?? 0.5;
  const w = new Float64Array(names.length);
  let bias = 0;
  const grad = new Float64Array(names.length);
  for (let it = 0; it < (options.iterations ?? 1500); it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const d = dense[i] as Float64Array;
      const sp = sparse[i] as number[];
      let z = bias;
      for (let a = 0; a < scaled.length; a++) z += (w[scaled[a] as number] as number) * (d[a] as number);
      for (const j of sp) z += w[j] as number;
      const err = 1 / (1 + Math.exp(-z)) - (y[i] as number);
      gb += err;
      for (let a = 0; a < scaled.length; a++) {
        const j = scaled[a] as number;
        grad[j] = (grad[j] as number) + err * (d[a] as number);
      }
      for (const j of sp) grad[j] = (grad[j] as number) + err;
    }
    bias -= (rate * gb) / n;
    for (let j = 0; j < w.length; j++)
      w[j] = (w[j] as number) - (rate * ((grad[j] as number) + l2 * (w[j] as number))) / n;
  }
  return {
    names,
    mean,
    sd,
    weights: [...w],
    bias,
    threshold: options.threshold,
    trained: { examples: n, sets: options.sets ?? 0, positives: y.reduce((s, v) => s + v, 0) },
  };
}
