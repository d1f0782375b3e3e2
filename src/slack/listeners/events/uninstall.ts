/**
 * `app_uninstalled` and `tokens_revoked`: the workspace's tokens are deleted and its briefings and
 * watches stopped (see oauth/forget.ts). Bolt delivers both without authorizing them (the tokens
 * may already be gone), with the team and enterprise in the context.
 */
import type { App, Context } from "@slack/bolt";
import type { InstallationKey } from "../../../store/installations.js";
import type { SlackDeps } from "../../deps.js";
import { EVENTS } from "../../ids.js";
import { forgetUserTokens, forgetWorkspace } from "../../oauth/forget.js";

/** The installation an uninstall event is about. */
export function installationOf(context: Context): InstallationKey {
  return context.isEnterpriseInstall
    ? {
        isEnterpriseInstall: true,
        ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}),
        ...(context.teamId ? { teamId: context.teamId } : {}),
      }
    : {
        isEnterpriseInstall: false,
        ...(context.teamId ? { teamId: context.teamId } : {}),
        ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}),
      };
}

/** Registers the two listeners. */
export function register(app: App, deps: SlackDeps): void {
  const stores = {
    ...(deps.installations ? { installations: deps.installations } : {}),
    ...(deps.briefings ? { subscriptions: deps.briefings.store } : {}),
    ...(deps.watches ? { watches: deps.watches.store } : {}),
    logger: deps.logger,
  };
  app.event(EVENTS.appUninstalled, async ({ context }) => {
    await forgetWorkspace(stores, installationOf(context));
  });
  app.event(EVENTS.tokensRevoked, async ({ event, context }) => {
    const key = installationOf(context);
    if (event.tokens.bot?.length) {
      await forgetWorkspace(stores, key);
    } else if (event.tokens.oauth?.length && deps.installations) {
      if (await forgetUserTokens(deps.installations, key))
        deps.logger.info(`user tokens revoked in ${key.teamId ?? key.enterpriseId}: deleted`);
    }
  });
}
