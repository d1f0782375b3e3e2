/**
 * A change to some files of the knowledge folder, checked as a whole before anything is written:
 * the folder is checked as the change would leave it (`checkKnowledge` with the pending files), and
 * only a change that passes is written. Each file is written atomically (a temporary file beside
 * it, then a rename), new lists before the lists they leave, so that at no moment is a claim in
 * neither place; a file someone else changed since it was read is never overwritten.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { checkKnowledge, type KnowledgeCheck } from "./load.js";

/** Thrown by `commit` when a file changed on disk after this change read it; nothing was written. */
export class ChangedMeanwhileError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed while this change was being made; nothing was written (try again)`);
    this.name = "ChangedMeanwhileError";
  }
}

/** The order files are written in: what a claim needs first, the drafts it leaves last. */
const ORDER = ["sources/", "concepts/", "claims/", "drafts/"];
const rank = (rel: string) => {
  const i = ORDER.findIndex((p) => rel.startsWith(p));
  return i < 0 ? ORDER.length : i;
};

/** Pending edits to files of one knowledge folder, by path relative to it (`claims/x.yml`). */
export class FileChange {
  private readonly original = new Map<string, string | undefined>();
  private readonly pending = new Map<string, string | null>();

  constructor(readonly dir: string) {}

  /** The file's text as this change leaves it so far; undefined when it does not (or would not) exist. */
  text(rel: string): string | undefined {
    if (this.pending.has(rel)) return this.pending.get(rel) ?? undefined;
    return this.readOriginal(rel);
  }

  /** Sets a file's new text. */
  write(rel: string, text: string): this {
    this.readOriginal(rel);
    this.pending.set(rel, text);
    return this;
  }

  /** Removes a file. */
  remove(rel: string): this {
    this.readOriginal(rel);
    this.pending.set(rel, null);
    return this;
  }

  /** The files this change writes or removes, in the order `commit` does. */
  files(): string[] {
    return [...this.pending.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  }

  /** The folder checked as this change would leave it; nothing is written. */
  check(): KnowledgeCheck {
    return checkKnowledge(this.dir, undefined, this.pending);
  }

  /**
   * Writes the change: each file to a temporary file beside it, renamed over the old one; removals
   * last. Throws `ChangedMeanwhileError`, before writing anything, when a file changed since it was read.
   */
  commit(): string[] {
    for (const rel of this.pending.keys()) {
      if (this.current(rel) !== this.original.get(rel)) throw new ChangedMeanwhileError(rel);
    }
    const order = this.files();
    for (const rel of order) {
      const text = this.pending.get(rel);
      if (text === null || text === undefined) continue;
      const path = join(this.dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      // A dot and no .yml ending: the loader never reads a half-written temporary file.
      const temp = join(dirname(path), `.${rel.split("/").pop()}.${randomBytes(4).toString("hex")}.tmp`);
      writeFileSync(temp, text);
      renameSync(temp, path);
    }
    for (const rel of order) if (this.pending.get(rel) === null) rmSync(join(this.dir, rel), { force: true });
    return order;
  }

  private readOriginal(rel: string): string | undefined {
    if (!this.original.has(rel)) this.original.set(rel, this.current(rel));
    return this.original.get(rel);
  }

  private current(rel: string): string | undefined {
    const path = join(this.dir, rel);
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  }
}
