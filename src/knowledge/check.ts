/**
 * Integrity checks across the knowledge files, run after each file has passed the schema:
 * unique ids, references that resolve, no `supersedes` cycles, dates that agree with their
 * precision, and every snippet found word for word in its source's text.
 */
import type { Problem } from "./problem.js";
import type { Entry, Precision, Source } from "./schema.js";
import type { NodePath, YamlFile } from "./yaml-file.js";

/** A source that passed the schema, with where it was read from and its text (if the text file was read). */
export interface ParsedSource {
  source: Source;
  yaml: YamlFile;
  text: string | undefined;
}

/** An entry that passed the schema, with where it sits in its file. */
export interface ParsedEntry {
  entry: Entry;
  yaml: YamlFile;
  /** Path of the entry inside its file: `["entries", 3]`. */
  path: NodePath;
}

/** Ids that were written but whose entry or source failed the schema: not reported again as dangling. */
export interface BrokenIds {
  sources: ReadonlySet<string>;
  entries: ReadonlySet<string>;
}

/** Runs every cross-file check; returns the problems in file order. */
export function checkIntegrity(
  sources: readonly ParsedSource[],
  entries: readonly ParsedEntry[],
  broken: BrokenIds,
): Problem[] {
  const problems: Problem[] = [];
  const sourceById = new Map<string, ParsedSource>();
  for (const s of sources) {
    const at = (field: string) => ({ file: s.yaml.file, line: s.yaml.lineOf([field]), field });
    const first = sourceById.get(s.source.id);
    if (first) {
      problems.push({
        ...at("id"),
        message: `duplicate id ${s.source.id}: also used in ${first.yaml.file}:${first.yaml.lineOf(["id"])}`,
      });
      continue;
    }
    sourceById.set(s.source.id, s);
    const expected = `${s.source.id}.yml`;
    const name = s.yaml.file.split("/").pop() ?? "";
    if (name !== expected && name !== `${s.source.id}.yaml`) {
      problems.push({
        ...at("id"),
        message: `should match the file name: this file should be called ${expected}`,
      });
    }
  }

  const entryById = new Map<string, ParsedEntry>();
  for (const e of entries) {
    const { entry } = e;
    const at = (path: NodePath, field: string) => ({
      file: e.yaml.file,
      line: e.yaml.lineOf([...e.path, ...path]),
      field,
    });
    const first = entryById.get(entry.id);
    if (first) {
      problems.push({
        ...at(["id"], "id"),
        message: `duplicate id ${entry.id}: also used in ${first.yaml.file}:${first.yaml.lineOf([...first.path, "id"])}`,
      });
    } else {
      entryById.set(entry.id, e);
    }
    const sameAsSource = sourceById.get(entry.id);
    if (sameAsSource) {
      problems.push({
        ...at(["id"], "id"),
        message: `duplicate id ${entry.id}: already the id of the source in ${sameAsSource.yaml.file}`,
      });
    }

    const source = sourceById.get(entry.source);
    if (!source) {
      if (!broken.sources.has(entry.source)) {
        problems.push({
          ...at(["source"], "source"),
          message: `no source with id ${entry.source} (sources are the sources/*.yml files)`,
        });
      }
    } else if (source.text !== undefined) {
      const snippetProblem = findSnippetProblem(entry.snippet, source.text, entry.source);
      if (snippetProblem) problems.push({ ...at(["snippet"], "snippet"), message: snippetProblem });
      for (const words of quotedWords(entry.answer)) {
        if (!source.text.includes(words)) {
          problems.push({
            ...at(["answer"], "answer"),
            message: `the words in quotation marks, "${words}", are not found word for word in the text of source ${entry.source}`,
          });
        }
      }
      const saidOn = entry.speaker?.said_on;
      if (saidOn && saidOn > source.source.published) {
        problems.push({
          ...at(["speaker", "said_on"], "speaker.said_on"),
          message: `${saidOn} is after the source was published (${source.source.published})`,
        });
      }
    }

    if (entry.when) {
      const message = precisionProblem(entry.when.date, entry.when.precision);
      if (message) problems.push({ ...at(["when", "date"], "when.date"), message });
    }
  }

  for (const e of entries) {
    const target = e.entry.supersedes;
    if (target === undefined) continue;
    const at = { file: e.yaml.file, line: e.yaml.lineOf([...e.path, "supersedes"]), field: "supersedes" };
    if (target === e.entry.id) {
      problems.push({ ...at, message: "an entry cannot supersede itself" });
    } else if (!entryById.has(target)) {
      if (!broken.entries.has(target)) problems.push({ ...at, message: `no entry with id ${target}` });
    } else {
      const cycle = supersedesCycle(e.entry.id, entryById);
      if (cycle) problems.push({ ...at, message: `supersedes goes round in a circle: ${cycle.join(" → ")}` });
    }
  }
  return problems;
}

/** Undefined when the snippet is in the text; otherwise what is wrong, with a hint when it nearly matches. */
function findSnippetProblem(snippet: string, text: string, sourceId: string): string | undefined {
  if (text.includes(snippet)) return undefined;
  const base = `not found word for word in the text of source ${sourceId}`;
  const squash = (s: string) => s.replace(/\s+/g, " ").trim();
  if (squash(text).includes(squash(snippet))) return `${base} (it differs only in spaces or line breaks)`;
  if (text.toLowerCase().includes(snippet.toLowerCase()))
    return `${base} (it differs only in capital letters)`;
  const curly = snippet.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  if (curly !== snippet && text.includes(curly))
    return `${base} (use straight quotes ' and " as the text does)`;
  return `${base}; copy it exactly from the .txt file`;
}

/** Words an answer puts in quotation marks claim to be the source's own words. */
function quotedWords(answer: string): string[] {
  // A full stop or comma inside the closing quote mark is punctuation of our sentence, not the source's.
  return [...answer.matchAll(/["“]([^"“”]{3,})["”]/g)]
    .map((m) => (m[1] ?? "").replace(/[.,;:!?]+$/, ""))
    .filter(Boolean);
}

/** Week dates are Mondays, month dates the 1st, year dates January 1st, so timelines sort and count right. */
function precisionProblem(date: string, p: Precision): string | undefined {
  const day = new Date(`${date}T00:00:00Z`);
  if (p === "week" && day.getUTCDay() !== 1) {
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
    return `for precision week, the date must be the Monday of that week (${monday.toISOString().slice(0, 10)})`;
  }
  if (p === "month" && !date.endsWith("-01")) {
    return `for precision month, the date must be the 1st of the month (${date.slice(0, 8)}01)`;
  }
  if (p === "year" && !date.endsWith("-01-01")) {
    return `for precision year, the date must be January 1st (${date.slice(0, 5)}01-01)`;
  }
  return undefined;
}

/** The ids round a `supersedes` cycle through `start`, or undefined when the chain ends. */
function supersedesCycle(start: string, byId: ReadonlyMap<string, ParsedEntry>): string[] | undefined {
  const chain = [start];
  let next = byId.get(start)?.entry.supersedes;
  while (next !== undefined && byId.has(next)) {
    if (next === start) return [...chain, start];
    if (chain.includes(next)) return undefined; // a cycle further on; reported at its own entries
    chain.push(next);
    next = byId.get(next)?.entry.supersedes;
  }
  return undefined;
}
