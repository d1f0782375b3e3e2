import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createCore } from "../../src/answer/core.js";
import { createCoreInSteps } from "../../src/answer/core-steps.js";
import { runCli } from "../../src/cli/run.js";
import { KnowledgeHolder } from "../../src/knowledge/holder.js";
import { type Claim, loadKnowledge } from "../../src/knowledge/index.js";
import { type KnowledgeWatcher, type ReloadResult, watchKnowledge } from "../../src/knowledge/watch.js";
import { capturedLog, edit, eventually, tempKnowledge } from "./support.js";

const now = new Date("2031-03-13T12:00:00Z");
const question = "when do the wool duties take effect";
const oldDate = "April 2, 2031";

let kb: ReturnType<typeof tempKnowledge>;
let holder: KnowledgeHolder;
let watcher: KnowledgeWatcher;
let log: ReturnType<typeof capturedLog>;
let rejected: string[][];
let reloads: ReloadResult[];
let claimsFile: string;

beforeEach(() => {
  kb = tempKnowledge("test/fixtures/fictional-kb");
  claimsFile = join(kb.dir, "claims", "freedonia.yml");
  holder = new KnowledgeHolder(loadKnowledge(kb.dir), createCore);
  log = capturedLog();
  rejected = [];
  reloads = [];
  watcher = watchKnowledge({
    dir: kb.dir,
    holder,
    log: log.log,
    onRejected: (problems) => {
      rejected.push(problems);
    },
    onReload: (r) => reloads.push(r),
  });
});

afterEach(() => {
  watcher.close();
  kb.remove();
});

const answerText = () => holder.answer(question, now).text;

describe("hot reload of the knowledge folder under a running app", () => {
  it("serves an edited answer within seconds, without a restart", async () => {
    const before = holder.kbVersion();
    expect(answerText()).toContain(oldDate);
    edit(
      claimsFile,
      "takes effect April 2, 2031 unless",
      "takes effect on the morning of April 2, 2031 unless",
    );
    const text = await eventually(answerText, (t) => t.includes("on the morning of April 2, 2031"));
    expect(text).toContain("on the morning of");
    expect(holder.kbVersion()).not.toBe(before);
    expect(log.lines.join("\n")).toMatch(/knowledge reloaded: version \w+ \(was \w+\)/);
    expect(rejected).toEqual([]);
  });

  it("refuses invalid YAML, keeps answering from the last good knowledge, and picks up the fix", async () => {
    const version = holder.kbVersion();
    const good = readFileSync(claimsFile, "utf8");
    writeFileSync(
      claimsFile,
      good.replace("  - id: cheese-tariff", "  - id: cheese-tariff\n   attribute: [unclosed"),
    );
    const problems = await eventually(
      () => rejected.at(-1) ?? [],
      (p) => p.length > 0,
    );
    expect(problems.join("\n")).toMatch(/^claims\/freedonia\.yml:\d+: yaml: not valid YAML/m);
    expect(holder.kbVersion()).toBe(version);
    expect(answerText()).toContain(oldDate);
    expect(log.lines.join("\n")).toMatch(
      /WARN knowledge change refused; still answering from version \w+\. Fix these and save again:\nclaims\/freedonia\.yml:\d+: yaml:/,
    );

    writeFileSync(claimsFile, good.replace("takes effect April 2, 2031", "takes effect April 3, 2031"));
    await eventually(answerText, (t) => t.includes("April 3, 2031"));
    expect(holder.kbVersion()).not.toBe(version);
  });

  it("refuses a claim whose snippet is not in its source, naming the file and line", async () => {
    edit(
      claimsFile,
      'snippet: "the 35% tariff on Sylvanian cheese"',
      'snippet: "the 40% tariff on Sylvanian cheese"',
    );
    edit(claimsFile, "Freedonia charges a 35% tariff", "Freedonia charges a 40% tariff");
    const problems = await eventually(
      () => rejected.at(-1) ?? [],
      (p) => p.length > 0,
    );
    const line =
      readFileSync(claimsFile, "utf8")
        .split("\n")
        .indexOf('    snippet: "the 40% tariff on Sylvanian cheese"') + 1;
    expect(problems).toEqual([
      `claims/freedonia.yml:${line}: snippet: not found word for word in the text of source freedonia-ledger-talks; copy it exactly from the .txt file`,
    ]);
    expect(holder.answer("how high is the cheese tariff", now).text).toContain("35%");

    edit(
      claimsFile,
      'snippet: "the 40% tariff on Sylvanian cheese"',
      'snippet: "the 35% tariff on Sylvanian cheese"',
    );
    edit(claimsFile, "Freedonia charges a 40% tariff", "Freedonia charges a 35% tariff, its highest,");
    await eventually(
      () => holder.answer("how high is the cheese tariff", now).text,
      (t) => t.includes("its highest"),
    );
  });

  it("reports the same refused change to the admin hook once, however often it is saved", async () => {
    edit(claimsFile, "attribute: amount", "attribute: statistic");
    await eventually(
      () => rejected.length,
      (n) => n === 1,
    );
    const refusals = () => reloads.filter((r) => r.outcome === "rejected").length;
    edit(claimsFile, "label: Freedonian tariff on Sylvanian cheese", "label: Freedonian cheese tariff");
    await eventually(refusals, (n) => n >= 2);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.join("\n")).toMatch(/claims\/freedonia\.yml:\d+: attribute:/);
  });

  it("never lets a draft with a problem stop a reload, and logs the draft's problem", async () => {
    mkdirSync(join(kb.dir, "drafts"), { recursive: true });
    writeFileSync(
      join(kb.dir, "drafts", "later.yml"),
      "claims:\n  - id: wool-draft\n    about: [no-such-concept]\n    attribute: description\n    value: { text: wool }\n    answer: Wool.\n    snippet: the 35% tariff on Sylvanian cheese\n    source: freedonia-ledger-talks\n",
    );
    edit(claimsFile, "takes effect April 2, 2031 unless", "takes effect on April 2, 2031 unless");
    await eventually(answerText, (t) => t.includes("takes effect on April 2, 2031"));
    expect(rejected).toEqual([]);
    expect(holder.snapshot().kb.drafts.claims).toEqual([]);
    expect(log.lines.join("\n")).toMatch(
      /drafts with problems, left out of the drafts \(never served anyway\):\ndrafts\/later\.yml:3: about\[0\]: no concept with id no-such-concept/,
    );
  });

  it("still picks up an edit by polling when the file system sends no change events", async () => {
    watcher.close();
    watcher = watchKnowledge({ dir: kb.dir, holder, log: log.log, nativeEvents: false, pollMs: 50 });
    edit(claimsFile, "takes effect April 2, 2031 unless", "takes effect at dawn on April 2, 2031 unless");
    await eventually(answerText, (t) => t.includes("at dawn on April 2, 2031"));
  });

  it("does not swap when a save changes nothing the loader reads", () => {
    const before = holder.snapshot();
    writeFileSync(join(kb.dir, "claims", "notes.txt"), "a curator's scratch file");
    expect(watcher.reload()).toEqual({ outcome: "unchanged", version: before.kb.version });
    expect(holder.snapshot()).toBe(before);
  });

  it("lets a curator add an article, accept a drafted claim and see the bot answer from it", async () => {
    const io = { out: () => {}, err: () => {}, stdin: new PassThrough(), env: { KNOWLEDGE_DIR: kb.dir } };
    const code = await runCli(
      [
        "kb",
        "add-source",
        "test/fixtures/fictional-kb-update/sources/sylvania-herald-postponed.txt",
        "--title",
        "Freedonia Postpones Wool Duties as Talks Make Progress",
        "--publisher",
        "The Sylvania Herald",
        "--published",
        "2031-03-20",
        "--id",
        "herald-postponed",
      ],
      io,
    );
    expect(code).toBe(0);
    const question = "what did firefly say about progress";
    const isProgress = (c: Claim) => c.attribute === "said" && c.snippet.includes("real progress");
    // The drafts are loaded but not served.
    await eventually(
      () => holder.snapshot().kb.drafts.claims.length,
      (n) => n > 0,
    );
    const drafted = holder.snapshot().kb.drafts.claims.find(isProgress);
    expect(drafted).toMatchObject({ speaker: "rufus-t-firefly", quote: true });
    expect(holder.answer(question, now).factIds).not.toContain(drafted?.id);

    // Accepting a draft: move it from drafts/ into claims/.
    const draftsFile = join(kb.dir, "drafts", "herald-postponed.yml");
    const drafts = parse(readFileSync(draftsFile, "utf8")) as { concepts: unknown[]; claims: Claim[] };
    writeFileSync(
      join(kb.dir, "claims", "herald-postponed.yml"),
      stringify({ claims: drafts.claims.filter(isProgress) }),
    );
    writeFileSync(draftsFile, stringify({ ...drafts, claims: drafts.claims.filter((c) => !isProgress(c)) }));
    const answer = await eventually(
      () => holder.answer(question, now),
      (a) => a.factIds.includes(drafted?.id ?? ""),
    );
    expect(answer.text).toContain("We have made real progress, and a deadline should not spoil it");
    expect(answer.citations[0]?.publisher).toBe("The Sylvania Herald");
    expect(holder.snapshot().kb.drafts.claims.some(isProgress)).toBe(false);
  });
});

