/**
 * The nearest passage: a source's own sentence, given when the rules and the arbiter both refuse
 * and the passage model judges it to answer. The index is tested on the seed fixture; the step in
 * the engine with models written here (one that always acts, one that never does), so that what it
 * changes is what a user would see.
 */
import { describe, expect, it } from "vitest";
import type { ArbiterModel } from "../../src/answer/arbiter.js";
import { createCoreInSteps, createServedCore } from "../../src/answer/core-steps.js";
import { AnswerEngine } from "../../src/answer/engine.js";
import { PassageIndex, passageAnswer } from "../../src/answer/passages.js";
import { runAtOnce } from "../../src/answer/steps.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { stemsOf } from "../../src/search/keys.js";
import { citationProblems, constantModel, MULTI_NOW, SEED_NOW } from "./support.js";

const kb = loadKnowledge("test/fixtures/seed-kb");
const ALWAYS = constantModel(10);
const NEVER = constantModel(-10);
const engineWith = (arbiter: ArbiterModel | null) => new AnswerEngine(kb, undefined, { arbiter });

describe("the sentences of the sources", () => {
  const index = PassageIndex.of(kb);

  it("are the story's sentences, word for word, without the page furniture", () => {
    expect(index.passages.length).toBeGreaterThan(10);
    for (const p of index.passages) expect(kb.sources.get(p.source)?.text).toContain(p.text);
    expect(index.passages.some((p) => /^RELATED:/i.test(p.text))).toBe(false);
    expect(index.passages.some((p) => /sign up/i.test(p.text))).toBe(false);
  });

  it("are found by the question's rarer words, the best first", () => {
    const { near } = index.nearest(stemsOf("the vow to control rare-earth elements"), 5);
    expect(near[0]?.passage.text).toMatch(/rare-earth/);
    expect(near[0]?.score).toBeGreaterThan(near.at(-1)?.score ?? 1);
    expect(index.nearest(stemsOf("zzyzx quux"), 5).near).toEqual([]);
  });

  it("are the same built a step at a time; a reloaded core has them before it serves, the first core after", async () => {
    const steps = PassageIndex.build(kb);
    let step = steps.next();
    let count = 0;
    while (!step.done) {
      count++;
      step = steps.next();
    }
    expect(count).toBeGreaterThan(0);
    expect(step.value.passages).toEqual(index.passages);
    const stems = stemsOf("the vow to control rare-earth elements");
    expect(step.value.nearest(stems, 5)).toEqual(index.nearest(stems, 5));
    // A hot reload's core: the swap step weighs sentences for every answer, so they are built first.
    const reloaded = await createCoreInSteps(kb);
    expect(reloaded.engine.passagesReady).toBe(true);
    // The first core serves at once and builds them in steps after.
    const first = createServedCore(kb);
    expect(first.engine.passagesReady).toBe(false);
    for (let i = 0; i < 50 && !first.engine.passagesReady; i++) await new Promise((r) => setTimeout(r, 10));
    expect(first.engine.passagesReady).toBe(true);
  });

  it("are taken from the index they replace when the sources are the same, with which claims rest on them worked out again", () => {
    const same = runAtOnce(PassageIndex.reusing(index, kb));
    expect(same?.passages).toEqual(index.passages);
    const stems = stemsOf("the vow to control rare-earth elements");
    expect(same?.nearest(stems, 5)).toEqual(index.nearest(stems, 5));
    // An edit of the claims only: no claim rests on any sentence now.
    const noClaims = runAtOnce(PassageIndex.reusing(index, { ...kb, claims: [] }));
    expect(index.passages.some((p) => p.inClaim)).toBe(true);
    expect(noClaims?.passages.some((p) => p.inClaim)).toBe(false);
    expect(noClaims?.passages.map((p) => p.text)).toEqual(index.passages.map((p) => p.text));
  });

  it("are read again when a source was edited", () => {
    const edited = new Map(kb.sources);
    for (const [id, source] of kb.sources) {
      edited.set(id, { ...source, text: `${source.text}\n\nA closing paragraph the curator added.` });
      break;
    }
    expect(runAtOnce(PassageIndex.reusing(index, { ...kb, sources: edited }))).toBeUndefined();
  });

  it("know which a reviewed claim already rests on", () => {
    const low = (x: string) => x.toLowerCase().replace(/\s+/g, " ");
    const covered = (text: string, source: string) =>
      kb.claims.some(
        (c) =>
          c.source === source &&
          (low(text).includes(low(c.snippet)) || low(c.snippet).includes(low(text).slice(0, 60))),
      );
    expect(index.passages.filter((p) => p.inClaim).length).toBeGreaterThan(0);
    expect(index.passages.filter((p) => !p.inClaim).length).toBeGreaterThan(0);
    for (const p of index.passages) expect(p.inClaim).toBe(covered(p.text, p.source));
  });
});

