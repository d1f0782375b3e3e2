/**
 * Requests that are correctly signed but that Bolt alone handles badly: a body that is not an
 * object, a timestamp from the future, an action, modal or shortcut nobody listens for. Each is a
 * real signed request to the running app; the app must answer at once and keep serving.
 */
import { describe, expect, it } from "vitest";
import { appMention, buttonClick, slashCommand, viewSubmission } from "../support/payloads.js";
import { useTestSlackApp } from "../support/slack-app.js";
import { sendCommand, sendEvent, sendInteraction, sendRaw } from "../support/slack-requests.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });
let seq = 0;
const eventId = () => `EvHARD${String(++seq).padStart(6, "0")}`;

/** The app still answers a real question: it did not fall over. */
async function stillServing(): Promise<void> {
  const res = await sendEvent(
    world.app.target,
    appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?" }),
  );
  expect(res.status).toBe(200);
  const [post] = await world.slack.waitForCalls("chat.postMessage", 1);
  expect(post?.args.text).toMatch(/November 2025/);
}

describe("signed bodies that are not objects", () => {
  it.each([
    ["JSON null", "null", "application/json"],
    ["a JSON number", "42", "application/json"],
    ["a JSON array", "[]", "application/json"],
    ["payload=null", "payload=null", "application/x-www-form-urlencoded"],
    ['payload="text"', `payload=${encodeURIComponent('"text"')}`, "application/x-www-form-urlencoded"],
  ])("answers %s with 400, logs it and keeps serving", async (_name, body, type) => {
    const res = await sendRaw(world.app.target, body, type);
    expect(res.status).toBe(400);
    await world.app.log.waitFor(/refused a request to \/slack\/events with 400: signed body is/);
    await stillServing();
  });

  it("still refuses an unsigned null body with 401, as any unsigned request", async () => {
    const res = await sendRaw({ ...world.app.target, signingSecret: "wrong" }, "null", "application/json");
    expect(res.status).toBe(401);
  });

  it("still answers malformed JSON with 400", async () => {
    const res = await sendRaw(world.app.target, "{not json", "application/json");
    expect(res.status).toBe(400);
    await stillServing();
  });
});

describe("signed timestamps", () => {
  it("refuses a request signed more than five minutes in the future with 401 and posts nothing", async () => {
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await sendEvent(
      { ...world.app.target, timestamp: future },
      appMention(eventId(), { text: "<@UBOT0001> when does the truce expire?" }),
    );
    expect(res.status).toBe(401);
    await world.app.log.waitFor(/more than 5 minutes ahead/);
    await new Promise((r) => setTimeout(r, 200));
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("accepts a request signed a little in the future (clock skew under five minutes)", async () => {
    const soon = Math.floor(Date.now() / 1000) + 4 * 60;
    const res = await sendCommand(
      { ...world.app.target, timestamp: soon },
      slashCommand("status", world.slack.responseUrl()),
    );
    expect(res.status).toBe(200);
    const [reply] = await world.slack.waitForResponses(1);
    expect(String(reply?.body.text)).toMatch(/^Trade talks status/);
  });
});

describe("requests no listener handles", () => {
  const quick = async (send: () => Promise<{ status: number }>) => {
    const started = Date.now();
    const res = await send();
    return { status: res.status, ms: Date.now() - started };
  };

  it("acknowledges an unknown action_id at once and logs it", async () => {
    const r = await quick(() =>
      sendInteraction(
        world.app.target,
        buttonClick(
          { action_id: "some_retired_button", value: "x" },
          { responseUrl: world.slack.responseUrl() },
        ),
      ),
    );
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(2_000);
    await world.app.log.waitFor(/no listener handled block_actions some_retired_button; acknowledged/);
  });

  it("acknowledges an unknown view submission at once and logs it", async () => {
    const r = await quick(() =>
      sendInteraction(
        world.app.target,
        viewSubmission({ userId: "U1", callbackId: "an_old_modal", privateMetadata: "", values: {} }),
      ),
    );
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(2_000);
    await world.app.log.waitFor(/no listener handled view_submission an_old_modal/);
  });

  it("acknowledges an unknown global shortcut at once and logs it", async () => {
    const r = await quick(() =>
      sendInteraction(world.app.target, {
        type: "shortcut",
        token: "verification_token",
        action_ts: "1581106241.371594",
        team: { id: "T111", domain: "workspace-domain" },
        user: { id: "U2147483697", username: "someone", team_id: "T111" },
        callback_id: "not_our_shortcut",
        trigger_id: "944799105734.773906753841.38b5894552bdd4a780554ee59d1f3bbb",
      }),
    );
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(2_000);
    await world.app.log.waitFor(/no listener handled shortcut not_our_shortcut/);
  });

  it("leaves a known button to its own listener (no catch-all warning)", async () => {
    const before = world.app.log.lines.length;
    const res = await sendInteraction(
      world.app.target,
      buttonClick(
        { action_id: "tradetalks_suggestion:0", value: "truce-expiry" },
        { responseUrl: world.slack.responseUrl() },
      ),
    );
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const added = world.app.log.lines.slice(before).map((l) => l.text);
    expect(added.some((t) => t.includes("no listener handled"))).toBe(false);
  });
});

describe("slash commands no listener handles", () => {
  it("acknowledges a command the app does not know at once and logs it", async () => {
    const started = Date.now();
    const res = await sendCommand(
      world.app.target,
      slashCommand("status", world.slack.responseUrl(), "/oldcommand"),
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    await world.app.log.waitFor(/no listener handled command \/oldcommand/);
    const metrics = await (await fetch(`${world.app.baseUrl}/metrics`)).text();
    expect(metrics).toContain('tradebot_requests_unhandled_total{type="command"} 1');
  });
});
