/**
 * Reviewing drafts: accepting a draft claim (with the proposed concepts it needs), merging one into
 * the claim it confirms, accepting a proposed concept, rejecting a draft; saving an edited draft is
 * in review-edit.ts, what every step shares in review-step.ts.
 * `tradebot kb review` and the Slack buttons both go through here, so a draft accepted either way
 * lands in the knowledge files the same way, for git review like any other edit.
 *
 * Every operation is a `FileChange`: the folder is checked as the change would leave it, with the
 * same schema and checks as `tradebot kb check`, and nothing is written unless the reviewed
 * knowledge still loads and no draft gains a problem it did not have. Accepted items go to
 * `claims/<source-id>.yml` and `concepts/<source-id>.yml` (created when needed), at the end of the
 * list, leaving the rest of each file as it was.
 */
import { SINGLE_VALUED, standingOf } from "../answer/standing.js";
import { whatChanges } from "../knowledge/changes.js";
import { FileChange } from "../knowledge/file-change.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { listItems, replaceItem, setFields } from "../knowledge/yaml-list.js";
import { type DraftEntry, neededConcepts } from "./drafts.js";
import {
  commitChecked,
  find,
  guarded,
  keyOf,
  putIn,
  type Reviewer,
  type ReviewResult,
  refused,
  takeOut,
} from "./review-step.js";

export { draftEditText, saveDraftEdit } from "./review-edit.js";
export { draftsOf, type Reviewer, type ReviewResult } from "./review-step.js";

/** Options for accepting a claim. */
export interface AcceptOptions extends Reviewer {
  /** Also accept the proposed concepts it needs (default true); false refuses when it needs any. */
  withConcepts?: boolean;
  /** The id of a claim it confirms, to merge into (see `mergeDraft`). */
  mergeInto?: string;
}

/** The step itself; see `acceptDraft`. */
function acceptDraftNow(dir: string, id: string, options: AcceptOptions): ReviewResult {
  const found = find(dir, "claim", id);
  if (found.error) return found.error;
  const { entry, kb, drafts } = found;
  if (entry.problems.length || !entry.claim)
    return refused("the draft has problems; edit it first", entry.problems);
  const change = new FileChange(dir);
  const needs = neededConcepts(entry, drafts.entries).filter((c) => !kb.concepts.has(c.id));
  if (needs.length && options.withConcepts === false)
    return refused(
      `it needs the proposed concept${needs.length > 1 ? "s" : ""} ${needs.map((c) => c.id).join(", ")}: accept ${needs.length > 1 ? "them" : "it"} first`,
    );
  for (const c of needs) {
    if (c.problems.length)
      return refused(`the proposed concept ${c.id} it needs has problems; edit it first`, c.problems);
    putIn(change, "concepts", c.sourceId, takeOut(change, c.file, "concepts", c.id));
  }
  const fields: Record<string, unknown> = { verified_by: options.by, verified_on: options.today };
  let note: string | undefined;
  if (options.mergeInto) {
    const merged = mergeFields(kb, entry, options.mergeInto);
    if ("reason" in merged) return refused(merged.reason);
    Object.assign(fields, merged.fields);
    note = merged.note;
  }
  let item = setFields(takeOut(change, entry.file, "claims", id), fields);
  const target = putIn(change, "claims", entry.sourceId, item);

  // What the rule will not see by itself, once the claim is in: say it in the claim.
  const after = change.check();
  if (after.kb) {
    const changes = whatChanges(kb, entry.claim);
    const standing = standingOf(after.kb);
    const existing = (entry.value.supersedes ?? []) as string[];
    // Only what would still stand beside it: the rule already retires the rest.
    const stands = (claimId: string) => standing.current.get(claimId)?.id === claimId;
    const supersedes = [
      ...changes.replaces.map((r) => r.id),
      ...(options.mergeInto ? [options.mergeInto] : []),
    ].filter((x) => stands(x) && !existing.includes(x));
    const disputed = new Set((standing.disputed.get(id) ?? []).map((c) => c.id));
    const disputes = changes.disputes
      .filter((d) => stands(d.id) && stands(id) && !disputed.has(d.id))
      .map((d) => d.id);
    if (supersedes.length || disputes.length) {
      item = setFields(item, {
        ...(supersedes.length ? { supersedes: [...existing, ...supersedes] } : {}),
        ...(disputes.length
          ? { disputes: [...((entry.value.disputes ?? []) as string[]), ...disputes] }
          : {}),
      });
      const text = change.text(target) ?? "";
      const index = listItems(text, "claims").findIndex((s) => (s.value as { id?: unknown })?.id === id);
      change.write(target, replaceItem(text, "claims", index, item));
    }
  }
  return commitChecked(change, drafts.check, id, note);
}

