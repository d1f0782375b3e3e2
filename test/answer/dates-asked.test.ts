import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { writeSmallKb } from "./small-kb.js";

// Fictional: the same two envoys met twice, in Fredonville in March and in Marsport in May, and a
// later report recalls the March meeting.
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
const kb = writeSmallKb(
  [
    {
      id: "may",
      published: "2031-05-13",
      text: "Firefly and Trentino Meet Again\n\nFreedonian Trade Minister Rufus T. Firefly and Sylvanian Ambassador Vera Trentino met in Marsport on May 12.\n",
    },
    {
      id: "june",
      published: "2031-06-02",
      text: "Firefly Looks Back\n\nFirefly and Trentino first met in Fredonville on March 3, Firefly said on Monday.\n",
    },
  ],
  `  - id: rufus-t-firefly
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
  [
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
  ].join(""),
);

describe("a month asked in a where-question", () => {
  const core = createCore(loadKnowledge(kb));
  const now = new Date("2031-06-03T12:00:00Z");

  it("finds the meeting held that month, not the one a newer report recalls", () => {
    const a = core.answer("where did firefly and trentino meet in may?", now);
    expect(a.answered).toBe(true);
    expect(a.text).toContain("Marsport");
    const b = core.answer("where did firefly and trentino meet in march?", now);
    expect(b.text).toContain("Fredonville");
  });
});

describe("a date the claim's own answer gives", () => {
  const kb = writeSmallKb(
    [
      {
        id: "chips",
        published: "2031-05-13",
        text: "Zorblax Deal\n\nFreedonia will take 25% of Zorblax's Q9 chip sales, more than the 15% share discussed in August 2030.\n",
      },
    ],
    `  - id: zorblax
    type: organisation
    name: Zorblax
  - id: chip-share
    type: measure
    name: Q9 chip revenue share
    aliases: [revenue share, chip share]
`,
    `  - id: share-before
    about: [chip-share, zorblax]
    attribute: amount
    value:
      figure: 15
      unit: percent
    answer: "A 15% share of Zorblax's chip sales was discussed in August 2030."
    snippet: "the 15% share discussed in August 2030"
    source: chips
`,
  );
  const core = createCore(loadKnowledge(kb));

  it("speaks for that date, though the report is later", () => {
    const a = core.answer(
      "what revenue share for zorblax was discussed back in august 2030?",
      new Date("2031-05-14T12:00:00Z"),
    );
    expect(a.answered).toBe(true);
    expect(a.text).toContain("15%");
  });
});
