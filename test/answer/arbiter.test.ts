/**
 * The arbiter: a learned second opinion on the rules' refusals and answers. Its training is tested
 * on examples made here; its place in the engine on the seed fixture, with models written here
 * (one that always acts, one that never does), so that what it changes is what a user would see.
 */
import { describe, expect, it } from "vitest";
import {
  type ArbiterModel,
  arbiterFeatures,
  type Example,
  keysOf,
  probability,
  questionWords,
  reasonOf,
  trainLogistic,
} from "../../src/answer/arbiter.js";
import { AnswerEngine } from "../../src/answer/engine.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { citationProblems, constantModel, SEED_NOW } from "./support.js";

const kb = loadKnowledge("test/fixtures/seed-kb");
const ALWAYS = constantModel(10);
const NEVER = constantModel(-10);
const engineWith = (arbiter: ArbiterModel | null) => new AnswerEngine(kb, undefined, { arbiter });

describe("training the arbiter's models", () => {
  it("learns from a scaled feature and from the question's words", () => {
    // Serve when the best claim scored well, or the question asks "when"; never for a hotel.
    const examples: Example[] = [];
    for (let i = 0; i < 60; i++) {
      const score = (i % 10) / 10;
      const words = i % 3 === 0 ? ["w=hotel"] : i % 3 === 1 ? ["w=when"] : [];
      const features: Record<string, number> = { "c0.score": score };
      for (const w of words) features[w] = 1;
      const act = !words.includes("w=hotel") && (score >= 0.5 || words.includes("w=when"));
      examples.push({ features, act });
    }
    const model = trainLogistic(examples, { threshold: 0.5, l2: 0.1, minCount: 5 });
    expect(model.names).toEqual(["c0.score", "w=hotel", "w=when"]);
    expect(probability(model, { "c0.score": 0.9 })).toBeGreaterThan(0.8);
    expect(probability(model, { "c0.score": 0.1 })).toBeLessThan(0.2);
    expect(probability(model, { "c0.score": 0.1, "w=when": 1 })).toBeGreaterThan(0.5);
    expect(probability(model, { "c0.score": 0.9, "w=hotel": 1 })).toBeLessThan(0.5);
    // The same examples give the same model.
    expect(trainLogistic(examples, { threshold: 0.5, l2: 0.1, minCount: 5 })).toEqual(model);
  });

  it("leaves out words too rare to learn from", () => {
    const examples: Example[] = Array.from({ length: 20 }, (_, i) => ({
      features: { x: i % 2, ...(i === 0 ? { "w=rare": 1 } : {}) },
      act: i % 2 === 1,
    }));
    expect(trainLogistic(examples, { threshold: 0.5, minCount: 3 }).names).toEqual(["x"]);
  });

  it("reads the reason without its particulars, and the question's words as keys", () => {
    expect(reasonOf('it asks about "hotel", "spa", which no source mentions')).toBe(
      'it asks about "…", "…", which no source mentions',
    );
    expect(reasonOf("no claim about these concepts fills what is asked (where, when)")).toBe(
      "no claim about these concepts fills what is asked (…)",
    );
    expect(questionWords("What hotels is the delegation at?")).toEqual(
      expect.arrayContaining([...keysOf("hotels delegation")]),
    );
    expect(questionWords("What is the")).toEqual([]);
  });

  it("describes a decided question by the rules' reading, their candidates and the question's words", () => {
    const engine = engineWith(null);
    const { explanation, judged } = engine.explainByRules(
      "which hotel is Bessent staying at in KL",
      SEED_NOW,
    );
    const sourceKeys = engine.sourceKeys();
    const f = arbiterFeatures(
      "which hotel is Bessent staying at in KL",
      explanation,
      judged?.claim,
      sourceKeys,
    );
    expect(f[`reason=${reasonOf(explanation.decision)}`]).toBe(1);
    expect(f[`form=${explanation.reading.form}`]).toBe(1);
    expect(f["w=hotel"]).toBe(1);
    expect(f.notInSources).toBeGreaterThan(0);
    expect(f["c0.score"]).toBe(explanation.candidates[0]?.score);
  });
});

describe("the arbiter in the engine", () => {
  const refusedByRules = "what's the weather in Kuala Lumpur";
  const answeredByRules = "when does the truce expire";

  it("answers by the rules alone when turned off", () => {
    const engine = engineWith(null);
    expect(engine.answer(refusedByRules, SEED_NOW).answered).toBe(false);
    expect(engine.answer(answeredByRules, SEED_NOW).answered).toBe(true);
  });

  it("gives the best claim for a refusal it judges answered, said to be the nearest, cited word for word", () => {
    const engine = engineWith({ serve: ALWAYS, refuse: NEVER });
    const { answer, explanation } = engine.explain(refusedByRules, SEED_NOW);
    const ruled = engineWith(null).explainByRules(refusedByRules, SEED_NOW);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/^The nearest my sources come:/);
    expect(answer.factIds[0]).toBe(ruled.explanation.candidates[0]?.id);
    expect(citationProblems(kb, answer)).toEqual([]);
    expect(explanation.decision).toMatch(
      /^the rules refused \(it asks about "weather".*\); the arbiter judges/,
    );
    // What training sees is what the user would get.
    expect(ruled.judged?.model).toBe("serve");
    expect(ruled.judged?.nearest?.text).toBe(answer.text);
  });

  it("says the sources don't hold it, with what they do, for an answer it judges unanswerable", () => {
    const engine = engineWith({ serve: NEVER, refuse: ALWAYS });
    const { answer, explanation } = engine.explain(answeredByRules, SEED_NOW);
    expect(answer.answered).toBe(false);
    expect(answer.text).toMatch(/^My sources don't/);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(citationProblems(kb, { ...answer, answered: true })).toEqual([]);
    expect(explanation.decision).toMatch(/^the rules answered \(.*truce-end.*\); the arbiter judges/);
  });

  it("changes nothing when neither model reaches its threshold", () => {
    const engine = engineWith({ serve: NEVER, refuse: NEVER });
    const rules = engineWith(null);
    for (const q of [refusedByRules, answeredByRules, "the talks are in Bangkok, right?"])
      expect(engine.answer(q, SEED_NOW)).toEqual(rules.answer(q, SEED_NOW));
  });

  it("never overrules a refusal with nothing to answer from, or that is no question about the talks", () => {
    const engine = engineWith({ serve: ALWAYS, refuse: NEVER });
    for (const q of ["hi", "who won the world series", "write me a poem about tariffs", ""])
      expect(engine.answer(q, SEED_NOW).answered).toBe(false);
  });
});
