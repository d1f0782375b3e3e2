/**
 * A small leveled logger writing one line per record to stderr: readable lines in a terminal and
 * the local chat (the default), one JSON object a line in production (`format: "json"`, pino, see
 * log-json.ts). Secrets never reach the log: Slack tokens and signing-secret-looking values are
 * masked in every line, in either format.
 */
import type { LogFields } from "./log-context.js";
import { createJsonLogger } from "./log-json.js";

export type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Masks Slack tokens (xoxb-, xoxp-, xapp-, xoxe-) and long hex secrets. */
export function redact(text: string): string {
  return text
    .replace(/\bx(?:ox[abpers]|app)-[A-Za-z0-9-]+/g, (m) => `${m.slice(0, 5)}…[redacted]`)
    .replace(/\b[a-f0-9]{32,}\b/g, "[redacted]");
}

/** The logging interface the app passes around. */
export interface Logger {
  debug(msg: string, detail?: unknown): void;
  info(msg: string, detail?: unknown): void;
  warn(msg: string, detail?: unknown): void;
  error(msg: string, detail?: unknown): void;
  /** A logger whose every line also carries `fields` (JSON logs); absent on simple loggers. */
  child?(fields: LogFields): Logger;
}

/** How lines are written: `text` (today's readable line) or `json` (one object a line). */
export type LogFormat = "text" | "json";

/** Options of `createLogger`. */
export interface LoggerOptions {
  format?: LogFormat;
  /** Fields every line carries, read at each line (the knowledge version being served). */
  fields?: () => LogFields;
  /** Values masked wherever they appear (the configured tokens and signing secret), whatever their shape. */
  secrets?: readonly (string | undefined)[];
}

/** `logger.child(fields)` where the logger has children, the logger itself otherwise. */
export function childLogger(logger: Logger, fields: LogFields): Logger {
  return logger.child ? logger.child(fields) : logger;
}

function describe(detail: unknown): string {
  if (detail === undefined) return "";
  if (detail instanceof Error)
    return ` ${detail.name}: ${detail.message}${detail.stack ? `\n${detail.stack}` : ""}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

/** A logger at `level` that writes to `sink` (stderr by default). */
export function createLogger(
  level: Level = "info",
  sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  options: LoggerOptions = {},
): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 8);
  const mask = (line: string) =>
    redact(secrets.reduce((l, secret) => l.split(secret).join("[redacted]"), line));
  if (options.format === "json") return createJsonLogger(level, sink, { ...options, redact: mask });
  const at = (lvl: Level) => (msg: string, detail?: unknown) => {
    if (order[lvl] < order[level]) return;
    sink(mask(`${new Date().toISOString()} ${lvl.toUpperCase()} ${msg}${describe(detail)}`));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A logger that drops everything (tests, the CLI's quiet paths). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
