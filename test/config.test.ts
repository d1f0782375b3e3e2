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
});
