import { describe, expect, it } from "vitest";
import { draftClaims } from "../../src/knowledge/draft.js";
import {
  givenAbbreviations,
  headlineAliases,
  initialsOf,
  measureAliases,
  organisationAliases,
  otherWordOrder,
  roleVariants,
} from "../../src/knowledge/draft-aliases.js";
import type { Concept } from "../../src/knowledge/schema.js";

// Made-up names throughout (Freedonia and Sylvania, from the 1933 film Duck Soup).
const concept = (id: string, type: Concept["type"], name: string, aliases: string[] = []): Concept => ({
  id,
  type,
  name,
  aliases,
  roles: [],
  part_of: [],
});
const known: Concept[] = [
  concept("freedonia", "country", "Freedonia", ["Freedonian"]),
  concept("sylvania", "country", "Sylvania", ["Sylvanian"]),
  concept("united-states", "country", "United States", ["U.S.", "US"]),
  concept("cheese", "topic", "cheese"),
];
const draft = (text: string, title = "Freedonia news") =>
  draftClaims(text, {
    source: { id: "freedonia-news", title, published: "2031-11-14" },
    known,
    takenIds: new Set(),
  });

describe("names a curator would write for a body", () => {
  it("writes a portfolio body's name the other way round, but not a describing word as a portfolio", () => {
    expect(otherWordOrder("Cheese Ministry")).toBe("Ministry of Cheese");
    expect(otherWordOrder("Ministry of Harbours")).toBe("Harbours Ministry");
    expect(otherWordOrder("Harbour Security Department")).toBe("Department of Harbour Security");
    expect(otherWordOrder("Foreign Ministry")).toBeUndefined();
    expect(otherWordOrder("Cheese Council")).toBeUndefined();
    expect(otherWordOrder("Sylvanian Cheese Envoy's office")).toBe("Office of the Sylvanian Cheese Envoy");
  });

  it("gives initials of three capitals or more, and two only when the article writes them", () => {
    expect(initialsOf("Grand Administration of Harbours")).toBe("GAH");
    expect(initialsOf("U.S. Cheese Envoy")).toBe("USCE");
    expect(organisationAliases("Grand Administration of Harbours", "")).toEqual(["GAH"]);
    expect(organisationAliases("Cheese Board", "")).toEqual([]);
    expect(organisationAliases("Cheese Board", "The CB said so.")).toEqual(["CB"]);
    // A body of the U.S. is written with its "US": "U.S. Department of Cheese" → "USDC".
    expect(organisationAliases("Cheese Department", "", "U.S.")).toEqual(["Department of Cheese", "USDC"]);
    expect(organisationAliases("U.S. Cheese Envoy's office", "", "U.S.")).toEqual([
      "Office of the U.S. Cheese Envoy",
      "USCE",
      "USCE office",
    ]);
  });

  it("reads an abbreviation the article gives, not a photo credit", () => {
    expect(givenAbbreviations("the Freedonian Cheese Board (FCB) said")).toEqual([
      { name: "Freedonian Cheese Board", short: "FCB" },
    ]);
    expect(givenAbbreviations("Sylvania's Ministry of Cheese, or MINCHEESE, said")).toEqual([
      { name: "Ministry of Cheese", short: "MINCHEESE" },
    ]);
    expect(givenAbbreviations("FCB (Freedonian Cheese Board) said")).toEqual([
      { name: "Freedonian Cheese Board", short: "FCB" },
    ]);
    expect(givenAbbreviations("Cranes at the port of Fredonville. (Ada Lovett/Ledger Photos)")).toEqual([]);
    expect(givenAbbreviations("Cranes at the port of Fredonville (LP)")).toEqual([]);
  });

  it("gives a title's initials and the body in it written the other way round, as roles", () => {
    expect(roleVariants("U.S. Cheese Envoy")).toEqual(["USCE"]);
    expect(roleVariants("Cheese Ministry spokesperson")).toEqual(["Ministry of Cheese spokesperson"]);
    expect(roleVariants("Vice Cheese Minister")).toEqual([]);
  });

  it("drafts a body with its country, its other word order and the abbreviation the article gives", () => {
    const { concepts } = draft(
      "Sylvania's Cheese Ministry said on Monday that the Freedonian Cheese Board (FCB) had agreed. The FCB said it would keep talking.",
    );
    expect(concepts.find((c) => c.name === "Cheese Ministry")).toMatchObject({
      aliases: ["Ministry of Cheese"],
      part_of: ["sylvania"],
    });
    expect(concepts.find((c) => c.name === "Freedonian Cheese Board")?.aliases).toContain("FCB");
    expect(concepts.find((c) => c.name === "FCB")).toBeUndefined();
  });

  it("links the other word order of a known body rather than proposing it again", () => {
    const drafted = draftClaims("Sylvania's Ministry of Cheese said on Monday that the talks had ended.", {
      source: { id: "freedonia-news", title: "Freedonia news", published: "2031-11-14" },
      known: [...known, concept("cheese-ministry", "organisation", "Cheese Ministry")],
      takenIds: new Set(),
    });
    expect(drafted.concepts.find((c) => /Cheese/.test(c.name))).toBeUndefined();
  });
});

