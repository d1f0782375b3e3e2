/**
 * Hot reload: watches the knowledge folder and, a moment after the last change, loads and checks
 * it again. Knowledge that passes every check replaces the holder's snapshot; knowledge that does
 * not is refused, the app keeps answering from the last good version, and the curator is told
 * exactly what is wrong (`file:line: field: problem`) in the log and through `onRejected`.
 *
 * A reload a change triggers checks the folder off the main thread (check-thread.ts, reusing the
 * parse of every unchanged file) and builds the new core a step at a time (the holder's stepped
 * factory), so questions keep being answered, without a stall, until the new snapshot swaps in.
 */
import { existsSync, type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../log.js";
import { type Checker, localChecker, startChecker } from "./check-thread.js";
import type { KnowledgeHolder } from "./holder.js";
import { checkKnowledge, type KnowledgeCheck } from "./load.js";
import { formatProblem } from "./problem.js";

/** What one reload did. */
export type ReloadResult =
  | { outcome: "reloaded"; version: string; previousVersion: string }
  | { outcome: "unchanged"; version: string }
  | { outcome: "rejected"; problems: string[]; keptVersion: string };

/** How to watch. */
export interface WatchOptions {
  dir: string;
  holder: KnowledgeHolder;
  log: Logger;
  /** Quiet time after the last change before reloading; editors save in several steps. Default 300 ms. */
  debounceMs?: number;
  /** Told the problems when a change is refused (main.ts posts them to the admin channel). Once per distinct list. */
  onRejected?: (problems: string[]) => void | Promise<void>;
  /** Told after each reload attempt; for tests and metrics. */
  onReload?: (result: ReloadResult) => void;
  /**
   * Also compare the files' sizes and times this often (ms), as a safety net for file systems whose
   * change events go missing (network and container mounts, an exhausted inotify limit). Default
   * 5000; 0 turns it off.
   */
  pollMs?: number;
  /** Use the operating system's change events (default true); false leaves only polling. */
  nativeEvents?: boolean;
  /** Check the folder once in the background at start, so the first edit finds every other file parsed (default true). */
  warmUp?: boolean;
  /** The checker; the loader's `checkKnowledge` (off the main thread for triggered reloads) unless a test says otherwise. */
  check?: (dir: string) => KnowledgeCheck;
}

/** A running watcher. */
export interface KnowledgeWatcher {
  /** Loads and checks the folder now, in this thread, and swaps at once. */
  reload(): ReloadResult;
  /** What a change triggers after the quiet time: the check off the main thread, the core built in steps. */
  reloadInBackground(): Promise<ReloadResult>;
  close(): void;
}

/** How many times in a row a reload that crashed (a file vanished mid-save) is retried. */
const MAX_RETRIES = 3;

/** Starts watching `dir` recursively; changes reload the holder's knowledge after a short quiet time. */
export function watchKnowledge(options: WatchOptions): KnowledgeWatcher {
  const { dir, holder, log } = options;
  const debounceMs = options.debounceMs ?? 300;
  const check = options.check ?? checkKnowledge;
  const custom = options.check;
  let checker: Checker | undefined;
  let timer: NodeJS.Timeout | undefined;
  let retries = 0;
  let lastRejected = "";
  let closed = false;
  /** The files' signature at the last reload; the poller reloads only when it changes. */
  let seen = signature(dir);

  const reload = (): ReloadResult => {
    seen = signature(dir);
    const keptVersion = holder.snapshot().kb.version;
    const checked = check(dir);
    if (checked.kb && checked.kb.version !== keptVersion) holder.swap(checked.kb);
    return settle(checked, keptVersion);
  };

  const reloadInBackground = async (): Promise<ReloadResult> => {
    seen = signature(dir);
    const keptVersion = holder.snapshot().kb.version;
    checker ??= custom ? { check: async (d) => custom(d), close: () => {} } : startChecker();
    let checked: KnowledgeCheck;
    try {
      checked = await checker.check(dir);
    } catch (err) {
      // The worker could not run (or died): check here instead from now on.
      log.debug("knowledge check thread failed; checking in the main thread", err);
      checker.close();
      checker = localChecker();
      checked = await checker.check(dir);
    }
    if (checked.kb && checked.kb.version !== keptVersion && !closed) await holder.swapInSteps(checked.kb);
    return settle(checked, keptVersion);
  };

  /** Logs, notifies and reports what a check found; the swap, if any, is done. */
  const settle = ({ kb, problems, draftProblems }: KnowledgeCheck, keptVersion: string): ReloadResult => {
    let result: ReloadResult;
    if (kb && kb.version === keptVersion) {
      result = { outcome: "unchanged", version: kb.version };
      lastRejected = "";
    } else if (kb) {
      lastRejected = "";
      log.info(
        `knowledge reloaded: version ${kb.version} (was ${keptVersion}): ${kb.claims.length} claims, ${kb.drafts.claims.length} drafts, ${kb.sources.size} sources, newest source ${kb.newestSource}`,
      );
      if (draftProblems.length) {
        log.warn(
          `drafts with problems, left out of the drafts (never served anyway):\n${draftProblems.map(formatProblem).join("\n")}`,
        );
      }
      result = { outcome: "reloaded", version: kb.version, previousVersion: keptVersion };
    } else {
      const lines = problems.map(formatProblem);
      log.warn(
        `knowledge change refused; still answering from version ${keptVersion}. Fix these and save again:\n${lines.join("\n")}`,
      );
      result = { outcome: "rejected", problems: lines, keptVersion };
      const key = lines.join("\n");
      if (key !== lastRejected) {
        lastRejected = key;
        notify(lines);
      }
    }
    options.onReload?.(result);
    return result;
  };

  const notify = (lines: string[]) => {
    if (!options.onRejected) return;
    try {
      Promise.resolve(options.onRejected(lines)).catch((err: unknown) =>
        log.error("could not report the refused knowledge change", err),
      );
    } catch (err) {
      log.error("could not report the refused knowledge change", err);
    }
  };

  /** Whether a reload is running, and whether another change came in meanwhile. */
  let running = false;
  let again = false;
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = true;
      reloadInBackground()
        .then(() => {
          retries = 0;
        })
        .catch((err: unknown) => {
          // Usually a file renamed away between listing and reading during an editor's save: try again.
          if (++retries <= MAX_RETRIES) {
            log.debug("knowledge reload failed part-way; trying again", err);
            again = true;
          } else {
            retries = 0;
            log.error("knowledge reload failed; still answering from the last good version", err);
          }
        })
        .finally(() => {
          running = false;
          if (again) {
            again = false;
            schedule();
          }
        });
    }, debounceMs);
  };

  const watchers = options.nativeEvents === false ? [] : startWatching(dir, schedule, log);
  const pollMs = options.pollMs ?? 5000;
  const poller =
    pollMs > 0
      ? setInterval(() => {
          // Not while a reload is already waiting: re-arming it would keep pushing the reload back.
          if (timer === undefined && signature(dir) !== seen) schedule();
        }, pollMs).unref()
      : undefined;
  if (!custom && options.warmUp !== false) {
    // The checker's per-file cache is filled now, so the first edit re-reads only its own file.
    checker = startChecker();
    checker.check(dir).catch((err: unknown) => log.debug("knowledge check thread could not warm up", err));
  }
  log.info(`watching ${dir}/ for edits`);
  return {
    reload,
    reloadInBackground,
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poller);
      checker?.close();
      for (const w of watchers) w.close();
    },
  };
}

