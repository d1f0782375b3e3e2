/**
 * Editing a draft: its text as a curator edits it (its fields on their own), and saving an edit in
 * place of the draft after the same checks as `tradebot kb check`, with problems at the edited
 * text's own lines.
 */
import { FileChange } from "../knowledge/file-change.js";
import type { Problem } from "../knowledge/problem.js";
import { YamlFile } from "../knowledge/yaml-file.js";
import { itemText, itemToMapping, listItems, mappingToItem, replaceItem } from "../knowledge/yaml-list.js";
import type { DraftEntry } from "./drafts.js";
import { commitNow, find, guarded, keyOf, newProblems, type ReviewResult, refused } from "./review-step.js";

/** A draft as a curator edits it: its fields on their own, keys at column 0. */
export function draftEditText(dir: string, kind: DraftEntry["kind"], id: string): string | undefined {
  const found = find(dir, kind, id);
  if (found.error) return undefined;
  const text = new FileChange(dir).text(found.entry.file) ?? "";
  return itemToMapping(itemText(text, keyOf(kind), found.entry.index));
}

/** The step itself; see `saveDraftEdit`. */
function saveDraftEditNow(
  dir: string,
  kind: DraftEntry["kind"],
  id: string,
  text: string,
  label: string,
): ReviewResult {
  const found = find(dir, kind, id);
  if (found.error) return found.error;
  const { entry, drafts } = found;
  const parsed = YamlFile.parse(label, text);
  if (Array.isArray(parsed)) return refused("the edited draft is not valid YAML", parsed);
  if (!parsed.value || typeof parsed.value !== "object" || Array.isArray(parsed.value))
    return refused("the edited draft must be a group of fields", [
      {
        file: label,
        line: 1,
        field: kind,
        message: "must be a group of fields (id: …, about: …), one per line",
      },
    ]);
  const change = new FileChange(dir);
  const before = change.text(entry.file) ?? "";
  const span = listItems(before, keyOf(kind))[entry.index];
  if (!span) return refused(`${id} is no longer in ${entry.file}`);
  change.write(entry.file, replaceItem(before, keyOf(kind), entry.index, mappingToItem(text)));
  const after = change.check();
  const first = before.slice(0, span.start).split("\n").length;
  const last = first + text.trimEnd().split("\n").length;
  const inEdit = (p: Problem) => p.file === entry.file && p.line >= first && p.line < last;
  // The edited draft's own problems, all of them; elsewhere, only those the edit brings.
  const problems = [
    ...after.draftProblems.filter(inEdit).map((p) => ({ ...p, file: label, line: p.line - first + 1 })),
    ...newProblems(drafts.check, after).filter((p) => !inEdit(p)),
  ];
  if (!after.kb || problems.length) return refused("the edited draft has problems", problems);
  const newId =
    typeof (parsed.value as { id?: unknown }).id === "string"
      ? String((parsed.value as { id: string }).id)
      : id;
  return commitNow(change, newId);
}

/**
 * Saves an edited draft (`text` as `draftEditText` gives it) in place of the old one, after the
 * same checks as `tradebot kb check`. Problems in the edited text are reported at its own lines,
 * with `file` set to `label` (the file the curator edits), so they read `label:7: value.date: …`.
 */
export function saveDraftEdit(
  dir: string,
  kind: DraftEntry["kind"],
  id: string,
  text: string,
  label: string,
): ReviewResult {
  return guarded(() => saveDraftEditNow(dir, kind, id, text, label));
}