describe("the nearest passage in the engine", () => {
  const refused = "what's the weather in Kuala Lumpur";

  it("quotes a sentence of a source for a refusal it judges answered, cited word for word", () => {
    const engine = engineWith({ serve: NEVER, refuse: NEVER, passage: ALWAYS });
    const { answer, explanation } = engine.explain(refused, SEED_NOW);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(
      /^No reviewed fact answers that directly\. The nearest passage in my sources, from the report of \w+\.? \d+, \d{4}:$/,
    );
    expect(answer.citations).toHaveLength(1);
    expect(answer.factIds).toEqual([]);
    expect(citationProblems(kb, answer)).toEqual([]);
    expect(explanation.decision).toMatch(
      /which no source mentions; the nearest passage \(.+\) is judged to answer/,
    );
    // What training sees is what the user would get.
    const ruled = engine.explainByRules(refused, SEED_NOW);
    const near = ruled.passages?.near[0];
    expect(near).toBeDefined();
    if (near) expect(passageAnswer(kb, near.passage, 1, SEED_NOW).citations).toEqual(answer.citations);
  });

  it("changes nothing when the passage model does not reach its threshold", () => {
    const engine = engineWith({ serve: NEVER, refuse: NEVER, passage: NEVER });
    const without = engineWith({ serve: NEVER, refuse: NEVER });
    for (const q of [refused, "which hotel in KL", "when does the truce expire"])
      expect(engine.answer(q, SEED_NOW)).toEqual(without.answer(q, SEED_NOW));
  });

  it("leaves answers alone, and refusals with nothing to answer from or about no question of the talks", () => {
    const engine = engineWith({ serve: NEVER, refuse: NEVER, passage: ALWAYS });
    const without = engineWith({ serve: NEVER, refuse: NEVER });
    expect(engine.answer("when does the truce expire", SEED_NOW)).toEqual(
      without.answer("when does the truce expire", SEED_NOW),
    );
    for (const q of ["hi", "who won the world series", "write me a poem about tariffs", ""])
      expect(engine.answer(q, SEED_NOW).answered).toBe(false);
  });

  it("weighs the passages near an answer the arbiter refuses", () => {
    const engine = engineWith({ serve: NEVER, refuse: ALWAYS, passage: ALWAYS });
    const answer = engine.answer("when does the truce expire", SEED_NOW);
    expect(answer.answered).toBe(true);
    expect(answer.factIds).toEqual([]);
    expect(citationProblems(kb, answer)).toEqual([]);
  });
});

