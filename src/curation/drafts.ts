/**
 * The drafts waiting for review, as a curator goes through them: every proposed concept and draft
 * claim of `drafts/*.yml` in file order, each with where it is, its problems (a draft with problems
 * is left out of the loaded drafts but is still there to fix or reject), and the proposed concepts a
 * draft claim needs before it can be accepted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { KnowledgeCheck } from "../knowledge/load.js";
import type { Problem } from "../knowledge/problem.js";
import type { LoadedClaim, LoadedConcept } from "../knowledge/schema.js";
import { type ListKey, ListShapeError, listItems } from "../knowledge/yaml-list.js";

/** One proposed concept or draft claim. */
export interface DraftEntry {
  kind: "claim" | "concept";
  /** Its id ("" when it has none). */
  id: string;
  /** Its drafts file, relative to the knowledge folder: `drafts/<source-id>.yml`. */
  file: string;
  /** The source the drafts file is of: the file's name. */
  sourceId: string;
  /** Its place in its file's list, and the line of its dash. */
  index: number;
  line: number;
  /** Its fields as written. */
  value: Record<string, unknown>;
  /** What is wrong with it; empty when it loaded. */
  problems: Problem[];
  /** The loaded draft, when it has no problems. */
  claim?: LoadedClaim;
  concept?: LoadedConcept;
}

/** A drafts file that could not be read at all (its YAML is broken): fixed in an editor. */
export interface UnreadableDrafts {
  file: string;
  problems: Problem[];
}

/** Every draft of the folder, in file order, and the drafts files that could not be read. */
export interface DraftList {
  entries: DraftEntry[];
  unreadable: UnreadableDrafts[];
}

const LISTS: readonly [ListKey, DraftEntry["kind"]][] = [
  ["concepts", "concept"],
  ["claims", "claim"],
];

/** Lists the drafts of the folder `dir`, given its check (which says which drafts have problems). */
export function listDrafts(dir: string, check: KnowledgeCheck): DraftList {
  const entries: DraftEntry[] = [];
  const unreadable: UnreadableDrafts[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, "drafts"))
      .filter((n) => /^[^.].*\.ya?ml$/.test(n))
      .sort();
  } catch {
    return { entries, unreadable };
  }
  for (const name of names) {
    const file = `drafts/${name}`;
    const text = readFileSync(join(dir, file), "utf8").replace(/\r\n?/g, "\n");
    const mine = check.draftProblems.filter((p) => p.file === file);
    const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
    try {
      for (const [key, kind] of LISTS) {
        listItems(text, key).forEach((span, index) => {
          const value = (span.value && typeof span.value === "object" ? span.value : {}) as Record<
            string,
            unknown
          >;
          const id = typeof value.id === "string" ? value.id : "";
          const [from, to] = [lineOf(span.start), lineOf(span.end)];
          const loaded =
            kind === "claim"
              ? check.kb?.drafts.claims.find((c) => c.file === file && c.id === id)
              : check.kb?.drafts.concepts.find((c) => c.file === file && c.id === id);
          entries.push({
            kind,
            id,
            file,
            sourceId: name.replace(/\.ya?ml$/, ""),
            index,
            line: span.line,
            value,
            problems: loaded ? [] : mine.filter((p) => p.line >= from && p.line < Math.max(to, from + 1)),
            ...(loaded ? { [kind]: loaded } : {}),
          });
        });
      }
    } catch (err) {
      if (!(err instanceof ListShapeError)) throw err;
      unreadable.push({
        file,
        problems: mine.length ? mine : [{ file, line: 1, field: "yaml", message: err.message }],
      });
    }
  }
  return { entries, unreadable };
}

/** The concept ids a draft claim refers to: its about, speaker, and the places or people of its value. */
export function referencedConcepts(value: Record<string, unknown>): string[] {
  const v = (value.value ?? {}) as Record<string, unknown>;
  const ids = [value.about, value.speaker, v.places, v.people].flatMap((x) =>
    Array.isArray(x) ? x : x === undefined ? [] : [x],
  );
  return [...new Set(ids.filter((x): x is string => typeof x === "string"))];
}

/** The proposed concepts (of any drafts file) a draft claim needs, in the order it names them. */
export function neededConcepts(claim: DraftEntry, entries: readonly DraftEntry[]): DraftEntry[] {
  const proposed = new Map(entries.filter((e) => e.kind === "concept").map((e) => [e.id, e]));
  return referencedConcepts(claim.value).flatMap((id) => proposed.get(id) ?? []);
}
