/**
 * `tradebot kb check [folder]`: runs every knowledge check and prints one `file:line: field: problem`
 * line per failure on stderr (exit 1), or a one-line summary (exit 0). Problems in drafts/ are
 * listed apart, under a line saying drafts are never served; they fail the check too, though the
 * reviewed knowledge still loads without them.
 */
import { join, relative, resolve } from "node:path";
import { checkKnowledge, formatProblem, type Problem } from "../../knowledge/index.js";
import { type CliCommand, UsageError } from "../command.js";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The `kb check` command. */
export const kbCheck: CliCommand = {
  name: "kb check",
  summary: "Check the knowledge files: schema, ids, references, dates, snippets, drafts",
  usage: "[folder]",
  async run(args, ctx) {
    const flag = args.find((a) => a.startsWith("-"));
    if (flag) throw new UsageError(`unknown option ${flag}`);
    if (args.length > 1) throw new UsageError("give at most one knowledge folder");
    const dir = args[0] === undefined ? ctx.knowledgeDir : resolve(args[0]);
    const { kb, problems, draftProblems } = checkKnowledge(dir);
    // Paths relative to where the curator stands, so editors can open `knowledge/claims/x.yml:12`.
    const near = relative(process.cwd(), dir);
    const shown = near.startsWith("..") ? dir : near;
    const print = (list: readonly Problem[]) => {
      for (const p of list)
        ctx.err(formatProblem({ ...p, file: p.file === dir ? p.file : join(shown, p.file) }));
    };
    if (!kb) {
      print(problems);
      ctx.err(`${count(problems.length, "problem", "problems")} in ${dir}`);
    } else {
      const parts = [
        count(kb.sources.size, "source", "sources"),
        count(kb.concepts.size, "concept", "concepts"),
        count(kb.claims.length, "claim", "claims"),
        count(kb.drafts.claims.length, "draft", "drafts"),
      ];
      ctx.out(
        `Knowledge OK: ${parts.join(", ")} (version ${kb.version}, newest source ${kb.newestSource || "none"})`,
      );
    }
    if (draftProblems.length) {
      ctx.err(
        "Problems in drafts (drafts/ is never served; the drafts below are left out until they are fixed):",
      );
      print(draftProblems);
      ctx.err(`${count(draftProblems.length, "problem", "problems")} in the drafts of ${dir}`);
    }
    return kb && !draftProblems.length ? 0 : 1;
  },
};
