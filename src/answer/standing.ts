/**
 * Which claims stand. For an attribute that has one value at a time (when, where, amount, status…),
 * the newest claim on the same subject and attribute replaces older ones with another value and
 * confirms older ones with the same value; claims as of the same day from different sources that
 * differ are a dispute, and both stand. `supersedes` and `disputes` in the data cover what this
 * rule misses. A newer status that ends a measure (cancelled, suspended, ended) also retires its
 * older dates from status, timeline and briefing, though answers still give them with the news.
 */
import type { Attribute, KnowledgeBase, LoadedClaim, Value } from "../knowledge/schema.js";

/** Attributes a subject has one value of at a time: a newer claim replaces an older one. */
export const SINGLE_VALUED: ReadonlySet<Attribute> = new Set<Attribute>([
  "when",
  "start",
  "end",
  "where",
  "role",
  "amount",
  "duration",
  "status",
  "outcome",
]);

/** States after which a measure's or event's older dates no longer stand. */
const RETIRING_STATES = new Set(["cancelled", "suspended", "ended"]);

/** The standing claims and how each relates to the others. */
export interface Standing {
  /** Standing claims, in file order. */
  claims: LoadedClaim[];
  byId: ReadonlyMap<string, LoadedClaim>;
  /** Any claim id (standing or replaced) → the standing claim that now answers for it. */
  current: ReadonlyMap<string, LoadedClaim>;
  /** Standing claim id → the claims it replaced (different value), newest first. */
  replaced: ReadonlyMap<string, LoadedClaim[]>;
  /** Standing claim id → older claims that said the same. */
  confirmed: ReadonlyMap<string, LoadedClaim[]>;
  /** Standing claim id → standing claims that disagree with it. */
  disputed: ReadonlyMap<string, LoadedClaim[]>;
  /** Standing date claims a newer status retired (cancelled, suspended, ended): claim id → that status claim. */
  retired: ReadonlyMap<string, LoadedClaim>;
  /** Subject id → its newest standing status claim. */
  statusOf: ReadonlyMap<string, LoadedClaim>;
}

/** The subject of a claim: the first concept it is about. */
export function subjectOf(claim: LoadedClaim): string {
  return claim.about[0] as string;
}

/** Whether two values say the same thing. */
export function sameValue(a: Value, b: Value): boolean {
  const set = (xs: readonly string[]) => [...xs].sort().join("\0");
  if ("date" in a && "date" in b)
    return a.date === b.date && a.precision === b.precision && a.until === b.until;
  if ("places" in a && "places" in b) return set(a.places) === set(b.places);
  if ("people" in a && "people" in b) return set(a.people) === set(b.people);
  if ("figure" in a && "figure" in b) return a.figure === b.figure && a.unit === b.unit;
  if ("state" in a && "state" in b) return a.state === b.state;
  if ("text" in a && "text" in b) return norm(a.text) === norm(b.text);
  return false;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();

/** Works out which claims stand. The loader has already refused `supersedes` cycles. */
export function standingOf(kb: KnowledgeBase): Standing {
  const steps = standingSteps(kb);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Claims per step of `standingSteps`. */
const STEP = 500;

/** The same, a step at a time: it yields every few hundred claims (for a hot reload). */
export function* standingSteps(kb: KnowledgeBase): Generator<void, Standing> {
  let n = 0;
  /** Whether to give the caller a turn now. */
  const due = () => ++n % STEP === 0;
  const byId = new Map(kb.claims.map((c) => [c.id, c]));
  const replacedBy = new Map<string, LoadedClaim>();
  const confirmedBy = new Map<string, LoadedClaim>();
  const disputes = new Map<string, Set<LoadedClaim>>();
  const dispute = (a: LoadedClaim, b: LoadedClaim) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = disputes.get(x.id) ?? new Set();
      set.add(y);
      disputes.set(x.id, set);
    }
  };

  // Newest wins, per subject and single-valued attribute.
  const groups = new Map<string, LoadedClaim[]>();
  for (const c of kb.claims) {
    if (due()) yield;
    if (!SINGLE_VALUED.has(c.attribute)) continue;
    const key = `${subjectOf(c)}\0${c.attribute}`;
    const g = groups.get(key) ?? [];
    g.push(c);
    groups.set(key, g);
  }
  for (const group of groups.values()) {
    if (due()) yield;
    if (group.length < 2) continue;
    const newestFirst = [...group].sort((a, b) => b.asOf.localeCompare(a.asOf));
    const newestDay = newestFirst[0]?.asOf ?? "";
    const leaders = newestFirst.filter((c) => c.asOf === newestDay);
    for (const older of newestFirst) {
      if (leaders.includes(older)) continue;
      const same = leaders.find((l) => sameValue(l.value, older.value));
      if (same) confirmedBy.set(older.id, same);
      else replacedBy.set(older.id, leaders[0] as LoadedClaim);
    }
    for (const a of leaders)
      for (const b of leaders)
        if (a.id < b.id && a.source !== b.source && !sameValue(a.value, b.value)) dispute(a, b);
  }
  // What the data says outright wins over the rule.
  for (const c of kb.claims) {
    if (due()) yield;
    for (const old of c.supersedes) {
      confirmedBy.delete(old);
      replacedBy.set(old, c);
    }
    for (const other of c.disputes) {
      const o = byId.get(other);
      if (o) dispute(c, o);
    }
  }

  const standing = kb.claims.filter((c) => !replacedBy.has(c.id) && !confirmedBy.has(c.id));
  const current = new Map<string, LoadedClaim>();
  const replaced = new Map<string, LoadedClaim[]>();
  const confirmed = new Map<string, LoadedClaim[]>();
  const follow = (c: LoadedClaim): LoadedClaim => {
    let at = c;
    for (let i = 0; i < 64; i++) {
      const next = replacedBy.get(at.id) ?? confirmedBy.get(at.id);
      if (!next) break;
      at = next;
    }
    return at;
  };
  yield;
  for (const c of kb.claims) {
    if (due()) yield;
    const top = follow(c);
    current.set(c.id, top);
    if (top === c) continue;
    const into = replacedBy.has(c.id) && !sameValue(c.value, top.value) ? replaced : confirmed;
    const list = into.get(top.id) ?? [];
    list.push(c);
    into.set(top.id, list);
  }
  for (const list of [...replaced.values(), ...confirmed.values()])
    list.sort((a, b) => b.asOf.localeCompare(a.asOf));

  const disputed = new Map<string, LoadedClaim[]>();
  for (const [id, set] of disputes) {
    if (!current.has(id) || current.get(id)?.id !== id) continue;
    const others = [...set].filter((o) => current.get(o.id)?.id === o.id);
    if (others.length) disputed.set(id, others);
  }

  const statusOf = new Map<string, LoadedClaim>();
  for (const c of standing) {
    if (c.attribute !== "status") continue;
    const s = subjectOf(c);
    const prev = statusOf.get(s);
    if (!prev || c.asOf > prev.asOf) statusOf.set(s, c);
  }
  const retired = new Map<string, LoadedClaim>();
  for (const c of standing) {
    if (!("date" in c.value)) continue;
    const status = statusOf.get(subjectOf(c));
    if (
      status &&
      status.asOf > c.asOf &&
      "state" in status.value &&
      RETIRING_STATES.has(status.value.state)
    ) {
      retired.set(c.id, status);
    }
  }
  yield;
  return {
    claims: standing,
    byId,
    current,
    replaced,
    confirmed,
    disputed,
    retired,
    statusOf,
  };
}
