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
