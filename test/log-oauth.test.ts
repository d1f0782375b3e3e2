/**
 * Installing in any workspace brings more secrets to keep out of the log: each workspace's bot,
 * user and refresh tokens (whatever code logs them, in a message or inside an object), and the
 * configuration's client secret, state secret and token encryption key.
 */
import { describe, expect, it } from "vitest";
import { configSecrets, loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";

const KEY = Buffer.alloc(32, 0x5a);
const config = loadConfig({
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "Cl1entSecret-Zq9-not-hex",
  SLACK_STATE_SECRET: "state-secret-Qw7-not-hex-either",
  TOKEN_ENCRYPTION_KEY: KEY.toString("base64"),
  SLACK_SIGNING_SECRET: "signing-Secret-Xy1",
});
const INSTALL = {
  team: { id: "T1" },
  bot: { token: "xoxb-77-88-BotTokenSecretPart", refreshToken: "xoxe-1-RefreshSecretPart" },
  user: { token: "xoxp-77-88-UserTokenSecretPart", refreshToken: "xoxe-1-UserRefreshSecretPart" },
  rotated: "xoxe.xoxb-1-RotatedSecretPart",
};
const PLAINTEXTS = ["BotTokenSecretPart", "RefreshSecretPart", "UserTokenSecretPart", "RotatedSecretPart"];

for (const format of ["text", "json"] as const) {
  describe(`${format} logs`, () => {
    it("mask every token of an installation, in the message and in a logged object", () => {
      const lines: string[] = [];
      const logger = createLogger("debug", (l) => lines.push(l), { format, secrets: configSecrets(config) });
      logger.debug(`stored ${INSTALL.bot.token} and ${INSTALL.user.refreshToken}`, INSTALL);
      logger.error("refresh failed", new Error(`bad refresh token ${INSTALL.bot.refreshToken}`));
      const all = lines.join("\n");
      expect(lines).toHaveLength(2);
      for (const p of PLAINTEXTS) expect(all).not.toContain(p);
      expect(all).toContain("[redacted]");
    });

    it("mask the client secret, the state secret and the encryption key in either encoding", () => {
      const lines: string[] = [];
      const logger = createLogger("debug", (l) => lines.push(l), { format, secrets: configSecrets(config) });
      const oauth = config.slack.oauth;
      logger.info(
        `client ${oauth?.clientSecret} state ${oauth?.stateSecret} key ${KEY.toString("base64")} / ${KEY.toString("hex")}`,
      );
      const all = lines.join("\n");
      expect(all).not.toContain("Cl1entSecret");
      expect(all).not.toContain("state-secret-Qw7");
      expect(all).not.toContain(KEY.toString("base64"));
      expect(all).not.toContain(KEY.toString("hex"));
      expect(all).not.toContain("signing-Secret-Xy1");
    });
  });
}
