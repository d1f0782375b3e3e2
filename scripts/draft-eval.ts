/**
 * `npx tsx scripts/draft-eval.ts [--only NAME] [--full]`: drafts each test article in eval/articles/
 * in date order, each on top of a copy of the live knowledge/ plus the articles before it (their
 * valid drafts accepted as they are), in a temp folder, and prints per article: claims drafted,
 * concepts proposed, how many pass the checks, and a side-by-side listing (each fact line → the
 * drafted claims that best carry it, or MISSING; then the drafted claims that carry no listed
 * fact) for a reviewer to judge. The matching is by shared words, a reviewer's starting point only.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { standingOf } from "../src/answer/standing.js";
import { addSource } from "../src/knowledge/add-source.js";
import { changeLines, changesOf } from "../src/knowledge/changes.js";
import { checkKnowledge } from "../src/knowledge/index.js";
import type { Claim } from "../src/knowledge/schema.js";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const full = args.includes("--full");
const dir = "eval/articles";
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/, ""))
  .sort();
const kb = mkdtempSync(join(tmpdir(), "draft-eval-"));
cpSync("knowledge", kb, { recursive: true });

const STOP = new Set(
  "a an the of in on at to for with and or by as is was were be been its it his her their that this from said says would will had has have than about after before u s us china chinese trump".split(
    " ",
  ),
);
const wordsOf = (s: string) =>
  new Set(
    (s.toLowerCase().match(/[a-z0-9]+/g) ?? [])
      .filter((w) => !STOP.has(w) && w.length > 1)
      .map((w) => w.replace(/s$/, "")),
  );
const show = (c: Claim) => {
  const v = c.value as Record<string, unknown>;
  const extra = [
    c.holds ? `holds ${JSON.stringify(c.holds)}` : "",
    c.speaker ? `speaker ${c.speaker}${c.quote ? " QUOTE" : ""}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `${c.id} | ${c.attribute} [${c.about.join(", ")}] = ${JSON.stringify(v)} ${extra}\n        answer: ${c.answer}${full ? `\n        snippet: ${c.snippet}` : ""}`;
};

let totalClaims = 0;
let totalFacts = 0;
const totalMissing = 0;
for (const name of names) {
  const meta = parse(readFileSync(join(dir, `${name}.yml`), "utf8"));
  const text = readFileSync(join(dir, `${name}.txt`), "utf8");
  const standing = (() => {
    const k = checkKnowledge(kb).kb;
    return k ? standingOf(k).claims : [];
  })();
  const added = addSource(kb, {
    id: name,
    title: meta.title,
    subtitle: meta.subtitle,
    publisher: meta.publisher,
    published: meta.published,
    text,
  });
  const check = checkKnowledge(kb);
  const mine = check.draftProblems.filter((p) => p.file === `drafts/${name}.yml`);
  const badLines = new Set(mine.map((p) => p.line));
  const { claims, concepts } = added.drafted;
  const facts = readFileSync(join(dir, `${name}.facts.md`), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("- "))
    .map((l) => l.slice(2));
  if (!only || name.includes(only)) {
    console.log(`\n=== ${name} (published ${meta.published})`);
    console.log(
      `claims drafted ${claims.length}, concepts proposed ${concepts.length}; draft problems ${mine.length}${mine.length ? `: ${mine.map((p) => `${p.line} ${p.field}: ${p.message}`).join("; ")}` : ""}`,
    );
    console.log(`furniture left out: ${added.drafted.furniture.map((f) => f.why).join("; ")}`);
    console.log(
      `concepts: ${concepts.map((c) => `${c.id} (${c.type}${c.aliases.length ? `; ${c.aliases.join(", ")}` : ""}${c.roles.length ? `; roles ${c.roles.join(", ")}` : ""})`).join("; ")}`,
    );
    const carried = new Set<string>();
    let missing = 0;
    for (const fact of facts) {
      const fw = wordsOf(fact);
      const scored = claims
        .map((c) => {
          const cw = wordsOf(`${c.answer} ${JSON.stringify(c.value)}`);
          const hit = [...fw].filter((w) => cw.has(w)).length;
          return { c, score: hit / Math.max(1, fw.size) };
        })
        .filter((x) => x.score >= 0.5)
        .sort((a, b) => b.score - a.score)
        .slice(0, 2);
      for (const x of scored) carried.add(x.c.id);
      if (!scored.length) missing++;
      console.log(
        `- ${fact}\n    ${scored.length ? scored.map((x) => `→ ${show(x.c)}`).join("\n    ") : "MISSING"}`,
      );
    }
    const extra = claims.filter((c) => !carried.has(c.id));
    console.log(`  drafted claims matched to no fact line (${extra.length}):`);
    for (const c of extra) console.log(`    ${show(c)}`);
    const lines = changeLines(changesOf(claims, meta.published, standing));
    console.log(`  what this article changes (${lines.length}):`);
    for (const l of lines) console.log(`    ${l}`);
    console.log(
      `SUMMARY ${name}: ${claims.length} claims, ${concepts.length} concepts, ${claims.length - badLines.size} claims pass the checks (${mine.length} problems), ${facts.length} facts, ${missing} with no word-matched claim`,
    );
  }
  totalClaims += claims.length;
  totalFacts += facts.length;
  // Accept what passes: the valid drafts move into claims/ and concepts/ for the next article.
  const drafts = parse(readFileSync(added.paths.drafts, "utf8")) as {
    concepts?: unknown[];
    claims?: unknown[];
  };
  if (!mine.length) {
    writeFileSync(join(kb, "concepts", `${name}.yml`), stringify({ concepts: drafts.concepts ?? [] }));
    writeFileSync(join(kb, "claims", `${name}.yml`), stringify({ claims: drafts.claims ?? [] }));
    rmSync(added.paths.drafts);
  } else renameSync(added.paths.drafts, join(kb, `${name}.rejected.yml`));
  void totalMissing;
}
console.log(
  `\nTOTAL: ${totalClaims} claims drafted over ${names.length} articles; ${totalFacts} listed facts`,
);
rmSync(kb, { recursive: true, force: true });
