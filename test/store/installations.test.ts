/**
 * Installations at rest, on SQLite and on a real PostgreSQL: the store keeps one row per workspace (or per org for an org-wide
 * install), and the installation store Bolt uses seals every token with AES-256-GCM before the
 * database sees it. A different key is a clear error, never a garbage token.
 */
import type { Installation } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { encryptedInstallationStore, NoInstallationError } from "../../src/slack/oauth/installation-store.js";
import { TokenDecryptError, tokenCipher } from "../../src/store/token-crypto.js";
import { storeBackends, useFreshDatabase } from "../support/store-backends.js";

const KEY = Buffer.alloc(32, 1);
const OTHER_KEY = Buffer.alloc(32, 2);
const T0 = new Date("2026-03-01T10:00:00Z");

const workspace: Installation<"v2", false> = {
  team: { id: "T1", name: "One" },
  enterprise: undefined,
  user: { id: "U1", token: "xoxp-user-token-1", scopes: ["search:read"] },
  bot: {
    id: "B1",
    userId: "UB1",
    token: "xoxb-bot-token-1",
    refreshToken: "xoxe-1-refresh-1",
    expiresAt: 1_900_000_000,
    scopes: ["chat:write"],
  },
  tokenType: "bot",
  isEnterpriseInstall: false,
  appId: "A1",
  authVersion: "v2",
};
const org: Installation<"v2", true> = {
  team: undefined,
  enterprise: { id: "E1", name: "Org" },
  user: { id: "U2", token: undefined, scopes: undefined },
  bot: { id: "B2", userId: "UB2", token: "xoxb-org-token-2", scopes: ["chat:write"] },
  tokenType: "bot",
  isEnterpriseInstall: true,
  appId: "A1",
  authVersion: "v2",
};

describe("token sealing", () => {
  it("opens what it sealed, with a fresh IV each time", () => {
    const cipher = tokenCipher(KEY);
    const a = cipher.seal("xoxb-secret");
    const b = cipher.seal("xoxb-secret");
    expect(a).not.toBe(b);
    expect(a).not.toContain("secret");
    expect(cipher.open(a)).toBe("xoxb-secret");
    expect(cipher.open(b)).toBe("xoxb-secret");
  });

  it("refuses a different key and an edited value with a message naming TOKEN_ENCRYPTION_KEY", () => {
    const sealed = tokenCipher(KEY).seal("xoxb-secret");
    expect(() => tokenCipher(OTHER_KEY).open(sealed)).toThrow(TokenDecryptError);
    expect(() => tokenCipher(OTHER_KEY).open(sealed)).toThrow(
      /cannot be decrypted with TOKEN_ENCRYPTION_KEY/,
    );
    const [v, iv, tag, data] = sealed.split(".");
    const edited = [v, iv, tag, `${data?.slice(0, -2)}AA`].join(".");
    expect(() => tokenCipher(KEY).open(edited)).toThrow(TokenDecryptError);
    expect(() => tokenCipher(KEY).open("xoxb-plaintext")).toThrow(/not in the encrypted format/);
  });

  it("needs a 32-byte key", () => {
    expect(() => tokenCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe.each(storeBackends())("the installation store on $name", (backend) => {
  const db = useFreshDatabase(backend);

  it("round-trips a workspace install, its tokens sealed in the row", async () => {
    const store = await db.open();
    const bolt = encryptedInstallationStore(store, tokenCipher(KEY), () => T0);
    await bolt.storeInstallation(workspace);
    const row = await store.getInstallation({ teamId: "T1", isEnterpriseInstall: false });
    expect(JSON.stringify(row)).not.toMatch(/token-1|refresh-1/);
    expect(row?.sealedBotToken).toMatch(/^v1\./);
    const back = await bolt.fetchInstallation({
      teamId: "T1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(back).toEqual(workspace);
  });

  it("keys an org-wide install by its enterprise, apart from any workspace", async () => {
    const store = await db.open();
    const bolt = encryptedInstallationStore(store, tokenCipher(KEY), () => T0);
    await bolt.storeInstallation(org);
    await bolt.storeInstallation(workspace);
    const back = await bolt.fetchInstallation({
      teamId: "T9",
      enterpriseId: "E1",
      isEnterpriseInstall: true,
    });
    expect(back.bot?.token).toBe("xoxb-org-token-2");
    expect(back.isEnterpriseInstall).toBe(true);
    await expect(
      bolt.fetchInstallation({ teamId: "T9", enterpriseId: "E1", isEnterpriseInstall: false }),
    ).rejects.toThrow(NoInstallationError);
    await bolt.deleteInstallation({ teamId: undefined, enterpriseId: "E1", isEnterpriseInstall: true });
    expect((await store.listInstallations()).map((r) => r.teamId)).toEqual(["T1"]);
  });

  it("replaces an install on reinstall (a refreshed token) and keeps when it was first installed", async () => {
    const store = await db.open();
    let now = T0;
    const bolt = encryptedInstallationStore(store, tokenCipher(KEY), () => now);
    await bolt.storeInstallation(workspace);
    now = new Date("2026-03-05T10:00:00Z");
    await bolt.storeInstallation({
      ...workspace,
      bot: { ...(workspace.bot as NonNullable<typeof workspace.bot>), token: "xoxb-bot-token-2" },
    });
    const rows = await store.listInstallations();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.installedAt).toEqual(T0);
    expect(rows[0]?.updatedAt).toEqual(now);
    const back = await bolt.fetchInstallation({
      teamId: "T1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(back.bot?.token).toBe("xoxb-bot-token-2");
  });

  it("says so clearly when the tokens were saved under another key", async () => {
    const store = await db.open();
    await encryptedInstallationStore(store, tokenCipher(KEY)).storeInstallation(workspace);
    const wrong = encryptedInstallationStore(store, tokenCipher(OTHER_KEY));
    await expect(
      wrong.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/cannot be decrypted with TOKEN_ENCRYPTION_KEY/);
  });

  it("remembers which workspaces use an org-wide install, each under one org", async () => {
    const store = await db.open();
    expect(await store.orgOfTeam("T1")).toBeUndefined();
    await store.recordOrgTeam("T2", "E1", T0);
    await store.recordOrgTeam("T1", "E1", T0);
    await store.recordOrgTeam("T3", "E2", T0);
    await store.recordOrgTeam("T3", "E1", new Date("2026-03-02T10:00:00Z"));
    expect(await store.orgOfTeam("T3")).toBe("E1");
    expect(await store.teamsOfOrg("E1")).toEqual(["T1", "T2", "T3"]);
    expect(await store.teamsOfOrg("E2")).toEqual([]);
    expect(await store.deleteInstallation({ teamId: "T1", isEnterpriseInstall: false })).toBe(false);
  });
});