/**
 * What merging a draft into a claim it confirms adds. The draft becomes the claim that stands (it
 * is the newer report of the same thing) and keeps its own snippet, source and answer; it takes
 * over the older claim's title, headline and phrasings (those it lacks) and the concepts the older
 * claim is about, so status, timeline and answers show it where they showed the older one. The
 * older claim stays as it is, as the earlier report it confirms.
 */
function mergeFields(
  kb: KnowledgeBase,
  entry: DraftEntry,
  oldId: string,
): { fields: Record<string, unknown>; note: string } | { reason: string } {
  const draft = entry.claim;
  const old = kb.claims.find((c) => c.id === oldId);
  if (!draft || !old) return { reason: `there is no claim ${oldId} to merge into` };
  if (!whatChanges(kb, draft).confirms.some((c) => c.id === oldId))
    return { reason: `${entry.id} does not say the same as ${oldId}: accept it instead` };
  if (draft.asOf < old.asOf)
    return {
      reason: `${oldId} is the newer report and says the same, so it keeps standing: accept ${entry.id} as the earlier report, or reject it`,
    };
  const fields: Record<string, unknown> = {};
  if (!draft.title && old.title) fields.title = old.title;
  if (!draft.headline && old.headline) fields.headline = true;
  if (!draft.phrasings.length && old.phrasings.length) fields.phrasings = old.phrasings;
  const about = [...draft.about, ...old.about.filter((a) => !draft.about.includes(a))];
  if (about.length > draft.about.length) fields.about = about;
  const single = SINGLE_VALUED.has(draft.attribute);
  return {
    fields,
    note: `${entry.id} now stands for ${oldId}, which it confirms${single ? "" : " (marked with supersedes, as both would stand otherwise)"}`,
  };
}

/** Merges a draft claim into the claim it confirms (see `mergeFields`), accepting it. */
export function mergeDraft(dir: string, id: string, into: string, reviewer: Reviewer): ReviewResult {
  return acceptDraft(dir, id, { ...reviewer, mergeInto: into });
}

/** The step itself; see `acceptConcept`. */
function acceptConceptNow(dir: string, id: string): ReviewResult {
  const found = find(dir, "concept", id);
  if (found.error) return found.error;
  const { entry, drafts } = found;
  if (entry.problems.length)
    return refused("the proposed concept has problems; edit it first", entry.problems);
  const change = new FileChange(dir);
  putIn(change, "concepts", entry.sourceId, takeOut(change, entry.file, "concepts", id));
  return commitChecked(change, drafts.check, id);
}

/** The step itself; see `rejectDraft`. */
function rejectDraftNow(dir: string, kind: DraftEntry["kind"], id: string): ReviewResult {
  const found = find(dir, kind, id);
  if (found.error) return found.error;
  const change = new FileChange(dir);
  takeOut(change, found.entry.file, keyOf(kind), id);
  const result = commitChecked(change, found.drafts.check, id);
  if (!result.ok && kind === "concept")
    return refused(`draft claims still need ${id}: reject or edit them first`, result.problems);
  return result;
}

/**
 * Accepts a draft claim: moves it to `claims/<source-id>.yml` with `verified_by` and `verified_on`,
 * with the proposed concepts it needs (to `concepts/<source-id>.yml`), and adds `supersedes` or
 * `disputes` for the claims it replaces or disputes where the newest-wins rule alone would not
 * see it once it is in.
 */
export function acceptDraft(dir: string, id: string, options: AcceptOptions): ReviewResult {
  return guarded(() => acceptDraftNow(dir, id, options));
}

/** Accepts a proposed concept: moves it to `concepts/<source-id>.yml`. */
export function acceptConcept(dir: string, id: string): ReviewResult {
  return guarded(() => acceptConceptNow(dir, id));
}

/** Rejects a draft: removes it from its drafts file (and the file once nothing is left in it). */
export function rejectDraft(dir: string, kind: DraftEntry["kind"], id: string): ReviewResult {
  return guarded(() => rejectDraftNow(dir, kind, id));
}
