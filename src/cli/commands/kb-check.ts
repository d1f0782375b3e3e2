/**
 * `tradebot kb check [folder]`: runs every knowledge check and prints one `file:line: field: problem`
 * line per failure on stderr (exit 1), or a one-line summary (exit 0).
 */
import { join, relative, resolve } from "node:path";
import { checkKnowledge, formatProblem } from "../../knowledge/index.js";
import { type CliCommand, UsageError } from "../command.js";

/** The `kb check` command. */
export const kbCheck: CliCommand = {
  name: "kb check",
  summary: "Check the knowledge files: schema, ids, references, dates, snippets",
  usage: "[folder]",
  async run(args, ctx) {
    const flag = args.find((a) => a.startsWith("-"));
    if (flag) throw new UsageError(`unknown option ${flag}`);
    if (args.length > 1) throw new UsageError("give at most one knowledge folder");
    const dir = args[0] === undefined ? ctx.knowledgeDir : resolve(args[0]);
    const { kb, problems } = checkKnowledge(dir);
    if (!kb) {
      // Paths relative to where the curator stands, so editors can open `knowledge/entries/x.yml:12`.
      const near = relative(process.cwd(), dir);
      const shown = near.startsWith("..") ? dir : near;
      for (const p of problems)
        ctx.err(formatProblem({ ...p, file: p.file === dir ? p.file : join(shown, p.file) }));
      const n = problems.length;
      ctx.err(`${n} problem${n === 1 ? "" : "s"} in ${dir}`);
      return 1;
    }
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const parts = [
      count(kb.sources.size, "source", "sources"),
      count(kb.concepts.size, "concept", "concepts"),
      count(kb.claims.length, "claim", "claims"),
      count(kb.drafts.claims.length, "draft", "drafts"),
    ];
    ctx.out(
      `Knowledge OK: ${parts.join(", ")} (version ${kb.version}, newest source ${kb.newestSource || "none"})`,
    );
    return 0;
  },
};
