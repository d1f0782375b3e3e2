/** The pruning threshold's selection: the k-th smallest of the rough scores, as a sort would give it. */
import { describe, expect, it } from "vitest";
import { nthSmallest } from "../../src/answer/engine-scoring.js";

describe("nthSmallest", () => {
  it("gives what sorting gives, for every rank, with ties and at the ends", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(random() * 200);
      const values = Float64Array.from({ length: n }, () => Math.round(random() * 12) / 4);
      const sorted = Float64Array.from(values).sort();
      for (const k of [0, n - 1, Math.floor(random() * n)])
        expect(nthSmallest(Float64Array.from(values), k)).toBe(sorted[k]);
    }
  });
});
