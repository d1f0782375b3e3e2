/**
 * The ingest the app uses: a new article becomes a source in the knowledge folder, written by
 * the same function as `tradebot kb add-source` (knowledge/add-source.ts), with its claims
 * drafted into drafts/ for review. If the new files would leave the knowledge base (or their own
 * drafts) failing the checks, they are removed again and ingest throws, so the item is tried again
 * later and the bot keeps serving.
 */
import { rmSync } from "node:fs";
import { relative, sep } from "node:path";
import { addSource } from "../knowledge/add-source.js";
import { checkKnowledge, formatProblem } from "../knowledge/index.js";
import type { FeedArticle, Ingest } from "./types.js";

/** Stores each article as a source under `knowledgeDir`; resolves to the new source's id. */
export function knowledgeIngest(knowledgeDir: string): Ingest {
  return (article: FeedArticle) => {
    const added = addSource(knowledgeDir, {
      title: article.title,
      publisher: article.publisher,
      published: article.published,
      url: article.url,
      ...(article.subtitle ? { subtitle: article.subtitle } : {}),
      ...(article.byline ? { credit: article.byline } : {}),
      text: article.text,
      addedBy: `the feed poller from ${article.feedUrl}`,
    });
    const files = Object.values(added.paths).map((p) => relative(knowledgeDir, p).split(sep).join("/"));
    const check = checkKnowledge(knowledgeDir);
    const problems = [...check.problems, ...check.draftProblems].filter((p) => files.includes(p.file));
    if (problems.length) {
      for (const p of Object.values(added.paths)) rmSync(p, { force: true });
      throw new Error(
        `the drafted source failed the knowledge check: ${problems.map(formatProblem).join("; ")}`,
      );
    }
    return { sourceId: added.id };
  };
}
