/**
 * What accepting drafts would change in what the bot says: for a draft claim, the standing claims
 * it would replace (same subject and single-valued attribute, older, another value), those it would
 * dispute (as of the same day, another source, another value: both would be shown), those it
 * confirms (the same value) and those newer than it, which it would not displace. `whatChanges`
 * asks it of one loaded draft against a knowledge base (the review step); `changesOf` of a new
 * article's drafted claims against the standing claims (`tradebot kb add-source`, the draft eval).
 * Pure: the rule is the one answer/standing.ts applies.
 */
import { type Standing, standingOf } from "../answer/standing.js";
import { SINGLE_VALUED, sameValue, subjectOf } from "./claim-values.js";
import { apDated } from "./news-style.js";
import type { Claim, KnowledgeBase, LoadedClaim, Value } from "./schema.js";

/** How one draft claim relates to the claims that stand now. */
export interface WhatChanges {
  /** Older standing claims with another value: the draft would stand in their place. */
  replaces: LoadedClaim[];
  /** Standing claims as of the same day from another source with another value: both would stand. */
  disputes: LoadedClaim[];
  /** Standing claims on the same subject and attribute that say the same. */
  confirms: LoadedClaim[];
  /** Newer standing claims with another value: the draft, once accepted, would not stand against them. */
  outdatedBy: LoadedClaim[];
}

/**
 * Which standing claims of `kb` the draft would replace, dispute or confirm, or is outdated by.
 * Each list is newest first. `standing` may be passed when several drafts are asked about at once.
 */
export function whatChanges(
  kb: KnowledgeBase,
  draft: LoadedClaim,
  standing: Standing = standingOf(kb),
): WhatChanges {
  const change: WhatChanges = { replaces: [], disputes: [], confirms: [], outdatedBy: [] };
  const subject = subjectOf(draft);
  for (const old of standing.claims) {
    if (old.id === draft.id || old.attribute !== draft.attribute || subjectOf(old) !== subject) continue;
    if (sameValue(old.value, draft.value)) change.confirms.push(old);
    else if (!SINGLE_VALUED.has(draft.attribute)) continue;
    else if (old.asOf < draft.asOf) change.replaces.push(old);
    else if (old.asOf > draft.asOf) change.outdatedBy.push(old);
    else if (old.source !== draft.source) change.disputes.push(old);
  }
  for (const list of Object.values(change) as LoadedClaim[][])
    list.sort((a, b) => b.asOf.localeCompare(a.asOf));
  return change;
}

/** How one drafted claim relates to the claims that stand now. */
export interface ClaimChange {
  claim: Claim;
  /** The day the drafted claim is as of: its `holds.as_of`, else its source's publication date. */
  asOf: string;
  /** Older standing claims with another value, which it would replace. */
  replaces: LoadedClaim[];
  /** Standing claims as of the same day from another source with another value: both would stand. */
  disputes: LoadedClaim[];
  /** Standing claims that say the same. */
  confirms: LoadedClaim[];
  /** Newer standing claims with another value: the drafted claim would not stand against them. */
  outdatedBy: LoadedClaim[];
}

/**
 * The change each drafted claim would make if accepted as it is. `standing` is the knowledge's
 * standing claims (answer/standing.ts `standingOf(kb).claims`); `published` is the new source's date.
 */
export function changesOf(
  drafts: readonly Claim[],
  published: string,
  standing: readonly LoadedClaim[],
): ClaimChange[] {
  const bySubject = new Map<string, LoadedClaim[]>();
  for (const c of standing) {
    const key = `${subjectOf(c)}\0${c.attribute}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), c]);
  }
  return drafts.map((claim) => {
    const asOf = claim.holds?.as_of ?? published;
    const change: ClaimChange = { claim, asOf, replaces: [], disputes: [], confirms: [], outdatedBy: [] };
    for (const old of bySubject.get(`${subjectOf(claim)}\0${claim.attribute}`) ?? []) {
      if (old.id === claim.id) continue;
      // "25 million tons a year in 2026–2028" beside "12 million tons in the last two months of 2025":
      // figures for periods that do not meet are of different things.
      if (!periodsMeet(old, claim)) continue;
      if (sameValue(old.value, claim.value)) change.confirms.push(old);
      else if (!SINGLE_VALUED.has(claim.attribute)) continue;
      else if (old.asOf < asOf) change.replaces.push(old);
      else if (old.asOf > asOf) change.outdatedBy.push(old);
      else if (old.source !== claim.source) change.disputes.push(old);
    }
    return change;
  });
}

/** Whether two claims' periods (`holds.from`..`holds.until`, open where not given) overlap, or either has none. */
function periodsMeet(a: Claim, b: Claim): boolean {
  const [af, au, bf, bu] = [a.holds?.from, a.holds?.until, b.holds?.from, b.holds?.until];
  if (!(af || au) || !(bf || bu)) return true;
  // Periods that only touch ("through January" and "from 2026") are told apart.
  return (af ?? "0000") < (bu ?? "9999") && (bf ?? "0000") < (au ?? "9999");
}

/** Whether a change does anything a curator should look at before accepting. */
export function changesSomething(c: ClaimChange): boolean {
  return c.replaces.length + c.disputes.length + c.confirms.length + c.outdatedBy.length > 0;
}

/** A value in a few words: "Nov. 10, 2025", "10 percent", "suspended", "[kuala-lumpur]". */
export function valueInWords(v: Value): string {
  if ("date" in v)
    return `${apDated(v.date, v.precision)}${v.until ? ` until ${apDated(v.until, "day")}` : ""}`;
  if ("figure" in v) return `${v.figure} ${v.unit}`;
  if ("state" in v) return v.state.replace(/_/g, " ");
  if ("places" in v) return v.places.join(", ");
  if ("people" in v) return v.people.join(", ");
  return v.text.length > 60 ? `${v.text.slice(0, 59)}…` : v.text;
}

/** The changes as lines for a terminal: one per drafted claim that replaces, disputes, confirms or is outdated. */
export function changeLines(changes: readonly ClaimChange[]): string[] {
  const lines: string[] = [];
  const old = (c: LoadedClaim) => `${c.id} (${valueInWords(c.value)}, as of ${c.asOf}, ${c.source})`;
  for (const ch of changes.filter(changesSomething)) {
    const head = `${ch.claim.id}: ${ch.claim.attribute} of ${subjectOf(ch.claim)} = ${valueInWords(ch.claim.value)}`;
    const parts = [
      ...ch.replaces.map((c) => `replaces ${old(c)}`),
      ...ch.disputes.map((c) => `disputes ${old(c)}`),
      ...ch.confirms.map((c) => `confirms ${old(c)}`),
      ...ch.outdatedBy.map((c) => `is older than ${old(c)}`),
    ];
    lines.push(`${head}: ${parts.join("; ")}`);
  }
  return lines;
}
