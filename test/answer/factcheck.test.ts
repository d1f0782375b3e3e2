import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { checkClaim, claimsOf, factCheck, MAX_CLAIMS } from "../../src/answer/factcheck.js";
import type { Core } from "../../src/answer/types.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

const NOW = new Date("2025-10-20T09:00:00Z");
let core: Core;
const ask = (q: string) => core.answer(q, NOW);
beforeAll(() => {
  core = createCore(loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb")));
});

describe("the claims a message makes", () => {
  it("splits sentences, and clauses with a verb of their own, and skips what states nothing", () => {
    const { claims, skipped } = claimsOf(
      "Wow. The talks were held in Bangkok, and the surtax is 50 percent. Talks in Madrid, Stockholm, London and Geneva came first. What now?",
    );
    expect(claims).toEqual([
      "The talks were held in Bangkok",
      "the surtax is 50 percent",
      "Talks in Madrid, Stockholm, London and Geneva came first",
    ]);
    expect(skipped).toBe(2);
  });

  it("reads Slack markup as plain words, never keeping a mention", () => {
    const { claims } = claimsOf("<!here> <@U123> said the surtax is 100% &amp; starts Nov. 1");
    expect(claims).toEqual(["said the surtax is 100% & starts Nov. 1"]);
  });

  it("checks at most a dozen claims of a long paste and counts the rest as skipped", () => {
    const long = Array.from({ length: 15 }, (_, i) => `The surtax is ${i + 1} percent.`).join(" ");
    const { claims, skipped } = claimsOf(long);
    expect(claims).toHaveLength(MAX_CLAIMS);
    expect(skipped).toBe(15 - MAX_CLAIMS);
  });
});

describe("checking one claim with the belief check", () => {
  it("supports what a standing claim says, citing its snippet", () => {
    const c = checkClaim("The surtax takes effect Nov. 1", ask);
    expect(c.verdict).toBe("supported");
    expect(c.citation?.snippet).toBe(
      "He also declared a 100% import surtax on Chinese goods to take effect Nov. 1.",
    );
    expect(c.factIds).toEqual(["surtax-start"]);
  });

  it("says what the sources say instead, and what the message said", () => {
    const c = checkClaim("the surtax is 50 percent", ask);
    expect(c).toMatchObject({ verdict: "contradicted", sourcesSay: "100%", notWhat: "50%" });
    expect(c.citation?.source).toBe("us-china-malaysia-talks");
  });

  it("keeps a list of places whole ('Madrid, Stockholm, London and Geneva, not Kuala Lumpur')", () => {
    const c = checkClaim("Bessent met He Lifeng in Kuala Lumpur before", ask);
    expect(c).toMatchObject({ verdict: "contradicted", notWhat: "Kuala Lumpur" });
    expect(c.sourcesSay).toMatch(/Madrid, Stockholm, London and Geneva/);
  });

  it("is not in the sources when they cover nothing of it, with no citation", () => {
    const c = checkClaim("The Eiffel Tower is 300 meters tall", ask);
    expect(c).toEqual({ text: "The Eiffel Tower is 300 meters tall", verdict: "unknown", factIds: [] });
  });

  it("is not in the sources when they give it less precisely, saying what they give", () => {
    const [c] = factCheck("The truce expires on Nov. 10.", ask).claims;
    expect(c?.verdict).toBe("unknown");
    expect(c?.detail).toMatch(/they say November 2025/);
    expect(c?.citation?.snippet).toBe("That agreement is set to expire in November.");
  });
});
