import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createCore } from "../../src/answer/core.js";
import { runCli } from "../../src/cli/run.js";
import { findDates } from "../../src/knowledge/draft-dates.js";
import {
  type Claim,
  type Concept,
  checkKnowledge,
  formatProblem,
  loadKnowledge,
} from "../../src/knowledge/index.js";

const article = "test/fixtures/fictional-freedonia/freedonia-sylvania-talks.txt";
const flags = [
  "--title",
  "Freedonia and Sylvania Agree to Resume Tariff Talks",
  "--publisher",
  "The Freedonia Ledger",
  "--published",
  "2031-03-12",
  "--id",
  "freedonia-talks",
];
const now = new Date("2031-03-12T15:00:00Z");

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tradebot-add-source-"));
  cpSync("test/fixtures/knowledge-valid", dir, { recursive: true });
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tradebot(...args: string[]): Promise<number> {
  return runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: new PassThrough(),
    env: { KNOWLEDGE_DIR: dir },
  });
}

/** What the drafter wrote for a source: proposed concepts and claims. */
function drafts(id = "freedonia-talks"): { concepts: Concept[]; claims: Claim[] } {
  return parse(readFileSync(join(dir, "drafts", `${id}.yml`), "utf8"));
}

function bySnippet(claims: Claim[], attribute: Claim["attribute"], words: string): Claim {
  const found = claims.find((c) => c.attribute === attribute && c.snippet.includes(words));
  if (!found) throw new Error(`no ${attribute} claim drafted from "${words}"`);
  return found;
}

/** The claim whose snippet is the sentence (or quotation) containing `words`, whatever its attribute. */
function fromSentence(claims: Claim[], words: string): Claim[] {
  return claims.filter((c) => c.snippet.includes(words));
}

