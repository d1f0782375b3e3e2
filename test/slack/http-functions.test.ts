/**
 * The Workflow Builder steps end to end over HTTP: Slack's `function_executed` event, signed, for
 * each of our callback ids; the step completes with `functions.completeSuccess` and its outputs,
 * called with the event's own bot access token, or with `functions.completeError` when it cannot.
 */
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "../../src/slack/ids.js";
import { useTestSlackApp } from "../support/slack-app.js";
import { sendEvent } from "../support/slack-requests.js";
import { functionExecuted } from "../support/surface-payloads.js";

const NOW = new Date("2025-10-25T12:00:00Z");
const world = useTestSlackApp({ now: NOW });
let seq = 0;
const eventId = () => `EvFUN${String(++seq).padStart(6, "0")}`;
const TOKEN = "xwfp-test-function-token";

async function run(callbackId: string, inputs: Record<string, unknown>, executionId: string) {
  const res = await sendEvent(
    world.app.target,
    functionExecuted(eventId(), { callbackId, inputs, executionId, botAccessToken: TOKEN }),
  );
  expect(res.status).toBe(200);
}

describe("Workflow Builder steps", () => {
  it("Ask Trade Talk Bot completes with the answer, its verbatim quote and its source", async () => {
    await run(FUNCTIONS.ask, { question: "when does the truce expire?" }, "Fx0ASK0001");
    const [done] = await world.slack.waitForCalls("functions.completeSuccess", 1);
    expect(done?.token).toBe(TOKEN);
    expect(done?.args.function_execution_id).toBe("Fx0ASK0001");
    const outputs = done?.args.outputs as Record<string, string>;
    expect(outputs.answer).toMatch(/expire in November 2025/);
    expect(outputs.quote).toBe("That agreement is set to expire in November.");
    expect(outputs.source).toMatch(/, Oct\. \d+, 2025: /);
    expect(world.slack.callsTo("functions.completeError")).toHaveLength(0);
    // The step's token is a credential: it is used, never logged.
    expect(world.app.log.text()).not.toContain(TOKEN);
  });

  it("Ask Trade Talk Bot completes with what the sources lack when it has no sourced answer", async () => {
    await run(FUNCTIONS.ask, { question: "what is the price of bananas in Peru?" }, "Fx0ASK0002");
    const [done] = await world.slack.waitForCalls("functions.completeSuccess", 1);
    const outputs = done?.args.outputs as Record<string, string>;
    expect(String(outputs.answer).length).toBeGreaterThan(10);
    expect(outputs.quote).toBe("");
    expect(outputs.source).toBe("");
  });

  it("Ask Trade Talk Bot completes with an error when the step was given no question", async () => {
    await run(FUNCTIONS.ask, { question: "   " }, "Fx0ASK0003");
    const [failed] = await world.slack.waitForCalls("functions.completeError", 1);
    expect(failed?.token).toBe(TOKEN);
    expect(failed?.args.function_execution_id).toBe("Fx0ASK0003");
    expect(String(failed?.args.error)).toMatch(/no question/);
    expect(world.slack.callsTo("functions.completeSuccess")).toHaveLength(0);
  });

  it("Trade talks status completes with the headline and what stands, each with its source", async () => {
    await run(FUNCTIONS.status, {}, "Fx0STA0001");
    const [done] = await world.slack.waitForCalls("functions.completeSuccess", 1);
    expect(done?.args.function_execution_id).toBe("Fx0STA0001");
    const status = String((done?.args.outputs as Record<string, string> | undefined)?.status);
    const report = world.app.core.status(NOW);
    expect(status.split("\n")[0]).toBe(report.headline);
    for (const p of report.inForce) expect(status).toContain(p.text);
  });

  it("does not complete a step that is not ours", async () => {
    await run("someone_elses_step", {}, "Fx0OTH0001");
    await run(FUNCTIONS.status, {}, "Fx0STA0002");
    const done = await world.slack.waitForCalls("functions.completeSuccess", 1);
    expect(done.map((c) => c.args.function_execution_id)).toEqual(["Fx0STA0002"]);
    expect(world.slack.callsTo("functions.completeError")).toHaveLength(0);
  });
});
