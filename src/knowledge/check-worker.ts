/**
 * The knowledge check in a worker thread, for hot reloads: reading, parsing and validating the
 * folder happens here, away from the thread that answers questions. Keeps its own FileCache, so a
 * reload after an edit parses only the files that changed. The result goes back in parts (see
 * check-thread.ts), so the answering thread never spends long copying it in.
 */
import { parentPort } from "node:worker_threads";
import { checkKnowledge, FileCache } from "./load.js";

/** Items per message: each takes the receiving thread a few milliseconds to copy in. */
const PART = 500;

const cache = new FileCache();
parentPort?.on("message", ({ id, dir }: { id: number; dir: string }) => {
  const post = (message: object) => parentPort?.postMessage({ id, ...message });
  try {
    const { kb, problems, draftProblems } = checkKnowledge(dir, cache);
    if (kb) {
      const parts = {
        sources: [...kb.sources.values()],
        concepts: [...kb.concepts.values()],
        claims: kb.claims,
      };
      for (const [list, items] of Object.entries(parts)) {
        for (let i = 0; i < items.length; i += PART) post({ list, items: items.slice(i, i + PART) });
      }
    }
    const rest = kb ? { drafts: kb.drafts, version: kb.version, newestSource: kb.newestSource } : undefined;
    post({ done: { problems, draftProblems, ...(rest ? { rest } : {}) } });
  } catch (err) {
    post({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