describe("names a curator would write for a measure", () => {
  it("leaves out a word that only says how it relates", () => {
    expect(measureAliases("cheese-related tariffs")).toEqual(["cheese tariffs"]);
    expect(measureAliases("Sylvania-specific cheese ban")).toEqual(["Sylvania cheese ban"]);
  });

  it("names a measure by its name or date and its kind, the common nouns between left out", () => {
    expect(measureAliases("March 3 export controls")).toEqual(["March 3 controls"]);
    expect(measureAliases("Section 12 tariff exclusions")).toEqual([
      "Section 12 exclusions",
      "Sec. 12 tariff exclusions",
      "Sec 12 tariff exclusions",
      "Sec. 12 exclusions",
      "Sec 12 exclusions",
    ]);
    // A document's kind is often two words ("fact sheet"): an event keeps them.
    expect(measureAliases("March 3 fact sheet", "event")).toEqual([]);
    // A country alone, or a rate, does not tell one measure from another.
    expect(measureAliases("Freedonia's cheese export controls")).toEqual([]);
    expect(measureAliases("24% reciprocal tariff")).toEqual([]);
    expect(measureAliases("cheese tariff")).toEqual([]);
  });

  it("names a measure by each thing it applies to", () => {
    expect(measureAliases("ban on shipping brie, gouda and feta to Sylvania")).toEqual([
      "brie ban",
      "gouda ban",
      "feta ban",
    ]);
    expect(measureAliases("100% tariffs on Freedonian-made cheese graters")).toEqual([
      "grater tariffs",
      "cheese grater tariffs",
    ]);
    expect(measureAliases("tariffs on Sylvanian goods")).toEqual([]);
  });

  it("takes the headline's short name for the one measure of its kind named by what it applies to", () => {
    const proposed = [
      { id: "ban", type: "measure", name: "ban on shipping brie, gouda and feta to Sylvania" },
      { id: "duty", type: "measure", name: "3% standard duty" },
    ];
    const none = () => false;
    expect(headlineAliases(["Freedonia Lifts Cheese Ban and Port Fees"], proposed, none)).toEqual(
      new Map([["ban", ["cheese ban"]]]),
    );
    // "Farm Duties" is not the "3% standard duty": that name has a describing word of its own.
    expect(headlineAliases(["Freedonia Drops Farm Duties"], proposed, none).size).toBe(0);
    // A word some concept is named by names that one; two bans leave the headline unread.
    expect(headlineAliases(["Freedonia Lifts Cheese Ban"], proposed, (w) => w === "cheese").size).toBe(0);
    const two = [...proposed, { id: "ban2", type: "measure", name: "ban on selling wine to Sylvania" }];
    expect(headlineAliases(["Freedonia Lifts Cheese Ban"], two, none).size).toBe(0);
  });

  it("drafts the ban an article pauses, named by what it applies to, with the headline's name", () => {
    // ("Cheese" would not do: the knowledge has a concept of that name.)
    const { concepts, claims } = draft(
      "Freedonia has paused its ban on shipping brie, gouda and feta to Sylvania, the ministry said on Monday.",
      "Freedonia Lifts Dairy Ban",
    );
    const ban = concepts.find((c) => c.name.startsWith("ban on"));
    expect(ban).toMatchObject({
      name: "ban on shipping brie, gouda and feta to Sylvania",
      aliases: ["brie ban", "gouda ban", "feta ban", "dairy ban"],
    });
    expect(claims.find((c) => c.about[0] === ban?.id)?.value).toEqual({ state: "suspended" });
  });
});

describe("the article's own round of talks", () => {
  const series = concept("fs-talks", "event", "Freedonia–Sylvania talks", ["talks", "negotiations"]);
  const fredonville: Concept = {
    ...concept("fredonville", "place", "Fredonville", ["FV"]),
    part_of: ["freedonia"],
  };
  const meeting = concept("teasdale-pinky-meeting", "event", "Teasdale–Pinky meeting", ["meeting"]);
  const text =
    "Freedonian and Sylvanian negotiators ended two days of talks in Fredonville on Sunday. The talks were the third round this year.";
  const draftWith = (more: Concept[], body = text) =>
    draftClaims(body, {
      source: { id: "freedonia-news", title: "Freedonia news", published: "2031-11-14" },
      known: [...known, series, fredonville, meeting, ...more],
      takenIds: new Set(),
    });

  it("drafts talks the clause places as a round of the series, named as people name a round", () => {
    const { concepts, claims } = draftWith([]);
    const own = concepts.find((c) => c.type === "event");
    expect(own).toMatchObject({ name: "Freedonia–Sylvania talks in Fredonville", part_of: ["fs-talks"] });
    expect(own?.aliases).toEqual(
      expect.arrayContaining(["Fredonville talks", "FV talks", "Fredonville round", "Freedonia talks"]),
    );
    expect(own?.aliases).toContain("talks in Fredonville");
    // Its claims are about the round, not the series; "the talks" later is the round too.
    expect(claims.find((c) => c.attribute === "duration")?.about[0]).toBe(own?.id);
    expect(claims.filter((c) => c.about[0] === "fs-talks")).toEqual([]);
  });

  it("links the round the knowledge already has, proposing none", () => {
    const round: Concept = {
      ...concept("fv-talks", "event", "Freedonia–Sylvania talks in Fredonville", ["Fredonville talks"]),
      part_of: ["fs-talks"],
    };
    const { concepts, claims } = draftWith([round]);
    expect(concepts.filter((c) => c.type === "event")).toEqual([]);
    expect(claims.find((c) => c.attribute === "duration")?.about[0]).toBe("fv-talks");
  });

  it("does not split one meeting from itself", () => {
    const { concepts } = draftWith([], "President Teasdale ended the meeting in Fredonville on Sunday.");
    expect(concepts.filter((c) => c.type === "event")).toEqual([]);
  });
});
