/**
 * An org-wide (Enterprise Grid) install has no row per workspace: a request tells which workspace
 * uses it. Each new workspace seen is recorded, so its briefings and watches (posted outside any
 * request) find the org's token, and uninstalling from the org stops them.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../log.js";
import type { InstallationStore } from "../../store/installations.js";

/** Middleware recording the workspaces of org-wide installs, once per workspace per process. */
export function rememberOrgTeams(
  store: InstallationStore,
  logger: Logger,
  now: () => Date,
): Middleware<AnyMiddlewareArgs> {
  const seen = new Set<string>();
  return async ({ context, next }) => {
    const { teamId, enterpriseId, isEnterpriseInstall } = context;
    if (isEnterpriseInstall && teamId && enterpriseId && !seen.has(`${enterpriseId}:${teamId}`)) {
      try {
        await store.recordOrgTeam(teamId, enterpriseId, now());
        seen.add(`${enterpriseId}:${teamId}`);
      } catch (err) {
        logger.warn(`could not record workspace ${teamId} of org ${enterpriseId}`, err);
      }
    }
    await next();
  };
}
