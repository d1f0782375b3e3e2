/**
 * `tradebot kb review` driven as a curator drives it from a terminal, answers piped in a line at a
 * time, on a temporary copy of a fixture knowledge folder with drafts waiting (test/fixtures/review-kb).
 * The editor is a small script standing in for the curator's $EDITOR.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCore } from "../../src/answer/core.js";
import { runCli } from "../../src/cli/run.js";
import { checkKnowledge, loadKnowledge } from "../../src/knowledge/index.js";
import { tempKnowledge } from "./support.js";

const NOW = "2031-03-21T12:00:00Z";
const DRAFTS = "drafts/sylvania-herald-postponed.yml";
const ACCEPTED = "claims/sylvania-herald-postponed.yml";
const START = "sylvania-herald-postponed-start-1";

let kb: ReturnType<typeof tempKnowledge>;
let scripts: string;
beforeEach(() => {
  kb = tempKnowledge("test/fixtures/review-kb");
  scripts = mkdtempSync(join(tmpdir(), "tradebot-editor-"));
});
afterEach(() => {
  kb.remove();
  rmSync(scripts, { recursive: true, force: true });
});

const read = (rel: string) => readFileSync(join(kb.dir, rel), "utf8");
const ids = (rel: string, list: "claims" | "concepts" = "claims") =>
  ((parse(read(rel))?.[list] ?? []) as { id: string }[]).map((c) => c.id);

/** Runs `tradebot kb review` with the answers piped in; `edits` are what each editor run does. */
async function review(answers: string[], opts: { args?: string[]; edits?: [string, string][][] } = {}) {
  const env: Record<string, string> = { TRADEBOT_NOW: NOW, KNOWLEDGE_DIR: kb.dir };
  if (opts.edits) {
    // Each run of the editor applies the next list of replacements to the file it is given.
    const script = join(scripts, "editor.mjs");
    const counter = `${script}.count`;
    writeFileSync(counter, "0");
    writeFileSync(
      script,
      `import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
const edits = ${JSON.stringify(opts.edits)};
const n = Number(readFileSync(${JSON.stringify(counter)}, "utf8"));
writeFileSync(${JSON.stringify(counter)}, String(n + 1));
const file = process.argv[2];
let text = readFileSync(file, "utf8");
for (const [from, to] of edits[n] ?? []) text = text.replace(from, to);
writeFileSync(file, text);
`,
    );
    env.EDITOR = `${JSON.stringify(process.execPath)} ${JSON.stringify(script)}`;
  }
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["kb", "review", "--by", "Margaret Dumont", ...(opts.args ?? [])], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: Readable.from([answers.map((a) => `${a}\n`).join("")]),
    env,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function folderIsValid() {
  const check = checkKnowledge(kb.dir);
  expect(check.problems).toEqual([]);
  expect(check.draftProblems).toEqual([]);
}

describe("tradebot kb review", () => {
  it("shows a draft in words, with its snippet in the article and the claim it replaces", async () => {
    const r = await review(["q"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Draft claim ${START} (${DRAFTS}:19)`);
    expect(r.out).toContain(
      "start of Freedonian duties on Sylvanian wool (also about Freedonia, Rufus T. Firefly, Fredonville)",
    );
    expect(r.out).toContain("Value: July 1, 2031");
    expect(r.out).toContain("Dates: as of March 20, 2031 (the article's date)");
    expect(r.out).toContain(
      "In the article: «Freedonia has postponed its duties on Sylvanian wool until July 1,",
    );
    expect(r.out).toMatch(
      /Replaces wool-duties \(The Freedonia Ledger, March 12, 2031; claims\/freedonia\.yml:3\): Freedonia's second round of duties, on Sylvanian wool, takes effect April 2, 2031/,
    );
    expect(r.out).toContain("[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit?");
  });

  it("accepts a claim: moves it into claims/<source-id>.yml with who verified it and when, and the bot answers from it", async () => {
    const before = read("claims/freedonia.yml");
    const r = await review(["a", "q"]);
    expect(r.out).toContain(`Accepted ${START}, verified by Margaret Dumont on 2031-03-21`);
    expect(ids(ACCEPTED)).toEqual([START]);
    expect(ids(DRAFTS)).not.toContain(START);
    const accepted = parse(read(ACCEPTED)).claims[0];
    expect(accepted).toMatchObject({
      attribute: "start",
      verified_by: "Margaret Dumont",
      verified_on: "2031-03-21",
    });
    // The rule sees the replacement by itself: no supersedes needed, and the old claim is untouched.
    expect(accepted.supersedes).toBeUndefined();
    expect(read("claims/freedonia.yml")).toBe(before);
    folderIsValid();
    const answer = createCore(loadKnowledge(kb.dir)).answer(
      "when do the wool duties take effect",
      new Date(NOW),
    );
    expect(answer.text).toContain("July 1, 2031");
    expect(answer.factIds[0]).toBe(START);
    expect(answer.text).toMatch(/It replaces April 2, 2031, from the March 12, 2031 report\./);
  });

  it("rejects a draft: it leaves the drafts and goes nowhere else", async () => {
    const r = await review(["s", "r", "q"]);
    expect(r.out).toContain(
      "Rejected sylvania-herald-postponed-said-1, removed from the drafts: drafts/sylvania-herald-postponed.yml",
    );
    expect(ids(DRAFTS)).toEqual([
      START,
      "sylvania-herald-postponed-amount-1",
      "sylvania-herald-postponed-said-2",
    ]);
    expect(() => read(ACCEPTED)).toThrow();
    folderIsValid();
  });

  it("refuses an edit with a bad value, showing file:line, and loses nothing: the edit can be made again", async () => {
    const draftsBefore = read(DRAFTS);
    const r = await review(["e", "q"], { edits: [[["date: 2031-07-01", "date: 2031-02-30"]]] });
    const kept = /Your edit is kept in (\S+); the draft is as it was\./.exec(r.out)?.[1] ?? "";
    expect(kept).toMatch(/sylvania-herald-postponed-start-1\.yml$/);
    const badLine = readFileSync(kept, "utf8").split("\n").indexOf("  date: 2031-02-30") + 1;
    expect(badLine).toBeGreaterThan(1);
    expect(r.out).toContain(`${kept}:${badLine}: value.date: is not a real calendar date`);
    expect(r.out).toContain("[e]dit again, [d]rop your edit");
    // Nothing written to the knowledge; the curator's edit is still there to finish.
    expect(read(DRAFTS)).toBe(draftsBefore);
    folderIsValid();
    rmSync(dirname(kept), { recursive: true, force: true });
  });

  it("takes an edit made again after a refusal, then accepts the edited claim", async () => {
    const r = await review(["e", "e", "a", "q"], {
      edits: [
        [["date: 2031-07-01", "date: 2031-02-30"]],
        [
          ["date: 2031-02-30", "date: 2031-07-02"],
          ["label: July 1", "label: July 2"],
        ],
      ],
    });
    expect(r.out).toContain("value.date: is not a real calendar date");
    expect(r.out).toContain(`Saved your edit in ${DRAFTS}.`);
    expect(r.out).toContain("Value: July 2, 2031");
    expect(parse(read(ACCEPTED)).claims[0].value).toEqual({
      date: "2031-07-02",
      precision: "day",
      label: "July 2",
    });
    folderIsValid();
  });

  it("accepts the proposed concept a claim needs with it, into concepts/<source-id>.yml", async () => {
    const r = await review(["s", "s", "s", "a", "y", "q"]);
    expect(r.out).toContain("Proposed concept ilona-brasch");
    expect(r.out).toContain("sylvania-herald-postponed-said-2 needs this proposed concept.");
    expect(ids("concepts/sylvania-herald-postponed.yml", "concepts")).toEqual(["ilona-brasch"]);
    expect(ids(ACCEPTED)).toEqual(["sylvania-herald-postponed-said-2"]);
    expect(ids(DRAFTS, "concepts")).toEqual([]);
    folderIsValid();
  });

  it("merges a claim into the one it confirms: the newer report stands with the older one's headline", async () => {
    const r = await review(["s", "s", "m", "q"]);
    expect(r.out).toMatch(
      /Confirms cheese-tariff \(The Freedonia Ledger, March 12, 2031; claims\/freedonia\.yml:\d+\)/,
    );
    expect(r.out).toContain("now stands for cheese-tariff, which it confirms");
    const merged = parse(read(ACCEPTED)).claims[0];
    expect(merged).toMatchObject({ id: "sylvania-herald-postponed-amount-1", headline: true });
    expect(merged.about).toEqual(["sylvanian-cheese-tariff", "freedonia", "sylvania"]);
    folderIsValid();
    const status = createCore(loadKnowledge(kb.dir)).status(new Date(NOW));
    expect(JSON.stringify(status)).toContain("The 35% tariff on Sylvanian cheese remains in place.");
  });

  it("lists the drafts with what each changes, and accepts them all at once with --accept-all", async () => {
    const listed = await review([], { args: ["--list"] });
    expect(listed.out.split("\n")).toEqual([
      `${DRAFTS}:10  concept ilona-brasch: Ilona Brasch (person)`,
      `${DRAFTS}:19  claim ${START}: start of Freedonian duties on Sylvanian wool = July 1, 2031 (replaces wool-duties)`,
      `${DRAFTS}:33  claim sylvania-herald-postponed-said-1: said of Rufus T. Firefly = We have made real progress, and a deadline should not spoil it`,
      `${DRAFTS}:44  claim sylvania-herald-postponed-amount-1: amount of Freedonian tariff on Sylvanian cheese = 35% (confirms cheese-tariff)`,
      `${DRAFTS}:55  claim sylvania-herald-postponed-said-2: said of Ilona Brasch (proposed) = her country welcomed the delay`,
    ]);
    const all = await review([], { args: ["--accept-all"] });
    expect(all.code).toBe(0);
    expect(all.out).toContain("All drafts accepted.");
    expect(ids(ACCEPTED)).toHaveLength(4);
    expect(() => read(DRAFTS)).toThrow();
    folderIsValid();
  });
});

describe("merging where the rule alone would keep both", () => {
  it("adds supersedes, so a repeated quote stands once, citing the newer article", async () => {
    const { writeFileSync: write } = await import("node:fs");
    write(
      join(kb.dir, DRAFTS),
      `claims:
  - id: not-rushed-again
    about: [rufus-t-firefly, fredonville-round]
    attribute: said
    value:
      text: We will not be rushed into a bad bargain
    speaker: rufus-t-firefly
    answer: Firefly said again that Freedonia would not be rushed into a bad bargain.
    snippet: We have made real progress, and a deadline should not spoil it
    source: sylvania-herald-postponed
`,
    );
    const r = await review(["m", "q"]);
    expect(r.out).toContain("Confirms firefly-not-rushed");
    expect(r.out).toContain("marked with supersedes, as both would stand otherwise");
    expect(parse(read(ACCEPTED)).claims[0].supersedes).toEqual(["firefly-not-rushed"]);
    folderIsValid();
  });
});
