/**
 * Adding an article to the knowledge folder: its text, the copy as received, its metadata, and
 * the claims drafted from it with the concepts they need, in `drafts/<source-id>.yml` (never
 * served). `tradebot kb add-source` and the feed poller both write a new source through here, so
 * a change to what is drafted is made in one place.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { standingOf } from "../answer/standing.js";
import { type Drafted, draftClaims, draftSource, type SourceMeta, sourceIdFor } from "./draft.js";
import { renderDrafts, renderSource } from "./draft-render.js";
import { checkKnowledge } from "./load.js";
import type { Claim, Concept, Source } from "./schema.js";

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
  /** The proposed concepts and drafted claims written to `paths.drafts`. */
  drafted: Drafted;
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
 * The concepts the knowledge folder has (reviewed and drafted) and every id in use, for drafting.
 * When the reviewed knowledge has problems, none are known: the drafts then propose their own.
 */
function knownIn(
  knowledgeDir: string,
  sourceIds: ReadonlySet<string>,
): { known: Concept[]; takenIds: Set<string>; standing: Claim[] } {
  const { kb } = checkKnowledge(knowledgeDir);
  const known = kb ? [...kb.concepts.values(), ...kb.drafts.concepts] : [];
  const takenIds = new Set([...sourceIds, ...known.map((c) => c.id)]);
  for (const c of kb ? [...kb.claims, ...kb.drafts.claims] : []) takenIds.add(c.id);
  return { known, takenIds, standing: kb ? standingOf(kb).claims : [] };
}

/**
 * Writes a new source and the claims drafted from it under `knowledgeDir`. Throws
 * SourceExistsError, writing nothing, when a file it would write is already there.
 */
export function addSource(knowledgeDir: string, input: NewSource): AddedSource {
  const sourcesDir = join(knowledgeDir, "sources");
  const draftsDir = join(knowledgeDir, "drafts");
  const meta: SourceMeta = {
    title: input.title,
    publisher: input.publisher,
    published: input.published,
    url: input.url,
    ...(input.subtitle ? { subtitle: input.subtitle } : {}),
    ...(input.credit ? { credit: input.credit } : {}),
    ...(input.addedBy ? { addedBy: input.addedBy } : {}),
  };
  const taken = takenSourceIds(sourcesDir);
  const id = input.id ?? sourceIdFor(meta, taken);
  const paths: SourcePaths = {
    received: join(sourcesDir, `${id}.received.txt`),
    text: join(sourcesDir, `${id}.txt`),
    meta: join(sourcesDir, `${id}.yml`),
    drafts: join(draftsDir, `${id}.yml`),
  };
  const clash = Object.values(paths).find((p) => existsSync(p));
  if (clash) throw new SourceExistsError(clash);

  const text = normaliseSourceText(input.text);
  const source = draftSource(id, meta);
  const drafted = draftClaims(text, {
    source: { id, title: input.title, published: input.published },
    ...knownIn(knowledgeDir, new Set([...taken, id])),
  });
  mkdirSync(sourcesDir, { recursive: true });
  mkdirSync(draftsDir, { recursive: true });
  // The copy exactly as received stays beside the curated text, as for the seed article.
  writeFileSync(paths.received, input.received ?? text);
  writeFileSync(paths.text, text);
  writeFileSync(paths.meta, input.addedBy ? renderSource(source, input.addedBy) : renderSource(source));
  writeFileSync(paths.drafts, renderDrafts(drafted, source));
  return { id, source, drafted, paths };
}
