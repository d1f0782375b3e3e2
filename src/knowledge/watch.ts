/**
 * Hot reload: watches the knowledge folder and, a moment after the last change, loads and checks
 * it again. Knowledge that passes every check replaces the holder's snapshot; knowledge that does
 * not is refused, the app keeps answering from the last good version, and the curator is told
 * exactly what is wrong (`file:line: field: problem`) in the log and through `onRejected`.
 */
import { existsSync, type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../log.js";
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
  /** The checker; the loader's `checkKnowledge` unless a test says otherwise. */
  check?: (dir: string) => KnowledgeCheck;
}

/** A running watcher. */
export interface KnowledgeWatcher {
  /** Loads and checks the folder now (what a change triggers after the quiet time). */
  reload(): ReloadResult;
  close(): void;
}

/** How many times in a row a reload that crashed (a file vanished mid-save) is retried. */
const MAX_RETRIES = 3;

/** Starts watching `dir` recursively; changes reload the holder's knowledge after a short quiet time. */
export function watchKnowledge(options: WatchOptions): KnowledgeWatcher {
  const { dir, holder, log } = options;
  const debounceMs = options.debounceMs ?? 300;
  const check = options.check ?? checkKnowledge;
  let timer: NodeJS.Timeout | undefined;
  let retries = 0;
  let lastRejected = "";
  let closed = false;
  /** The files' signature at the last reload; the poller reloads only when it changes. */
  let seen = signature(dir);

  const reload = (): ReloadResult => {
    seen = signature(dir);
    const keptVersion = holder.snapshot().kb.version;
    const { kb, problems, draftProblems } = check(dir);
    let result: ReloadResult;
    if (kb && kb.version === keptVersion) {
      result = { outcome: "unchanged", version: kb.version };
      lastRejected = "";
    } else if (kb) {
      holder.swap(kb);
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

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      try {
        reload();
        retries = 0;
      } catch (err) {
        // Usually a file renamed away between listing and reading during an editor's save: try again.
        if (++retries <= MAX_RETRIES) {
          log.debug("knowledge reload failed part-way; trying again", err);
          schedule();
        } else {
          retries = 0;
          log.error("knowledge reload failed; still answering from the last good version", err);
        }
      }
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
  log.info(`watching ${dir}/ for edits`);
  return {
    reload,
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poller);
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
