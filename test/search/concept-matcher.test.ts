/**
 * The concept matcher on its own, over fictional concepts: the rules for names (longest first,
 * typos, names typed as one word, aliases that are English words, names used as verbs) are about
 * English, not about any one article, so they must hold for names the seed never had.
 */
import { describe, expect, it } from "vitest";
import { readEnglish } from "../../src/nlp/english.js";
import { ConceptMatcher, type NamedConcept } from "../../src/search/concept-matcher.js";

const concepts: NamedConcept[] = [
  {
    id: "rufus-t-firefly",
    type: "person",
    name: "Rufus T. Firefly",
    aliases: ["Firefly", "Rufus Firefly"],
    roles: ["Trade Minister"],
  },
  { id: "vera-trentino", type: "person", name: "Vera Trentino", aliases: ["Trentino"], roles: [] },
  // A name that is also an English function word, as "He" and "US" are.
  { id: "wilhelmina-will", type: "person", name: "Wilhelmina Will", aliases: ["Will"], roles: [] },
  { id: "freedonia", type: "country", name: "Freedonia", aliases: ["Freedonian side"], roles: [] },
  {
    id: "fredonville-round",
    type: "event",
    name: "Freedonia–Sylvania talks in Fredonville",
    aliases: ["Fredonville talks", "talks"],
    roles: [],
  },
  {
    id: "sylvanian-cheese-tariff",
    type: "measure",
    name: "Freedonian tariff on Sylvanian cheese",
    aliases: ["cheese tariff"],
    roles: [],
  },
  // Bodies known by proper names of several words, that askers shorten to acronyms no alias holds.
  { id: "cheese-council", type: "organisation", name: "Grand Cheese Council", aliases: [], roles: [] },
  {
    id: "sylvanian-trade-ministry",
    type: "organisation",
    name: "Sylvanian Ministry of Trade",
    aliases: ["Ministry of Trade"],
    roles: [],
  },
];
const matcher = new ConceptMatcher(concepts);

/** The concepts named in a text, with the words that named them. */
const found = (text: string) =>
  matcher.find(readEnglish(text).words).map((m) => ({ concept: m.concept, text: m.text, via: m.via }));
const ids = (text: string) => found(text).map((m) => m.concept);

describe("the concept matcher", () => {
  it("matches the longest name first: 'Rufus T. Firefly' is one mention, not 'Firefly' alone", () => {
    expect(found("did Rufus T. Firefly sign it")).toEqual([
      { concept: "rufus-t-firefly", text: "Rufus T. Firefly", via: "name" },
    ]);
  });

  it("finds a person by an alias and by a role", () => {
    expect(found("what did Trentino say")).toEqual([
      { concept: "vera-trentino", text: "Trentino", via: "alias" },
    ]);
    expect(found("who is the Trade Minister")[0]).toMatchObject({ concept: "rufus-t-firefly", via: "role" });
  });

  it("corrects a misspelt name within a small edit distance, transpositions included", () => {
    const m = matcher.find(readEnglish("what did Trentnio say").words)[0];
    expect(m).toMatchObject({ concept: "vera-trentino", corrected: true, text: "Trentnio" });
    expect(ids("when will Fireflly arrive")).toEqual(["rufus-t-firefly"]);
  });

  it("does not correct a word that merely shares some letters with a name", () => {
    expect(ids("what did Torino say")).toEqual([]);
  });

  it("finds a name of several words typed as one", () => {
    expect(ids("what did rufusfirefly say")).toEqual(["rufus-t-firefly"]);
  });

  it("reads an alias that is an English word as the name only mid-sentence with its capital", () => {
    expect(ids("did Firefly and Will sign the deal")).toEqual(["rufus-t-firefly", "wilhelmina-will"]);
    expect(ids("Will Firefly sign the deal")).toEqual(["rufus-t-firefly"]);
    expect(ids("the minister will sign the deal")).toEqual([]);
  });

  it("reads a thing's name used as a verb as the verb, but the noun as the name", () => {
    expect(ids("we need to talk to Firefly")).toEqual(["rufus-t-firefly"]);
    expect(ids("when are the talks with Firefly")).toEqual(["fredonville-round", "rufus-t-firefly"]);
  });

  it("reads an acronym no alias holds as the proper name it spells", () => {
    // initials in capitals, small words left out or kept
    expect(found("what did the GCC decide")).toEqual([
      { concept: "cheese-council", text: "GCC", via: "alias" },
    ]);
    expect(ids("did the SMT comment")).toEqual(["sylvanian-trade-ministry"]);
    // the first letters of each word, as MOFCOM is Ministry of Commerce, in lower case too
    expect(ids("what did motrade say")).toEqual(["sylvanian-trade-ministry"]);
  });

  it("does not read an acronym for a person, a known word, two lower-case letters or two names", () => {
    expect(ids("what did RF say")).toEqual([]); // Rufus Firefly
    expect(ids("what did gc say")).toEqual([]);
    expect(ids("what is the cost")).toEqual([]);
    const twice = new ConceptMatcher([
      ...concepts,
      {
        id: "grand-canal-commission",
        type: "organisation",
        name: "Grand Canal Commission",
        aliases: [],
        roles: [],
      },
    ]);
    expect(twice.find(readEnglish("what did the GCC decide").words)).toEqual([]);
  });

  it("finds nothing in words that name no concept", () => {
    expect(found("what is the weather like today")).toEqual([]);
  });
});

describe("the names inside a name", () => {
  it("are found word run by word run, the whole name left out", () => {
    // (the caller leaves out the concept whose name it is: here "talks" names the round itself)
    expect(matcher.namedInParts("Freedonia–Sylvania talks in Fredonville")).toEqual([
      "freedonia",
      "fredonville-round",
    ]);
    expect(matcher.namedInParts("the Freedonia cheese tariff")).toEqual([
      "freedonia",
      "sylvanian-cheese-tariff",
    ]);
    // the whole text, when it is a name, is the concept itself and not inside it
    expect(matcher.namedInParts("cheese tariff")).toEqual([]);
  });
});
