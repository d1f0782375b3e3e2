/**
 * Reads the knowledge folder (`sources/*.yml` + their texts, `concepts/*.yml`, `claims/*.yml`),
 * validates each file against the schema and the whole against the integrity checks, and builds
 * the `KnowledgeBase`. Every problem is reported as `file:line: field: problem`; bad data never
 * becomes a stack trace.
 *
 * Parsing and validating a file is the slow part of a load, so each file's result can be kept in a
 * `FileCache` keyed by its content: a reload after an edit re-reads only the files that changed.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { type BrokenIds, checkIntegrity, type Parsed } from "./check.js";
import { issueMessage } from "./issue-message.js";
import { KnowledgeError, type Problem } from "./problem.js";
import {
  Claim,
  Concept,
  type KnowledgeBase,
  type LoadedClaim,
  type LoadedConcept,
  type LoadedSource,
  Source,
} from "./schema.js";
import { type NodePath, YamlFile } from "./yaml-file.js";

/** What `checkKnowledge` found: the knowledge base when there are no problems, and the problems. */
export interface KnowledgeCheck {
  kb?: KnowledgeBase;
  /** Problems in sources, concepts and claims: any one stops the knowledge from loading. */
  problems: Problem[];
  /** Problems in drafts/: reported, but the reviewed knowledge still loads without those drafts. */
  draftProblems: Problem[];
}

/** One file's parse and schema results, reusable while its content is unchanged. */
interface FileResult {
  problems: Problem[];
  concepts: Parsed<Concept>[];
  claims: Parsed<Claim>[];
  broken: string[];
}

/** A source file's parse and schema result, reusable while its content is unchanged. */
interface SourceResult {
  problems: Problem[];
  yaml?: YamlFile;
  source?: Source;
}

/** Per-file results of earlier loads, keyed by path and content hash. Give the same one to each reload. */
export class FileCache {
  private readonly byKey = new Map<string, FileResult | SourceResult>();
  private used = new Set<string>();

  /** The result kept for this file's key (path and content hash), if any. */
  get<T extends FileResult | SourceResult>(key: string): T | undefined {
    const hit = this.byKey.get(key);
    if (hit) this.used.add(key);
    return hit as T | undefined;
  }

  /** Keeps a file's result under its key. */
  set(key: string, result: FileResult | SourceResult): void {
    this.byKey.set(key, result);
    this.used.add(key);
  }

  /** Forgets what the last load did not use (files deleted or changed since). */
  sweep(): void {
    for (const k of this.byKey.keys()) if (!this.used.has(k)) this.byKey.delete(k);
    this.used = new Set();
  }
}

/** Loads and checks the knowledge folder; throws `KnowledgeError` listing every problem. */
export function loadKnowledge(dir: string, cache?: FileCache): KnowledgeBase {
  const { kb, problems } = checkKnowledge(dir, cache);
  if (!kb) throw new KnowledgeError(problems);
  return kb;
}

/** The folders of concepts, claims and drafts, and the lists their files may hold. */
const FOLDERS = {
  concepts: { lists: ["concepts"], required: true },
  claims: { lists: ["claims"], required: true },
  drafts: { lists: ["concepts", "claims"], required: false },
} as const;

/**
 * Files as they would be after a change, by path relative to the knowledge folder (`claims/x.yml`):
 * the text a file would have, or null for a file that would be removed. Lets a change be checked
 * before anything is written, so a bad change never reaches the folder.
 */
export type PendingFiles = ReadonlyMap<string, string | null>;

/**
 * Loads and checks the knowledge folder without throwing: `kb` is set only when there are no
 * problems. With `pending`, the folder is checked as it would be with those files changed.
 */
