/**
 * The app over HTTP while its PostgreSQL server goes down and comes back (a real server this file
 * stops and starts). A question that arrives while the event cannot be claimed is not answered —
 * the operator reads why, in one line naming the database with no password, and the user is sent
 * no error — and Slack's re-delivery of it, once the database is back, is answered exactly once.
 * A button click that needs the database is told, in a sentence, that it cannot be reached.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/store/postgres.js";
import { FakeSlack } from "../support/fake-slack.js";
import { appMention, buttonClick } from "../support/payloads.js";
import { type PostgresServer, startPostgresServer } from "../support/postgres-server.js";
import { startTestSlackApp, type TestSlackApp } from "../support/slack-app.js";
import { sendEvent, sendInteraction } from "../support/slack-requests.js";
import { postgresServerUrl, storeBackends } from "../support/store-backends.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const onPostgres = storeBackends().some((b) => b.kind === "postgres");
let server: PostgresServer | undefined;
let slack: FakeSlack | undefined;
let app: TestSlackApp | undefined;

describe.runIf(onPostgres)("a PostgreSQL server that goes down under the running app", () => {
  beforeAll(async () => {
    postgresServerUrl(); // fails with the reason when PostgreSQL cannot be started here
    server = await startPostgresServer();
    slack = await FakeSlack.start();
    const url = server.url;
    app = await startTestSlackApp(slack, {
      now: NOW,
      openStore: (logger) =>
        openPostgresStore(url, {
          waitForMs: 0,
          logger,
          retry: { attempts: 3, delayMs: 50, maxDelayMs: 100 },
        }),
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await slack?.close();
    server?.stop();
  });

  it("does not answer while the event cannot be claimed, says why, and answers Slack's re-delivery once when it is back", async () => {
    const [a, fake, db] = [app as TestSlackApp, slack as FakeSlack, server as PostgresServer];
    const ask = (id: string, ts: string) =>
      appMention(id, { text: "<@UBOT0001> when does the truce expire?", ts });
    const answersTo = (ts: string) => fake.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === ts);

    expect((await sendEvent(a.target, ask("EvUp1", "1729850000.000001"))).status).toBe(200);
    await fake.waitForCalls("chat.postMessage", 1);

    db.halt();
    expect((await sendEvent(a.target, ask("EvDown1", "1729850000.000002"))).status).toBe(200);
    const line = await a.log.waitFor(/not answering event EvDown1 now/);
    expect(line.level).toBe("error");
    expect(line.text).toMatch(
      new RegExp(
        `The PostgreSQL database at postgres://tradebot@127\\.0\\.0\\.1:${db.port}/postgres cannot be reached`,
      ),
    );
    expect(answersTo("1729850000.000002")).toHaveLength(0);
    expect(fake.responses).toHaveLength(0);

    db.resume();
    const redelivery = ask("EvDown1", "1729850000.000002");
    const retry = { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" };
    expect((await sendEvent({ ...a.target, extraHeaders: retry }, redelivery)).status).toBe(200);
    expect(
      (await sendEvent({ ...a.target, extraHeaders: { ...retry, "X-Slack-Retry-Num": "2" } }, redelivery))
        .status,
    ).toBe(200);
    await a.log.waitFor(/ignoring re-delivered event EvDown1 \(retry [12]\)/);
    await new Promise((r) => setTimeout(r, 500));
    expect(answersTo("1729850000.000002")).toHaveLength(1);
    expect(a.log.text()).toMatch(/The PostgreSQL database at .* is reachable again/);
  }, 60_000);

  it("tells a user whose click needs the database that it cannot be reached, and the log says which", async () => {
    const [a, fake, db] = [app as TestSlackApp, slack as FakeSlack, server as PostgresServer];
    fake.reset();
    db.halt();
    try {
      const value = JSON.stringify({ q: "when does the truce expire?", e: ["truce-expiry"], v: "x" });
      const click = buttonClick(
        { action_id: "tradetalks_helpful", value },
        { responseUrl: fake.responseUrl(), ephemeral: true },
      );
      expect((await sendInteraction(a.target, click)).status).toBe(200);
      const [sorry] = await fake.waitForResponses(1);
      expect(sorry?.body).toMatchObject({
        response_type: "ephemeral",
        text: "Sorry, I can't reach my database right now, so I couldn't do that. Please try again in a few minutes.",
      });
      const logged = await a.log.waitFor(/error while handling block_actions: The PostgreSQL database at/);
      expect(logged.level).toBe("error");
      expect(logged.text).not.toMatch(/\n\s+at /);
    } finally {
      db.resume();
    }
  }, 60_000);
});
