import { describe, expect, it } from "vitest";
import { changesOf } from "../../src/knowledge/changes.js";
import { draftClaims } from "../../src/knowledge/draft.js";
import { findDates } from "../../src/knowledge/draft-dates.js";
import type { Claim, Concept, LoadedClaim } from "../../src/knowledge/schema.js";

// Fictional sentences (Freedonia and Sylvania), each drafted as a one-paragraph article of Nov. 14, 2031.
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
  concept("white-house", "place", "White House"),
  concept("trade-ministry", "organisation", "Trade Ministry"),
  concept("truce", "measure", "Freedonia–Sylvania truce", ["truce", "tariff truce"]),
  concept("port-fees", "measure", "port fees"),
  concept("crane-tariff", "measure", "crane tariff"),
  concept("oct-9-export-controls", "measure", "Oct. 9 export controls"),
  concept("cheese", "topic", "cheese"),
];
const draft = (text: string, standing: Claim[] = []) =>
  draftClaims(text, {
    source: { id: "freedonia-news", title: "Freedonia news", published: "2031-11-14" },
    known,
    takenIds: new Set(),
    standing,
  }).claims;

describe("drafting one claim per clause", () => {
  it("does not read 'added X to the list' as speech", () => {
    const claims = draft(
      "On Monday, Freedonia added Sylvania to the destinations for which exporters need a license to ship cheese.",
    );
    expect(claims.filter((c) => c.attribute === "said")).toEqual([]);
    expect(claims[0]?.holds).toEqual({ as_of: "2031-11-10" });
  });

  it("gives a place as the source of 'According to the White House', not as a speaker", () => {
    const [c] = draft(
      "According to the White House, Freedonia committed to buy at least 12 million tons of cheese in the last two months of this year.",
    );
    expect(c?.speaker).toBeUndefined();
    expect(c?.answer).toMatch(/^According to the White House, Freedonia committed/);
  });

  it("finds the speaker before an appositive, and takes no country from the remit of a role", () => {
    const drafted = draftClaims(
      "Rufus Firefly, director general of the Trade Ministry's department of Sylvanian affairs, said last week that Freedonian companies would buy cheese on market terms.",
      {
        source: { id: "freedonia-news", title: "Freedonia news", published: "2031-11-14" },
        known,
        takenIds: new Set(),
      },
    );
    const said = drafted.claims.find((c) => c.attribute === "said");
    expect(said?.speaker).toBe("rufus-firefly");
    expect(drafted.concepts.find((c) => c.id === "rufus-firefly")?.part_of).not.toContain("sylvania");
  });

  it("drafts each figure of a list with its own period and answer, and neither replaces the other", () => {
    const claims = draft(
      "According to the White House, Freedonia committed to buy at least 12 million metric tons of cheese in the last two months of this year and at least 25 million tons a year in 2032, 2033 and 2034.",
    );
    const amounts = claims.filter((c) => c.attribute === "amount");
    expect(amounts.map((c) => [("figure" in c.value && c.value.figure) || 0, c.holds])).toEqual([
      [12000000, { from: "2031-11-01", until: "2031-12-31" }],
      [25000000, { from: "2032-01-01", until: "2034-12-31" }],
    ]);
    expect(amounts[0]?.answer).not.toMatch(/25 million/);
    expect(amounts[1]?.answer).not.toMatch(/12 million/);
    const standing = [{ ...amounts[0], asOf: "2031-11-01" } as LoadedClaim];
    const [, second] = changesOf(amounts, "2031-11-14", standing);
    expect(second?.replaces).toEqual([]);
  });

  it("dates months listed together forward ('for December and for March through July')", () => {
    const dates = findDates(
      "Freedonian importers recently booked cheese for December and for March through July.",
      "2031-11-14",
    );
    expect(dates.map((d) => d.when.date)).toEqual(["2031-12-01", "2032-03-01", "2032-07-01"]);
  });

  it("gives a second object its own period when the verb is left out", () => {
    const claims = draft(
      "Freedonia has paused its port fees until Nov. 10, 2032, and its crane tariff until Nov. 27, 2032.",
    );
    const statuses = claims.filter((c) => c.attribute === "status");
    expect(statuses.map((c) => [c.about[0], c.holds?.until])).toEqual([
      ["port-fees", "2032-11-10"],
      ["crane-tariff", "2032-11-27"],
    ]);
  });

  it("drafts 'had been extended in August until Nov. 10' as a status as of August, not as dates of today", () => {
    const claims = draft("The truce had been extended in August only until Nov. 10 of this year.");
    expect(claims.map((c) => [c.attribute, c.value, c.holds])).toEqual([
      ["status", { state: "extended" }, { as_of: "2031-08-01", until: "2031-11-10" }],
    ]);
  });

  it("gives the new end when an expiry is pushed back by a year from the end the knowledge has", () => {
    const oldEnd = {
      id: "truce-end",
      about: ["truce"],
      attribute: "end",
      value: { date: "2031-11-10", precision: "day" },
    } as Claim;
    const claims = draft(
      "Sylvania followed on Wednesday with matching tariff moves, pushing back the expiry of the truce by a year.",
      [oldEnd],
    );
    const end = claims.find((c) => c.attribute === "end");
    expect(end?.value).toMatchObject({ date: "2032-11-10", precision: "day" });
    expect(end?.answer).toMatch(/Nov\. 10, 2032/);
  });

  it("links 'export-control notices released on Oct. 9' and 'its October controls' to the known Oct. 9 export controls", () => {
    const claims = [
      ...draft(
        "On Friday, Freedonia suspended six export-control notices released on Oct. 9 until Nov. 10, 2032.",
      ),
      ...draft("Freedonia has paused its October controls until Nov. 10, 2032."),
    ];
    const statuses = claims.filter((c) => c.attribute === "status");
    expect(statuses.map((c) => c.about[0])).toEqual(["oct-9-export-controls", "oct-9-export-controls"]);
  });
});
