/**
 * A small leveled logger writing one line per record to stderr. Secrets never reach the log:
 * Slack tokens and signing-secret-looking values are masked in every message.
 */
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
): Logger {
  const at = (lvl: Level) => (msg: string, detail?: unknown) => {
    if (order[lvl] < order[level]) return;
    sink(redact(`${new Date().toISOString()} ${lvl.toUpperCase()} ${msg}${describe(detail)}`));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A logger that drops everything (tests, the CLI's quiet paths). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
