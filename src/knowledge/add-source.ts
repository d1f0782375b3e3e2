/**
 * Adding an article to the knowledge folder: its text, the copy as received, its metadata and the
 * entries drafted from it (all `status: draft`). `tradebot kb add-source` and the feed poller both
 * write a new source through here, so a change to what is drafted is made in one place.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  draftEntries,
  draftSource,
  renderDrafts,
  renderSource,
  type SourceMeta,
  sourceIdFor,
} from "./draft.js";
import type { Entry, Source } from "./schema.js";

/** A new article: its metadata, its text, and the bytes exactly as received. */
export interface NewSource extends SourceMeta {
  /** The article's text (line ends and trailing space are normalised before it is stored). */
  text: string;
  /** The copy exactly as received, kept beside the text as `<id>.received.txt`; the text when absent. */
  received?: string | Uint8Array;
  /** The source id to use; derived from the title (and made unique) when absent. */
  id?: string;
}

/** The files a new source was written to. */
export interface SourcePaths {
  received: string;
  text: string;
  meta: string;
  drafts: string;
}

/** What `addSource` wrote. */
export interface AddedSource {
  id: string;
  source: Source;
  entries: Entry[];
  paths: SourcePaths;
}

/** Refused because a file of the new source already exists; nothing was written. */
export class SourceExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = "SourceExistsError";
  }
}

/** The text as stored: no byte-order mark, `\n` line ends, one newline at the end. */
export function normaliseSourceText(text: string): string {
  return `${text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trimEnd()}\n`;
}

/** The source ids already used in a sources folder (by any of their files). */
export function takenSourceIds(sourcesDir: string): Set<string> {
  return new Set(
    existsSync(sourcesDir)
      ? readdirSync(sourcesDir).map((n) => n.replace(/(\.received)?\.(ya?ml|txt)$/, ""))
      : [],
  );
}

/**
 * Writes a new source and its drafted entries under `knowledgeDir`. Throws SourceExistsError,
 * writing nothing, when a file it would write is already there.
 */
export function addSource(knowledgeDir: string, input: NewSource): AddedSource {
  const sourcesDir = join(knowledgeDir, "sources");
  const entriesDir = join(knowledgeDir, "entries");
  const meta: SourceMeta = {
    title: input.title,
    publisher: input.publisher,
    published: input.published,
    url: input.url,
    ...(input.subtitle ? { subtitle: input.subtitle } : {}),
    ...(input.credit ? { credit: input.credit } : {}),
    ...(input.addedBy ? { addedBy: input.addedBy } : {}),
  };
  const id = input.id ?? sourceIdFor(meta, takenSourceIds(sourcesDir));
  const paths: SourcePaths = {
    received: join(sourcesDir, `${id}.received.txt`),
    text: join(sourcesDir, `${id}.txt`),
    meta: join(sourcesDir, `${id}.yml`),
    drafts: join(entriesDir, `${id}.yml`),
  };
  const clash = Object.values(paths).find((p) => existsSync(p));
  if (clash) throw new SourceExistsError(clash);

  const text = normaliseSourceText(input.text);
  const source = draftSource(id, meta);
  const entries = draftEntries(text, { id, published: input.published });
  mkdirSync(sourcesDir, { recursive: true });
  mkdirSync(entriesDir, { recursive: true });
  // The copy exactly as received stays beside the curated text, as for the seed article.
  writeFileSync(paths.received, input.received ?? text);
  writeFileSync(paths.text, text);
  writeFileSync(paths.meta, input.addedBy ? renderSource(source, input.addedBy) : renderSource(source));
  writeFileSync(paths.drafts, renderDrafts(entries, source));
  return { id, source, entries, paths };
}
