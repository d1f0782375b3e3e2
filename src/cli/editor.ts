/**
 * Editing a draft in the curator's editor for `tradebot kb review`: the text goes to a file of its
 * own in a temporary folder, the editor runs in the terminal until it is closed, and the text comes
 * back to be checked like `tradebot kb check`. The file stays until the edit is saved or dropped,
 * so an edit that fails the checks is never lost.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DraftEntry } from "../curation/drafts.js";
import { draftEditText, saveDraftEdit } from "../curation/review.js";
import { formatProblem } from "../knowledge/problem.js";

/** A draft being edited: where its file is, and how to open, read and drop it. */
export interface EditFile {
  path: string;
  /** Runs the editor on the file and waits for it; false (with why) when it could not be started. */
  open(): { ok: true } | { ok: false; why: string };
  read(): string;
  /** Removes the file and its folder. */
  drop(): void;
}

/** Writes `text` to a new file named `name` and returns how to edit it with `editor` (a shell command). */
export function editFile(name: string, text: string, editor: string, env: NodeJS.ProcessEnv): EditFile {
  const dir = mkdtempSync(join(tmpdir(), "tradebot-review-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return {
    path,
    open() {
      const run = spawnSync(`${editor} ${JSON.stringify(path)}`, { shell: true, stdio: "inherit", env });
      if (run.error) return { ok: false, why: run.error.message };
      if (run.status !== 0)
        return {
          ok: false,
          why: `${editor} exited with ${run.status ?? run.signal}; set EDITOR to your editor`,
        };
      return { ok: true };
    },
    read: () => readFileSync(path, "utf8"),
    drop: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What editing a draft needs: where it is, the editor, and how to talk to the curator. */
export interface EditDraftOptions {
  dir: string;
  kind: DraftEntry["kind"];
  id: string;
  editor: string;
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  /** Asks a question and resolves to the answer (lower case), or undefined at the end of input. */
  ask: (question: string) => Promise<string | undefined>;
}

/**
 * Opens the draft in the editor until the edit passes the checks (and is saved into the drafts), is
 * dropped, or the curator quits, keeping the edit in its file. Resolves to the draft's id (an edit
 * may change it) and whether the curator quit.
 */
export async function editDraft(o: EditDraftOptions): Promise<{ id: string; quit: boolean }> {
  const { dir, kind, id, out } = o;
  const text = draftEditText(dir, kind, id);
  if (text === undefined) return { id, quit: false };
  const header = `# Draft ${kind} ${id}. Change what needs changing, save, and close the editor: it is checked like \`tradebot kb check\`.\n`;
  const file = editFile(`${id}.yml`, header + text, o.editor, o.env);
  for (;;) {
    const opened = file.open();
    if (!opened.ok) {
      out(`Could not open the editor: ${opened.why}. Your draft is unchanged.`);
      file.drop();
      return { id, quit: false };
    }
    const edited = file.read();
    const headed = edited.startsWith(header);
    const body = headed ? edited.slice(header.length) : edited;
    if (body === text) {
      out("No change made.");
      file.drop();
      return { id, quit: false };
    }
    const saved = saveDraftEdit(dir, kind, id, body, file.path);
    if (saved.ok) {
      out(`Saved your edit in ${saved.files.join(", ")}.`);
      file.drop();
      return { id: saved.id, quit: false };
    }
    out(`Your edit was not saved: ${saved.reason}.`);
    // Problems in the edit are at the lines of the file the curator has open, header included.
    for (const p of saved.problems)
      out(`  ${formatProblem(p.file === file.path && headed ? { ...p, line: p.line + 1 } : p)}`);
    const again = await o.ask(
      `[e]dit again, [d]rop your edit (the draft stays as it was), or [q]uit (your edit stays in ${file.path})?`,
    );
    if (again === "e") continue;
    if (again === "d") {
      file.drop();
      out("Dropped your edit; the draft is as it was.");
      return { id, quit: false };
    }
    out(`Your edit is kept in ${file.path}; the draft is as it was.`);
    return { id, quit: true };
  }
}
