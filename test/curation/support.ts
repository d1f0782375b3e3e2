/** Helpers for the curation tests: a temporary knowledge folder, a captured log, and polling with a deadline. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, type Logger } from "../../src/log.js";

/** A copy of a fixture knowledge folder in a temporary directory. */
export function tempKnowledge(fixture: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "tradebot-kb-"));
  cpSync(fixture, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces `from` with `to` in a file, failing loudly when `from` is not there (so a test cannot pass vacuously). */
export function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

/** A logger that keeps its lines. */
export function capturedLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger("debug", (l) => lines.push(l)), lines };
}

/**
 * Polls `probe` until it returns a value `accept` likes, or fails after `timeoutMs` with the last
 * value seen. Used instead of fixed sleeps: the file system's timing is not the behaviour under test.
 */
export async function eventually<T>(
  probe: () => T,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = probe();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
    last = probe();
  }
  return last;
}
