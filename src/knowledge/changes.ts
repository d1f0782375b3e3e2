/**
 * What accepting a draft claim would change in what the bot says: the standing claims it would
 * replace (same subject and single-valued attribute, older, another value), those it would dispute
 * (as of the same day, another source, another value: both would be shown), those it confirms (the
 * same value) and those newer than it, which it would not displace. Pure: the rule is the one
 * answer/standing.ts applies, asked of one draft before it is accepted.
 */
import { SINGLE_VALUED, type Standing, sameValue, standingOf, subjectOf } from "../answer/standing.js";
import type { KnowledgeBase, LoadedClaim } from "./schema.js";

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
