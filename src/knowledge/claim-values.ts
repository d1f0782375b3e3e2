/**
 * The rules that say when two claims are about the same thing with the same value: a claim's
 * subject, which attributes hold one value at a time, and whether two values agree. Which claims
 * stand (answer/standing.ts, where the rules live) and what a new article would change
 * (changes.ts) both follow them; drafting reads them from here.
 */
import type { Claim } from "./schema.js";

export { SINGLE_VALUED, sameValue } from "../answer/standing.js";

/** The subject of a claim (reviewed or drafted): the first concept it is about. */
export function subjectOf(claim: Pick<Claim, "about">): string {
  return claim.about[0] as string;
}