export function checkKnowledge(dir: string, cache?: FileCache, pending?: PendingFiles): KnowledgeCheck {
  if (!existsSync(dir)) {
    return {
      problems: [{ file: dir, line: 0, field: "folder", message: "the knowledge folder does not exist" }],
      draftProblems: [],
    };
  }
  const problems: Problem[] = [];
  const hash = createHash("sha256");
  const read = (rel: string): string => {
    const text = (pending?.get(rel) ?? readFileSync(join(dir, rel), "utf8"))
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n");
    hash.update(`${rel}\0${text}\0`);
    return text;
  };
  const broken: BrokenIds = { sources: new Set(), concepts: new Set(), claims: new Set() };

  const sources: Parsed<Source & { text?: string }>[] = [];
  for (const rel of yamlFiles(dir, "sources", problems, true, pending)) {
    const meta = read(rel);
    const key = `${rel}\0${createHash("sha1").update(meta).digest("hex")}`;
    let parsed = cache?.get<SourceResult>(key);
    if (!parsed) {
      parsed = parseSource(rel, meta);
      cache?.set(key, parsed);
    }
    problems.push(...parsed.problems);
    const { yaml, source } = parsed;
    if (!yaml) continue;
    if (!source) {
      rememberId(yaml.value, broken.sources);
      continue;
    }
    const textRel = `sources/${source.text_file}`;
    let text: string | undefined;
    if (existsSync(join(dir, textRel))) {
      text = read(textRel);
    } else {
      problems.push({
        file: rel,
        line: yaml.lineOf(["text_file"]),
        field: "text_file",
        message: `file not found: ${textRel} (the source's text goes beside its .yml file)`,
      });
    }
    sources.push({ value: { ...source, text }, file: rel, line: 1, lineOf: (p) => yaml.lineOf(p) });
  }

  const folder = (sub: keyof typeof FOLDERS, into: Problem[]) => {
    const out = { concepts: [] as Parsed<Concept>[], claims: [] as Parsed<Claim>[], broken: [] as string[] };
    for (const rel of yamlFiles(dir, sub, into, FOLDERS[sub].required, pending)) {
      const text = read(rel);
      const key = `${rel}\0${createHash("sha1").update(text).digest("hex")}`;
      let result = cache?.get<FileResult>(key);
      if (!result) {
        result = parseFile(rel, text, FOLDERS[sub].lists);
        cache?.set(key, result);
      }
      into.push(...result.problems);
      out.concepts.push(...result.concepts);
      out.claims.push(...result.claims);
      out.broken.push(...result.broken);
    }
    return out;
  };
  const concepts = folder("concepts", problems);
  const claims = folder("claims", problems);
  for (const id of concepts.broken) broken.concepts.add(id);
  for (const id of claims.broken) broken.claims.add(id);
  problems.push(...checkIntegrity({ sources, concepts: concepts.concepts, claims: claims.claims }, broken));

  // Drafts are checked against the reviewed knowledge, but their problems never stop it loading.
  const draftProblems: Problem[] = [];
  const drafts = folder("drafts", draftProblems);
  cache?.sweep();
  const draftBroken: BrokenIds = {
    sources: broken.sources,
    concepts: new Set([...broken.concepts, ...drafts.broken]),
    claims: new Set([...broken.claims, ...drafts.broken]),
  };
  const badDrafts = new Set<Parsed<unknown>>();
  draftProblems.push(
    ...checkIntegrity(
      {
        sources,
        concepts: drafts.concepts,
        claims: drafts.claims,
        known: { concepts: concepts.concepts, claims: claims.claims },
      },
      draftBroken,
      badDrafts,
    ),
  );
  const ok = <T>(items: Parsed<T>[]) => items.filter((i) => !badDrafts.has(i));

  if (problems.length > 0)
    return { problems: byFileAndLine(problems), draftProblems: byFileAndLine(draftProblems) };
  const kb = build(
    sources,
    { concepts: concepts.concepts, claims: claims.claims },
    { concepts: ok(drafts.concepts), claims: ok(drafts.claims) },
    hash.digest("hex").slice(0, 12),
  );
  return { kb, problems, draftProblems: byFileAndLine(draftProblems) };
}

/** Parses and validates one source's metadata file. */
function parseSource(rel: string, text: string): SourceResult {
  const problems: Problem[] = [];
  const yaml = parseYaml(rel, text, problems);
  if (!yaml) return { problems };
  const result = Source.safeParse(yaml.value);
  if (!result.success) return { problems: zodProblems(yaml, [], result.error, "source"), yaml };
  return { problems, yaml, source: result.data };
}

/** Parses one file and validates each item on its own, so one bad item hides no others. */
function parseFile(rel: string, text: string, lists: readonly ("concepts" | "claims")[]): FileResult {
  const result: FileResult = { problems: [], concepts: [], claims: [], broken: [] };
  const yaml = parseYaml(rel, text, result.problems);
  if (!yaml) return result;
  const shape = z
    .object(
      Object.fromEntries(
        lists.map((k) => [k, lists.length > 1 ? z.array(z.unknown()).optional() : z.array(z.unknown())]),
      ),
    )
    .strict()
    .safeParse(yaml.value);
  if (!shape.success) {
    result.problems.push(...zodProblems(yaml, [], shape.error, lists.join(" and ")));
    return result;
  }
  for (const key of lists) {
    const schema: z.ZodType = key === "concepts" ? Concept : Claim;
    ((shape.data[key] as unknown[] | undefined) ?? []).forEach((raw, i) => {
      const path = [key, i];
      const parsed = schema.safeParse(raw);
      if (parsed.success) {
        const item = {
          value: parsed.data,
          file: rel,
          line: yaml.lineOf(path),
          lineOf: (p: NodePath) => yaml.lineOf([...path, ...p]),
        };
        (result[key] as Parsed<unknown>[]).push(item);
      } else {
        result.problems.push(
          ...zodProblems(yaml, path, parsed.error, key === "concepts" ? "concept" : "claim"),
        );
        const ids = new Set<string>();
        rememberId(raw, ids);
        result.broken.push(...ids);
      }
    });
  }
  return result;
}

