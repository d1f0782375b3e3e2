import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { NearWords } from "../../src/search/near-words.js";

/** A seeded stream of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const rand = seeded(42);
const letters = "abcdefghijklmnopqrstuvwxyz";
const made = () =>
  Array.from({ length: 3 + Math.floor(rand() * 8) }, () => letters[Math.floor(rand() * 26)]).join("");
const words = [
  ...new Set([
    ..."tariff tariffs truce trade talks negotiate negotiation bessent beijing malaysia kuala lumpur summit rare earth magnet export controls deficit revenue surtax november october treasury secretary premier".split(
      " ",
    ),
    ...Array.from({ length: 1500 }, made),
  ]),
];

/** A word with up to three random edits. */
function misspelt(): string {
  const w = (words[Math.floor(rand() * words.length)] as string).split("");
  for (let e = Math.floor(rand() * 4); e > 0; e--) {
    const j = Math.floor(rand() * w.length);
    const op = rand();
    const letter = letters[Math.floor(rand() * 26)] as string;
    if (op < 0.33) w[j] = letter;
    else if (op < 0.66) w.splice(j, 1);
    else w.splice(j, 0, letter);
  }
  return w.join("");
}

describe("near words", () => {
  it("finds the same words, in the same order, as fuse.js searching the whole list", () => {
    for (const threshold of [0.5, 0.6]) {
      const near = new NearWords(words, threshold);
      const fuse = new Fuse(words, { threshold, ignoreLocation: true, includeScore: true });
      for (let t = 0; t < 150; t++) {
        const key = misspelt();
        if (key.length < 2) continue;
        for (const limit of [5, 8]) {
          const theirs = fuse.search(key, { limit }).map((h) => [h.item, h.score]);
          expect(near.top(key, limit).map((h) => [h.word, h.score])).toEqual(theirs);
        }
      }
    }
  });

  it("offers every word within two edits that starts the same, and within one edit that does not start the same", () => {
    const near = new NearWords(words, 0.6);
    expect(near.candidates("tarrif", 2, false)).toContain("tariff");
    expect(near.candidates("rtuce", 1, true)).toContain("truce");
    expect(near.candidates("ruce", 1, true)).toContain("truce");
    expect(near.candidates("ttruce", 1, true)).toContain("truce");
  });
});
