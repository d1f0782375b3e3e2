/** Installations in PostgreSQL: the same rules as `installations.ts` (tokens arrive sealed). */
import {
  type InstallationRow,
  type InstallationStore,
  installationFromRow,
  installationKey,
} from "./installations.js";
import type { Db } from "./pg-db.js";

/** The installations half of the PostgreSQL store. */
export function createPgInstallationStore(db: Db): InstallationStore {
  return {
    async saveInstallation(r) {
      await db.query(
        `INSERT INTO installations (install_key, enterprise_id, team_id, is_enterprise_install, bot_token,
           bot_refresh_token, user_token, user_refresh_token, details, installed_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (install_key) DO UPDATE SET
           enterprise_id = EXCLUDED.enterprise_id,
           team_id = EXCLUDED.team_id,
           bot_token = EXCLUDED.bot_token,
           bot_refresh_token = EXCLUDED.bot_refresh_token,
           user_token = EXCLUDED.user_token,
           user_refresh_token = EXCLUDED.user_refresh_token,
           details = EXCLUDED.details,
           updated_at = EXCLUDED.updated_at`,
        [
          installationKey(r),
          r.enterpriseId ?? null,
          r.teamId ?? null,
          r.isEnterpriseInstall,
          r.sealedBotToken ?? null,
          r.sealedBotRefreshToken ?? null,
          r.sealedUserToken ?? null,
          r.sealedUserRefreshToken ?? null,
          r.details,
          r.installedAt,
          r.updatedAt,
        ],
      );
    },
    async getInstallation(key) {
      const { rows } = await db.query<InstallationRow>("SELECT * FROM installations WHERE install_key = $1", [
        installationKey(key),
      ]);
      return rows[0] ? installationFromRow(rows[0]) : undefined;
    },
    async deleteInstallation(key) {
      const result = await db.query("DELETE FROM installations WHERE install_key = $1", [
        installationKey(key),
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async listInstallations() {
      const { rows } = await db.query<InstallationRow>(
        "SELECT * FROM installations ORDER BY installed_at, install_key",
      );
      return rows.map(installationFromRow);
    },
    async recordOrgTeam(teamId, enterpriseId, at) {
      await db.query(
        `INSERT INTO org_teams (team_id, enterprise_id, seen_at) VALUES ($1, $2, $3)
         ON CONFLICT (team_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, seen_at = EXCLUDED.seen_at`,
        [teamId, enterpriseId, at],
      );
    },
    async orgOfTeam(teamId) {
      const { rows } = await db.query<{ enterprise_id: string }>(
        "SELECT enterprise_id FROM org_teams WHERE team_id = $1",
        [teamId],
      );
      return rows[0]?.enterprise_id;
    },
    async teamsOfOrg(enterpriseId) {
      const { rows } = await db.query<{ team_id: string }>(
        "SELECT team_id FROM org_teams WHERE enterprise_id = $1 ORDER BY team_id",
        [enterpriseId],
      );
      return rows.map((r) => r.team_id);
    },
  };
}
