import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe("configuration from the environment", () => {
  it("runs the local chat with nothing set, and treats empty variables as unset", () => {
    expect(loadConfig({}).mode).toBe("local");
    expect(loadConfig({ SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "  " }).mode).toBe("local");
  });

  it("chooses Socket Mode or HTTP mode from the tokens given", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).mode).toBe("socket");
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s3cret" }).mode).toBe("http");
  });

  it("reports every bad variable on a line of its own, in words", () => {
    const lines = problems({ SLACK_BOT_TOKEN: "xoxp-1", PORT: "abc", DEFAULT_TIME_ZONE: "Mars/Olympus" });
    expect(lines).toEqual(
      expect.arrayContaining([
        "SLACK_BOT_TOKEN: must be a bot token starting xoxb-",
        "PORT: must be a port number like 3000",
        "DEFAULT_TIME_ZONE: must be an IANA time zone like America/New_York",
      ]),
    );
  });

  it("says which token is missing for a half-configured Slack", () => {
    expect(problems({ SLACK_APP_TOKEN: "xapp-1" })).toEqual([
      "SLACK_BOT_TOKEN: is required when any Slack credential is set",
    ]);
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" })[0]).toMatch(/set SLACK_APP_TOKEN for Socket Mode/);
  });

  it("reads the curators: their user ids separated by commas or spaces, their channel, the reminder time", () => {
    expect(loadConfig({}).curators).toEqual({ userIds: [], reminderTime: "09:00" });
    expect(
      loadConfig({
        CURATOR_USER_IDS: "U01, U02 U03",
        CURATOR_CHANNEL_ID: "C0CUR",
        REVIEW_REMINDER_TIME: "7:30",
      }).curators,
    ).toEqual({ userIds: ["U01", "U02", "U03"], channelId: "C0CUR", reminderTime: "7:30" });
    expect(problems({ REVIEW_REMINDER_TIME: "noon" })).toEqual([
      "REVIEW_REMINDER_TIME: must be a time like 08:00",
    ]);
  });

  it("reads FEEDS as addresses separated by commas, spaces or new lines, with the polling defaults", () => {
    expect(loadConfig({}).feeds).toEqual({ urls: [], pollMinutes: 30, timeoutMs: 15_000 });
    const feeds = loadConfig({
      FEEDS:
        "https://a.example/rss.xml, https://b.example/atom\nhttp://c.example/feed https://a.example/rss.xml",
      FEED_POLL_MINUTES: "60",
      FEED_TIMEOUT_MS: "5000",
    }).feeds;
    expect(feeds).toEqual({
      urls: ["https://a.example/rss.xml", "https://b.example/atom", "http://c.example/feed"],
      pollMinutes: 60,
      timeoutMs: 5000,
    });
  });

  it("names a bad feed address without its password or token, and refuses bad polling settings", () => {
    const lines = problems({
      FEEDS: "ftp://me:hunter2@files.example/feed.xml,https://ok.example/rss",
      FEED_POLL_MINUTES: "0",
      FEED_TIMEOUT_MS: "soon",
    });
    expect(lines).toEqual([
      "FEEDS: ftp://[redacted]@files.example/feed.xml is not a web address like https://example.com/feed.xml (separate several with commas or spaces)",
      "FEED_POLL_MINUTES: must be a whole number of minutes, 1 or more",
      "FEED_TIMEOUT_MS: must be a whole number of milliseconds, 100 or more",
    ]);
    expect(lines.join("\n")).not.toContain("hunter2");
  });

  it("uses SQLite at DATABASE_PATH unless DATABASE_URL names a PostgreSQL database, never echoing it", () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    const url = "postgres://bot:hunter2@db.internal:5432/tradebot";
    expect(loadConfig({ DATABASE_URL: url })).toMatchObject({
      databaseUrl: url,
      databasePath: "data/tradebot.db",
    });
    const lines = problems({ DATABASE_URL: "mysql://bot:hunter2@db.internal/tradebot" });
    expect(lines).toEqual([
      "DATABASE_URL: must be a PostgreSQL address like postgres://user:password@host:5432/tradebot",
    ]);
    expect(lines.join("\n")).not.toContain("hunter2");
  });
});
