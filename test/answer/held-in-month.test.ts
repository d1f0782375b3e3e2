import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

// Fictional: the same two envoys met twice, in Fredonville in March and in Marsport in May, and a
// later report recalls the March meeting.
const TEXT_MAY =
  "Firefly and Trentino Meet Again\n\nFreedonian Trade Minister Rufus T. Firefly and Sylvanian Ambassador Vera Trentino met in Marsport on May 12.\n";
const TEXT_JUNE =
  "Firefly Looks Back\n\nFirefly and Trentino first met in Fredonville on March 3, Firefly said on Monday.\n";

function knowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), "held-in-"));
  for (const d of ["sources", "concepts", "claims"]) mkdirSync(join(dir, d));
  writeFileSync(join(dir, "sources/may.txt"), TEXT_MAY);
  writeFileSync(join(dir, "sources/june.txt"), TEXT_JUNE);
  writeFileSync(
    join(dir, "sources/may.yml"),
    'id: may\ntitle: "Firefly and Trentino Meet Again"\npublisher: "The Freedonia Ledger"\npublished: 2031-05-13\ntext_file: may.txt\n',
  );
  writeFileSync(
    join(dir, "sources/june.yml"),
    'id: june\ntitle: "Firefly Looks Back"\npublisher: "The Freedonia Ledger"\npublished: 2031-06-02\ntext_file: june.txt\n',
  );
  writeFileSync(
    join(dir, "concepts/c.yml"),
    `concepts:
  - id: rufus-t-firefly
    type: person
    name: Rufus T. Firefly
    aliases: [Firefly]
  - id: vera-trentino
    type: person
    name: Vera Trentino
    aliases: [Trentino]
  - id: fredonville
    type: place
    name: Fredonville
  - id: marsport
    type: place
    name: Marsport
  - id: march-meeting
    type: event
    name: Firefly–Trentino meeting in Fredonville
  - id: may-meeting
    type: event
    name: Firefly–Trentino meeting in Marsport
`,
  );
  const claim = (
    id: string,
    about: string,
    attribute: string,
    value: string,
    answer: string,
    snippet: string,
    source: string,
  ) =>
    `  - id: ${id}\n    about: [${about}, rufus-t-firefly, vera-trentino]\n    attribute: ${attribute}\n    value:\n${value}\n    answer: "${answer}"\n    snippet: "${snippet}"\n    source: ${source}\n`;
  writeFileSync(
    join(dir, "claims/c.yml"),
    `claims:\n${[
      claim(
        "may-when",
        "may-meeting",
        "when",
        "      date: 2031-05-12\n      precision: day",
        "Firefly and Trentino met on May 12, 2031.",
        "met in Marsport on May 12",
        "may",
      ),
      claim(
        "may-where",
        "may-meeting",
        "where",
        "      places: [marsport]",
        "Firefly and Trentino met in Marsport.",
        "met in Marsport on May 12",
        "may",
      ),
      claim(
        "march-when",
        "march-meeting",
        "when",
        "      date: 2031-03-03\n      precision: day",
        "Firefly and Trentino first met on March 3, 2031.",
        "first met in Fredonville on March 3",
        "june",
      ),
      claim(
        "march-where",
        "march-meeting",
        "where",
        "      places: [fredonville]",
        "Firefly and Trentino first met in Fredonville.",
        "first met in Fredonville on March 3",
        "june",
      ),
    ].join("")}`,
  );
  return dir;
}

describe("a month asked in a where-question", () => {
  const core = createCore(loadKnowledge(knowledge()));
  const now = new Date("2031-06-03T12:00:00Z");

  it("finds the meeting held that month, not the one a newer report recalls", () => {
    const a = core.answer("where did firefly and trentino meet in may?", now);
    expect(a.answered).toBe(true);
    expect(a.text).toContain("Marsport");
    const b = core.answer("where did firefly and trentino meet in march?", now);
    expect(b.text).toContain("Fredonville");
  });
});
