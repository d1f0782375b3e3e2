/** The fact-check as Block Kit stays within Slack's limits and never pings, whatever the message. */
import { describe, expect, it } from "vitest";
import type { CheckedClaim, FactCheck } from "../../src/answer/factcheck.js";
import {
  decodeFactCheckShare,
  encodeFactCheckShare,
  factCheckMessage,
} from "../../src/slack/blocks/factcheck.js";
import { LIMITS } from "../../src/slack/blocks/limits.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const citation = {
  snippet: `A snippet <!channel> ${"word ".repeat(600)}`,
  source: "s",
  title: "T",
  publisher: "P",
  published: "2025-10-17",
};
const long = (verdict: CheckedClaim["verdict"], i: number): CheckedClaim => ({
  text: `@here claim ${i} <!everyone> ${"x".repeat(900)}`,
  verdict,
  sourcesSay: "Malaysia",
  notWhat: "<@U123> Bangkok",
  detail: "d ".repeat(2000),
  citation,
  factIds: ["c"],
});

describe("a fact-check message", () => {
  it("keeps a dozen long claims within the block, section, fallback and button limits", () => {
    const check: FactCheck = {
      claims: Array.from({ length: 12 }, (_, i) =>
        long((["supported", "contradicted", "unknown"] as const)[i % 3] ?? "unknown", i),
      ),
      skipped: 3,
    };
    const text = `<!channel> ${"a &amp; b ".repeat(400)}`;
    const m = factCheckMessage(check, { now: NOW, share: { text, channel: "C1", threadTs: "1.2" } });
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    for (const b of m.blocks) {
      if (b.type === "section") expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
      if (b.type === "actions") {
        const value = (b.elements[0] as { value: string }).value;
        expect(value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
        expect(decodeFactCheckShare(value)).toMatchObject({ channel: "C1", threadTs: "1.2" });
      }
    }
    const shown = JSON.stringify(m.blocks.filter((b) => b.type !== "actions")) + m.text;
    expect(shown).not.toMatch(/<!channel>|<!everyone>|<@U123>|@here/);
  });

  it("round-trips a short share value unchanged", () => {
    const v = { text: "the surtax is 50% <@U1>", channel: "C9" };
    expect(decodeFactCheckShare(encodeFactCheckShare(v))).toEqual(v);
    expect(decodeFactCheckShare("not json")).toBeUndefined();
  });
});
