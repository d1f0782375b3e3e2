/**
 * A small fictional knowledge base written to a temporary folder, for answer tests that need a
 * shape of knowledge the frozen fixtures lack. Sources are (id, published, text); concepts and
 * claims are YAML list items, as curators write them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SmallSource {
  id: string;
  published: string;
  text: string;
}

export function writeSmallKb(sources: readonly SmallSource[], concepts: string, claims: string): string {
  const dir = mkdtempSync(join(tmpdir(), "small-kb-"));
  for (const d of ["sources", "concepts", "claims"]) mkdirSync(join(dir, d));
  for (const s of sources) {
    const title = s.text.split("\n")[0] ?? s.id;
    writeFileSync(join(dir, `sources/${s.id}.txt`), s.text);
    writeFileSync(
      join(dir, `sources/${s.id}.yml`),
      `id: ${s.id}\ntitle: ${JSON.stringify(title)}\npublisher: "The Freedonia Ledger"\npublished: ${s.published}\ntext_file: ${s.id}.txt\n`,
    );
  }
  writeFileSync(join(dir, "concepts/c.yml"), `concepts:\n${concepts}`);
  writeFileSync(join(dir, "claims/c.yml"), `claims:\n${claims}`);
  return dir;
}
