import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { type GapsReport, groupUnanswered, similarity, unhelpfulEntries } from "../../src/curation/gaps.js";
import { gapsLines } from "../../src/curation/gaps-text.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { openStore } from "../../src/store/sqlite.js";
import type { FeedbackRecord, UnansweredRecord } from "../../src/store/types.js";
import { tempKnowledge } from "./support.js";

const base = Date.parse("2031-03-13T09:00:00Z");
let minute = 0;
function asked(question: string, userId = `U${minute % 5}`): UnansweredRecord {
  return { userId, question, kbVersion: "v1", at: new Date(base + 60_000 * minute++) };
}
function vote(entryIds: string[], helpful: boolean, question: string): FeedbackRecord {
  return {
    userId: "U1",
    question,
    entryIds,
    helpful,
    kbVersion: "v1",
    at: new Date(base + 60_000 * minute++),
  };
}

const realistic = [
  asked("will china buy soybeans again?"),
  asked("<@U0BOT> Will China buy soybeans again"),
  asked("soybean purchases?"),
  asked("what about soy beans"),
  asked("when is the trump xi meeting"),
  asked("When will Trump meet Xi??"),
  asked("trump xi meeting date"),
  asked("when do trump and xi meet"),
  asked("what is the fentanyl tariff"),
  asked("whats the fentanyl tarrif"),
  asked("fentanyl tariffs?"),
  asked("who is he lifeng"),
  asked("Who's He Lifeng?"),
  asked("who is he lifing"),
  asked("is boeing affected"),
  asked("what's the weather like in Geneva"),
];

describe("grouping unanswered questions", () => {
  it("puts near-duplicates together, most asked first, with counts, people and an example", () => {
    const groups = groupUnanswered(realistic);
    const summary = groups.map((g) => [g.count, g.example, [...g.variants].sort()]);
    expect(summary).toEqual([
      [
        4,
        "when is the trump xi meeting",
        ["trump xi meeting date", "when do trump and xi meet", "When will Trump meet Xi??"].sort(),
      ],
      [4, "will china buy soybeans again?", ["soybean purchases?", "what about soy beans"].sort()],
      // Equal counts: the most recently asked first.
      [3, "who is he lifeng", ["Who's He Lifeng?", "who is he lifing"].sort()],
      [3, "what is the fentanyl tariff", ["fentanyl tariffs?", "whats the fentanyl tarrif"].sort()],
      [1, "what's the weather like in Geneva", []],
      [1, "is boeing affected", []],
    ]);
    expect(groups[1]?.people).toBe(4);
  });

  it("strips Slack mentions from what it shows and counts the same words asked twice as one phrasing", () => {
    const [soy] = groupUnanswered(realistic.slice(0, 2));
    expect(soy).toMatchObject({ example: "will china buy soybeans again?", count: 2, variants: [] });
    expect(JSON.stringify(soy)).not.toContain("<@U0BOT>");
  });

  it("keeps different questions about the same topic apart", () => {
    const groups = groupUnanswered([
      asked("when does the truce expire"),
      asked("what did china promise in the truce"),
      asked("what tariffs did the truce pause"),
    ]);
    expect(groups).toHaveLength(3);
  });

  it("tolerates typos but not different words of the same length", () => {
    expect(similarity(["fentanyl", "tariff"], ["fentanly", "tarif"])).toBe(1);
    expect(similarity(["coffee"], ["office"])).toBe(0);
  });

  it("marks a gap the current knowledge now answers, so curators can check and move on", () => {
    const groups = groupUnanswered([asked("when is the trump xi meeting")], (q) =>
      q.includes("trump") ? "trump-xi-apec" : undefined,
    );
    expect(groups[0]?.answeredNowBy).toBe("trump-xi-apec");
  });
});

