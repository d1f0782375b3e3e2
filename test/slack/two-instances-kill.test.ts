/**
 * Two instances on one PostgreSQL behind the round-robin proxy (test/support/instances.ts), and one
 * of them killed with SIGKILL in the middle of a briefing round: after it posted a briefing, while
 * its next post is on the wire (the fake Slack holds that request unanswered, so the ledger row is
 * `sending`). The other instance posts the rest; no channel gets two briefings; the held slot is
 * not re-sent (at-most-once, docs/briefing.md "Exactly once") and, once its claim is older than the
 * stale limit, the instance that finds it logs it as maybe not posted. Questions sent while one
 * instance is dead are all answered, by the other. A knowledge edit (hot reload on, in a copy of the
 * seed knowledge) is then served by both, the restarted one included.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/store/postgres.js";
import { FakeSlack, type SlackCall } from "../support/fake-slack.js";
import {
  type Instance,
  killHard,
  type RoundRobin,
  SEED_KB,
  startInstance,
  startProxy,
  until,
} from "../support/instances.js";
import { appMention } from "../support/payloads.js";
import { TEST_SIGNING_SECRET } from "../support/slack-app.js";
import { sendEvent } from "../support/slack-requests.js";
import { createTestDatabase, storeBackends } from "../support/store-backends.js";

const onPostgres = storeBackends().some((b) => b.kind === "postgres");
const BRIEFED = Array.from({ length: 8 }, (_, i) => `CKILL${i + 1}`);
const isBriefing = (c: SlackCall) => BRIEFED.includes(String(c.args.channel));

let slack: FakeSlack | undefined;
let db: { url: string; drop: () => Promise<void> } | undefined;
const instances: Instance[] = [];
let proxy: RoundRobin | undefined;
let slotDate = "";
const cwd = mkdtempSync(join(tmpdir(), "tradebot-kill-"));
const kb = join(cwd, "knowledge");

describe.runIf(onPostgres)("two instances, one killed with SIGKILL mid-round", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    cpSync(SEED_KB, kb, { recursive: true });
    // Eight channels whose briefing came round two minutes ago (UTC), subscribed ten minutes ago.
    const now = Date.now();
    const slotAt = new Date(now - 2 * 60_000);
    slotDate = slotAt.toISOString().slice(0, 10);
    const seed = await openPostgresStore(db.url, { waitForMs: 0 });
    for (const channelId of BRIEFED) {
      await seed.upsertSubscription(
        {
          channelId,
          time: slotAt.toISOString().slice(11, 16),
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
    // Instance one's second briefing post is received and never answered: it is on the wire when one dies.
    fake.holdNext(
      "chat.postMessage",
      (c) =>
        c.token === "xoxb-one" &&
        isBriefing(c) &&
        fake.delivered("chat.postMessage").filter((d) => d !== c && d.token === "xoxb-one" && isBriefing(d))
          .length >= 1,
    );
    const url = db.url;
    instances.push(
      ...(await Promise.all(
        ["one", "two"].map((name) =>
          startInstance({ databaseUrl: url, name, apiUrl: fake.apiUrl, cwd, knowledgeDir: kb, watch: true }),
        ),
      )),
    );
    proxy = await startProxy(instances.map((i) => i.port));
  }, 60_000);

  afterAll(async () => {
    for (const i of instances) await killHard(i);
    await proxy?.close();
    await slack?.close();
    await db?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("the other instance posts the rest; no briefing twice, the one on the wire not re-sent and reported", async () => {
    const fake = slack as FakeSlack;
    const [one] = instances as [Instance, Instance];
    await until(
      () => fake.callsTo("chat.postMessage").some((c) => c.error === "held"),
      "instance one's second briefing post",
    );
    const held = String(fake.callsTo("chat.postMessage").find((c) => c.error === "held")?.args.channel);
    await killHard(one);
    const postedByOne = fake
      .delivered("chat.postMessage")
      .filter((c) => c.token === "xoxb-one" && isBriefing(c));
    expect(postedByOne.length).toBeGreaterThanOrEqual(1);

    // The rest are posted by two: every channel but the held one, once.
    const delivered = () => fake.delivered("chat.postMessage").filter(isBriefing);
    await until(() => delivered().length >= BRIEFED.length - 1, "the other briefings", 30_000);
    await new Promise((r) => setTimeout(r, 2500));
    const channels = delivered().map((c) => String(c.args.channel));
    expect(channels.sort()).toEqual(BRIEFED.filter((c) => c !== held).sort());
    expect(new Set(channels).size).toBe(channels.length);
    expect(delivered().filter((c) => c.token === "xoxb-two").length).toBe(
      BRIEFED.length - 1 - postedByOne.length,
    );
    // The held post is the only request ever made for its channel.
    expect(fake.callsTo("chat.postMessage").filter((c) => c.args.channel === held)).toHaveLength(1);

    // The ledger: the held slot stays `sending`, by the dead instance; the others are posted.
    const store = await openPostgresStore((db as { url: string }).url, { waitForMs: 0 });
    try {
      for (const ch of BRIEFED) {
        const row = await store.getBriefing(ch, slotDate);
        expect(row?.state, ch).toBe(ch === held ? "sending" : "posted");
      }
    } finally {
      await store.close();
    }

    // Ten minutes on (the stale-claim limit): the claim is moved back in time rather than waited for.
    const client = new pg.Client({ connectionString: (db as { url: string }).url });
    await client.connect();
    try {
      await client.query(
        "UPDATE briefings SET claimed_at = claimed_at - interval '11 minutes' WHERE channel_id = $1",
        [held],
      );
    } finally {
      await client.end();
    }
    // One restarted: its first tick finds the stale `sending` row, reports it, and does not post it.
    const again = await startInstance({
      databaseUrl: (db as { url: string }).url,
      name: "one",
      apiUrl: fake.apiUrl,
      cwd,
      knowledgeDir: kb,
      watch: true,
    });
    instances[0] = again;
    proxy?.setPort(0, again.port);
    const warning = new RegExp(
      `briefing ${held} ${slotDate} may not have been posted: .+ stopped while sending \\(not re-sent\\)`,
    );
    await until(() => warning.test(again.log()), "the warning about the slot left sending");
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.callsTo("chat.postMessage").filter((c) => c.args.channel === held)).toHaveLength(1);
    expect(delivered()).toHaveLength(BRIEFED.length - 1);
  }, 90_000);

  it("answers every question sent while one instance is dead, through the other", async () => {
    const fake = slack as FakeSlack;
    const p = proxy as RoundRobin;
    const [one] = instances as [Instance, Instance];
    await killHard(one);
    const before = p.failedOver;
    const questions = Array.from({ length: 6 }, (_, i) => ({
      id: `EvDead${i}`,
      ts: `1729860000.${String(100 + i).padStart(6, "0")}`,
    }));
    for (const q of questions) {
      const event = appMention(q.id, { text: "<@UBOT0001> when does the truce expire?", ts: q.ts });
      const reply = await sendEvent({ url: p.url, signingSecret: TEST_SIGNING_SECRET }, event);
      expect(reply.status).toBe(200);
    }
    const answers = () =>
      fake.delivered("chat.postMessage").filter((c) => questions.some((q) => q.ts === c.args.thread_ts));
    await until(() => answers().length >= questions.length, "an answer to every question");
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      answers()
        .map((c) => c.args.thread_ts)
        .sort(),
    ).toEqual(questions.map((q) => q.ts).sort());
    expect(answers().every((c) => c.token === "xoxb-two")).toBe(true);
    // Half of them were in one's turn: the proxy passed them on.
    expect(p.failedOver - before).toBeGreaterThanOrEqual(questions.length / 2);
  }, 60_000);

  it("serves a knowledge edit from both instances", async () => {
    const fake = slack as FakeSlack;
    const p = proxy as RoundRobin;
    const db_ = db as { url: string };
    const restarted = await startInstance({
      databaseUrl: db_.url,
      name: "one",
      apiUrl: fake.apiUrl,
      cwd,
      knowledgeDir: kb,
      watch: true,
    });
    instances[0] = restarted;
    p.setPort(0, restarted.port);
    await until(() => /watching .+ for edits/.test(restarted.log()), "one watching the folder");
    const file = join(kb, "claims/tariffs-and-truce.yml");
    const text = readFileSync(file, "utf8");
    const old = "set to expire in November 2025 (no more precise date is given).";
    expect(text).toContain(old);
    writeFileSync(file, text.replace(old, "set to expire in November 2025, as the edited knowledge says."));
    for (const i of instances)
      await until(() => /knowledge reloaded: version/.test(i.log()), `${i.name} reloading`);
    const asked = instances.map((i, n) => ({ i, ts: `1729870000.${String(100 + n).padStart(6, "0")}` }));
    for (const { i, ts } of asked) {
      const event = appMention(`EvEdit${ts}`, { text: "<@UBOT0001> when does the truce expire?", ts });
      const reply = await sendEvent(
        { url: `http://127.0.0.1:${i.port}/slack/events`, signingSecret: TEST_SIGNING_SECRET },
        event,
      );
      expect(reply.status).toBe(200);
    }
    const answers = () =>
      fake.delivered("chat.postMessage").filter((c) => asked.some((a) => a.ts === c.args.thread_ts));
    await until(() => answers().length >= asked.length, "both answers");
    for (const a of answers()) expect(String(a.args.text)).toMatch(/as the edited knowledge says/);
    expect(new Set(answers().map((a) => a.token))).toEqual(new Set(["xoxb-one", "xoxb-two"]));
  }, 60_000);
});
