/**
 * Opening a draft in the curator's editor for `tradebot kb review`: the text goes to a file of its
 * own in a temporary folder, the editor runs in the terminal until it is closed, and the text comes
 * back. The file stays until the edit is saved or dropped, so an edit that fails the checks is
 * never lost.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
