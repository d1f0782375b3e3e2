import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { draftClaims } from "../../src/knowledge/draft.js";
import { findFigures } from "../../src/knowledge/draft-figures.js";
import type { Claim, Concept, ConceptType } from "../../src/knowledge/schema.js";

// A fictional article published on Sunday, March 23, 2031, with the page furniture a pasted news page has.
const text = readFileSync("test/fixtures/fictional-freedonia/port-fees-paused.txt", "utf8");
const drafted = draftClaims(text, {
  source: {
    id: "port-fees-paused",
    title: "Freedonia and Sylvania Pause Port Fees for a Year",
    published: "2031-03-23",
  },
  // The knowledge already has the talks and the two countries (as the live knowledge has the US-China talks).
  known: [
    {
      id: "freedonia-sylvania-talks",
      type: "event",
      name: "Freedonia–Sylvania talks",
      aliases: ["talks"],
      roles: [],
      part_of: [],
    },
    { id: "freedonia", type: "country", name: "Freedonia", aliases: ["Freedonian"], roles: [], part_of: [] },
    { id: "sylvania", type: "country", name: "Sylvania", aliases: ["Sylvanian"], roles: [], part_of: [] },
  ],
  takenIds: new Set(),
});
const from = (words: string): Claim[] => drafted.claims.filter((c) => c.snippet.includes(words));

