/**
 * What a briefing covered, and what changed since. A snapshot is each standing claim's id and a
 * hash of its content; comparing the previous briefing's snapshot with what stands today gives
 * new, changed, replacing and withdrawn claims. Which claim replaces which is `standingOf`'s
 * answer (newest claim per subject and attribute, or an explicit `supersedes`), never worked out here.
 */
import { createHash } from "node:crypto";
import { type Standing, standingOf } from "../answer/standing.js";
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import type { SnapshotEntry } from "../store/types.js";

/** The knowledge base is immutable, so what stands in it is worked out once. */
const standingCache = new WeakMap<KnowledgeBase, Standing>();

/** What stands in `kb`, computed once per knowledge base. */
export function standingFor(kb: KnowledgeBase): Standing {
  let standing = standingCache.get(kb);
  if (!standing) {
    standing = standingOf(kb);
    standingCache.set(kb, standing);
  }
  return standing;
}

/** A short hash of what a claim says (not where it sits in its file). */
export function claimHash(claim: LoadedClaim): string {
  const { file: _file, line: _line, ...content } = claim;
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

/** The claims a briefing covers: those that stand and that no newer status has retired. */
export function coveredClaims(standing: Standing): LoadedClaim[] {
  return standing.claims.filter((c) => !standing.retired.has(c.id));
}

/** The snapshot of what stands in `kb`. */
export function snapshotOf(kb: KnowledgeBase): SnapshotEntry[] {
  return coveredClaims(standingFor(kb)).map((c) => ({ id: c.id, hash: claimHash(c) }));
}

/** How today's knowledge differs from a previous snapshot. */
export interface KnowledgeChanges {
  added: LoadedClaim[];
  /** Claims the previous briefing covered whose content changed, and newer claims that say the same as one it covered. */
  changed: LoadedClaim[];
  /** Standing claims that replaced one the previous briefing covered. */
  superseded: { claim: LoadedClaim; replaces: string; replaced?: LoadedClaim }[];
  /** Ids the previous briefing covered that no longer stand and that nothing covered now replaced. */
  removed: string[];
}

/** Compares what stands in `kb` against `previous`. */
export function diffSnapshot(kb: KnowledgeBase, previous: readonly SnapshotEntry[]): KnowledgeChanges {
  const standing = standingFor(kb);
  const before = new Map(previous.map((s) => [s.id, s.hash]));
  const changes: KnowledgeChanges = { added: [], changed: [], superseded: [], removed: [] };
  const covered = coveredClaims(standing);
  const accounted = new Set(covered.map((c) => c.id));
  for (const claim of covered) {
    const oldHash = before.get(claim.id);
    if (oldHash === claimHash(claim)) continue;
    const replaced = (standing.replaced.get(claim.id) ?? []).filter((r) => before.has(r.id));
    const confirmed = (standing.confirmed.get(claim.id) ?? []).filter((r) => before.has(r.id));
    for (const r of [...replaced, ...confirmed]) accounted.add(r.id);
    const [newest] = replaced;
    if (newest) changes.superseded.push({ claim, replaces: newest.id, replaced: newest });
    else if (oldHash === undefined && confirmed.length === 0) changes.added.push(claim);
    else changes.changed.push(claim);
  }
  for (const id of before.keys()) if (!accounted.has(id)) changes.removed.push(id);
  return changes;
}

/** True when nothing differs. */
export function isUnchanged(changes: KnowledgeChanges): boolean {
  return (
    !changes.added.length && !changes.changed.length && !changes.superseded.length && !changes.removed.length
  );
}

/**
 * Whether a previous snapshot can be compared with `kb` at all: it shares a claim id with it (or
 * is empty). A snapshot taken before the knowledge was remodelled (entries, not claims) shares
 * none, and comparing it would list every claim as new and every old entry as withdrawn.
 */
export function comparable(kb: KnowledgeBase, previous: readonly SnapshotEntry[]): boolean {
  if (previous.length === 0) return true;
  const ids = new Set(kb.claims.map((c) => c.id));
  return previous.some((s) => ids.has(s.id));
}