describe("the knowledge holder", () => {
  it("lets a request that took a snapshot finish on it while a swap makes the new knowledge current", () => {
    const inFlight = holder.snapshot();
    const updated = tempKnowledge("test/fixtures/fictional-kb");
    try {
      cpSync("test/fixtures/fictional-kb-update", updated.dir, { recursive: true });
      holder.swap(loadKnowledge(updated.dir));
    } finally {
      updated.remove();
    }
    expect(inFlight.core.answer(question, now).text).toContain(oldDate);
    expect(inFlight.core.kbVersion()).toBe(inFlight.kb.version);
    expect(holder.answer(question, now).text).toContain("July 1, 2031");
    expect(holder.kbVersion()).toBe(holder.snapshot().kb.version);
    expect(holder.kbVersion()).not.toBe(inFlight.kb.version);
  });

  it("tells swap listeners the new and previous snapshots", () => {
    const seen: string[] = [];
    const stop = holder.onSwap((next, previous) => seen.push(`${previous.kb.version}→${next.kb.version}`));
    const first = holder.kbVersion();
    holder.swap(holder.snapshot().kb);
    stop();
    holder.swap(holder.snapshot().kb);
    expect(seen).toEqual([`${first}→${first}`]);
  });

  it("builds a reload's core in steps from the one it replaces, answering as a core built afresh", async () => {
    const handed: unknown[] = [];
    const stepped = new KnowledgeHolder(loadKnowledge(kb.dir), createCore, (next, slice, previous) => {
      handed.push(previous);
      return createCoreInSteps(next, slice, previous);
    });
    const before = stepped.snapshot().core;
    edit(claimsFile, oldDate, "April 9, 2031");
    const edited = loadKnowledge(kb.dir);
    await stepped.swapInSteps(edited);
    expect(handed).toEqual([before]);
    const fresh = createCore(edited);
    for (const q of [question, "who chairs the wool board", "what did the minister say about cheese"])
      expect(stepped.answer(q, now)).toEqual(fresh.answer(q, now));
  });
});