describe("drafting claims a curator can accept", () => {
  it("drafts nothing from the caption, the Key Takeaways, prompts, the RELATED link or the disclaimer", () => {
    for (const furniture of [
      "Ada Lovett",
      "Cranes at the port",
      "Key Takeaways",
      "falls to 20%",
      "newsletter",
      "RELATED",
      "general information only",
      "daily briefing",
    ])
      expect(from(furniture), furniture).toEqual([]);
    expect(drafted.furniture.map((f) => f.why)).toEqual(
      expect.arrayContaining([
        "headline",
        "subhead",
        "photo caption and credit",
        "Key Takeaways toggle label",
        "link to a related article",
        "disclaimer",
      ]),
    );
  });

  it("proposes the people it introduces with their full names, short forms and roles", () => {
    const person = (name: string) => drafted.concepts.find((c) => c.name === name);
    expect(person("Marta Kowalczyk")).toMatchObject({
      type: "person",
      aliases: ["Kowalczyk"],
      roles: ["Sylvanian Trade Secretary"],
    });
    // A family name written first is the short form: "Chen", never "Baoshan"; the name is never cut short.
    expect(person("Chen Baoshan")).toMatchObject({
      type: "person",
      aliases: ["Chen"],
      roles: ["Freedonia's chief trade negotiator"],
    });
    expect(drafted.concepts.find((c) => c.name === "Ministry of Ports")?.type).toBe("organisation");
    expect(drafted.claims.find((c) => c.attribute === "role" && c.about[0] === "chen-baoshan")?.answer).toBe(
      "Chen Baoshan is Freedonia's chief trade negotiator.",
    );
  });

  it("dates a two-day meeting as a period and a past weekday before the publication date", () => {
    const talks = from("March 22–23").find((c) => c.attribute === "when" && "until" in c.value);
    expect(talks?.value).toMatchObject({ date: "2031-03-22", precision: "day", until: "2031-03-23" });
    // "Kowalczyk said on Thursday" in a Sunday article: the Thursday before, when it was said.
    for (const c of from("Kowalczyk said on Thursday")) expect(c.holds?.as_of).toBe("2031-03-20");
  });

  it("dates a pause by its period, and does not read Section 301 as a figure", () => {
    const fees = from("suspended for one year from April 7");
    const status = fees.find((c) => c.attribute === "status");
    expect(status).toMatchObject({
      value: { state: "suspended" },
      holds: { from: "2031-04-07", until: "2032-04-06" },
      speaker: "ministry-of-ports",
    });
    expect(fees.filter((c) => c.attribute === "end" || c.attribute === "start")).toEqual([]);
    expect(fees.some((c) => "figure" in c.value && c.value.figure === 301)).toBe(false);
  });

  it("drafts a change of rate once, from the old figure to the new, with its speaker", () => {
    const cut = from("cut to 20% from 35%").filter((c) => c.attribute === "amount");
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({
      value: { figure: 20, unit: "percent", label: expect.stringContaining("35% → 20%") },
      speaker: "marta-kowalczyk",
    });
  });

  it("quotes only words in quotation marks, and reports other speech with its speaker and no quotation marks", () => {
    const quote = from("two small republics")[0];
    expect(quote).toMatchObject({
      attribute: "said",
      speaker: "marta-kowalczyk",
      quote: true,
      snippet: "We have shown that two small republics can settle a quarrel without a war",
    });
    const reported = from("Chen said the agreement");
    expect(reported.map((c) => [c.speaker, c.quote])).toEqual([["chen-baoshan", false]]);
    expect(reported[0]?.answer).not.toMatch(/["“”]/);
  });
});

describe("names an article introduces without a title or a description", () => {
  const story = [
    "Freedonia Lets Zorblax Sell Its Q9 Chips",
    "",
    "President Rufus T. Firefly said on Monday that Zorblax may sell its Q9 processor to approved buyers in Sylvania.",
    "",
    "Firefly said the same approach would apply to MPX and Quarkon. Zorblax said the decision was fair, and Quarkon said it would apply.",
    "",
    "Sen. Mara Quill said the Q9 decision was a mistake. The Q9 is faster than the older chips.",
  ].join("\n");
  const { concepts } = draftClaims(story, {
    source: { id: "zorblax", title: "Freedonia Lets Zorblax Sell Its Q9 Chips", published: "2031-05-05" },
    known: [],
    takenIds: new Set(),
  });
  const typeOf = (name: string) => concepts.find((c) => c.name === name)?.type;

  it("proposes a company the article names twice and lets speak, and a product with digits", () => {
    expect(typeOf("Zorblax")).toBe("organisation");
    expect(typeOf("Quarkon")).toBe("organisation");
    expect(typeOf("Q9")).toBe("topic");
  });

  it("reads letters in capitals after 'to' as a body, not a place, and 'Sen.' as a title", () => {
    expect(typeOf("MPX")).toBe("organisation");
    expect(typeOf("Mara Quill")).toBe("person");
    expect(concepts.find((c) => c.name === "Mara Quill")?.roles).toContain("Senator");
  });
});

describe("a word for any event, in a later article", () => {
  const known = [
    {
      id: "old-call",
      type: "event" as const,
      name: "Firefly–Trentino call of March 3, 2031",
      aliases: ["call", "phone call"],
      roles: [],
      part_of: [],
    },
    {
      id: "rufus-t-firefly",
      type: "person" as const,
      name: "Rufus T. Firefly",
      aliases: ["Firefly"],
      roles: [],
      part_of: [],
    },
  ];
  const standing: Claim[] = [
    {
      id: "old-call-when",
      about: ["old-call"],
      attribute: "when",
      value: { date: "2031-03-03", precision: "day" },
      answer: "Firefly and Trentino spoke on March 3, 2031.",
      snippet: "spoke on March 3",
      source: "older",
      quote: false,
      headline: false,
      phrasings: [],
      supersedes: [],
      disputes: [],
    },
  ];
  const story =
    "Firefly spoke by phone with Sylvania's leader on Monday. The call lasted an hour, Firefly said.";
  const draft = (published: string) =>
    draftClaims(story, {
      source: { id: "later-call", title: "Firefly Calls Sylvania", published },
      known,
      takenIds: new Set(),
      standing,
    }).claims;

  it("is not linked to a known event held weeks before", () => {
    for (const c of draft("2031-05-12")) expect(c.about).not.toContain("old-call");
  });

  it("is still the known event when the article comes days after it", () => {
    expect(draft("2031-03-05").some((c) => c.about.includes("old-call"))).toBe(true);
  });
});

describe("a share of money", () => {
  it("is a figure of what the sentence is about, not a topic named 'proceeds'", () => {
    const story =
      "Freedonia said Zorblax may sell its Q9 chip in Sylvania, with 25% of the proceeds going to the government. Zorblax said it agreed.";
    const { concepts, claims } = draftClaims(story, {
      source: { id: "q9", title: "Zorblax May Sell Q9 Chips", published: "2031-05-05" },
      known: [{ id: "freedonia", type: "country", name: "Freedonia", aliases: [], roles: [], part_of: [] }],
      takenIds: new Set(),
    });
    expect(concepts.map((c) => c.name)).not.toContain("proceeds");
    const share = claims.find((c) => "figure" in c.value && c.value.figure === 25);
    expect(share?.about[0]).not.toBe("proceeds");
  });
});

/** A known concept as the knowledge holds one, with no roles or parents unless given. */
const concept = (
  id: string,
  type: ConceptType,
  name: string,
  aliases: string[] = [],
  more: Partial<Concept> = {},
): Concept => ({ id, type, name, aliases, roles: [], part_of: [], ...more });

describe("a round already held, met again elsewhere", () => {
  const known = [
    concept("fs-talks", "event", "Freedonia–Sylvania talks"),
    concept(
      "fredonville-round",
      "event",
      "Firefly–Trentino talks in Fredonville",
      ["Fredonville round", "Firefly–Trentino talks"],
      { part_of: ["fs-talks"] },
    ),
    concept("rufus-t-firefly", "person", "Rufus T. Firefly", ["Firefly"]),
    concept("ambassador-trentino", "person", "Carlo Trentino", ["Trentino"]),
    concept("fredonville", "place", "Fredonville"),
    concept("marsport", "place", "Marsport"),
  ];
  const base = {
    snippet: "met in Fredonville",
    source: "older",
    quote: false,
    headline: false,
    phrasings: [],
    supersedes: [],
    disputes: [],
  };
  // The Fredonville round took place on March 3, 2031, as a report of March 5 said.
  const standing = [
    {
      ...base,
      id: "fredonville-round-when",
      about: ["fredonville-round"],
      attribute: "when" as const,
      value: { date: "2031-03-03", precision: "day" as const },
      answer: "The Fredonville round took place on March 3, 2031.",
      holds: { as_of: "2031-03-05" },
    },
    {
      ...base,
      id: "fredonville-round-where",
      about: ["fredonville-round", "fredonville"],
      attribute: "where" as const,
      value: { places: ["fredonville"] },
      answer: "The Fredonville round took place in Fredonville.",
      holds: { as_of: "2031-03-05" },
    },
  ] as Claim[];
  const draft = (story: string, published: string, held = standing) =>
    draftClaims(story, {
      source: { id: "later", title: "Firefly and Trentino Meet Again", published },
      known,
      takenIds: new Set(known.map((c) => c.id)),
      standing: held,
    });

  it("is another meeting, of the same series, named by who met and where", () => {
    const { concepts, claims } = draft(
      "Firefly and Trentino met again in Marsport on May 12 and 13.",
      "2031-05-20",
    );
    expect(claims.some((c) => c.about.includes("fredonville-round"))).toBe(false);
    const meeting = concepts.find((c) => c.type === "event");
    expect(meeting?.name).toBe("Firefly–Trentino meeting in Marsport");
    expect(meeting?.part_of).toEqual(["fs-talks"]);
    const where = claims.find((c) => c.attribute === "where");
    expect(where?.about).toEqual(expect.arrayContaining([meeting?.id, "marsport", "rufus-t-firefly"]));
    const when = claims.find((c) => c.attribute === "when");
    expect(when?.about[0]).toBe(meeting?.id);
    expect(when?.value).toMatchObject({ date: "2031-05-12" });
  });

  it("is still the known round when it was only planned for that day and place", () => {
    // Planned when reported (March 3, reported Feb. 20): a new date or place moves it.
    const planned = standing.map((c) => ({ ...c, holds: { as_of: "2031-02-20" } }));
    const { claims } = draft("Firefly and Trentino met in Marsport on May 12.", "2031-05-20", planned);
    expect(claims.some((c) => c.about.includes("fredonville-round"))).toBe(true);
  });

  it("is another round when the known one's own place is named on another day", () => {
    const { concepts, claims } = draft(
      "The Fredonville round resumed on Tuesday, and Firefly and Trentino met in Fredonville on May 13.",
      "2031-05-20",
    );
    expect(claims.some((c) => c.about.includes("fredonville-round"))).toBe(false);
    const round = concepts.find((c) => c.type === "event");
    expect(round?.part_of).toEqual(["fs-talks"]);
    const when = claims.filter((c) => c.attribute === "when");
    expect(when.length).toBeGreaterThan(0);
    for (const c of when) {
      expect(c.about[0]).toBe(round?.id);
      expect(c.answer).not.toContain("talks in Fredonville took place");
    }
  });

  it("is still the known round on its own day, at its own place", () => {
    const { claims } = draft("Firefly and Trentino met in Fredonville on Monday.", "2031-03-05");
    expect(claims.some((c) => c.about[0] === "fredonville-round")).toBe(true);
  });
});

describe("names, laws and references a court-ruling story makes", () => {
  const known = [
    concept("cheese-surtax", "measure", "35% cheese surtax", ["surtax", "surcharge", "cheese tariff"]),
    concept("freedonia", "country", "Freedonia"),
  ];
  const story = [
    "FREDONVILLE — Freedonian Customs and Border Protection stopped collecting the so-called cheese tariff on Tuesday, after the Supreme Court ruled against it.",
    "In a 5-4 decision, the justices held that the Emergency Trade Powers Act does not let a president set tariffs. Chief Justice Ada Lovett wrote the opinion.",
    "Hours later, Teasdale put a 12% surcharge on imports from every country under Section 45 of the Trade Act of 2019. It lasts 100 days, to June 30.",
    "State stockpiler Grainco bought the first cargoes. Importers are still paying the surcharge.",
    "The Office of the U.S. Cheese Representative opened a comment process on Tuesday.",
    "About $2 billion goes to a new Cheese Bridge Assistance program of one-time payments.",
  ].join("\n\n");
  const { concepts, claims } = draftClaims(story, {
    source: { id: "ruling", title: "Court Voids Cheese Tariff", published: "2031-03-20" },
    known,
    takenIds: new Set(known.map((c) => c.id)),
  });
  const named = (name: string) => concepts.find((c) => c.name === name);

  it("proposes the court, the agency, the laws, the judge and the company it names once", () => {
    expect(named("Supreme Court")?.type).toBe("organisation");
    expect(named("Office of the U.S. Cheese Representative")?.type).toBe("organisation");
    expect(concepts.find((c) => c.name.endsWith("Customs and Border Protection"))?.type).toBe("organisation");
    expect(named("Emergency Trade Powers Act")?.type).toBe("measure");
    expect(named("Trade Act of 2019")?.type).toBe("measure");
    expect(named("Ada Lovett")?.roles).toContain("Chief Justice");
    expect(named("Grainco")?.roles).toEqual(["State stockpiler"]);
    expect(named("Cheese Bridge Assistance program")?.type).toBe("measure");
  });

  it("does not read 'so-called' as someone calling something", () => {
    const from = claims.filter((x) => x.snippet.includes("stopped collecting"));
    expect(from.length).toBeGreaterThan(0);
    for (const c of from) expect(c.speaker).toBeUndefined();
    expect(from.some((c) => c.answer.includes("stopped collecting the so-called cheese tariff"))).toBe(true);
  });

  it("proposes a surcharge at another rate, under another law, as a measure of its own, and reads 'It' and 'the surcharge' as that one", () => {
    const surcharge = named("Section 45 surcharge");
    expect(surcharge?.type).toBe("measure");
    expect(surcharge?.aliases).toContain("Sec. 45 surcharge");
    const about = (words: string) => claims.filter((c) => c.snippet.includes(words)).map((c) => c.about[0]);
    expect(about("12% surcharge")).toContain(surcharge?.id);
    expect(about("It lasts 100 days").length).toBeGreaterThan(0);
    for (const id of about("It lasts 100 days")) expect(id).toBe(surcharge?.id);
    for (const id of about("still paying the surcharge")) expect(id).toBe(surcharge?.id);
    expect(claims.some((c) => c.about.includes("cheese-surtax") && c.snippet.includes("12%"))).toBe(false);
  });
});

describe("a place inside a longer name", () => {
  it("is not the place: 'a Fredonville Times event' is about what was said there, not Fredonville", () => {
    const known = [
      // ("Fredonville time" as in "9 a.m. Fredonville time": an alias that "Times" is not)
      concept("fredonville", "place", "Fredonville", ["Fredonville time"]),
      concept("rufus-t-firefly", "person", "Rufus T. Firefly", ["Firefly"]),
    ];
    const { claims } = draftClaims(
      "Firefly said at a Fredonville Times event on Tuesday that cheese sales would recover.",
      {
        source: { id: "times", title: "Firefly Upbeat", published: "2031-03-20" },
        known,
        takenIds: new Set(known.map((c) => c.id)),
      },
    );
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(c.about).not.toContain("fredonville");
  });
});

describe("a figure dated in the past", () => {
  it("holds as of that date, so it does not replace the report's own newer figure", () => {
    const known = [concept("zorblax", "organisation", "Zorblax")];
    const { claims } = draftClaims(
      "Zorblax may sell its Q9 chip in Sylvania, with 25% of the proceeds going to Freedonia.\n\nThat share is larger than the 15% discussed in August, when Zorblax won approval for its Q8.",
      {
        source: { id: "q9", title: "Zorblax Deal", published: "2031-12-10" },
        known,
        takenIds: new Set(["zorblax"]),
      },
    );
    const old = claims.find((c) => "figure" in c.value && c.value.figure === 15);
    expect(old?.holds?.as_of).toBe("2031-08-01");
    const now = claims.find((c) => "figure" in c.value && c.value.figure === 25);
    expect(now?.holds?.as_of).toBeUndefined();
  });
  it("but a count 'this year' stands at the report, not at the year's start", () => {
    const known = [concept("zorblax", "organisation", "Zorblax")];
    const { claims } = draftClaims(
      "Buyers have booked at least 8 million tons of Zorblax grain this year, traders said.",
      {
        source: { id: "grain", title: "Grain", published: "2031-12-31" },
        known,
        takenIds: new Set(["zorblax"]),
      },
    );
    const count = claims.find((c) => "figure" in c.value && c.value.figure === 8000000);
    expect(count).toBeDefined();
    expect(count?.holds?.as_of).toBeUndefined();
  });
});

describe("a team someone brought", () => {
  it("is about the one who brought it, as well as the meeting and the people", () => {
    const known = [
      concept("summit", "event", "Teasdale–Pinky summit"),
      concept("gloria-teasdale", "person", "Gloria Teasdale", ["Teasdale"]),
      concept("rufus-t-firefly", "person", "Rufus T. Firefly", ["Firefly"]),
      concept("ada-lovett", "person", "Ada Lovett", ["Lovett"]),
    ];
    const { claims } = draftClaims(
      "Teasdale and Pinky held their summit on Tuesday.\n\nTeasdale brought Trade Minister Rufus T. Firefly and Finance Minister Ada Lovett.",
      {
        source: { id: "s", title: "Summit", published: "2031-05-20" },
        known,
        takenIds: new Set(known.map((c) => c.id)),
      },
    );
    const who = claims.find((c) => c.attribute === "who" && c.about.includes("rufus-t-firefly"));
    expect(who?.about).toContain("gloria-teasdale");
  });
});

describe("a count of things", () => {
  it("is read with the words that name the things, in digits or words, and not when it refers back", () => {
    const counted = (s: string) => findFigures(s).map((f) => [f.value, f.unit]);
    expect(counted("exporters need a license to ship 13 precursor chemicals used to make cheese")).toEqual([
      [13, "precursor chemicals"],
    ]);
    expect(counted("Sylvania suspended six export-control notices on Friday.")).toEqual([
      [6, "export-control notices"],
    ]);
    expect(counted("it is normal for the world's two leading economies to have frictions")).toEqual([]);
    expect(counted("in the last two months of this year")).toEqual([]);
    expect(counted("the two sides met")).toEqual([]);
  });

  it("is a figure of those things when nothing else in the sentence owns it", () => {
    const { claims, concepts } = draftClaims(
      "On Monday, Sylvania added Freedonia to the destinations for which exporters need a license to ship 13 precursor chemicals.",
      { source: { id: "p", title: "Precursors", published: "2031-05-20" }, known: [], takenIds: new Set() },
    );
    const topic = concepts.find((c) => c.name === "precursor chemicals");
    const count = claims.find((c) => c.attribute === "amount");
    expect(count?.about[0]).toBe(topic?.id);
    expect(count?.value).toMatchObject({ figure: 13 });
  });
});

describe("a speaker named by a role after a day, or as an official of a body", () => {
  const known = [
    concept("gloria-teasdale", "person", "Gloria Teasdale", ["Teasdale"], {
      roles: ["President of Freedonia", "Freedonian President"],
    }),
    concept("trade-ministry", "organisation", "Trade Ministry"),
  ];
  const draft = (story: string) =>
    draftClaims(story, {
      source: { id: "s", title: "S", published: "2031-05-20" },
      known,
      takenIds: new Set(known.map((c) => c.id)),
    }).claims;

  it("'On Saturday the president said' is the president the article named", () => {
    const claims = draft(
      "Teasdale signed the order on Friday. On Saturday the president said she would lift the duty to 15%.",
    );
    expect(claims.find((c) => c.snippet.startsWith("On Saturday"))?.speaker).toBe("gloria-teasdale");
  });

  it("'a ministry official said' is the ministry the article named", () => {
    const claims = draft(
      "The Trade Ministry confirmed the cheese order on Wednesday. Goods both sides agree on would be charged lower rates, a ministry official said.",
    );
    expect(claims.find((c) => c.snippet.startsWith("Goods both sides"))?.speaker).toBe("trade-ministry");
  });
});

describe("where and when something was said, before 'that'", () => {
  it("is not part of what was said: 'told reporters on the plane on Friday that …'", () => {
    const known = [concept("gloria-teasdale", "person", "Gloria Teasdale", ["Teasdale"])];
    const { claims } = draftClaims(
      "Teasdale told reporters on Air Freedonia One on Friday that the order could grow to 750 planes.",
      {
        source: { id: "s", title: "S", published: "2031-05-21" },
        known,
        takenIds: new Set(["gloria-teasdale"]),
      },
    );
    const said = claims.find((c) => c.attribute === "said");
    expect(said?.answer).toBe("Gloria Teasdale said the order could grow to 750 planes.");
  });
});

/** The drafts of a short story published on `published`, with `known` concepts already in the knowledge. */
const draftStory = (story: string, published: string, known: Concept[]) =>
  draftClaims(story, {
    source: { id: "s", title: "S", published },
    known,
    takenIds: new Set(known.map((c) => c.id)),
  });

describe("a board, a court or a committee, named in full and then as 'the board'", () => {
  const known = [
    concept("gloria-teasdale", "person", "Gloria Teasdale", ["Teasdale"]),
    concept("freedonia", "country", "Freedonia", ["Freedonian"]),
  ];
  const drafted = draftStory(
    "The trade office on Tuesday opened comments for the Freedonia-Sylvania Board of Cheese, the body the two leaders agreed to create. " +
      "Officials said the board would meet every quarter to set cheese duties.\n\n" +
      "Teasdale visited Sylvania from May 13 to 15, 2031.",
    "2031-06-04",
    known,
  );
  const board = drafted.concepts.find((c) => /Board of Cheese/.test(c.name));

  it("proposes the board as an organisation, by its full name", () => {
    expect(board).toMatchObject({ type: "organisation", name: "Freedonia-Sylvania Board of Cheese" });
  });

  it("reads 'the board' in a later sentence as that board, and names it so in the answer", () => {
    const later = drafted.claims.find((c) => c.snippet.startsWith("Officials said the board"));
    expect(later?.about).toContain(board?.id);
    expect(later?.answer).toContain("the Freedonia-Sylvania Board of Cheese");
  });

  it("names a visit by who went where, without the preposition of its dates", () => {
    const visit = drafted.concepts.find((c) => c.type === "event" && /visit/i.test(c.name));
    expect(visit?.name).toBe("Teasdale visits Sylvania");
  });
});

describe("companies the article names in capitals and lets act, and a joint body's short name", () => {
  const known = [concept("freedonia", "country", "Freedonia", ["Freedonian"])];
  const drafted = draftStory(
    "Freedonia on Monday barred exports to QX Metals, Blue Fen Minerals and eight other firms. " +
      "QX Metals operates the Grey Top mine, and Blue Fen Minerals is building a plant. " +
      "Blue Fen Minerals said the ban would not hurt it, and QX Metals stopped buying Freedonian ore last year. " +
      "Under the CHEESE Act, the Japan-Brazil Board of Cheese meets in July.",
    "2031-06-24",
    known,
  );
  const named = (name: string) => drafted.concepts.find((c) => c.name === name);

  it("proposes a company of two or three words in capitals, letters included, used twice and acting", () => {
    expect(named("QX Metals")).toMatchObject({ type: "organisation" });
    expect(named("Blue Fen Minerals")).toMatchObject({ type: "organisation" });
  });

  it("does not also propose a word of a longer name as a body of its own", () => {
    expect(named("CHEESE")).toBeUndefined();
    expect(named("Minerals")).toBeUndefined();
  });

  it("gives a joint body of two countries its name without them as an alias", () => {
    expect(named("Japan-Brazil Board of Cheese")?.aliases).toContain("Board of Cheese");
  });
});

describe("'the company' and a list of companies", () => {
  const known = [
    concept("freedonia", "country", "Freedonia", ["Freedonian"]),
    concept("trade-ministry", "organisation", "Trade Ministry"),
  ];
  const drafted = draftStory(
    "The list adds Cheddarco, the dairy company Brieworks and cheese maker Goudanet. " +
      "QX Metals said on Monday it would appeal; QX Metals runs two mines. The Trade Ministry confirmed the listing on Tuesday. " +
      "Last July the ministry put $40 million into the company for a stake of about 15%.",
    "2031-06-24",
    known,
  );

  it("does not read a list as one company described as the others", () => {
    const cheddarco = drafted.concepts.find((c) => c.name === "Cheddarco");
    expect(cheddarco?.roles ?? []).toEqual([]);
    expect(drafted.claims.some((c) => /Cheddarco is/.test(c.answer))).toBe(false);
  });

  it("gives a company no role of a bare 'company', so 'the company' is not it", () => {
    expect(drafted.concepts.find((c) => c.name === "Brieworks")?.roles ?? []).not.toContain("company");
  });

  it("reads 'the company' as the business last named, not the ministry", () => {
    const stake = drafted.claims.find((c) => c.snippet.startsWith("Last July"));
    const qx = drafted.concepts.find((c) => c.name === "QX Metals");
    expect(qx).toBeDefined();
    expect(stake?.about).toContain(qx?.id);
  });
});

describe("a draft the check would refuse", () => {
  it("is never written: no snippet shorter than a claim's least", () => {
    const drafted = draftStory("The ban covers miner Qyx, which said it would comply.", "2031-01-23", []);
    for (const c of drafted.claims) expect(c.snippet.trim().length).toBeGreaterThanOrEqual(12);
  });

  it("rests a role whose words are too few on their sentence instead", () => {
    const drafted = draftStory("The ban covers miner Qyx, which said it would comply.", "2031-01-23", []);
    const role = drafted.claims.find((c) => c.answer === "Qyx is a miner.");
    expect(role?.snippet).toBe("The ban covers miner Qyx, which said it would comply.");
  });
});

describe("a source named with the day it reported", () => {
  it("keeps the whole attribution, the month's abbreviation included, out of what it reported", () => {
    const known = [
      concept("zorblax", "organisation", "Zorblax"),
      concept("trade-office", "organisation", "Trade Office"),
    ];
    const drafted = draftStory(
      "According to Zorblax on Dec. 18, the Trade Office has referred the license applications to three agencies.",
      "2031-12-31",
      known,
    );
    const claim = drafted.claims.find((c) => c.snippet.startsWith("According to Zorblax"));
    expect(claim).toBeDefined();
    expect(claim?.answer).not.toMatch(/\. 18|,\./);
    expect(claim?.answer).toMatch(/the Trade Office has referred the license applications/);
  });
});

describe("an outlet named as the source", () => {
  it("is proposed as a body, not a place, for 'according to'", () => {
    const drafted = draftStory(
      "According to Quillwire, the Trade Office has referred the applications to three agencies. Quillwire also said the review takes 30 days.",
      "2031-12-31",
      [concept("trade-office", "organisation", "Trade Office")],
    );
    expect(drafted.concepts.find((c) => c.name === "Quillwire")?.type).toBe("organisation");
  });
});