describe("claims marked not helpful", () => {
  it("lists the most not-helpful first with what they say, where to edit them and what was asked", () => {
    const kb = loadKnowledge("test/fixtures/fictional-kb");
    const feedback = [
      vote(["cheese-tariff"], false, "cheese tariff rate?"),
      vote(["wool-duties"], false, "when do wool duties start"),
      vote(["wool-duties"], false, "Wool duties start date"),
      vote(["wool-duties"], true, "wool tariff deadline"),
      vote(["fredonville-talks"], true, "when are the talks"),
      vote(["retired-entry"], false, "what about the old thing"),
    ];
    const list = unhelpfulEntries(feedback, kb);
    expect(list.map((u) => [u.entryId, u.notHelpful, u.helpful])).toEqual([
      ["wool-duties", 2, 1],
      ["cheese-tariff", 1, 0],
      ["retired-entry", 1, 0],
    ]);
    expect(list[0]).toMatchObject({
      answer: expect.stringContaining("April 2, 2031"),
      location: expect.stringMatching(/^claims\/freedonia\.yml:\d+$/),
      questions: ["when do wool duties start", "Wool duties start date"],
    });
    expect(list[0]?.supersededBy).toBeUndefined();
    expect(list[2]?.answer).toBeUndefined();
  });

  it("points a claim a newer one replaced to the claim that answers for it now", () => {
    const { dir, remove } = tempKnowledge("test/fixtures/fictional-kb");
    try {
      cpSync("test/fixtures/fictional-kb-update", dir, { recursive: true });
      const [wool] = unhelpfulEntries(
        [vote(["wool-duties"], false, "when do wool duties start")],
        loadKnowledge(dir),
      );
      expect(wool).toMatchObject({ entryId: "wool-duties", supersededBy: "wool-duties-postponed" });
      expect(
        gapsLines({
          unanswered: [],
          unhelpful: wool ? [wool] : [],
          totals: { unansweredQuestions: 0, groups: 0, notHelpfulVotes: 1 },
        }),
      ).toContain("     (no longer stands: the newer claim wool-duties-postponed answers for it)");
    } finally {
      remove();
    }
  });
});

describe("tradebot kb gaps", () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "tradebot-gaps-"));
    out = [];
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tradebot = (...args: string[]) =>
    runCli(["kb", "gaps", ...args], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      stdin: new PassThrough(),
      env: { DATABASE_PATH: join(dir, "bot.db"), KNOWLEDGE_DIR: "test/fixtures/fictional-kb" },
      clock: () => new Date("2031-03-14T12:00:00Z"),
    });

  async function record(): Promise<void> {
    const store = openStore(join(dir, "bot.db"));
    for (const r of realistic) await store.recordUnanswered(r);
    await store.recordFeedback(vote(["wool-duties"], false, "when do wool duties start"));
    await store.close();
  }

  it("prints the to-do list from the database: grouped questions, then unhelpful claims", async () => {
    await record();
    expect(await tradebot("--limit", "2")).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("Unanswered questions, most asked first (16 questions in 6 groups; top 2):");
    expect(text).toMatch(/1\. 4× "when is the trump xi meeting" \(4 people, last asked March 13, 2031\)/);
    expect(text).toContain('also asked as: "When will Trump meet Xi??"');
    expect(text).not.toContain("fentanyl");
    expect(text).toMatch(/1\. wool-duties: 1 not helpful, 0 helpful — claims\/freedonia\.yml:\d+/);
    expect(text).toContain("says: Freedonia's second round of duties");
    expect(text).not.toMatch(/U[0-9]/);
  });

  it("gives the same list as JSON with --json", async () => {
    await record();
    expect(await tradebot("--json")).toBe(0);
    const report = JSON.parse(out.join("\n")) as GapsReport;
    expect(report.totals).toEqual({ unansweredQuestions: 16, groups: 6, notHelpfulVotes: 1 });
    expect(report.unanswered[0]?.example).toBe("when is the trump xi meeting");
    expect(report.unhelpful[0]?.entryId).toBe("wool-duties");
  });

  it("says there is nothing yet when the database does not exist, without creating it", async () => {
    expect(await tradebot()).toBe(0);
    expect(err.join("\n")).toMatch(/No database at .*bot\.db yet/);
    expect(existsSync(join(dir, "bot.db"))).toBe(false);
  });

  it.each([
    [["--limit", "0"], /--limit must be a whole number from 1 to 1000, not 0/],
    [["--limit", "ten"], /not ten/],
    [["--verbose"], /unknown option --verbose/],
    [["extra"], /unexpected argument extra/],
  ])("rejects %j with a usage message", async (args, message) => {
    expect(await tradebot(...args)).toBe(2);
    expect(err.join("\n")).toMatch(message);
    expect(err.join("\n")).toContain("Usage: tradebot kb gaps [--limit N] [--json]");
  });
});
