/**
 * The local chat: typed lines go through the same Bolt app and listeners as Slack messages, and
 * the replies print from the same blocks. Driven through piped input, in-process with a pinned
 * clock, and as `npm start` would run it (a child process reading stdin).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/log.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { runLocalChat } from "../../src/slack/local/chat.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

const root = join(import.meta.dirname, "../..");
const NOW = new Date("2025-10-25T12:00:00Z");
const core = createCore(loadKnowledge(join(root, "test/fixtures/seed-kb")));
let store: Store;

beforeAll(() => {
  store = openStore(":memory:");
});
afterAll(() => store.close());

/** Runs the chat over `lines` and returns everything it printed. */
async function chat(lines: string[]): Promise<string> {
  const deps = {
    core,
    store,
    logger: silentLogger,
    now: () => NOW,
    config: loadConfig({}),
  } as SlackDeps;
  const output = new PassThrough();
  let printed = "";
  output.on("data", (c: Buffer) => {
    printed += c.toString("utf8");
  });
  await runLocalChat({ deps, input: Readable.from(lines.map((l) => `${l}\n`)), output, interactive: false });
  return printed;
}

describe("the local chat, in-process", () => {
  it("answers each piped line in order with the quoted source, then returns at the end of input", async () => {
    const q1 = "when does the truce expire?";
    const q2 = "what tariffs did the truce pause?";
    const out = await chat([q1, q2]);
    const a1 = core.answer(q1, NOW);
    const a2 = core.answer(q2, NOW);
    const i1 = out.indexOf(`you> ${q1}`);
    const i2 = out.indexOf(`you> ${q2}`);
    expect(i1).toBeGreaterThanOrEqual(0);
    expect(i2).toBeGreaterThan(i1);
    expect(out.indexOf(a1.text.slice(0, 60))).toBeGreaterThan(i1);
    expect(out.indexOf(a1.text.slice(0, 60))).toBeLessThan(i2);
    expect(out.indexOf(a2.text.slice(0, 60))).toBeGreaterThan(i2);
    expect(out).toContain(`│ ${a1.citations[0]?.snippet}`);
    expect(out).toContain("Oct. 17, 2025 (8 days old)");
    expect(out).toMatch(/\[1\] Helpful {3}\[2\] Not helpful/);
  });

  it("runs /tradetalks subcommands and shows their ephemeral replies", async () => {
    const out = await chat(["/tradetalks", "/tradetalks help", "/tradetalks timeline"]);
    expect(out).toContain("tradebot (only visible to you):");
    expect(out).toContain("US–China trade talks: where things stand");
    expect(out).toContain("/tradetalks ask <question>: Ask a question");
    expect(out).toContain("US–China trade talks: timeline");
    expect(out).toMatch(/Truce expiry/);
  });

  it("clicks a 'did you mean' button by its number and answers that entry", async () => {
    const out = await chat(["how are banana exports from Peru doing?", "1"]);
    const offered = core.answer("how are banana exports from Peru doing?", NOW);
    const first = offered.suggestions[0];
    expect(first).toBeDefined();
    expect(out).toContain(`[1] ${first?.question}`);
    expect(out).toContain(`You asked: “${first?.question}”`);
    expect(out).toContain(core.answerEntry(first?.entryId ?? "", NOW)?.text.slice(0, 60));
  });

  it("records feedback clicked by number, and shares an answer to the channel", async () => {
    const before = (await store.listFeedback()).length;
    const out = await chat([
      "/tradetalks ask when does the truce expire?",
      "2",
      "/tradetalks ask when does the truce expire?",
      "3",
    ]);
    expect(out).toContain("Thanks for saying so.");
    expect(await store.listFeedback()).toHaveLength(before + 1);
    expect((await store.listFeedback())[0]).toMatchObject({
      helpful: false,
      question: "when does the truce expire?",
    });
    expect(out).toContain("tradebot (shared in the channel):");
    expect(out).toContain("@you asked: “when does the truce expire?”");
  });

  it("opens the Home tab with /home and refuses other slash commands politely", async () => {
    const out = await chat(["/home", "/giphy cats"]);
    expect(out).toContain("tradebot Home tab:");
    expect(out).toContain("Coming up");
    expect(out).toContain("Only /tradetalks, /help, /home, /thread, /dm and /quit work here.");
  });

  it("says a number matches no button of the last reply instead of asking it, and records nothing", async () => {
    const before = (await store.listUnanswered()).length;
    const out = await chat(["when does the truce expire?", "9", "-1", "/tradetalks help", "2"]);
    expect(out).toContain("There is no button 9 on the last reply.");
    expect(out).toContain("There is no button -1 on the last reply.");
    expect(out).toContain("There is no button 2 on the last reply.");
    expect(await store.listUnanswered()).toHaveLength(before);
  });

  it("takes /help as /tradetalks help, and the command in any case", async () => {
    const out = await chat(["/help", "/TRADETALKS status"]);
    expect(out).toContain("/tradetalks ask <question>: Ask a question");
    expect(out).toContain("US–China trade talks: where things stand");
    expect(out).not.toContain("Only /tradetalks");
  });

  it("offers a don't-know's suggestions under one heading", async () => {
    const out = await chat(["how are banana exports from Peru doing?"]);
    expect(out.match(/You could ask:/g)).toHaveLength(1);
    expect(out).not.toMatch(/Did you mean|Related questions/);
  });
});

describe("npm start without Slack credentials", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tradebot-local-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads questions from piped stdin, prints the answers and exits 0", async () => {
    const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
    const child = spawn(process.execPath, ["--import", tsx, join(root, "src/main.ts")], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: "",
        SLACK_APP_TOKEN: "",
        SLACK_SIGNING_SECRET: "",
        KNOWLEDGE_DIR: join(root, "test/fixtures/seed-kb"),
        DATABASE_PATH: join(dir, "tradebot.db"),
        LOG_LEVEL: "warn",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString("utf8");
    });
    child.stdin.end("when does the truce expire?\n/tradetalks status\n");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err, err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("you> when does the truce expire?");
    const snippet = core.answer("when does the truce expire?", new Date()).citations[0]?.snippet;
    expect(out).toContain(`│ ${snippet}`);
    expect(out).toContain("US–China trade talks: where things stand");
  });
});
