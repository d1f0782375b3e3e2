/**
 * Runs the knowledge check for hot reloads off the main thread (check-worker.ts), or in this
 * thread where the worker cannot run (from TypeScript sources, under a test runner), with the
 * same per-file cache either way. What comes back is what `checkKnowledge` returns.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { checkKnowledge, FileCache, type KnowledgeCheck } from "./load.js";
import type { KnowledgeBase, LoadedClaim, LoadedConcept, LoadedSource } from "./schema.js";

/** A checker that keeps its cache between checks. */
export interface Checker {
  check(dir: string): Promise<KnowledgeCheck>;
  close(): void;
}

/** A checker in a worker thread when the compiled worker exists, else in this thread. */
export function startChecker(): Checker {
  const url = new URL("./check-worker.js", import.meta.url);
  return fileURLToPath(url).endsWith(".js") && import.meta.url.endsWith(".js")
    ? workerChecker(url)
    : localChecker();
}

/** The check in this thread, with a per-file cache. */
export function localChecker(): Checker {
  const cache = new FileCache();
  return { check: async (dir) => checkKnowledge(dir, cache), close: () => {} };
}

/** What the worker sends: parts of the lists, then the rest; or what went wrong. */
interface Message {
  id: number;
  list?: "sources" | "concepts" | "claims";
  items?: unknown[];
  done?: Omit<KnowledgeCheck, "kb"> & { rest?: Pick<KnowledgeBase, "drafts" | "version" | "newestSource"> };
  error?: string;
}

/** A check under way: the parts received so far. */
interface Pending {
  resolve: (r: KnowledgeCheck) => void;
  reject: (e: Error) => void;
  lists: { sources: LoadedSource[]; concepts: LoadedConcept[]; claims: LoadedClaim[] };
}

function workerChecker(url: URL): Checker {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, Pending>();
  const receive = (m: Message) => {
    const p = waiting.get(m.id);
    if (!p) return;
    if (m.list && m.items) {
      (p.lists[m.list] as unknown[]).push(...m.items);
      return;
    }
    waiting.delete(m.id);
    if (!m.done) {
      p.reject(new Error(m.error ?? "the knowledge check failed"));
      return;
    }
    const { rest, ...found } = m.done;
    const { sources, concepts, claims } = p.lists;
    const kb = rest && {
      ...rest,
      sources: new Map(sources.map((s) => [s.id, s])),
      concepts: new Map(concepts.map((c) => [c.id, c])),
      claims,
    };
    p.resolve(kb ? refrozen({ ...found, kb }) : found);
  };
  const start = () => {
    const w = new Worker(url);
    w.unref();
    w.on("message", receive);
    w.on("error", (err) => {
      for (const p of waiting.values()) p.reject(err);
      waiting.clear();
      worker = undefined;
    });
    return w;
  };
  return {
    check(dir) {
      worker ??= start();
      const id = next++;
      const w = worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, lists: { sources: [], concepts: [], claims: [] } });
        w.postMessage({ id, dir });
      });
    },
    close() {
      void worker?.terminate();
      worker = undefined;
    },
  };
}

/** A knowledge base copied across threads comes unfrozen: freeze it again, as the loader does. */
function refrozen(result: KnowledgeCheck): KnowledgeCheck {
  const kb = result.kb;
  if (!kb) return result;
  for (const s of kb.sources.values()) Object.freeze(s);
  for (const c of kb.concepts.values()) Object.freeze(c);
  for (const c of kb.claims) Object.freeze(c);
  for (const c of [...kb.drafts.concepts, ...kb.drafts.claims]) Object.freeze(c);
  Object.freeze(kb.claims);
  Object.freeze(kb.drafts);
  return { ...result, kb: Object.freeze(kb) as KnowledgeBase };
}
