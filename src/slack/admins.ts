/**
 * Who may use the admin subcommands (`/tradetalks gaps`). ADMIN_USER_IDS entries are user ids
 * (`U…`, any workspace, as in a single-workspace install) or `T…:U…`, a user in one workspace only:
 * installed in any workspace, that keeps an admin of one workspace from being one in another.
 */
import type { Config } from "../config.js";

/** Whether `userId` (asking from workspace `teamId`) is an admin. */
export function isAdmin(
  config: Pick<Config, "adminUserIds">,
  teamId: string | undefined,
  userId: string,
): boolean {
  return config.adminUserIds.some((entry) => {
    const at = entry.indexOf(":");
    if (at < 0) return entry === userId;
    return teamId !== undefined && entry.slice(0, at) === teamId && entry.slice(at + 1) === userId;
  });
}
