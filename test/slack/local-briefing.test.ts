/**
 * The daily briefing in the local chat: `/tradetalks subscribe` typed in the chat, and the Slack
 * modes' scheduler (its exactly-once ledger in real SQLite) posting the briefing into the chat at
 * that local time, on a pinned clock the test moves. Mentions and the local ids read as names.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/log.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { runLocalChat } from "../../src/slack/local/chat.js";
import { renderMessage } from "../../src/slack/local/render-text.js";
import { LOCAL_IDS } from "../../src/slack/local/requests.js";
import { localWorkspace, mentionNames } from "../../src/slack/local/workspace.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { FakeClock } from "../briefing/harness.js";

const kb = loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
const core = createCore(kb);
const BRIEFING = /US–China trade talks briefing — /g;
let dir: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tradebot-local-briefing-"));
  store = openStore(join(dir, "tradebot.db"));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A chat running on `clock` whose input the test types into, line by line. */
function openChat(clock: FakeClock, o: { store?: Store; interactive?: boolean } = {}) {
  const store = o.store ?? sharedStore();
  const deps: SlackDeps = {
    core,
    store,
    logger: silentLogger,
    now: () => clock.now(),
    config: loadConfig({}),
    briefings: { store, knowledge: () => kb },
    watches: { store, knowledge: () => kb },
  };
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (c: Buffer) => {
    printed += c.toString("utf8");
  });
  const done = runLocalChat({ deps, input, output, interactive: o.interactive ?? false, clock, tickMs: 10 });
  return {
    done,
    out: () => printed,
    type: (line: string) => input.write(`${line}\n`),
    /** Waits until the output matches `re` (the scheduler ticks every 10 ms). */
    async waitFor(pattern: RegExp, ms = 5000): Promise<string> {
      const re = new RegExp(pattern.source, pattern.flags.replace("g", ""));
      const until = Date.now() + ms;
      while (!re.test(printed)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${re}; printed:\n${printed}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return printed;
    },
    async close(): Promise<string> {
      input.end();
      await done;
      return printed;
    },
  };
}

const sharedStore = () => store;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the daily briefing in the local chat", () => {
  it("posts the briefing into the chat at the subscribed local time, once, and keeps the last reply's buttons", async () => {
    // 07:30 in London (BST) on Oct. 25, 2025.
    const clock = FakeClock.at("2025-10-25T06:30:00Z");
    const chat = openChat(clock);
    chat.type("/tradetalks subscribe 08:00 Europe/London");
    await chat.waitFor(/Next one:/);
    expect(chat.out()).toContain(
      "Subscribed your DM with tradebot to the daily briefing every day at 08:00 Europe/London.",
    );
    expect(chat.out()).toContain("Next one: Sat., Oct. 25, 2025, 08:00 Europe/London.");
    chat.type("when does the truce expire?");
    await chat.waitFor(/\[1\] Helpful {3}\[2\] Not helpful/);
    // Many ticks before 08:00 London: nothing.
    await pause(150);
    expect(chat.out().match(BRIEFING)).toBeNull();

    clock.set("2025-10-25T07:00:05Z");
    const out = await chat.waitFor(BRIEFING);
    expect(out).toMatch(/\ntradebot:\n {2}US–China trade talks briefing — Saturday, Oct\. 25, 2025\n/);

    // Later ticks inside the grace window post nothing more.
    clock.advance(30);
    await pause(150);
    // The chat printed it as the loopback took the post; the ledger records it once answered.
    expect((await store.getBriefing(LOCAL_IDS.channel, "2025-10-25"))?.state).toBe("posted");
    expect(chat.out().match(BRIEFING)).toHaveLength(1);
    // The briefing has no buttons, so a number still clicks the answer's.
    chat.type("1");
    await chat.waitFor(/Thanks/);
    const all = await chat.close();
    expect(all).not.toContain("There is no button 1");
    expect(all).not.toMatch(/LOCAL\d|<[@#]/);
  });

  it("does not post the day's briefing again when the chat restarts inside the grace window", async () => {
    const clock = FakeClock.at("2025-10-25T07:45:00Z");
    const chat = openChat(clock);
    chat.type("/tradetalks subscriptions");
    await chat.waitFor(/1 channel gets the daily briefing/);
    await pause(150);
    const out = await chat.close();
    expect(out).toContain(
      "• your DM with tradebot — daily at 08:00 Europe/London; next Sun., Oct. 26, 2025, 08:00 Europe/London",
    );
    expect(out.match(BRIEFING)).toBeNull();
  });

  it("posts a briefing due at start before the first line is answered", async () => {
    // The next day's slot, with the chat started 20 minutes after it (inside the grace window).
    const clock = FakeClock.at("2025-10-26T08:20:00Z");
    const chat = openChat(clock);
    chat.type("/tradetalks status");
    const out = await chat.close();
    const briefing = out.search(BRIEFING);
    expect(briefing).toBeGreaterThanOrEqual(0);
    expect(briefing).toBeLessThan(out.indexOf("you> /tradetalks status"));
    // The second briefing compares with the first: nothing changed in the knowledge.
    expect(out).toMatch(/No change since Oct\. 25, 2025/);
    expect((await store.getBriefing(LOCAL_IDS.channel, "2025-10-26"))?.state).toBe("posted");
  });
});

