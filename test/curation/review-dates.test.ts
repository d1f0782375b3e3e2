/** `tradebot kb gaps` lists the claims whose review_by date has passed, with where they are and who verified them. */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { overdueReviews } from "../../src/curation/review-dates.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

async function gaps(day: string, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "tradebot-review-dates-"));
  const out: string[] = [];
  try {
    const code = await runCli(["kb", "gaps", ...args], {
      out: (t) => out.push(t),
      err: () => {},
      stdin: new PassThrough(),
      env: {
        DATABASE_PATH: join(dir, "none.db"),
        KNOWLEDGE_DIR: "test/fixtures/review-kb",
        TRADEBOT_NOW: `${day}T12:00:00Z`,
      },
    });
    return { code, out: out.join("\n") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("claims due for another look", () => {
  it("are listed by kb gaps once their review_by has passed: file:line, answer, who verified them and when", async () => {
    const r = await gaps("2031-03-21");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Claims due for another look (review_by passed; 1, most overdue first):");
    expect(r.out).toMatch(
      /1\. claims\/freedonia\.yml:\d+: firefly-role, review by March 19, 2031 \(2 days ago\); verified by Margaret Dumont on March 12, 2031\n {5}says: Rufus T\. Firefly is Freedonia's Trade Minister\./,
    );
  });

  it("are not listed on or before the review_by day, and come in the JSON too", async () => {
    expect((await gaps("2031-03-19")).out).toContain("Claims due for another look: none");
    const json = JSON.parse((await gaps("2031-03-20", "--json")).out);
    expect(json.overdue.map((o: { id: string }) => o.id)).toEqual(["firefly-role"]);
  });

  it("leave out a claim a newer one replaced: it needs no second look", () => {
    const kb = loadKnowledge("test/fixtures/review-kb");
    const replaced = {
      ...kb,
      claims: kb.claims.map((c) => (c.id === "wool-duties" ? { ...c, review_by: "2031-03-13" } : c)),
    };
    expect(overdueReviews(replaced, "2031-03-21").map((o) => o.id)).toEqual(["wool-duties", "firefly-role"]);
    const withNewer = {
      ...replaced,
      claims: [
        ...replaced.claims,
        {
          ...replaced.claims[0],
          id: "newer",
          review_by: undefined,
          asOf: "2031-03-20",
          value: { date: "2031-07-01", precision: "day" as const },
        },
      ],
    };
    expect(overdueReviews(withNewer as typeof kb, "2031-03-21").map((o) => o.id)).toEqual(["firefly-role"]);
  });
});
