/**
 * Supersession: an entry may replace an older one (the truce extended, a meeting moved).
 * Answers use the newest standing entry of each chain and can say what it replaced.
 */
import type { KnowledgeBase, LoadedEntry } from "../knowledge/schema.js";

/** The standing entries and, for each, the older entries it replaced (newest first). */
export interface Standing {
  entries: LoadedEntry[];
  byId: ReadonlyMap<string, LoadedEntry>;
  /** Any entry id (standing or replaced) → the standing entry that now answers for it. */
  current: ReadonlyMap<string, LoadedEntry>;
  /** Standing entry id → the chain it replaced, newest first. */
  replaced: ReadonlyMap<string, LoadedEntry[]>;
}

/** Works out which entries stand and what each replaced. The loader has already refused cycles. */
export function standingOf(kb: KnowledgeBase): Standing {
  const byId = new Map(kb.entries.map((e) => [e.id, e]));
  const replacedBy = new Map<string, LoadedEntry>();
  for (const e of kb.entries) if (e.supersedes && byId.has(e.supersedes)) replacedBy.set(e.supersedes, e);
  const entries = kb.entries.filter((e) => !replacedBy.has(e.id));
  const current = new Map<string, LoadedEntry>();
  const replaced = new Map<string, LoadedEntry[]>();
  for (const e of entries) {
    current.set(e.id, e);
    const chain: LoadedEntry[] = [];
    let older = e.supersedes ? byId.get(e.supersedes) : undefined;
    while (older && !chain.includes(older)) {
      chain.push(older);
      current.set(older.id, e);
      older = older.supersedes ? byId.get(older.supersedes) : undefined;
    }
    replaced.set(e.id, chain);
  }
  return { entries, byId, current, replaced };
}
