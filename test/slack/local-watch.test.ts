/**
 * `/tradetalks watch` in the local chat, as `npm start` runs it: a child process over a temp copy
 * of the seed knowledge, its stdin held open. Editing the knowledge while the chat runs (the hot
 * reload) posts the watch notice into the chat, once: not again on a later reload, nor after a
 * restart on the same database.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
let dir: string;
let kbDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tradebot-local-watch-"));
  kbDir = join(dir, "knowledge");
  cpSync(join(root, "test/fixtures/seed-kb"), kbDir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm start` with no Slack variables, over the temp knowledge and database. */
function startChat() {
  const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ["--import", tsx, join(root, "src/main.ts")],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: "",
        SLACK_APP_TOKEN: "",
        SLACK_SIGNING_SECRET: "",
        KNOWLEDGE_DIR: kbDir,
        DATABASE_PATH: join(dir, "tradebot.db"),
        LOG_LEVEL: "info",
      },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  child.stderr.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  const waitFor = async (read: () => string, re: RegExp, ms: number) => {
    const until = Date.now() + ms;
    while (!re.test(read())) {
      if (Date.now() > until)
        throw new Error(`timed out waiting for ${re}\nstdout:\n${out}\nstderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    type: (line: string) => child.stdin.write(`${line}\n`),
    out: () => out,
    err: () => err,
    waitOut: (re: RegExp, ms = 15_000) => waitFor(() => out, re, ms),
    waitErr: (re: RegExp, ms = 15_000) => waitFor(() => err, re, ms),
    async end(): Promise<number | null> {
      child.stdin.end();
      return closed;
    },
  };
}

/** A new source and a claim from it, written into the temp knowledge. */
function addNews(id: string, sentence: string, claim: string[], published = "2025-11-05"): void {
  writeFileSync(join(kbDir, "sources", `${id}.txt`), `${sentence}\n`);
  writeFileSync(
    join(kbDir, "sources", `${id}.yml`),
    `id: ${id}\ntitle: "News ${id}"\npublisher: "Test Wire"\npublished: ${published}\ntext_file: ${id}.txt\n`,
  );
  writeFileSync(
    join(kbDir, "claims", `${id}.yml`),
    ["claims:", `  - id: ${id}-claim`, ...claim, `    snippet: ${sentence}`, `    source: ${id}`, ""].join(
      "\n",
    ),
  );
}

const notices = (out: string) => out.match(/Watched: the truce/g)?.length ?? 0;

describe("watches in the local chat", () => {
  it("posts the watch notice into the chat when the knowledge changes, once, and names the DM", async () => {
    const chat = startChat();
    chat.type("/tradetalks watch the truce");
    await chat.waitOut(/Watching the truce/);
    expect(chat.out()).toContain("I'll post it in your DM with tradebot, once.");
    // A started watcher has read the folder; then the truce's expiry is replaced.
    await chat.waitErr(/watching .* for edits/);
    addNews("truce-extended", "The truce will now expire on Nov. 10, 2026.", [
      "    about: [truce]",
      "    attribute: end",
      "    value:",
      "      date: 2026-11-10",
      "      precision: day",
      "    answer: The US-China tariff truce now runs until Nov. 10, 2026.",
    ]);
    await chat.waitOut(/Watched: the truce/);
    expect(chat.out()).toMatch(
      /\ntradebot:\n {2}Watched: the truce\n {2}The US-China tariff truce now runs until Nov\. 10, 2026\./,
    );
    expect(chat.out()).toContain("│ The truce will now expire on Nov. 10, 2026.");

    // Another reload, about something else: the truce's notice is not posted again.
    const reloads = chat.err().match(/knowledge reloaded/g)?.length ?? 0;
    addNews("deficit-update", "The deficit grew to $1.9 trillion.", [
      "    about: [us-deficit]",
      "    attribute: amount",
      "    value:",
      "      figure: 1.9e12",
      "      unit: USD",
      "      label: US deficit ($1.9 trillion)",
      "    answer: The US deficit grew to $1.9 trillion.",
    ]);
    await chat.waitErr(new RegExp(`(knowledge reloaded[^]*){${reloads + 1}}`));
    chat.type("/tradetalks watches");
    await chat.waitOut(/This conversation watches:/);
    expect(await chat.end()).toBe(0);
    expect(notices(chat.out())).toBe(1);
    expect(chat.out()).not.toMatch(/LOCAL\d/);
  });

  it("after a restart, posts a change made while it was down, and not the one posted before", async () => {
    addNews(
      "truce-extended-again",
      "The truce now runs to March 31, 2027.",
      [
        "    about: [truce]",
        "    attribute: end",
        "    value:",
        "      date: 2027-03-31",
        "      precision: day",
        "    answer: The US-China tariff truce now runs until March 31, 2027.",
      ],
      "2025-12-01",
    );
    const chat = startChat();
    chat.type("/tradetalks watches");
    await chat.waitOut(/1\. the truce/);
    expect(await chat.end()).toBe(0);
    // Posted by the check at start, before the first typed line is answered.
    expect(chat.out()).toMatch(
      /^tradebot:\n {2}Watched: the truce\n {2}The US-China tariff truce now runs until March 31, 2027\./,
    );
    expect(notices(chat.out())).toBe(1);
  });
});
