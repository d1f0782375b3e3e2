import { describe, expect, it } from "vitest";
import { readQuestions } from "../../scripts/evaluate.js";
import { synthetic } from "../../scripts/synthetic.js";
import { AnswerEngine } from "../../src/answer/engine.js";
import { searchDocOf } from "../../src/answer/search-doc.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { SearchIndex } from "../../src/search/index.js";

// The pruned search must rank exactly as scoring every entry would, for every result worth showing.
const SHOWN = 0.15;

describe("the pruned search", () => {
  const kb = synthetic(loadKnowledge("knowledge"), 3000);
  const engine = new AnswerEngine(kb);
  const docs = engine.standing.entries.map((e) => searchDocOf(e, []));
  const pruned = new SearchIndex(docs);
  const exhaustive = new SearchIndex(docs, { exhaustive: true });
  const questions = readQuestions("eval/questions.jsonl").map((q) => q.q);

  it("finds the same best answers and scores as scoring every entry, on 3,000 entries", () => {
    expect(questions.length).toBeGreaterThan(100);
    for (const q of questions) {
      const a = pruned.search(q, 6).filter((h) => h.score >= SHOWN);
      const b = exhaustive.search(q, 6).filter((h) => h.score >= SHOWN);
      expect(
        a.map((h) => h.score.toFixed(9)),
        q,
      ).toEqual(b.map((h) => h.score.toFixed(9)));
      if (a[0] && b[0] && a[0].score !== a[1]?.score) expect(a[0].id, q).toBe(b[0].id);
    }
  });
});
