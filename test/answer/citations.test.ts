/**
 * What holds for every reply, over many questions on both fixtures (our own and the labelled
 * tuning sets, never the held-out ones): an answer cites snippets found word for word in the
 * source it names, at most three, in at most 800 characters, and puts in quotation marks only
 * words its sources put in quotation marks. Only the questions that break a rule are printed.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Core } from "../../src/answer/types.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { readQuestions } from "../eval/score.js";
import { citationProblems, MULTI_NOW, multi, quotesNotInSources, SEED_NOW, seed } from "./support.js";

const ours = [
  "when does the truce expire",
  "what did Bessent say",
  "what did Trump say about China",
  "what did Bessent say about the delegation",
  "who is meeting in Malaysia",
  "the talks are in Bangkok, right?",
  "when does the truce expire, and what did Washington pause?",
  "what's the latest on the talks",
  "who took the photo",
  "what is the headline of the article",
  "how long did the Trump-Xi meeting last",
  "what did Trump say after meeting Xi",
  "how many soybeans will China buy",
  "what did He Lifeng say",
];

const sharedSets = ["../shared/eval/dev.jsonl", "../shared/eval/dev2.jsonl"].filter((f) => existsSync(f));
const fixtures: { name: string; core: Core & { kb: KnowledgeBase }; now: Date; sets: string[] }[] = [
  {
    name: "the seed knowledge",
    core: seed,
    now: SEED_NOW,
    sets: [
      "eval/sets/sa-belief.jsonl",
      "eval/sets/sa-attributes.jsonl",
      "eval/sets/sa-missing.jsonl",
      "eval/sets/sa-context.jsonl",
      ...sharedSets,
    ],
  },
  { name: "the multi-article knowledge", core: multi, now: MULTI_NOW, sets: ["eval/sets/ma-changes.jsonl"] },
];

for (const f of fixtures) {
  const questions = [...ours, ...f.sets.flatMap((s) => readQuestions(s).map((q) => q.q))];

  describe(`every reply on ${f.name}`, () => {
    it("cites snippets word for word from the source it names, at most 3, in at most 800 characters", () => {
      const problems = questions.flatMap((q) =>
        citationProblems(f.core.kb, f.core.answer(q, f.now)).map((p) => `${q}: ${p}`),
      );
      expect(problems).toEqual([]);
    });

    it("puts quotation marks only around words a cited source puts in quotation marks", () => {
      let quoted = 0;
      const problems = questions.flatMap((q) => {
        const a = f.core.answer(q, f.now);
        if (/[“"]/.test(a.text)) quoted++;
        return quotesNotInSources(f.core.kb, a).map((w) => `${q}: “${w}”`);
      });
      expect(problems).toEqual([]);
      // The rule was tried on replies that quote someone, not only on replies with no quotation marks.
      expect(quoted).toBeGreaterThan(3);
    });
  });
}

describe("the quotation-mark rule itself", () => {
  it("catches words put in quotation marks that the source does not quote", () => {
    const a = seed.answer("what did Bessent say", SEED_NOW);
    const doctored = { ...a, text: `${a.text} He called it "a very good course".` };
    expect(quotesNotInSources(seed.kb, a)).toEqual([]);
    expect(quotesNotInSources(seed.kb, doctored)).toEqual(["a very good course"]);
  });
});

describe("an answer's citations", () => {
  it("never cite the same snippet twice", () => {
    const q = "what is the US tariff rate on Chinese goods now?";
    const snippets = multi.answer(q, MULTI_NOW).citations.map((c) => c.snippet);
    expect(new Set(snippets).size).toBe(snippets.length);
  });
});
