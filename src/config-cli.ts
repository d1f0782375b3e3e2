/**
 * The settings every `tradebot` command needs before anything else, read without the zod schema
 * so that `tradebot ask` starts fast. With `config.ts`, the only reader of the environment.
 */
import { ConfigError } from "./config-error.js";

/** What the `tradebot` command needs before anything else: where the knowledge is, and the clock. */
export interface CliSettings {
  knowledgeDir: string;
  /** `TRADEBOT_NOW` pins the clock (an ISO time) for demos, tests and reproducible output. */
  now?: Date;
}

/** Reads the CLI's settings; unlike `loadConfig` it does not require or check Slack credentials. */
export function loadCliSettings(env: NodeJS.ProcessEnv = process.env): CliSettings {
  const dir = env.KNOWLEDGE_DIR?.trim();
  const pinned = env.TRADEBOT_NOW?.trim();
  let now: Date | undefined;
  if (pinned) {
    now = new Date(pinned);
    if (Number.isNaN(now.getTime())) {
      throw new ConfigError([
        `TRADEBOT_NOW: must be an ISO time like 2025-10-20T09:00:00Z, got ${JSON.stringify(pinned)}`,
      ]);
    }
  }
  return { knowledgeDir: dir || "knowledge", now };
}

/** What `tradebot kb review` needs: the editor to open drafts in, and who the curator is. */
export interface ReviewSettings {
  /** `VISUAL`, else `EDITOR`, else nano (notepad on Windows): a command, arguments allowed. */
  editor: string;
  /** The login name (`USER`, or `USERNAME` on Windows), recorded as `verified_by` unless `--by` says otherwise. */
  user?: string;
}

/** Reads the review settings from an environment. */
export function loadReviewSettings(env: NodeJS.ProcessEnv = process.env): ReviewSettings {
  const editor =
    env.VISUAL?.trim() || env.EDITOR?.trim() || (process.platform === "win32" ? "notepad" : "nano");
  const user = env.USER?.trim() || env.USERNAME?.trim();
  return { editor, ...(user ? { user } : {}) };
}