describe("what the passage model weighs of a sentence", () => {
  const engine = engineWith({ serve: NEVER, refuse: NEVER, passage: NEVER });
  const featuresOf = (question: string) => {
    const ruled = engine.explainByRules(question, SEED_NOW);
    return (ruled.passages?.features ?? []).map((f, i) => ({
      f,
      text: ruled.passages?.near[i]?.passage.text ?? "",
    }));
  };

  it("marks a day the question does not hold as what a 'when' question asks", () => {
    const near = featuresOf("when does the 100% surtax kick in");
    const dated = near.find((n) => n.text.includes("Nov. 1"));
    expect(dated?.f["fresh=day"]).toBe(1);
    expect(dated?.f.freshAsked).toBe(1);
    const other = near.find((n) => n.text.includes("145%"));
    expect(other?.f["fresh=amount"]).toBe(1);
    expect(other?.f.freshAsked).toBeUndefined();
  });

  it("does not count a value the question already puts forward as new, and says the sentence holds it", () => {
    const dated = featuresOf("is the surtax 100%, starting Nov. 1?").find((n) => n.text.includes("Nov. 1"));
    expect(dated?.f["fresh=day"]).toBeUndefined();
    expect(dated?.f["fresh=amount"]).toBeUndefined();
    expect(dated?.f.claimedIn).toBe(1);
  });

  it("says whether the sentence holds the detail asked beyond the names, and the question's words side by side", () => {
    const near = featuresOf("what prospect did trump raise a week ago");
    const holding = near.find((n) => n.text.includes("raised the prospect"));
    expect(holding?.f.detailIn).toBe(1);
    expect(holding?.f.detailOut).toBe(0);
    expect(holding?.f.pairs).toBeGreaterThan(0);
    expect(holding?.f.pairAny).toBe(1);
    const other = near.find((n) => n.text.includes("Bessent said he will meet"));
    expect(other?.f.detailIn).toBe(0);
    expect(other?.f.detailOut).toBeGreaterThan(0);
    expect(other?.f.pairAny).toBeUndefined();
  });
});

describe("a nearer passage instead of a claim's answer", () => {
  const answered = "when does the truce expire";

  it("replaces the answer when the swap model judges the passage to answer instead, cited word for word", () => {
    const engine = engineWith({ serve: NEVER, refuse: NEVER, passage: NEVER, swap: ALWAYS });
    const without = engineWith({ serve: NEVER, refuse: NEVER, passage: NEVER });
    expect(without.answer(answered, SEED_NOW).factIds.length).toBeGreaterThan(0);
    const { answer, explanation } = engine.explain(answered, SEED_NOW);
    expect(answer.answered).toBe(true);
    expect(answer.factIds).toEqual([]);
    expect(answer.citations).toHaveLength(1);
    expect(citationProblems(kb, answer)).toEqual([]);
    expect(explanation.decision).toMatch(/a nearer passage \(.+\) is judged to answer instead/);
    // What training sees is what the user would get.
    const near = without.explainSwap(answered, SEED_NOW).swap?.near[0];
    expect(near).toBeDefined();
    if (near) expect(passageAnswer(kb, near.passage, 1, SEED_NOW).citations).toEqual(answer.citations);
  });

  it("changes nothing below its threshold, nor refusals, nor answers resting on no claim", () => {
    const never = engineWith({ serve: NEVER, refuse: NEVER, passage: NEVER, swap: NEVER });
    const always = engineWith({ serve: NEVER, refuse: NEVER, passage: NEVER, swap: ALWAYS });
    const without = engineWith({ serve: NEVER, refuse: NEVER, passage: NEVER });
    expect(never.answer(answered, SEED_NOW)).toEqual(without.answer(answered, SEED_NOW));
    for (const q of ["which hotel in KL", "hi", "what sources do you have"])
      expect(always.answer(q, SEED_NOW)).toEqual(without.answer(q, SEED_NOW));
    // An overview rests on several claims and says what it is.
    const overview = without.answer("whats the latest status", SEED_NOW);
    expect(overview.factIds.length).toBeGreaterThan(1);
    expect(always.answer("whats the latest status", SEED_NOW)).toEqual(overview);
  });

  it("never answers from a report older than the answer it replaces", () => {
    // The Oct. 17 sentence on the surtax's start is the nearest; the Nov. 2 report says it was dropped.
    const multiKb = loadKnowledge("test/fixtures/multi-kb");
    const arbiter = { serve: NEVER, refuse: NEVER, passage: NEVER };
    const question = "when does the surtax start";
    const without = new AnswerEngine(multiKb, undefined, { arbiter }).answer(question, MULTI_NOW);
    const newest =
      without.citations
        .map((c) => c.published)
        .sort()
        .at(-1) ?? "";
    const swapped = new AnswerEngine(multiKb, undefined, { arbiter: { ...arbiter, swap: ALWAYS } }).answer(
      question,
      MULTI_NOW,
    );
    for (const c of swapped.citations) expect(c.published >= newest).toBe(true);
  });
});
