/**
 * Typed store errors: the edge turns them into one clear sentence naming the database (the SQLite
 * file, or the PostgreSQL address with its password hidden).
 */

/**
 * Why the store could not be opened or used. `unavailable`: the PostgreSQL server cannot be reached
 * (down, restarting, network), worth retrying; `refused`: it answered but will not let us in (login,
 * no such database).
 */
export type StoreErrorCode =
  | "corrupt"
  | "unwritable"
  | "newer_schema"
  | "open_failed"
  | "unavailable"
  | "refused";

/** A store failure that names the database and says what to do. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    /** The SQLite file, or the PostgreSQL address with its password hidden. */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StoreError";
  }
}

function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Turns an error from opening or migrating the database into a StoreError naming `path`. */
export function toStoreError(err: unknown, path: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = sqliteCode(err) ?? "";
  if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) {
    return new StoreError(
      "corrupt",
      path,
      `The database file ${path} is not a valid SQLite database (${reason(err)}). ` +
        "Move it aside to start afresh, or restore a backup; set DATABASE_PATH to use another file.",
      { cause: err },
    );
  }
  if (
    code.startsWith("SQLITE_READONLY") ||
    code.startsWith("SQLITE_CANTOPEN") ||
    code.startsWith("SQLITE_PERM") ||
    code.startsWith("SQLITE_IOERR") ||
    ["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST"].includes(code)
  ) {
    return new StoreError(
      "unwritable",
      path,
      `The database file ${path} cannot be opened for writing (${reason(err)}). ` +
        "Check that its folder exists and is writable, or set DATABASE_PATH to a writable file.",
      { cause: err },
    );
  }
  return new StoreError(
    "open_failed",
    path,
    `The database file ${path} could not be opened: ${reason(err)}`,
    {
      cause: err,
    },
  );
}
