/** Bolt and the Slack SDKs log through our logger (which redacts tokens), not their own console logger. */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../log.js";

/** Adapts the app's logger to the interface Bolt expects. */
export function boltLogger(log: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let name = "bolt";
  const join = (msg: unknown[]) => msg.map((m) => (typeof m === "string" ? m : safeJson(m))).join(" ");
  return {
    debug: (...m) => log.debug(`[${name}] ${join(m)}`),
    info: (...m) => log.info(`[${name}] ${join(m)}`),
    warn: (...m) => log.warn(`[${name}] ${join(m)}`),
    error: (...m) => log.error(`[${name}] ${join(m)}`),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}

function safeJson(v: unknown): string {
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
