/**
 * Two instances behind a load balancer, as deployed: main.ts twice, in child processes, in HTTP
 * mode, sharing one real PostgreSQL database (DATABASE_URL), with a round-robin proxy in front
 * and the Web API at the fake Slack. Signed events are spread over both, each followed by Slack's
 * re-delivery of it (same event_id, X-Slack-Retry-Num), which the proxy sends to the other
 * instance, at the same moment: every question is answered once. Channels whose briefing is due
 * get it once, though both schedulers tick at start.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/store/postgres.js";
import { FakeSlack } from "../support/fake-slack.js";
import { type Instance, type RoundRobin, startInstance, startProxy, until } from "../support/instances.js";
import { appMention } from "../support/payloads.js";
import { TEST_SIGNING_SECRET } from "../support/slack-app.js";
import { sendEvent } from "../support/slack-requests.js";
import { createTestDatabase, storeBackends } from "../support/store-backends.js";

const onPostgres = storeBackends().some((b) => b.kind === "postgres");
const BRIEFED = ["CBRIEF1", "CBRIEF2", "CBRIEF3"];

let slack: FakeSlack | undefined;
let drop: (() => Promise<void>) | undefined;
const instances: Instance[] = [];
let proxy: RoundRobin | undefined;
let proxyUrl = "";
// The instances' working folder: empty, so no .env of the developer's is read.
const cwd = mkdtempSync(join(tmpdir(), "tradebot-two-"));

describe.runIf(onPostgres)("two instances sharing one PostgreSQL", () => {
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    // Three channels whose briefing came round two minutes ago (UTC), subscribed ten minutes ago.
    const now = Date.now();
    const slot = new Date(now - 2 * 60_000).toISOString().slice(11, 16);
    const seed = await openPostgresStore(db.url, { waitForMs: 0 });
    for (const channelId of BRIEFED) {
      await seed.upsertSubscription(
        {
          channelId,
          time: slot,
          timeZone: "UTC",
          weekdaysOnly: false,
          quietWhenUnchanged: false,
          createdBy: "U1",
        },
        new Date(now - 10 * 60_000),
      );
    }
    await seed.close();
    slack = await FakeSlack.start();
    const fake = slack;
    instances.push(
      ...(await Promise.all(
        ["one", "two"].map((name) => startInstance({ databaseUrl: db.url, name, apiUrl: fake.apiUrl, cwd })),
      )),
    );
    proxy = await startProxy(instances.map((i) => i.port));
    proxyUrl = proxy.url;
  }, 60_000);

  afterAll(async () => {
    for (const i of instances) if (i.child.exitCode === null) i.child.kill("SIGKILL");
    await proxy?.close();
    await slack?.close();
    await drop?.();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("answers every question once, Slack's re-deliveries to the other instance included", async () => {
    const fake = slack as FakeSlack;
    const target = { url: proxyUrl, signingSecret: TEST_SIGNING_SECRET };
    const retry = { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" };
    const questions = Array.from({ length: 8 }, (_, i) => ({
      id: `EvTwo${i}`,
      ts: `1729850000.${String(100 + i).padStart(6, "0")}`,
    }));
    for (const q of questions) {
      const event = appMention(q.id, { text: "<@UBOT0001> when does the truce expire?", ts: q.ts });
      // Consecutive requests go to alternate instances: the original to one, the re-delivery to the other, at once.
      const replies = await Promise.all([
        sendEvent(target, event),
        sendEvent({ ...target, extraHeaders: retry }, event),
      ]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
    }
    const answers = () =>
      fake.callsTo("chat.postMessage").filter((c) => questions.some((q) => q.ts === c.args.thread_ts));
    await until(() => answers().length >= questions.length, "an answer to every question");
    // Time for a second answer to arrive, were there one.
    await new Promise((r) => setTimeout(r, 1500));
    const threads = answers().map((c) => c.args.thread_ts);
    expect(threads.sort()).toEqual(questions.map((q) => q.ts).sort());
    expect(answers().every((c) => /November 2025/.test(String(c.args.text)))).toBe(true);
    const ignored = instances.map((i) => (i.log().match(/ignoring re-delivered event EvTwo/g) ?? []).length);
    expect(ignored.reduce((a, b) => a + b, 0)).toBe(questions.length);
    expect(proxy?.forwarded[0]).toBeGreaterThanOrEqual(questions.length);
    expect(proxy?.forwarded[1]).toBeGreaterThanOrEqual(questions.length);
  }, 60_000);

  it("posts each due briefing once, though both schedulers look at it", async () => {
    const fake = slack as FakeSlack;
    const briefings = () =>
      fake.callsTo("chat.postMessage").filter((c) => BRIEFED.includes(String(c.args.channel)));
    await until(() => briefings().length >= BRIEFED.length, "the three briefings");
    await new Promise((r) => setTimeout(r, 2500));
    expect(
      briefings()
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(BRIEFED);
    for (const i of instances)
      expect(i.log()).toMatch(/store: PostgreSQL at postgres:\/\/tradebot@127\.0\.0\.1:\d+\/t_/);
  }, 60_000);
});
