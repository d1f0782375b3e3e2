/**
 * What every review step shares: finding a draft, taking an item out of a drafts file and putting
 * it at the end of `claims/<source-id>.yml` or `concepts/<source-id>.yml`, and writing the change
 * only when the folder, checked as the change would leave it, has no problem it did not have.
 */
import { ChangedMeanwhileError, type FileChange } from "../knowledge/file-change.js";
import { checkKnowledge, type KnowledgeCheck } from "../knowledge/load.js";
import type { Problem } from "../knowledge/problem.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import {
  appendItem,
  itemText,
  type ListKey,
  ListShapeError,
  listItems,
  removeItem,
} from "../knowledge/yaml-list.js";
import { type DraftEntry, listDrafts } from "./drafts.js";

/** What a review step did: the files it wrote, or why it wrote nothing. */
export type ReviewResult =
  | { ok: true; files: string[]; id: string; note?: string }
  | { ok: false; reason: string; problems: Problem[] };

/** Who is accepting, and the day (YYYY-MM-DD) recorded as `verified_on`. */
export interface Reviewer {
  by: string;
  today: string;
}

/** The drafts of a folder, with its check; undefined `kb` when the reviewed knowledge has problems. */
export function draftsOf(dir: string, check: KnowledgeCheck = checkKnowledge(dir)) {
  return { check, kb: check.kb, ...listDrafts(dir, check) };
}

/** The list of a drafts file a kind of draft is in. */
export const keyOf = (kind: DraftEntry["kind"]): ListKey => (kind === "claim" ? "claims" : "concepts");
const problemKey = (p: Problem) => `${p.file}\0${p.field}\0${p.message}`;
/** A step refused, nothing written: why, and the problems (`file:line: field: problem`). */
export const refused = (reason: string, problems: Problem[] = []): ReviewResult => ({
  ok: false,
  reason,
  problems,
});

/** Problems `after` has that `before` did not (compared without line numbers, which move). */
export function newProblems(before: KnowledgeCheck, after: KnowledgeCheck): Problem[] {
  const seen = new Map<string, number>();
  for (const p of [...before.problems, ...before.draftProblems])
    seen.set(problemKey(p), (seen.get(problemKey(p)) ?? 0) + 1);
  return [...after.problems, ...after.draftProblems].filter((p) => {
    const n = seen.get(problemKey(p)) ?? 0;
    if (n > 0) seen.set(problemKey(p), n - 1);
    return n === 0;
  });
}

/** Takes the item with `id` out of a drafts file in `change`, removing the file once it is empty. */
export function takeOut(change: FileChange, file: string, key: ListKey, id: string): string {
  const text = change.text(file) ?? "";
  const index = listItems(text, key).findIndex((s) => (s.value as { id?: unknown })?.id === id);
  if (index < 0) throw new Error(`${id} is no longer in ${file}`);
  const item = itemText(text, key, index);
  const rest = removeItem(text, key, index);
  if (listItems(rest, "claims").length + listItems(rest, "concepts").length === 0) change.remove(file);
  else change.write(file, rest);
  return item;
}

/** Adds an item at the end of `claims/<source-id>.yml` or `concepts/<source-id>.yml`. */
export function putIn(change: FileChange, key: ListKey, sourceId: string, item: string): string {
  const file = `${key}/${sourceId}.yml`;
  const header = `# ${key === "claims" ? "Claims" : "Concepts"} accepted from the drafts of source ${sourceId} (tradebot kb review).\n`;
  change.write(file, appendItem(change.text(file), key, item, header));
  return file;
}

/** Checks the change against the folder as it was; writes it when it adds no problem. */
export function commitChecked(
  change: FileChange,
  before: KnowledgeCheck,
  id: string,
  note?: string,
): ReviewResult {
  const after = change.check();
  const added = newProblems(before, after);
  if (!after.kb || added.length) return refused("it would leave the knowledge with problems", added);
  return commitNow(change, id, note);
}

/** Writes a checked change; refused, with nothing written, when a file changed meanwhile. */
export function commitNow(change: FileChange, id: string, note?: string): ReviewResult {
  try {
    return { ok: true, files: change.commit(), id, ...(note ? { note } : {}) };
  } catch (err) {
    if (err instanceof ChangedMeanwhileError)
      return refused(
        `${err.file} changed while this was being done (by someone else?); nothing was written, try again`,
      );
    throw err;
  }
}

export type Found =
  | { error: ReviewResult }
  | { error?: undefined; drafts: ReturnType<typeof draftsOf>; entry: DraftEntry; kb: KnowledgeBase };

/** Finds a draft by kind and id, or says why it cannot be reviewed. */
export function find(dir: string, kind: DraftEntry["kind"], id: string): Found {
  const drafts = draftsOf(dir);
  if (!drafts.kb)
    return { error: refused("the reviewed knowledge has problems; fix them first", drafts.check.problems) };
  const entry = drafts.entries.find((e) => e.kind === kind && e.id === id);
  if (!entry) return { error: refused(`there is no draft ${kind} ${id} (accepted or rejected already?)`) };
  return { drafts, entry, kb: drafts.kb };
}

/** Runs a step; a file whose list cannot be edited line by line (written in brackets) refuses it. */
export function guarded(step: () => ReviewResult): ReviewResult {
  try {
    return step();
  } catch (err) {
    if (err instanceof ListShapeError) return refused(`a file cannot be edited here (${err.message})`);
    throw err;
  }
}
