/**
 * A start-up shortcut for the `tradebot` command: the checked knowledge base is cached as JSON,
 * keyed by a hash of every file in the knowledge folder. An unchanged folder loads without the
 * YAML parser and the schema validator (about half of a cold start); any edit misses the cache
 * and goes through the full load and checks. Only ever holds a knowledge base that passed them.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Drafts, KnowledgeBase, LoadedClaim, LoadedConcept, LoadedSource } from "./schema.js";

/** How many other cached knowledge bases to keep (another checkout's, a test's copy). */
const KEEP_OTHERS = 3;

interface CachedKnowledge {
  format: 3;
  /** What the caller derived from this knowledge and asked to keep with it. */
  extra?: unknown;
  sources: LoadedSource[];
  concepts: LoadedConcept[];
  claims: LoadedClaim[];
  drafts: Drafts;
  version: string;
  newestSource: string;
}

/**
 * The loader's own modules: a cache written by a loader with other checks must not be trusted by
 * this one, so they are part of the key.
 */
const CHECKER_FILES = ["load.js", "check.js", "schema.js", "yaml-file.js"].map((f) =>
  fileURLToPath(new URL(f, import.meta.url)),
);

/** A hash of every file's path and content under `dir`, and of the checker that accepted them. */
export function fingerprint(dir: string): string {
  const hash = createHash("sha256");
  for (const f of CHECKER_FILES) {
    try {
      hash.update(readFileSync(f));
    } catch {
      hash.update(f); // running from TypeScript sources: the .js names do not exist, the folder is the key
    }
  }
  const walk = (rel: string) => {
    const entries = readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.isFile())
        hash
          .update(`${path}\0`)
          .update(readFileSync(join(dir, path)))
          .update("\0");
    }
  };
  walk("");
  return hash.digest("hex").slice(0, 24);
}

/** A knowledge base from the cache or a full load, what was kept with it, and a way to keep more. */
export interface CachedLoad {
  kb: KnowledgeBase;
  /** What `keep` stored with this same knowledge earlier, if anything. */
  extra?: unknown;
  /** Stores `extra` with this knowledge for the next start. Never throws. */
  keep(extra: unknown): void;
}

/**
 * Loads the knowledge base from the cache when the folder is unchanged, else through `load`
 * (which throws `KnowledgeError` on bad data) and caches the result. Cache trouble is never fatal.
 */
export async function loadKnowledgeCached(
  dir: string,
  cacheDir: string,
  load: (dir: string) => Promise<KnowledgeBase>,
): Promise<CachedLoad> {
  let key: string | undefined;
  try {
    key = fingerprint(dir);
    const cached = JSON.parse(readFileSync(join(cacheDir, `kb-${key}.json`), "utf8")) as CachedKnowledge;
    if (cached.format === 3) {
      const kb: KnowledgeBase = {
        sources: new Map(cached.sources.map((s) => [s.id, s])),
        concepts: new Map(cached.concepts.map((c) => [c.id, c])),
        claims: cached.claims,
        drafts: cached.drafts,
        version: cached.version,
        newestSource: cached.newestSource,
      };
      return { kb, extra: cached.extra, keep: (extra) => write(cacheDir, key as string, kb, extra) };
    }
  } catch {
    // No cache yet, an unreadable folder (the full load reports it), or a stale format.
  }
  const kb = await load(dir);
  if (key) write(cacheDir, key, kb);
  return { kb, keep: (extra) => key && write(cacheDir, key, kb, extra) };
}

function write(cacheDir: string, key: string, kb: KnowledgeBase, extra?: unknown): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const body: CachedKnowledge = {
      format: 3,
      extra,
      sources: [...kb.sources.values()],
      concepts: [...kb.concepts.values()],
      claims: [...kb.claims],
      drafts: kb.drafts,
      version: kb.version,
      newestSource: kb.newestSource,
    };
    const tmp = join(cacheDir, `kb-${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, join(cacheDir, `kb-${key}.json`));
    // Only the newest few are kept: each edit of the knowledge would otherwise leave one behind.
    const old = readdirSync(cacheDir)
      .filter((f) => /^kb-[0-9a-f]+\.json$/.test(f) && f !== `kb-${key}.json`)
      .map((f) => ({ f, t: statSync(join(cacheDir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP_OTHERS);
    for (const { f } of old) rmSync(join(cacheDir, f), { force: true });
  } catch {
    // A read-only install still works, just without the shortcut.
  }
}