describe("npm start without Slack credentials, with a briefing due", () => {
  it("posts the briefing into the chat at start, on the real clock, through main.ts", async () => {
    const path = join(dir, "started.db");
    const now = Date.now();
    // Due five minutes ago (UTC), subscribed a day before: inside the grace window.
    const slot = new Date(now - 5 * 60_000).toISOString().slice(11, 16);
    const seeded = openStore(path);
    await seeded.upsertSubscription(
      {
        channelId: LOCAL_IDS.channel,
        time: slot,
        timeZone: "UTC",
        weekdaysOnly: false,
        quietWhenUnchanged: false,
        createdBy: LOCAL_IDS.user,
      },
      new Date(now - 24 * 3600_000),
    );
    seeded.close();
    const root = join(import.meta.dirname, "../..");
    const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
    const child = spawn(process.execPath, ["--import", tsx, join(root, "src/main.ts")], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        KNOWLEDGE_DIR: join(root, "test/fixtures/seed-kb"),
        DATABASE_PATH: path,
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
    child.stdin.end("/tradetalks subscriptions\n");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err, err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^tradebot:\n {2}US–China trade talks briefing — /);
    expect(out.match(BRIEFING)).toHaveLength(1);
    expect(out).toContain(`• your DM with tradebot — daily at ${slot} UTC; next `);
  });
});

describe("a briefing arriving in an interactive chat", () => {
  it("is printed around the prompt: the prompt line cleared, the briefing, the prompt again", async () => {
    const own = openStore(":memory:");
    await own.upsertSubscription(
      {
        channelId: LOCAL_IDS.channel,
        time: "08:00",
        timeZone: "Europe/London",
        weekdaysOnly: false,
        quietWhenUnchanged: false,
        createdBy: LOCAL_IDS.user,
      },
      new Date("2025-10-24T12:00:00Z"),
    );
    const clock = FakeClock.at("2025-10-25T06:59:00Z");
    const chat = openChat(clock, { store: own, interactive: true });
    const ESC = "\u001b";
    await chat.waitFor(/you> /);
    clock.set("2025-10-25T07:00:05Z");
    await chat.waitFor(BRIEFING);
    await pause(50);
    const out = chat.out();
    // ESC[2K clears the prompt's line and ESC[1G goes to its start; then the briefing and the prompt again.
    expect(out).toContain(
      `you> ${ESC}[6G${ESC}[2K${ESC}[1Gtradebot:\n  US–China trade talks briefing — Saturday, Oct. 25, 2025\n`,
    );
    expect(out.endsWith(`you> ${ESC}[6G`)).toBe(true);
    expect(out.lastIndexOf("you> ")).toBeGreaterThan(out.search(BRIEFING));
    await chat.close();
    own.close();
  });
});

describe("names in the local chat", () => {
  const names = mentionNames(localWorkspace(LOCAL_IDS, "ULOCALBOT1"));
  const text = (s: string) => renderMessage({ text: s }, 1, names).text;

  it("shows the local workspace's people and conversations by name, in mentions and bare", () => {
    expect(text("<@ULOCAL0001> asked <@ULOCALBOT1>")).toBe("@you asked @tradebot");
    expect(text("posted in <#CLOCAL0001|local> and <#CLOCAL0001>")).toBe("posted in #local and #local");
    expect(text("Subscribed <#DLOCAL0001> to it")).toBe("Subscribed your DM with tradebot to it");
    expect(text("briefing DLOCAL0001 2025-10-25, by ULOCAL0001")).toBe(
      "briefing your DM with tradebot 2025-10-25, by @you",
    );
  });

  it("keeps Slack's label, else the id, for anyone the local workspace does not know", () => {
    expect(text("<@U0999|bob> in <#C0999|general> and <#C0998>")).toBe("@bob in #general and #C0998");
    expect(renderMessage({ text: "<@ULOCAL0001>" }).text).toBe("@ULOCAL0001");
  });
});
