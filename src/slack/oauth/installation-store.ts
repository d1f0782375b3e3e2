/**
 * Bolt's installation store over ours: what `@slack/oauth` saves after an install (and after a
 * token refresh), and what `authorize` fetches for each request. Tokens are sealed here, before the
 * store sees them, so every store implementation (SQLite, PostgreSQL) keeps them encrypted alike.
 */
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { InstallationKey, InstallationStore as StoredInstallations } from "../../store/installations.js";
import type { TokenCipher } from "../../store/token-crypto.js";

type AnyInstallation = Installation<"v1" | "v2", boolean>;

/** The store key of an installation Slack handed us. */
export function keyOfInstallation(i: AnyInstallation): InstallationKey {
  const isEnterpriseInstall = i.isEnterpriseInstall === true;
  return {
    isEnterpriseInstall,
    ...(i.enterprise?.id ? { enterpriseId: i.enterprise.id } : {}),
    ...(!isEnterpriseInstall && i.team?.id ? { teamId: i.team.id } : {}),
  };
}

/** The store key Bolt asks for: the org for an org-wide install, the workspace otherwise. */
export function keyOfQuery(q: InstallationQuery<boolean>): InstallationKey {
  return q.isEnterpriseInstall
    ? { isEnterpriseInstall: true, ...(q.enterpriseId ? { enterpriseId: q.enterpriseId } : {}) }
    : {
        isEnterpriseInstall: false,
        ...(q.teamId ? { teamId: q.teamId } : {}),
        ...(q.enterpriseId ? { enterpriseId: q.enterpriseId } : {}),
      };
}

/** Thrown when Bolt asks for a workspace that has not installed the app (or has uninstalled it). */
export class NoInstallationError extends Error {
  constructor(key: InstallationKey) {
    super(
      `no installation for ${key.isEnterpriseInstall ? `enterprise ${key.enterpriseId}` : `team ${key.teamId}`}`,
    );
    this.name = "NoInstallationError";
  }
}

/** An `InstallationStore` for Bolt that encrypts every token with `cipher`. */
export function encryptedInstallationStore(
  store: StoredInstallations,
  cipher: TokenCipher,
  now: () => Date = () => new Date(),
): InstallationStore & { deleteInstallation(query: InstallationQuery<boolean>): Promise<void> } {
  const seal = (v: string | undefined) => (v ? cipher.seal(v) : undefined);
  return {
    async storeInstallation(installation) {
      const i = installation as AnyInstallation;
      const details: AnyInstallation = {
        ...i,
        user: { ...i.user, token: undefined, refreshToken: undefined },
        ...(i.bot ? { bot: { ...i.bot, token: "", refreshToken: undefined } } : {}),
      };
      const at = now();
      const key = keyOfInstallation(i);
      const existing = await store.getInstallation(key);
      const sealed = {
        sealedBotToken: seal(i.bot?.token),
        sealedBotRefreshToken: seal(i.bot?.refreshToken),
        sealedUserToken: seal(i.user?.token),
        sealedUserRefreshToken: seal(i.user?.refreshToken),
      };
      await store.saveInstallation({
        ...key,
        ...Object.fromEntries(Object.entries(sealed).filter(([, v]) => v !== undefined)),
        details: JSON.stringify(details),
        installedAt: existing?.installedAt ?? at,
        updatedAt: at,
      });
    },
    async fetchInstallation(query) {
      const key = keyOfQuery(query);
      const row = await store.getInstallation(key);
      if (!row) throw new NoInstallationError(key);
      const i = JSON.parse(row.details) as AnyInstallation;
      const open = (v: string | undefined) => (v ? cipher.open(v) : undefined);
      return {
        ...i,
        user: {
          ...i.user,
          token: open(row.sealedUserToken),
          refreshToken: open(row.sealedUserRefreshToken),
        },
        ...(i.bot && row.sealedBotToken
          ? {
              bot: {
                ...i.bot,
                token: open(row.sealedBotToken) as string,
                refreshToken: open(row.sealedBotRefreshToken),
              },
            }
          : { bot: undefined }),
      } as AnyInstallation;
    },
    async deleteInstallation(query) {
      await store.deleteInstallation(keyOfQuery(query));
    },
  };
}
