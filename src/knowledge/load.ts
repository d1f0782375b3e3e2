/**
 * Reads the knowledge folder (`sources/*.yml` + their texts, `entries/*.yml`), validates each file
 * against the schema and the whole against the integrity checks, and builds the `KnowledgeBase`.
 * Every problem is reported as `file:line: field: problem`; bad data never becomes a stack trace.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { type BrokenIds, checkIntegrity, type ParsedEntry, type ParsedSource } from "./check.js";
import { issueMessage } from "./issue-message.js";
import { KnowledgeError, type Problem } from "./problem.js";
import { Entry, type KnowledgeBase, type LoadedEntry, type LoadedSource, Source } from "./schema.js";
import { type NodePath, YamlFile } from "./yaml-file.js";

/** What `checkKnowledge` found: the knowledge base when there are no problems, and the problems. */
export interface KnowledgeCheck {
  kb?: KnowledgeBase;
  problems: Problem[];
}

/** Loads and checks the knowledge folder; throws `KnowledgeError` listing every problem. */
export function loadKnowledge(dir: string): KnowledgeBase {
  const { kb, problems } = checkKnowledge(dir);
  if (!kb) throw new KnowledgeError(problems);
  return kb;
}

/** Loads and checks the knowledge folder without throwing: `kb` is set only when there are no problems. */
export function checkKnowledge(dir: string): KnowledgeCheck {
  if (!existsSync(dir)) {
    return {
      problems: [{ file: dir, line: 0, field: "folder", message: "the knowledge folder does not exist" }],
    };
  }
  const problems: Problem[] = [];
  const hash = createHash("sha256");
  const read = (rel: string): string => {
    const text = readFileSync(join(dir, rel), "utf8")
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n");
    hash.update(`${rel}\0${text}\0`);
    return text;
  };
  const broken: BrokenIds = { sources: new Set(), entries: new Set() };

  const sources: ParsedSource[] = [];
  for (const rel of yamlFiles(dir, "sources", problems)) {
    const yaml = parseYaml(rel, read(rel), problems);
    if (!yaml) continue;
    const result = Source.safeParse(yaml.value);
    if (!result.success) {
      problems.push(...zodProblems(yaml, [], result.error, "source"));
      rememberId(yaml.value, broken.sources as Set<string>);
      continue;
    }
    const textRel = `sources/${result.data.text_file}`;
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
    sources.push({ source: result.data, yaml, text });
  }

  const entries: ParsedEntry[] = [];
  for (const rel of yamlFiles(dir, "entries", problems)) {
    const yaml = parseYaml(rel, read(rel), problems);
    if (!yaml) continue;
    const shape = EntriesShape.safeParse(yaml.value);
    if (!shape.success) {
      problems.push(...zodProblems(yaml, [], shape.error, "entries"));
      continue;
    }
    shape.data.entries.forEach((raw, i) => {
      const path = ["entries", i];
      const result = Entry.safeParse(raw);
      if (result.success) {
        entries.push({ entry: result.data, yaml, path });
      } else {
        problems.push(...zodProblems(yaml, path, result.error, "entry"));
        rememberId(raw, broken.entries as Set<string>);
      }
    });
  }

  problems.push(...checkIntegrity(sources, entries, broken));
  if (problems.length > 0) return { problems: byFileAndLine(problems) };
  return { kb: build(sources, entries, hash.digest("hex").slice(0, 12)), problems };
}

/** The top of an entries file; each entry is then checked on its own so one bad entry hides no others. */
const EntriesShape = z.object({ entries: z.array(z.unknown()) }).strict();

function build(sources: ParsedSource[], parsed: ParsedEntry[], version: string): KnowledgeBase {
  const byId = new Map<string, LoadedSource>();
  for (const { source, yaml, text } of sources) {
    byId.set(source.id, Object.freeze({ ...source, text: text ?? "", file: yaml.file }));
  }
  const entries: LoadedEntry[] = [];
  const drafts: LoadedEntry[] = [];
  for (const { entry, yaml, path } of parsed) {
    const loaded = Object.freeze({ ...entry, file: yaml.file, line: yaml.lineOf(path) });
    (entry.status === "draft" ? drafts : entries).push(loaded);
  }
  const newestSource =
    sources
      .map((s) => s.source.published)
      .sort()
      .at(-1) ?? "";
  return Object.freeze({
    sources: byId,
    entries: Object.freeze(entries),
    drafts: Object.freeze(drafts),
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

/** The `.yml`/`.yaml` files of a subfolder, as paths relative to the knowledge folder, sorted. */
function yamlFiles(dir: string, sub: string, problems: Problem[]): string[] {
  const folder = join(dir, sub);
  if (!existsSync(folder)) {
    problems.push({
      file: sub,
      line: 0,
      field: "folder",
      message: `missing: the knowledge folder needs ${sub}/`,
    });
    return [];
  }
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${sub}/${name}`);
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
            ? `the file is empty: it should start with ${whole === "entries" ? "entries:" : "id:"}`
            : issueMessage(issue, missing),
      },
    ];
  });
}

/** `["when", "date"]` → `when.date`; `["questions", 2]` → `questions[2]`; `[]` → the whole thing. */
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
