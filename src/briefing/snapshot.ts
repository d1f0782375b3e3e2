/**
 * What a briefing covered, and what changed since. A snapshot is each reviewed entry's id and a
 * hash of its content; comparing the previous briefing's snapshot with today's knowledge gives
 * new, changed, superseded and withdrawn entries.
 */
import { createHash } from "node:crypto";
import type { KnowledgeBase, LoadedEntry } from "../knowledge/schema.js";
import type { SnapshotEntry } from "../store/types.js";

/** A short hash of what an entry says (not where it sits in its file). */
export function entryHash(entry: LoadedEntry): string {
  const { file: _file, line: _line, ...content } = entry;
  return createHash("sha256").update(stableJson(content)).digest("hex").slice(0, 16);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The snapshot of every reviewed entry. */
export function snapshotOf(kb: KnowledgeBase): SnapshotEntry[] {
  return kb.entries.map((e) => ({ id: e.id, hash: entryHash(e) }));
}

/** How today's knowledge differs from a previous snapshot. */
export interface KnowledgeChanges {
  added: LoadedEntry[];
  changed: LoadedEntry[];
  /** Entries that replace one the previous briefing covered. */
  superseded: { entry: LoadedEntry; replaces: string; replaced?: LoadedEntry }[];
  /** Ids the previous briefing covered that are gone, not replaced by anything. */
  removed: string[];
}

/** Compares `kb` against `previous`. */
export function diffSnapshot(kb: KnowledgeBase, previous: readonly SnapshotEntry[]): KnowledgeChanges {
  const before = new Map(previous.map((s) => [s.id, s.hash]));
  const byId = new Map(kb.entries.map((e) => [e.id, e]));
  const changes: KnowledgeChanges = { added: [], changed: [], superseded: [], removed: [] };
  const replacedIds = new Set<string>();
  for (const entry of kb.entries) {
    const oldHash = before.get(entry.id);
    if (oldHash === entryHash(entry)) continue;
    const replaces = entry.supersedes;
    if (replaces && before.has(replaces)) {
      replacedIds.add(replaces);
      const replaced = byId.get(replaces);
      changes.superseded.push({ entry, replaces, ...(replaced ? { replaced } : {}) });
    } else if (oldHash === undefined) changes.added.push(entry);
    else changes.changed.push(entry);
  }
  for (const id of before.keys()) if (!byId.has(id) && !replacedIds.has(id)) changes.removed.push(id);
  return changes;
}

/** True when nothing differs. */
export function isUnchanged(changes: KnowledgeChanges): boolean {
  return (
    !changes.added.length && !changes.changed.length && !changes.superseded.length && !changes.removed.length
  );
}
