/** Loads the knowledge for a command, reporting problems the way `kb check` does. */
import { join } from "node:path";
import { createCore } from "../answer/core.js";
import { loadKnowledgeCached } from "../knowledge/cache.js";
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
    return createCore(loaded.kb);
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
