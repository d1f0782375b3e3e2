/**
 * Installations ("install in any workspace"): one row per workspace, or per Enterprise Grid
 * organization for an org-wide install, with its tokens as sealed strings (see token-crypto.ts;
 * this store never sees a plaintext token) and the rest of Slack's installation as JSON.
 * Declared async so a networked store (PostgreSQL) can implement the same interface.
 */
import type Database from "better-sqlite3";

/** Which installation: an org-wide install is found by its enterprise, any other by its team. */
export interface InstallationKey {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
}

/** One installation as stored. The token fields hold sealed values, never plaintext. */
export interface InstallationRecord extends InstallationKey {
  sealedBotToken?: string;
  sealedBotRefreshToken?: string;
  sealedUserToken?: string;
  sealedUserRefreshToken?: string;
  /** Slack's installation without its tokens (ids, scopes, expiry times), as JSON. */
  details: string;
  installedAt: Date;
  updatedAt: Date;
}

/** The installations half of the store. */
export interface InstallationStore {
  /** Saves (or replaces) the installation under its key; `installedAt` of a replaced row is kept. */
  saveInstallation(record: InstallationRecord): Promise<void>;
  getInstallation(key: InstallationKey): Promise<InstallationRecord | undefined>;
  /** Removes the installation and its tokens; false when there was none. */
  deleteInstallation(key: InstallationKey): Promise<boolean>;
  /** Every installation, oldest first. */
  listInstallations(): Promise<InstallationRecord[]>;
  /** Records that workspace `teamId` uses the org-wide install of `enterpriseId` (seen in a request). */
  recordOrgTeam(teamId: string, enterpriseId: string, at: Date): Promise<void>;
  /** The enterprise whose org-wide install workspace `teamId` was seen using, if any. */
  orgOfTeam(teamId: string): Promise<string | undefined>;
  /** The workspaces seen using the org-wide install of `enterpriseId`. */
  teamsOfOrg(enterpriseId: string): Promise<string[]>;
}

/** The primary key: `E:<enterprise>` for an org-wide install, `T:<team>` otherwise. */
export function installationKey(key: InstallationKey): string {
  if (key.isEnterpriseInstall) {
    if (!key.enterpriseId) throw new Error("an org-wide installation needs its enterprise id");
    return `E:${key.enterpriseId}`;
  }
  if (!key.teamId) throw new Error("an installation needs its team id");
  return `T:${key.teamId}`;
}

/** An installations row as either database returns it (SQLite: 0/1 and ISO text; PostgreSQL: boolean and Date). */
export interface InstallationRow {
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: number | boolean;
  bot_token: string | null;
  bot_refresh_token: string | null;
  user_token: string | null;
  user_refresh_token: string | null;
  details: string;
  installed_at: string | Date;
  updated_at: string | Date;
}

/** The record a row holds, on either database. */
export function installationFromRow(row: InstallationRow): InstallationRecord {
  return {
    ...(row.team_id ? { teamId: row.team_id } : {}),
    ...(row.enterprise_id ? { enterpriseId: row.enterprise_id } : {}),
    isEnterpriseInstall: row.is_enterprise_install === 1 || row.is_enterprise_install === true,
    ...(row.bot_token ? { sealedBotToken: row.bot_token } : {}),
    ...(row.bot_refresh_token ? { sealedBotRefreshToken: row.bot_refresh_token } : {}),
    ...(row.user_token ? { sealedUserToken: row.user_token } : {}),
    ...(row.user_refresh_token ? { sealedUserRefreshToken: row.user_refresh_token } : {}),
    details: row.details,
    installedAt: new Date(row.installed_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** The installations half of the SQLite store. */
export function createInstallationStore(db: Database.Database): InstallationStore {
  const upsert = db.prepare(
    `INSERT INTO installations (install_key, enterprise_id, team_id, is_enterprise_install, bot_token,
       bot_refresh_token, user_token, user_refresh_token, details, installed_at, updated_at)
     VALUES (@install_key, @enterprise_id, @team_id, @is_enterprise_install, @bot_token, @bot_refresh_token,
       @user_token, @user_refresh_token, @details, @installed_at, @updated_at)
     ON CONFLICT (install_key) DO UPDATE SET
       enterprise_id = excluded.enterprise_id,
       team_id = excluded.team_id,
       bot_token = excluded.bot_token,
       bot_refresh_token = excluded.bot_refresh_token,
       user_token = excluded.user_token,
       user_refresh_token = excluded.user_refresh_token,
       details = excluded.details,
       updated_at = excluded.updated_at`,
  );
  const select = db.prepare("SELECT * FROM installations WHERE install_key = ?");
  const remove = db.prepare("DELETE FROM installations WHERE install_key = ?");
  const selectAll = db.prepare("SELECT * FROM installations ORDER BY installed_at, install_key");
  const upsertOrgTeam = db.prepare(
    `INSERT INTO org_teams (team_id, enterprise_id, seen_at) VALUES (?, ?, ?)
     ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, seen_at = excluded.seen_at`,
  );
  const selectOrgOfTeam = db.prepare("SELECT enterprise_id FROM org_teams WHERE team_id = ?");
  const selectTeamsOfOrg = db.prepare(
    "SELECT team_id FROM org_teams WHERE enterprise_id = ? ORDER BY team_id",
  );
  return {
    async saveInstallation(r) {
      upsert.run({
        install_key: installationKey(r),
        enterprise_id: r.enterpriseId ?? null,
        team_id: r.teamId ?? null,
        is_enterprise_install: r.isEnterpriseInstall ? 1 : 0,
        bot_token: r.sealedBotToken ?? null,
        bot_refresh_token: r.sealedBotRefreshToken ?? null,
        user_token: r.sealedUserToken ?? null,
        user_refresh_token: r.sealedUserRefreshToken ?? null,
        details: r.details,
        installed_at: r.installedAt.toISOString(),
        updated_at: r.updatedAt.toISOString(),
      });
    },
    async getInstallation(key) {
      const row = select.get(installationKey(key)) as InstallationRow | undefined;
      return row ? installationFromRow(row) : undefined;
    },
    async deleteInstallation(key) {
      return remove.run(installationKey(key)).changes > 0;
    },
    async listInstallations() {
      return (selectAll.all() as InstallationRow[]).map(installationFromRow);
    },
    async recordOrgTeam(teamId, enterpriseId, at) {
      upsertOrgTeam.run(teamId, enterpriseId, at.toISOString());
    },
    async orgOfTeam(teamId) {
      return (selectOrgOfTeam.get(teamId) as { enterprise_id: string } | undefined)?.enterprise_id;
    },
    async teamsOfOrg(enterpriseId) {
      return (selectTeamsOfOrg.all(enterpriseId) as { team_id: string }[]).map((r) => r.team_id);
    },
  };
}
