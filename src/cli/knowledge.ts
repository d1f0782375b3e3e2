/** Loads the knowledge for a command, reporting problems the way `kb check` does. */
import { join } from "node:path";
import { createCore } from "../answer/core.js";
import { loadKnowledgeCached } from "../knowledge/cache.js";
import type { Token } from "../search/analyze.js";
import type { CliContext } from "./command.js";

/** Where the CLI keeps its knowledge cache: beside the dependencies, like other tools' caches. */
const CACHE_DIR = join(process.cwd(), "node_modules", ".cache", "tradebot");

/** The core over the knowledge folder, or undefined after printing why it could not be loaded. */
export async function loadCoreFor(ctx: CliContext): Promise<ReturnType<typeof createCore> | undefined> {
  try {
    const loaded = await loadKnowledgeCached(ctx.knowledgeDir, CACHE_DIR, async (dir) => {
      const { loadKnowledge } = await import("../knowledge/load.js");
      return loadKnowledge(dir);
    });
    // The search analysis of every curated text is kept with the knowledge, so the next start
    // builds the index without re-analysing them.
    const tokenized = Array.isArray(loaded.extra) ? new Map(loaded.extra as [string, Token[]][]) : undefined;
    const core = createCore(loaded.kb, { tokenized });
    if (!tokenized) loaded.keep([...core.engine.index.analysed]);
    return core;
  } catch (err) {
    const { KnowledgeError } = await import("../knowledge/problem.js");
    if (err instanceof KnowledgeError) {
      ctx.err(
        `The knowledge base in ${ctx.knowledgeDir} has problems; fix them and try again:\n${err.format()}`,
      );
      return undefined;
    }
    throw err;
  }
}
