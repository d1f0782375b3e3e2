/** Writes a synthetic knowledge base out as a knowledge folder, for the hot-reload benchmark. */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { KnowledgeBase, LoadedClaim } from "../src/knowledge/schema.js";

/** The claim as a curator writes it: no load-time fields, no defaults spelt out. */
function written(c: LoadedClaim): Record<string, unknown> {
  const { file, line, asOf, quote, headline, phrasings, supersedes, disputes, ...rest } = c;
  void file;
  void line;
  void asOf;
  return {
    ...rest,
    ...(quote ? { quote } : {}),
    ...(headline ? { headline } : {}),
    ...(phrasings.length ? { phrasings } : {}),
    ...(supersedes.length ? { supersedes } : {}),
    ...(disputes.length ? { disputes } : {}),
  };
}

/**
 * `dir` as a copy of the real knowledge folder plus the synthetic sources, concepts and claims
 * (which say in which file they go), replacing whatever was there.
 */
export function writeKnowledge(realDir: string, kb: KnowledgeBase, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(realDir, dir, { recursive: true });
  mkdirSync(join(dir, "claims"), { recursive: true });
  for (const s of kb.sources.values()) {
    if (!s.id.startsWith("synthetic")) continue;
    writeFileSync(join(dir, "sources", s.text_file), s.text);
    writeFileSync(
      join(dir, "sources", `${s.id}.yml`),
      stringify({
        id: s.id,
        title: s.title,
        publisher: s.publisher,
        published: s.published,
        text_file: s.text_file,
      }),
    );
  }
  const concepts = [...kb.concepts.values()].filter((c) => c.file === "concepts/synthetic.yml");
  const conceptYaml = concepts.map(({ file, line, ...c }) => {
    void file;
    void line;
    return c;
  });
  writeFileSync(
    join(dir, "concepts", "synthetic.yml"),
    stringify({ concepts: conceptYaml }, { lineWidth: 0 }),
  );
  const files = new Map<string, LoadedClaim[]>();
  for (const c of kb.claims)
    if (c.id.startsWith("synthetic")) files.set(c.file, [...(files.get(c.file) ?? []), c]);
  for (const [file, claims] of files)
    writeFileSync(join(dir, file), stringify({ claims: claims.map(written) }, { lineWidth: 0 }));
}