/** The folders of a knowledge base whose files a reload reads. */
const KNOWLEDGE_FOLDERS = ["sources", "concepts", "claims", "drafts"] as const;

/** Names, sizes and modification times of the knowledge files: cheap to take, and changes when any file does. */
function signature(dir: string): string {
  const parts: string[] = [];
  for (const sub of KNOWLEDGE_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub)).sort();
    } catch {
      parts.push(`${sub}:missing`);
      continue;
    }
    for (const name of names) {
      try {
        const st = statSync(join(dir, sub, name));
        parts.push(`${sub}/${name}:${st.size}:${st.mtimeMs}`);
      } catch {
        parts.push(`${sub}/${name}:gone`);
      }
    }
  }
  return parts.join("\n");
}

/** One recursive watcher where the platform has them (Linux on Node 20+, macOS, Windows), else one per folder. */
function startWatching(dir: string, onChange: () => void, log: Logger): FSWatcher[] {
  const onError = (err: Error) => log.warn(`watching ${dir} failed; edits may need a restart`, err);
  try {
    return [watch(dir, { recursive: true }, onChange).on("error", onError)];
  } catch (err) {
    if ((err as { code?: string }).code !== "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM") throw err;
    // A folder that does not exist yet (drafts/ before the first draft) cannot be watched; the poll sees it.
    return [dir, ...KNOWLEDGE_FOLDERS.map((sub) => join(dir, sub))]
      .filter((d) => existsSync(d))
      .map((d) => watch(d, onChange).on("error", onError));
  }
}
