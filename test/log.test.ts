/**
 * The log in both formats: today's readable line, and one JSON object a line (pino) carrying the
 * work's fields. In either, a Slack token or the signing secret never reaches the sink.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createScheduler } from "../src/briefing/scheduler.js";
import { loadConfig } from "../src/config.js";
import { childLogger, createLogger } from "../src/log.js";
import { withLogFields } from "../src/log-context.js";
import { openStore } from "../src/store/sqlite.js";

const BOT = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
const APP = "xapp-1-A111-222-abcdef0123456789";
const SECRET = "8f742231b10e8888abcd99aaabbb85a5"; // the shape of a real signing secret: 32 hex digits
const ODD_SECRET = "not-hex-but-secret-Zq9"; // a value only the secrets option knows to hide

function capture(format: "text" | "json", secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger("debug", (l) => lines.push(l), {
    format,
    secrets,
    fields: () => ({ kbVersion: "c038f88d8991" }),
  });
  return { logger, lines };
}

describe("text logs", () => {
  it("keep today's format: time, level, message, detail", () => {
    const { logger, lines } = capture("text");
    logger.warn("could not post to C1: not_in_channel", { tries: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z WARN could not post to C1: not_in_channel \{"tries":1\}$/,
    );
  });

  it("mask tokens, hex secrets and the configured secrets in messages, details and stacks", () => {
    const { logger, lines } = capture("text", [ODD_SECRET]);
    logger.error(`calling with ${BOT}`, new Error(`bad ${APP} and ${SECRET} and ${ODD_SECRET}`));
    logger.info("detail", { token: BOT, secret: SECRET });
    const all = lines.join("\n");
    for (const s of [BOT, APP, SECRET, ODD_SECRET, "xoxb-1234567890"]) expect(all).not.toContain(s);
    expect(all).toContain("xoxb-…[redacted]");
  });
});

describe("JSON logs", () => {
  it("write one object a line with level, time, msg and the knowledge version", () => {
    const { logger, lines } = capture("json");
    logger.info("knowledge loaded");
    const line = JSON.parse(lines[0] ?? "{}");
    expect(line).toMatchObject({ level: "info", msg: "knowledge loaded", kbVersion: "c038f88d8991" });
    expect(Date.parse(line.time)).not.toBeNaN();
  });

  it("carry the request's event id, team and channel inside withLogFields, and a child's fields", async () => {
    const { logger, lines } = capture("json");
    await withLogFields({ eventId: "Ev0001", team: "T1", channel: "C1" }, async () => {
      await Promise.resolve();
      logger.warn("inside");
      childLogger(logger, { feed: "trade.xml" }).info("child");
    });
    logger.info("outside");
    const [inside, child, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ eventId: "Ev0001", team: "T1", channel: "C1", level: "warn" });
    expect(child).toMatchObject({ eventId: "Ev0001", feed: "trade.xml" });
    expect(outside.eventId).toBeUndefined();
  });

  it("put an error under err with its type, message and stack; other details under detail", () => {
    const { logger, lines } = capture("json");
    logger.error("failed", new TypeError("boom"));
    logger.info("with detail", { n: 2 });
    const [err, detail] = lines.map((l) => JSON.parse(l));
    expect(err.err).toMatchObject({ type: "TypeError", message: "boom" });
    expect(err.err.stack).toContain("TypeError: boom");
    expect(detail.detail).toEqual({ n: 2 });
  });

  it("never contain a token or the signing secret, and stay valid JSON", () => {
    const { logger, lines } = capture("json", [ODD_SECRET]);
    logger.error(`auth with ${BOT}`, new Error(`${APP} ${SECRET} ${ODD_SECRET}`));
    logger.warn("detail", { headers: { authorization: `Bearer ${BOT}` }, secret: SECRET });
    const all = lines.join("\n");
    for (const s of [BOT, APP, SECRET, ODD_SECRET]) expect(all).not.toContain(s);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });

  it("respect the level", () => {
    const lines: string[] = [];
    const logger = createLogger("warn", (l) => lines.push(l), { format: "json" });
    logger.info("dropped");
    logger.error("kept");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["kept"]);
  });
});

describe("the log format setting", () => {
  const slack = { SLACK_BOT_TOKEN: "xoxb-t", SLACK_SIGNING_SECRET: "s" };
  it("is json in production and with LOG_FORMAT=json, text otherwise and in the local chat", () => {
    expect(loadConfig({ ...slack }).logFormat).toBe("text");
    expect(loadConfig({ ...slack, NODE_ENV: "production" }).logFormat).toBe("json");
    expect(loadConfig({ ...slack, NODE_ENV: "production", LOG_FORMAT: "text" }).logFormat).toBe("text");
    expect(loadConfig({ LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(loadConfig({ NODE_ENV: "production" }).logFormat).toBe("text");
  });

  it("refuses another value with a clear line", () => {
    expect(() => loadConfig({ LOG_FORMAT: "pretty" })).toThrow(/LOG_FORMAT: must be text or json/);
  });
});

describe("briefing log lines", () => {
  it("carry the briefing's channel in JSON logs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tradebot-log-"));
    const store = openStore(join(dir, "t.db"));
    try {
      await store.upsertSubscription(
        {
          channelId: "CLOGS",
          time: "08:00",
          timeZone: "UTC",
          weekdaysOnly: false,
          quietWhenUnchanged: false,
          createdBy: "U1",
        },
        new Date("2026-03-01T00:00:00Z"),
      );
      const { logger, lines } = capture("json");
      const now = new Date("2026-03-02T08:00:00Z");
      const scheduler = createScheduler({
        store,
        poster: { post: async () => ({ ts: "1.2" }) },
        compose: () => {
          throw new Error("no composer today");
        },
        clock: { now: () => now, sleep: async () => {} },
        logger,
        instanceId: "i",
        graceMinutes: 120,
      });
      await scheduler.tick();
      const line = lines.map((l) => JSON.parse(l)).find((l) => /could not compose/.test(l.msg));
      expect(line).toMatchObject({
        level: "error",
        channel: "CLOGS",
        msg: "briefing CLOGS 2026-03-02: could not compose",
      });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
