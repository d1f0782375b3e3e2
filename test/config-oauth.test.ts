/** Configuration for installing in any workspace: OAuth mode, what it requires, and its defaults. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ConfigError, loadConfig, MANIFEST_BOT_SCOPES } from "../src/config.js";

const OAUTH = {
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "client-secret",
  SLACK_STATE_SECRET: "a-long-random-state-secret",
  TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
  SLACK_SIGNING_SECRET: "signing",
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("OAuth mode", () => {
  it("is on when the client id and secret are set, in HTTP mode, without SLACK_BOT_TOKEN", () => {
    const config = loadConfig(OAUTH);
    expect(config.mode).toBe("http");
    expect(config.slack.botToken).toBeUndefined();
    expect(config.slack.oauth?.clientId).toBe("1111.2222");
    expect(config.slack.oauth?.tokenEncryptionKey).toEqual(Buffer.from("ab".repeat(32), "hex"));
  });

  it("takes the key as base64 too", () => {
    const key = Buffer.alloc(32, 7);
    const config = loadConfig({ ...OAUTH, TOKEN_ENCRYPTION_KEY: key.toString("base64") });
    expect(config.slack.oauth?.tokenEncryptionKey).toEqual(key);
  });

  it("names every missing variable, and a key that is not 32 bytes", () => {
    expect(problems({ SLACK_CLIENT_ID: "1111.2222" })).toEqual([
      "SLACK_CLIENT_SECRET: is required to install in any workspace (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET)",
      "SLACK_STATE_SECRET: is required to install in any workspace (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET)",
      "TOKEN_ENCRYPTION_KEY: is required to install in any workspace (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET)",
    ]);
    expect(problems({ ...OAUTH, TOKEN_ENCRYPTION_KEY: "short" })).toEqual([
      "TOKEN_ENCRYPTION_KEY: must be 32 random bytes, as 64 hex characters or base64 (openssl rand -base64 32)",
    ]);
    expect(problems({ ...OAUTH, SLACK_SIGNING_SECRET: "" })).toEqual([
      "SLACK_SIGNING_SECRET: is required with SLACK_CLIENT_ID (HTTP mode)",
    ]);
  });

  it("asks for the manifest's bot scopes unless SLACK_SCOPES says otherwise", () => {
    const manifest = parse(readFileSync(join(import.meta.dirname, "../manifest.yml"), "utf8"));
    expect([...MANIFEST_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(loadConfig(OAUTH).slack.oauth?.scopes).toEqual([...MANIFEST_BOT_SCOPES]);
    expect(loadConfig({ ...OAUTH, SLACK_SCOPES: "chat:write, commands" }).slack.oauth?.scopes).toEqual([
      "chat:write",
      "commands",
    ]);
  });

  it("leaves single-workspace token mode as it was", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s3cret" });
    expect(config.mode).toBe("http");
    expect(config.slack.oauth).toBeUndefined();
  });
});
