/**
 * What uninstalling means here: the workspace's tokens are deleted, and so are its briefing
 * subscriptions and watches (for an org-wide install, those of every workspace seen using it), so
 * nothing is posted there again (a due briefing included). Revoking
 * only user tokens drops those and keeps the install.
 */
import type { Logger } from "../../log.js";
import type { InstallationKey, InstallationStore } from "../../store/installations.js";
import type { SubscriptionStore } from "../../store/types.js";
import type { WatchStore } from "../../store/watch-types.js";

/** The stores uninstalling touches; each is optional, as in `SlackDeps`. */
export interface ForgetStores {
  installations?: InstallationStore;
  subscriptions?: Pick<SubscriptionStore, "listSubscriptions" | "removeSubscription">;
  watches?: Pick<WatchStore, "listWatches" | "removeWatch">;
  logger: Logger;
}

/** What was removed. */
export interface Forgotten {
  installation: boolean;
  subscriptions: number;
  watches: number;
}

/** Deletes the installation under `key` and the team's subscriptions and watches. */
export async function forgetWorkspace(stores: ForgetStores, key: InstallationKey): Promise<Forgotten> {
  const installation = (await stores.installations?.deleteInstallation(key)) ?? false;
  let subscriptions = 0;
  let watches = 0;
  // An org-wide install covers every workspace seen using it; any other install, its own.
  const teams = new Set<string>(key.teamId ? [key.teamId] : []);
  if (key.isEnterpriseInstall && key.enterpriseId && stores.installations)
    for (const t of await stores.installations.teamsOfOrg(key.enterpriseId)) teams.add(t);
  // Awaited either way, so this holds for the synchronous SQLite store and an async one.
  if (stores.subscriptions) {
    for (const s of await stores.subscriptions.listSubscriptions()) {
      if (s.teamId && teams.has(s.teamId) && (await stores.subscriptions.removeSubscription(s.channelId)))
        subscriptions++;
    }
  }
  if (stores.watches) {
    for (const w of await stores.watches.listWatches()) {
      if (w.teamId && teams.has(w.teamId) && (await stores.watches.removeWatch(w.channelId, w.id))) watches++;
    }
  }
  const who = key.isEnterpriseInstall ? `enterprise ${key.enterpriseId}` : `team ${key.teamId}`;
  stores.logger.info(
    `uninstalled from ${who}: tokens ${installation ? "deleted" : "already gone"}, ${subscriptions} briefing subscription(s) and ${watches} watch(es) removed`,
  );
  return { installation, subscriptions, watches };
}

/** Drops the user tokens of an installation (its bot token stays); false when there was none. */
export async function forgetUserTokens(store: InstallationStore, key: InstallationKey): Promise<boolean> {
  const record = await store.getInstallation(key);
  if (!record?.sealedUserToken && !record?.sealedUserRefreshToken) return false;
  const { sealedUserToken: _t, sealedUserRefreshToken: _r, ...rest } = record;
  await store.saveInstallation({ ...rest, updatedAt: new Date() });
  return true;
}