describe("tradebot kb add-source on a fictional article", () => {
  it("stores the text and metadata, drafts claims that pass kb check, and says where it wrote them", async () => {
    expect(await tradebot("kb", "add-source", article, ...flags)).toBe(0);
    expect(err).toEqual([]);
    const text = readFileSync(join(dir, "sources", "freedonia-talks.txt"), "utf8");
    expect(text).toBe(readFileSync(article, "utf8"));
    expect(readFileSync(join(dir, "sources", "freedonia-talks.received.txt"), "utf8")).toBe(text);
    const meta = parse(readFileSync(join(dir, "sources", "freedonia-talks.yml"), "utf8"));
    expect(meta).toMatchObject({
      id: "freedonia-talks",
      title: "Freedonia and Sylvania Agree to Resume Tariff Talks",
      publisher: "The Freedonia Ledger",
      published: "2031-03-12",
      text_file: "freedonia-talks.txt",
    });
    expect(out.join("\n")).toMatch(
      /Drafted \d+ claims \(.*\) and \d+ proposed concepts into .*drafts\/freedonia-talks\.yml/,
    );
    expect(out.join("\n")).toContain("Drafts are never served");
    const check = checkKnowledge(dir);
    expect(check.problems.map(formatProblem)).toEqual([]);
    expect(check.draftProblems.map(formatProblem)).toEqual([]);
    expect(check.kb?.drafts.claims.filter((c) => c.source === "freedonia-talks").length).toBe(
      drafts().claims.length,
    );
  });

  it("drafts claims that each rest on a verbatim snippet, with no question phrasings", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const { claims } = drafts();
    const text = readFileSync(join(dir, "sources", "freedonia-talks.txt"), "utf8");
    expect(claims.length).toBeGreaterThanOrEqual(10);
    for (const c of claims) {
      expect(text).toContain(c.snippet);
      expect(c.about.length).toBeGreaterThan(0);
      expect(c).not.toHaveProperty("phrasings");
      expect(c).not.toHaveProperty("status");
    }
    for (const attribute of ["said", "when", "start", "amount", "description"] as const) {
      expect(
        claims.map((c) => c.attribute),
        attribute,
      ).toContain(attribute);
    }
  });

  it("proposes concepts for the people the article names, with the roles it gives them", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const { concepts } = drafts();
    const person = (name: string) => concepts.find((c) => c.name === name);
    expect(person("Rufus T. Firefly")).toMatchObject({
      id: "rufus-t-firefly",
      type: "person",
      roles: ["Freedonian Trade Minister"],
    });
    expect(person("Vera Trentino")).toMatchObject({ type: "person", roles: ["Sylvanian Ambassador"] });
    expect(person("Gloria Teasdale")?.roles).toEqual(["President"]);
    expect(person("Nikolai Pinky")?.type).toBe("person");
    expect(person("Freedonian Bureau of Statistics")?.type).toBe("organisation");
  });

  it("drafts speech as said claims with their speaker, and a quote only for words in quotation marks", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const { claims } = drafts();
    const rushed = bySnippet(claims, "said", "We will not be rushed");
    expect(rushed).toMatchObject({
      speaker: "rufus-t-firefly",
      quote: true,
      snippet: "We will not be rushed into a bad bargain",
    });
    expect(rushed.about[0]).toBe("rufus-t-firefly");
    // The quotation runs on into the next sentence, and the answer quotes only the article's own words.
    expect(rushed.answer).toBe(
      'Rufus T. Firefly said: "We will not be rushed into a bad bargain" and "But we want the tariff gone before the harvest".',
    );
    // "said Trentino": the surname is matched to the full name and role given earlier in the article.
    expect(bySnippet(claims, "said", "Our farmers")).toMatchObject({ speaker: "vera-trentino", quote: true });
    // "said on Tuesday that …": reported speech, said the day before publication.
    // The facts it reports (the meeting next week, the 35% tariff) carry him as their speaker.
    const tuesday = fromSentence(claims, "said on Tuesday");
    expect(tuesday.length).toBeGreaterThan(0);
    for (const c of tuesday) {
      expect(c).toMatchObject({ speaker: "rufus-t-firefly", holds: { as_of: "2031-03-11" } });
      expect(c.quote).toBeUndefined();
    }
    expect(bySnippet(claims, "said", "Trentino said her delegation").quote).toBeUndefined();
    // "according to the Bureau": the figure is the claim, reported by the Bureau.
    expect(bySnippet(claims, "amount", "according to the Freedonian Bureau").speaker).toBe(
      "freedonian-bureau-of-statistics",
    );
    // "Analysts said …" names no one: not speech with a speaker (and nothing the article names to hang it on).
    expect(fromSentence(claims, "Analysts said").filter((c) => c.speaker)).toEqual([]);
  });

  it("resolves relative dates against the published date, at the right precision", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const { claims } = drafts();
    const meeting = bySnippet(claims, "when", "next week");
    expect(meeting.value).toMatchObject({ date: "2031-03-17", precision: "week" });
    expect(meeting.answer).toContain("the week of March 17, 2031");
    expect(bySnippet(claims, "when", "on Thursday").value).toMatchObject({
      date: "2031-03-13",
      precision: "day",
    });
    expect(findDates("They hope to sign an agreement this month.", "2031-03-12")[0]?.when).toMatchObject({
      date: "2031-03-01",
      precision: "month",
    });
    expect(bySnippet(claims, "when", "planned in June").value).toMatchObject({
      date: "2031-06-01",
      precision: "month",
    });
    // A deadline that starts something: the wool duties take effect April 2.
    expect(bySnippet(claims, "start", "April 2").value).toMatchObject({
      date: "2031-04-02",
      precision: "day",
    });
  });

  it("records each figure as an amount with its unit", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const { claims } = drafts();
    expect(bySnippet(claims, "amount", "12,000 tons").value).toMatchObject({
      figure: 12000,
      unit: "tons",
      label: expect.stringContaining("12,000 tons of cheese"),
    });
    // The counted thing is what the figure is about.
    expect(bySnippet(claims, "amount", "12,000 tons").about[0]).toBe("cheese");
    const figures = claims.flatMap((c) => ("figure" in c.value ? [c.value] : []));
    expect(figures).toContainEqual(
      expect.objectContaining({ figure: 35, unit: "percent", label: expect.stringContaining("35% tariff") }),
    );
    expect(figures).toContainEqual(expect.objectContaining({ figure: 4.2e9, unit: "USD" }));
    // "April 2 unless …" is a date, not a count of anything.
    expect(figures.some((f) => f.figure === 2)).toBe(false);
  });

  it("serves no draft until a curator moves it into claims/, then serves it", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const question = "When does Trentino arrive in Fredonville?";
    const before = loadKnowledge(dir);
    expect(before.claims.some((c) => c.source === "freedonia-talks")).toBe(false);
    expect(before.drafts.claims.filter((c) => c.source === "freedonia-talks").length).toBe(
      drafts().claims.length,
    );
    const unreviewed = createCore(before).answer(question, now);
    expect(unreviewed.citations.some((c) => c.source === "freedonia-talks")).toBe(false);

    // Accepting: the claim goes into claims/, the concepts it needs into concepts/, out of drafts/.
    const { concepts, claims } = drafts();
    const arrival = bySnippet(claims, "when", "on Thursday");
    writeFileSync(join(dir, "concepts", "freedonia-talks.yml"), stringify({ concepts }));
    writeFileSync(join(dir, "claims", "freedonia-talks.yml"), stringify({ claims: [arrival] }));
    writeFileSync(
      join(dir, "drafts", "freedonia-talks.yml"),
      stringify({ claims: claims.filter((c) => c.id !== arrival.id) }),
    );

    const check = checkKnowledge(dir);
    expect(check.problems.map(formatProblem)).toEqual([]);
    expect(check.kb?.claims.map((c) => c.id)).toContain(arrival.id);
    const reviewed = createCore(check.kb ?? before).answer(question, now);
    expect(reviewed.answered).toBe(true);
    expect(reviewed.factIds[0]).toBe(arrival.id);
    expect(reviewed.text).toContain("March 13, 2031");
    expect(reviewed.citations[0]).toMatchObject({
      source: "freedonia-talks",
      publisher: "The Freedonia Ledger",
    });
  });

  it("derives a source id from the title when none is given and never overwrites an existing source", async () => {
    const noId = flags.slice(0, -2);
    expect(await tradebot("kb", "add-source", article, ...noId)).toBe(0);
    expect(existsSync(join(dir, "sources", "freedonia-sylvania-agree-resume-tariff-talks.yml"))).toBe(true);
    expect(await tradebot("kb", "add-source", article, ...noId)).toBe(0);
    expect(existsSync(join(dir, "sources", "freedonia-sylvania-agree-resume-tariff-talks-2.yml"))).toBe(true);
    err = [];
    expect(await tradebot("kb", "add-source", article, ...flags)).toBe(0);
    expect(await tradebot("kb", "add-source", article, ...flags)).toBe(1);
    expect(err.join("\n")).toMatch(
      /freedonia-talks\.(received\.txt|txt|yml) already exists; choose another --id/,
    );
  });

  it.each([
    [["--publisher", "X", "--published", "2031-03-12"], /--title is required/],
    [
      ["--title", "T", "--publisher", "X", "--published", "12/03/2031"],
      /--published 12\/03\/2031 is not a real date/,
    ],
    [["--title", "T", "--publisher", "X", "--published", "2031-02-30"], /not a real date/],
    [
      ["--title", "T", "--publisher", "X", "--published", "2031-03-12", "--url", "ledger"],
      /--url ledger is not a web address/,
    ],
    [
      ["--title", "T", "--publisher", "X", "--published", "2031-03-12", "--id", "Bad Id"],
      /--id Bad Id must be lower-case/,
    ],
    [
      ["--title", "T", "--publisher", "X", "--published", "2031-03-12", "--colour", "red"],
      /unknown option --colour/,
    ],
  ])("rejects bad flags %j with a usage message and exit code 2", async (args, message) => {
    expect(await tradebot("kb", "add-source", article, ...args)).toBe(2);
    expect(err.join("\n")).toMatch(message);
    expect(err.join("\n")).toContain("Usage: tradebot kb add-source FILE");
    expect(existsSync(join(dir, "drafts", "freedonia-talks.yml"))).toBe(false);
  });

  it("drafts the seed article as received, reusing the concepts the knowledge has, and quotes nothing its text does not put in quotation marks", async () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync("test/fixtures/seed-kb", dir, { recursive: true });
    const seed = "test/fixtures/seed-kb/sources/us-china-malaysia-talks.received.txt";
    const args = ["--title", "US, China Plan New Trade Talks in Malaysia", "--publisher", "Bloomberg"];
    expect(
      await tradebot("kb", "add-source", seed, ...args, "--published", "2025-10-17", "--id", "seed"),
    ).toBe(0);
    const check = checkKnowledge(dir);
    expect(check.problems.map(formatProblem)).toEqual([]);
    expect(check.draftProblems.map(formatProblem)).toEqual([]);
    const { concepts, claims } = drafts("seed");
    // Bessent, He, Trump and Xi are concepts already: none is proposed again.
    expect(concepts.map((c) => c.type)).not.toContain("person");
    // The copy as received lost its quotation marks: what people said is reported speech, not a quote.
    expect(claims.filter((c) => c.quote)).toEqual([]);
    expect(bySnippet(claims, "said", "de-escalated, Bessent said Oct. 17")).toMatchObject({
      speaker: "scott-bessent",
      holds: { as_of: "2025-10-17" },
    });
    // "…, the Treasury chief added": a role in words, matched to the person the article gave it to;
    // what he said is drafted as the fact it states (the meeting's date), with him as its speaker.
    expect(fromSentence(claims, "the Treasury chief added").map((c) => c.speaker)).toContain("scott-bessent");
    expect(bySnippet(claims, "said", "Trump said").speaker).toBe("donald-trump");
    expect(bySnippet(claims, "when", "likely set for next week").value).toMatchObject({
      date: "2025-10-20",
      precision: "week",
    });
    expect(bySnippet(claims, "start", "take effect Nov. 1")).toMatchObject({
      about: expect.arrayContaining(["surtax-100"]),
      value: { date: "2025-11-01", precision: "day" },
    });
    expect(bySnippet(claims, "end", "set to expire in November").value).toMatchObject({
      date: "2025-11-01",
      precision: "month",
    });
    expect(bySnippet(claims, "amount", "paused 145% tariffs")).toMatchObject({
      about: expect.arrayContaining(["tariffs-145"]),
      value: { figure: 145, unit: "percent" },
    });
  });

  it("drafts a quote with quote: true where the text keeps the quotation marks", async () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync("test/fixtures/seed-kb", dir, { recursive: true });
    const repaired = "test/fixtures/seed-kb/sources/us-china-malaysia-talks.txt";
    const args = ["--title", "US, China Plan New Trade Talks in Malaysia", "--publisher", "Bloomberg"];
    expect(
      await tradebot("kb", "add-source", repaired, ...args, "--published", "2025-10-17", "--id", "seed"),
    ).toBe(0);
    expect(checkKnowledge(dir).draftProblems.map(formatProblem)).toEqual([]);
    expect(bySnippet(drafts("seed").claims, "said", "I think things have de-escalated")).toMatchObject({
      speaker: "scott-bessent",
      quote: true,
      snippet: "I think things have de-escalated",
    });
  });

  it("says so when the file does not exist", async () => {
    expect(await tradebot("kb", "add-source", "no/such/article.txt", ...flags)).toBe(1);
    expect(err.join("\n")).toContain("no such file: no/such/article.txt");
  });
});
