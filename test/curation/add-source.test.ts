import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCore } from "../../src/answer/core.js";
import { runCli } from "../../src/cli/run.js";
import { checkKnowledge, type Entry, formatProblem, loadKnowledge } from "../../src/knowledge/index.js";

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

function drafts(id = "freedonia-talks"): Entry[] {
  return (parse(readFileSync(join(dir, "entries", `${id}.yml`), "utf8")) as { entries: Entry[] }).entries;
}

function bySnippet(entries: Entry[], kind: Entry["kind"], words: string): Entry {
  const found = entries.find((e) => e.kind === kind && e.snippet.includes(words));
  if (!found) throw new Error(`no ${kind} drafted from "${words}"`);
  return found;
}

describe("tradebot kb add-source on a fictional article", () => {
  it("stores the text and metadata and drafts entries that pass kb check", async () => {
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
    expect(out.join("\n")).toMatch(/Drafted \d+ entries .* into .*entries\/freedonia-talks\.yml/);
    expect(checkKnowledge(dir).problems.map(formatProblem)).toEqual([]);
  });

  it("marks every drafted entry draft, with a verbatim snippet, topics and at least two questions", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const entries = drafts();
    const text = readFileSync(join(dir, "sources", "freedonia-talks.txt"), "utf8");
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const e of entries) {
      expect(e.status).toBe("draft");
      expect(text).toContain(e.snippet);
      expect(e.topics.length).toBeGreaterThan(0);
      expect(e.questions.length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(entries.map((e) => e.kind))).toEqual(
      new Set(["quote", "event", "deadline", "figure", "fact"]),
    );
  });

  it("finds the speakers of quotes, with the role the article gives them", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const entries = drafts();
    const rushed = bySnippet(entries, "quote", "We will not be rushed");
    expect(rushed.speaker).toEqual({ name: "Rufus T. Firefly", role: "Freedonian Trade Minister" });
    // The quotation runs on into the next sentence, and the answer quotes only the article's own words.
    expect(rushed.snippet).toContain("before the harvest.");
    expect(rushed.answer).toBe(
      'Freedonian Trade Minister Rufus T. Firefly said: "We will not be rushed into a bad bargain" and "But we want the tariff gone before the harvest."',
    );
    // "said Trentino": the surname is matched to the full name and role given earlier in the article.
    expect(bySnippet(entries, "quote", "Our farmers").speaker).toEqual({
      name: "Vera Trentino",
      role: "Sylvanian Ambassador",
    });
    // "said on Tuesday that …": reported speech, said the day before publication.
    expect(bySnippet(entries, "quote", "said on Tuesday").speaker).toEqual({
      name: "Rufus T. Firefly",
      role: "Freedonian Trade Minister",
      said_on: "2031-03-11",
    });
    expect(bySnippet(entries, "quote", "according to the Freedonian Bureau").speaker?.name).toBe(
      "Freedonian Bureau of Statistics",
    );
    // "Analysts said …" names no one: it is a fact, not a quote.
    expect(entries.some((e) => e.kind === "quote" && e.snippet.startsWith("Analysts"))).toBe(false);
  });

  it("resolves relative dates against the published date, at the right precision", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const entries = drafts();
    const meeting = bySnippet(entries, "event", "next week");
    expect(meeting.when).toMatchObject({ date: "2031-03-17", precision: "week" });
    expect(meeting.answer).toContain("next week (the week of March 17, 2031)");
    expect(bySnippet(entries, "event", "on Thursday").when).toMatchObject({
      date: "2031-03-13",
      precision: "day",
    });
    expect(bySnippet(entries, "event", "this month").when).toMatchObject({
      date: "2031-03-01",
      precision: "month",
    });
    expect(bySnippet(entries, "event", "planned in June").when).toMatchObject({
      date: "2031-06-01",
      precision: "month",
    });
    const wool = bySnippet(entries, "deadline", "April 2");
    expect(wool.when).toMatchObject({ date: "2031-04-02", precision: "day" });
    expect(wool.questions).toContain("when does the tariff take effect");
  });

  it("records the figures with their units", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const entries = drafts();
    expect(bySnippet(entries, "figure", "12,000 tons").figures).toEqual([
      { value: 12000, unit: "tons", label: "tons of cheese" },
    ]);
    const figures = entries.flatMap((e) => e.figures ?? []);
    expect(figures).toContainEqual(expect.objectContaining({ value: 35, unit: "%", label: "tariff" }));
    expect(figures).toContainEqual(expect.objectContaining({ value: 4.2, unit: "$ billion" }));
    // "April 2 unless …" is a date, not a count of anything.
    expect(figures.some((f) => f.value === 2)).toBe(false);
  });

  it("serves no draft until a curator marks it reviewed, then serves it", async () => {
    await tradebot("kb", "add-source", article, ...flags);
    const question = "When does Trentino arrive in Fredonville?";
    const before = loadKnowledge(dir);
    expect(before.entries.some((e) => e.source === "freedonia-talks")).toBe(false);
    expect(before.drafts.filter((e) => e.source === "freedonia-talks").length).toBe(drafts().length);
    const unreviewed = createCore(before).answer(question, now);
    expect(unreviewed.citations.some((c) => c.source === "freedonia-talks")).toBe(false);

    const file = join(dir, "entries", "freedonia-talks.yml");
    const arrival = bySnippet(drafts(), "event", "on Thursday");
    const yaml = readFileSync(file, "utf8");
    const at = yaml.indexOf(`id: ${arrival.id}\n`);
    writeFileSync(file, yaml.slice(0, at) + yaml.slice(at).replace("status: draft", "status: reviewed"));

    const after = loadKnowledge(dir);
    expect(after.entries.map((e) => e.id)).toContain(arrival.id);
    const reviewed = createCore(after).answer(question, now);
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
    expect(existsSync(join(dir, "entries", "freedonia-talks.yml"))).toBe(false);
  });

  it("drafts the real seed article as received: speakers, resolved dates and figures, passing kb check", async () => {
    const seed = "knowledge/sources/us-china-malaysia-talks.received.txt";
    const args = ["--title", "US, China Plan New Trade Talks in Malaysia", "--publisher", "Bloomberg"];
    expect(
      await tradebot("kb", "add-source", seed, ...args, "--published", "2025-10-17", "--id", "seed"),
    ).toBe(0);
    expect(checkKnowledge(dir).problems.map(formatProblem)).toEqual([]);
    const entries = drafts("seed");
    const bessent = { name: "Scott Bessent", role: "U.S. Treasury Secretary" };
    expect(bySnippet(entries, "quote", "de-escalated, Bessent said Oct. 17").speaker).toEqual({
      ...bessent,
      said_on: "2025-10-17",
    });
    // "…, the Treasury chief added": a role in words, matched to the person the article gave it to.
    expect(bySnippet(entries, "quote", "the Treasury chief added").speaker).toEqual(bessent);
    expect(bySnippet(entries, "quote", "Trump said").speaker).toEqual({
      name: "Donald Trump",
      role: "President",
    });
    expect(bySnippet(entries, "event", "in Malaysia next week").when).toMatchObject({
      date: "2025-10-20",
      precision: "week",
    });
    expect(bySnippet(entries, "deadline", "take effect Nov. 1").when).toMatchObject({
      date: "2025-11-01",
      precision: "day",
    });
    expect(bySnippet(entries, "deadline", "set to expire in November").when).toMatchObject({
      date: "2025-11-01",
      precision: "month",
    });
    expect(bySnippet(entries, "figure", "paused 145% tariffs").figures).toEqual([
      { value: 145, unit: "%", label: "tariffs" },
    ]);
  });

  it("says so when the file does not exist", async () => {
    expect(await tradebot("kb", "add-source", "no/such/article.txt", ...flags)).toBe(1);
    expect(err.join("\n")).toContain("no such file: no/such/article.txt");
  });
});
