/**
 * What is wrong with the knowledge files, said the way a curator can act on it:
 * `claims/talks.yml:12: snippet: not found word for word in the text of source us-china-malaysia-talks`.
 */

/** One thing wrong with one file, at one line (0 when the problem has no line, such as a missing folder). */
export interface Problem {
  /** Path relative to the knowledge folder, with forward slashes: `claims/talks.yml`. */
  file: string;
  line: number;
  /** The field at fault, as a path inside the claim, concept or source: `value.date`, `about[2]`. */
  field: string;
  message: string;
}

/** Renders a problem as one `file:line: field: problem` line. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** Thrown by `loadKnowledge` when the knowledge folder has problems; `format()` gives one line per problem. */
export class KnowledgeError extends Error {
  readonly code = "invalid_knowledge";
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const n = problems.length;
    super(
      `The knowledge base has ${n} problem${n === 1 ? "" : "s"}:\n${problems.map(formatProblem).join("\n")}`,
    );
    this.name = "KnowledgeError";
    this.problems = problems;
  }

  /** One `file:line: field: problem` line per problem, newline-separated. */
  format(): string {
    return this.problems.map(formatProblem).join("\n");
  }
}
