/** A logger that keeps its lines, so tests can assert what an operator would read. */
import type { Logger } from "../../src/log.js";

/** A captured log line. */
export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  text: string;
}

/** The logger and what it captured. */
export interface CapturedLog {
  logger: Logger;
  lines: LogLine[];
  /** All lines as one text. */
  text(): string;
  /** Resolves once a line matches `pattern`, rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<LogLine>;
}

/** A logger capturing every line (debug included). */
export function captureLogger(): CapturedLog {
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  const at = (level: LogLine["level"]) => (msg: string, detail?: unknown) => {
    const extra =
      detail instanceof Error ? ` ${detail.message}` : detail === undefined ? "" : ` ${safe(detail)}`;
    lines.push({ level, text: `${msg}${extra}` });
    for (const w of [...waiters]) w();
  };
  return {
    logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
    lines,
    text: () => lines.map((l) => `${l.level} ${l.text}`).join("\n"),
    waitFor(pattern, timeoutMs = 10_000) {
      const found = () => lines.find((l) => pattern.test(l.text));
      const now = found();
      if (now) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = found();
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no log line matched ${pattern}:\n${lines.map((l) => l.text).join("\n")}`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
  };
}

function safe(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
