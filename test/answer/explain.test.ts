/** `engine.explain`: the same answer as `answer`, with the reading, the candidates best first and the decision. */
import { describe, expect, it } from "vitest";
import { askSeed, SEED_NOW, seed } from "./support.js";

const explain = (q: string) => seed.engine.explain(q, SEED_NOW);

describe("explaining an answer", () => {
  it("gives the same answer as answering", () => {
    for (const q of ["when does the truce expire", "the surtax is 50%, right?", "who won the world series"])
      expect(explain(q).answer).toEqual(askSeed(q));
  });

  it("lists at most eight candidates, best first, the one answered from at the top", () => {
    const { answer, explanation } = explain("where will Trump and Xi meet");
    const scores = explanation.candidates.map((c) => c.score);
    expect(scores.length).toBeGreaterThan(1);
    expect(scores.length).toBeLessThanOrEqual(8);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(explanation.candidates[0]?.id).toBe(answer.factIds[0]);
    expect(explanation.decision).toMatch(/trump-xi-meeting-where/);
  });

  it("shows the reading: the concepts, a typo corrected, what is asked and the value put forward", () => {
    const { reading } = explain("the truse ends Dec. 1, right?").explanation;
    expect(reading.form).toBe("belief");
    expect(reading.concepts).toEqual([
      expect.objectContaining({ id: "truce", words: "truse", via: "alias (typo corrected)" }),
    ]);
    expect(reading.asked[0]).toMatchObject({ attribute: "end" });
    expect(reading.claimed).toContainEqual({ kind: "date", text: "Dec. 1" });
  });

  it("says why it refused: the words no source holds", () => {
    const { explanation } = explain("what's the weather in Kuala Lumpur");
    expect(explanation.reading.unknownWords).toEqual(["weather"]);
    expect(explanation.decision).toBe('it asks about "weather", which no source mentions');
  });

  it("says when a message holds two questions", () => {
    const { explanation } = explain("When does the truce expire? Where will Trump and Xi meet?");
    expect(explanation.decision).toMatch(/^two questions in one: /);
  });
});
