/**
 * Shared set-up for scheduler tests: a fake clock, a real store (SQLite in a temp dir, or a fresh
 * database on the test PostgreSQL server: test/support/store-backends.ts), the seed knowledge
 * (a frozen copy, test/fixtures/seed-kb) and the real core, the real Slack poster pointed at the
 * fake Slack API server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createCore } from "../../src/answer/core.js";
import { createScheduler, type SchedulerClock, type SchedulerDeps } from "../../src/briefing/scheduler.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { Logger } from "../../src/log.js";
import { createBriefingPoster } from "../../src/slack/briefing-poster.js";
import { slackBriefingComposer } from "../../src/slack/briefings.js";
import { openStore } from "../../src/store/sqlite.js";
import type { Store, SubscriptionInput } from "../../src/store/types.js";
import { FakeSlack } from "../support/fake-slack.js";
import { type StoreBackend, useFreshDatabase } from "../support/store-backends.js";

/** A clock that only moves when told to (or when something sleeps on it). */
export class FakeClock implements SchedulerClock {
  constructor(public ms: number) {}
  static at(iso: string): FakeClock {
    return new FakeClock(Date.parse(iso));
  }
  now(): Date {
    return new Date(this.ms);
  }
  sleep(ms: number): Promise<void> {
    this.ms += ms;
    return Promise.resolve();
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

/** A logger that keeps its lines, to check what was logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (msg: string) => {
    lines.push(`${level} ${msg}`);
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

const kb = loadKnowledge(join(import.meta.dirname, "../fixtures/seed-kb"));
const core = createCore(kb);

/** The seed knowledge base (test/fixtures/seed-kb) and its core, loaded once. */
export const knowledge = () => ({ kb, core });

/** A temporary folder for database files; `cleanup` removes it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "tradebot-briefing-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A subscription in `timeZone` at `time`, made at `since`. */
export async function subscribe(
  store: Store,
  channelId: string,
  time: string,
  timeZone: string,
  since: Date,
  extra: Partial<SubscriptionInput> = {},
): Promise<void> {
  await store.upsertSubscription(
    { channelId, time, timeZone, weekdaysOnly: false, quietWhenUnchanged: false, createdBy: "U1", ...extra },
    since,
  );
}

/** A scheduler over the real store, poster and composer, with the fake clock. */
export function schedulerFor(
  slack: FakeSlack,
  store: Store,
  clock: SchedulerClock,
  overrides: Partial<SchedulerDeps> = {},
) {
  const logger = memoryLogger();
  const scheduler = createScheduler({
    store,
    poster: createBriefingPoster({ botToken: "xoxb-test", apiUrl: slack.apiUrl, logger }),
    compose: slackBriefingComposer(knowledge),
    clock,
    logger,
    instanceId: "instance-a",
    graceMinutes: 120,
    ...overrides,
  });
  return { scheduler, logger };
}

/** Ticks every `stepMinutes` from the clock's time until `untilIso`. */
export async function runUntil(
  clock: FakeClock,
  untilIso: string,
  stepMinutes: number,
  tick: () => Promise<unknown>,
): Promise<void> {
  const end = Date.parse(untilIso);
  while (clock.ms < end) {
    await tick();
    clock.advance(stepMinutes);
  }
}

/**
 * Registers the hooks every scheduler test file shares: one fake Slack server for the file, reset
 * before each test, and a fresh database of `backend` (SQLite by default) whose stores are closed
 * and which is removed after it.
 */
export function useSchedulerWorld(backend: StoreBackend = { name: "SQLite", kind: "sqlite" }) {
  let slack: FakeSlack | undefined;
  const db = useFreshDatabase(backend);
  beforeAll(async () => {
    slack = await FakeSlack.start();
  });
  afterAll(async () => {
    await slack?.close();
  });
  beforeEach(() => {
    slack?.reset();
  });
  const world = {
    /** The fake Slack server (started before the first test). */
    get slack(): FakeSlack {
      if (!slack) throw new Error("the fake Slack server is not started yet");
      return slack;
    },
    /** Opens (another handle on) this test's database, closed after the test. */
    open: (): Promise<Store> => db.open(),
    /** The posts Slack accepted for `channel`. */
    postsTo: (channel: string) =>
      world.slack.delivered("chat.postMessage").filter((c) => c.args.channel === channel),
    /** Every chat.postMessage attempt for `channel`, accepted or not. */
    attemptsTo: (channel: string) =>
      world.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel),
  };
  return world;
}

export { openStore };