function build(
  sources: Parsed<Source & { text?: string }>[],
  reviewed: { concepts: Parsed<Concept>[]; claims: Parsed<Claim>[] },
  drafts: { concepts: Parsed<Concept>[]; claims: Parsed<Claim>[] },
  version: string,
): KnowledgeBase {
  const byId = new Map<string, LoadedSource>();
  for (const { value, file } of sources) {
    byId.set(value.id, Object.freeze({ ...value, text: value.text ?? "", file }));
  }
  const concept = ({ value, file, line }: Parsed<Concept>): LoadedConcept =>
    Object.freeze({ ...value, file, line });
  const claim = ({ value, file, line }: Parsed<Claim>): LoadedClaim =>
    Object.freeze({
      ...value,
      file,
      line,
      asOf: value.holds?.as_of ?? byId.get(value.source)?.published ?? "",
    });
  const newestSource =
    sources
      .map((s) => s.value.published)
      .sort()
      .at(-1) ?? "";
  return Object.freeze({
    sources: byId,
    concepts: new Map(reviewed.concepts.map((c) => [c.value.id, concept(c)])),
    claims: Object.freeze(reviewed.claims.map(claim)),
    drafts: Object.freeze({ concepts: drafts.concepts.map(concept), claims: drafts.claims.map(claim) }),
    version,
    newestSource,
  });
}

/** Problems in reading order, so a curator can work down a file from the top. */
function byFileAndLine(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : a.p.line - b.p.line || a.i - b.i))
    .map(({ p }) => p);
}

/** The `.yml`/`.yaml` files of a subfolder (as `pending` would leave it), relative to the knowledge folder, sorted. */
function yamlFiles(
  dir: string,
  sub: string,
  problems: Problem[],
  required: boolean,
  pending?: PendingFiles,
): string[] {
  const folder = join(dir, sub);
  const isYaml = (name: string) => /\.ya?ml$/.test(name);
  const added = [...(pending ?? [])]
    .filter(([rel, text]) => text !== null && rel.startsWith(`${sub}/`) && isYaml(rel))
    .map(([rel]) => rel);
  if (!existsSync(folder) && added.length === 0) {
    if (required) {
      problems.push({
        file: sub,
        line: 0,
        field: "folder",
        message: `missing: the knowledge folder needs ${sub}/`,
      });
    }
    return [];
  }
  const onDisk = existsSync(folder)
    ? readdirSync(folder)
        .filter(isYaml)
        .map((name) => `${sub}/${name}`)
    : [];
  return [...new Set([...onDisk, ...added])].filter((rel) => pending?.get(rel) !== null).sort();
}

function parseYaml(rel: string, text: string, problems: Problem[]): YamlFile | undefined {
  const parsed = YamlFile.parse(rel, text);
  if (Array.isArray(parsed)) {
    problems.push(...parsed);
    return undefined;
  }
  return parsed;
}

/** Maps each zod issue to the line of the node it is about. */
function zodProblems(yaml: YamlFile, base: NodePath, error: z.ZodError, whole: string): Problem[] {
  // One problem per field: a value that fails its format needs no second "not a real date" too.
  const seen = new Set<string>();
  return error.issues.flatMap((issue): Problem[] => {
    const path = [...base, ...issue.path];
    const key = issue.path.map(String).join("\0");
    if (issue.code !== "unrecognized_keys") {
      if (seen.has(key)) return [];
      seen.add(key);
    }
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file: yaml.file,
        line: yaml.lineOfKey(path, key),
        field: fieldName([...issue.path, key], whole),
        message: "is not a known field (check its spelling; docs/curating.md lists the fields)",
      }));
    }
    const missing = !yaml.has(path);
    return [
      {
        file: yaml.file,
        line: yaml.lineOf(path),
        field: fieldName(issue.path, whole),
        message:
          path.length === 0 && yaml.value == null
            ? `the file is empty: it should start with ${whole === "source" ? "id:" : `${whole.split(" ")[0]}:`}`
            : issueMessage(issue, missing),
      },
    ];
  });
}

/** `["value", "date"]` → `value.date`; `["phrasings", 2]` → `phrasings[2]`; `[]` → the whole thing. */
function fieldName(path: readonly PropertyKey[], whole: string): string {
  let name = "";
  for (const key of path) {
    name += typeof key === "number" ? `[${key}]` : `${name ? "." : ""}${String(key)}`;
  }
  return name || whole;
}

function rememberId(value: unknown, into: Set<string>): void {
  if (value && typeof value === "object" && "id" in value && typeof value.id === "string") into.add(value.id);
}
