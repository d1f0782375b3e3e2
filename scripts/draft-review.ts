/**
 * `npx tsx scripts/draft-review.ts <command>`: the reproducible side of judging drafts by hand.
 *
 * The six test articles in eval/articles/ are added in date order with the real `addSource`
 * (what `tradebot kb add-source` runs) to a copy of knowledge/, and each article's drafts are
 * accepted as a curator following docs/keeping-current.md would, with no hand edits: every
 * claim judged acceptable or needing an edit is moved into claims/ as it is, a claim judged junk is
 * deleted, the proposed concepts those claims need are moved into concepts/. The replacements the
 * drafts propose are the newest-wins rule's, so accepting the claims applies them. The next article
 * is then drafted on top. Verdicts are read from eval/articles/draft-verdicts.json, matched to a
 * drafted claim by its content (fingerprint of about, attribute, value, holds, answer, snippet,
 * speaker, quote, title), so a claim whose content changed is unjudged until judged again.
 *
 *   dump NAME [--all]    the article's drafts for judging: numbered facts, each claim with its
 *                        fingerprint and verdict (unjudged ones only, unless --all), the proposed
 *                        concepts, and what the drafts would change
 *   score [--json]       per-article and total figures from the verdicts; unjudged counts listed
 *   kb DIR               builds the drafts-only knowledge base in DIR (copied from knowledge/,
 *                        or from --base KB), writes DIR/CURATOR-ACTIONS.md, and runs the check on it
 *
 * --articles DIR reads the articles (and their verdicts) from DIR instead of eval/articles/: the
 * held-back articles in eval/articles-held/ are drafted onto eval/drafts-kb this way, every draft
 * accepted as drafted (no verdicts: a curator who has not looked).
 *   judge NAME FILE      merges verdict lines from FILE into draft-verdicts.json (see parseVerdictLines)
 *
 * An unjudged claim is accepted (as a curator who has not looked would) and counted as unjudged.
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { standingOf } from "../src/answer/standing.js";
import { addSource } from "../src/knowledge/add-source.js";
import { type ClaimChange, changesOf, valueInWords } from "../src/knowledge/changes.js";
import { checkKnowledge } from "../src/knowledge/index.js";
import type { Claim, Concept } from "../src/knowledge/schema.js";

/** The articles (`--articles DIR`, eval/articles/ unless said), each NAME.txt with NAME.yml and NAME.facts.md. */
const argOf = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const DIR = argOf("--articles") ?? "eval/articles";
/** What the drafts-only knowledge is built on (`--base KB`): knowledge/ unless said. */
const BASE = argOf("--base") ?? "knowledge";
const VERDICTS = join(DIR, "draft-verdicts.json");
/** The article kept out of tuning, judged at the end and reported apart. */
export const HELD_BACK = "2025-11-14-soybean-pledge-questions";

type ClaimVerdict = "accept" | "edit" | "junk";
interface ClaimEntry {
  id: string;
  fp: string;
  verdict: ClaimVerdict;
  /** The numbers of the article's listed facts (1-based, in facts.md order) this claim carries. */
  facts: number[];
  note?: string;
  /** Which round of judging: 1 for the first judging of the drafter as rebased, 2… after changes. */
  round: number;
}
interface ConceptEntry {
  id: string;
  fp: string;
  verdict: ClaimVerdict;
  note?: string;
  round: number;
}
interface ChangeEntry {
  /** "<claim fp> <replaces|disputes|confirms|outdated> <old claim id>" */
  key: string;
  line: string;
  verdict: "right" | "wrong";
  note?: string;
  round: number;
}
interface ArticleVerdicts {
  claims: ClaimEntry[];
  concepts: ConceptEntry[];
  changes: ChangeEntry[];
  /** Replacements a curator would expect that the drafts do not propose (notes, per round). */
  missedChanges?: { round: number; note: string }[];
}
interface Verdicts {
  about: string;
  articles: Record<string, ArticleVerdicts>;
}

const hash = (x: unknown) => createHash("sha1").update(JSON.stringify(x)).digest("hex").slice(0, 10);
export const claimFp = (c: Claim) =>
  hash([
    c.about,
    c.attribute,
    c.value,
    c.holds ?? null,
    c.answer,
    c.snippet,
    c.speaker ?? null,
    c.quote,
    c.title ?? null,
  ]);
export const conceptFp = (c: Concept) => hash([c.type, c.name, c.aliases, c.roles, c.part_of]);

function readVerdicts(): Verdicts {
  if (!existsSync(VERDICTS))
    return {
      about:
        "Hand judgements of the drafts of eval/articles/, per claim (matched by content fingerprint; see scripts/draft-review.ts). verdict: accept = acceptable unedited, edit = right fact but needs an edit, junk = not worth keeping. facts: the numbers of the facts.md lines the claim carries.",
      articles: {},
    };
  return JSON.parse(readFileSync(VERDICTS, "utf8")) as Verdicts;
}

function names(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.replace(/\.txt$/, ""))
    .sort();
}

function factsOf(name: string): string[] {
  return readFileSync(join(DIR, `${name}.facts.md`), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("- "))
    .map((l) => l.slice(2));
}

const changeKinds = (ch: ClaimChange) => [
  ...ch.replaces.map((o) => ["replaces", o] as const),
  ...ch.disputes.map((o) => ["disputes", o] as const),
  ...ch.confirms.map((o) => ["confirms", o] as const),
  ...ch.outdatedBy.map((o) => ["outdated", o] as const),
];

interface ArticleRun {
  name: string;
  published: string;
  claims: Claim[];
  concepts: Concept[];
  changes: ClaimChange[];
  facts: string[];
  draftProblems: string[];
  accepted: Claim[];
  rejected: Claim[];
  conceptsAccepted: Concept[];
  conceptsRejected: Concept[];
  furniture: string[];
}

/** Every concept id a claim needs: its about, speaker, and the people and places of its value. */
function idsNeeded(c: Claim): string[] {
  const v = c.value as { people?: string[]; places?: string[] };
  return [...c.about, ...(c.speaker ? [c.speaker] : []), ...(v.people ?? []), ...(v.places ?? [])];
}

/** Adds the articles in date order to `kb` (a copy of knowledge/), accepting as the verdicts say. */
function run(kb: string, verdicts: Verdicts, upTo?: string): ArticleRun[] {
  const out: ArticleRun[] = [];
  for (const name of names()) {
    const meta = parse(readFileSync(join(DIR, `${name}.yml`), "utf8"));
    const text = readFileSync(join(DIR, `${name}.txt`), "utf8");
    const before = checkKnowledge(kb).kb;
    const standing = before ? standingOf(before).claims : [];
    const added = addSource(kb, {
      id: name,
      title: meta.title,
      subtitle: meta.subtitle,
      publisher: meta.publisher,
      published: meta.published,
      text,
      addedBy: "scripts/draft-review.ts (tradebot kb add-source's addSource)",
    });
    const check = checkKnowledge(kb);
    const draftProblems = check.draftProblems
      .filter((p) => p.file === `drafts/${name}.yml`)
      .map((p) => `${p.line} ${p.field}: ${p.message}`);
    const { claims, concepts } = added.drafted;
    const changes = changesOf(claims, meta.published, standing);
    const av = verdicts.articles[name];
    const verdictOf = (c: Claim) => av?.claims.find((e) => e.fp === claimFp(c))?.verdict;
    const conceptVerdictOf = (c: Concept) => av?.concepts.find((e) => e.fp === conceptFp(c))?.verdict;
    const accepted = claims.filter((c) => verdictOf(c) !== "junk");
    const rejected = claims.filter((c) => verdictOf(c) === "junk");
    // The proposed concepts the accepted claims need (with what those are part of), and any other
    // proposed concept judged worth keeping.
    const proposed = new Map(concepts.map((c) => [c.id, c]));
    const needed = new Set<string>();
    const need = (id: string) => {
      const c = proposed.get(id);
      if (!c || needed.has(id)) return;
      needed.add(id);
      for (const p of c.part_of) need(p);
    };
    for (const c of accepted) for (const id of idsNeeded(c)) need(id);
    for (const c of concepts)
      if (!needed.has(c.id) && ["accept", "edit"].includes(conceptVerdictOf(c) ?? "")) need(c.id);
    const conceptsAccepted = concepts.filter((c) => needed.has(c.id));
    const conceptsRejected = concepts.filter((c) => !needed.has(c.id));
    // The curator's move: the drafts file's entries, as written, into claims/ and concepts/.
    const draftsFile = parse(readFileSync(added.paths.drafts, "utf8")) as {
      concepts?: Record<string, unknown>[];
      claims?: Record<string, unknown>[];
    };
    const keepClaim = new Set(accepted.map((c) => c.id));
    const keepConcept = new Set(conceptsAccepted.map((c) => c.id));
    const header = `# Accepted from drafts/${name}.yml as drafted (scripts/draft-review.ts kb): no hand edits.\n`;
    writeFileSync(
      join(kb, "claims", `${name}.yml`),
      header +
        stringify(
          { claims: (draftsFile.claims ?? []).filter((c) => keepClaim.has(c.id as string)) },
          { lineWidth: 0 },
        ),
    );
    writeFileSync(
      join(kb, "concepts", `${name}.yml`),
      header +
        stringify(
          { concepts: (draftsFile.concepts ?? []).filter((c) => keepConcept.has(c.id as string)) },
          { lineWidth: 0 },
        ),
    );
    rmSync(added.paths.drafts);
    out.push({
      name,
      published: meta.published,
      claims,
      concepts,
      changes,
      facts: factsOf(name),
      draftProblems,
      accepted,
      rejected,
      conceptsAccepted,
      conceptsRejected,
      furniture: added.drafted.furniture.map((f) => `${f.why}: ${f.line.slice(0, 60)}`),
    });
    if (upTo && name === upTo) break;
  }
  return out;
}

function showClaim(c: Claim): string {
  const extra = [
    c.holds ? `holds ${JSON.stringify(c.holds)}` : "",
    c.speaker ? `speaker=${c.speaker}${c.quote ? " QUOTE" : ""}` : "",
    c.title ? `title="${c.title}"` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `${c.attribute} [${c.about.join(", ")}] = ${JSON.stringify(c.value)} ${extra}\n    A: ${c.answer}\n    S: ${c.snippet}`;
}

function dump(name: string, all: boolean): void {
  const verdicts = readVerdicts();
  const kb = mkdtempSync(join(tmpdir(), "draft-review-"));
  cpSync(BASE, kb, { recursive: true });
  const runs = run(kb, verdicts, name);
  rmSync(kb, { recursive: true, force: true });
  const r = runs.find((x) => x.name === name);
  if (!r) throw new Error(`no article ${name}`);
  const av = verdicts.articles[name];
  console.log(
    `=== ${name} (published ${r.published}); draft problems: ${r.draftProblems.join("; ") || "none"}`,
  );
  console.log(`furniture left out: ${r.furniture.join(" | ")}`);
  console.log("FACTS");
  for (const [i, f] of r.facts.entries()) console.log(`  ${i + 1}. ${f}`);
  console.log("CONCEPTS");
  for (const c of r.concepts) {
    const v = av?.concepts.find((e) => e.fp === conceptFp(c));
    if (v && !all) continue;
    console.log(
      `  ${c.id} ${conceptFp(c)} ${v ? `[${v.verdict}]` : "[?]"} ${c.type} "${c.name}" aliases=${JSON.stringify(c.aliases)} roles=${JSON.stringify(c.roles)} part_of=${JSON.stringify(c.part_of)}`,
    );
  }
  console.log("CLAIMS");
  for (const c of r.claims) {
    const v = av?.claims.find((e) => e.fp === claimFp(c));
    if (v && !all) continue;
    console.log(
      `  ${c.id} ${claimFp(c)} ${v ? `[${v.verdict} ${v.facts.join(",")}${v.note ? ` — ${v.note}` : ""}]` : "[?]"}\n    ${showClaim(c)}`,
    );
  }
  console.log("CHANGES");
  for (const ch of r.changes)
    for (const [kind, old] of changeKinds(ch)) {
      const key = `${claimFp(ch.claim)} ${kind} ${old.id}`;
      const v = av?.changes.find((e) => e.key === key);
      if (v && !all) continue;
      console.log(
        `  ${key} ${v ? `[${v.verdict}]` : "[?]"} ${ch.claim.id} (${ch.claim.attribute} of ${ch.claim.about[0]} = ${valueInWords(ch.claim.value)}) ${kind} ${old.id} (${valueInWords(old.value)}, as of ${old.asOf}, ${old.source}): ${old.answer}`,
      );
    }
}

interface Figures {
  name: string;
  drafted: number;
  unjudged: number;
  accept: number;
  edit: number;
  junk: number;
  facts: number;
  missed: number;
  missedUnedited: number;
  missedList: number[];
  changes: number;
  changesRight: number;
  changesUnjudged: number;
  /** Changes the drafts should have proposed and did not (the judge's notes of the latest round). */
  changesMissed: number;
  conceptsProposed: number;
  conceptsEdited: number;
  actions: number;
}

function figuresOf(r: ArticleRun, av: ArticleVerdicts | undefined): Figures {
  const entries = r.claims.map((c) => av?.claims.find((e) => e.fp === claimFp(c)));
  const count = (v: ClaimVerdict) => entries.filter((e) => e?.verdict === v).length;
  const carried = new Set(entries.filter((e) => e && e.verdict !== "junk").flatMap((e) => e?.facts ?? []));
  const carriedUnedited = new Set(
    entries.filter((e) => e?.verdict === "accept").flatMap((e) => e?.facts ?? []),
  );
  const missedList = r.facts.map((_, i) => i + 1).filter((n) => !carried.has(n));
  let changes = 0;
  let changesRight = 0;
  let changesUnjudged = 0;
  for (const ch of r.changes)
    for (const [kind, old] of changeKinds(ch)) {
      if (kind === "outdated") continue;
      changes++;
      const v = av?.changes.find((e) => e.key === `${claimFp(ch.claim)} ${kind} ${old.id}`);
      if (!v) changesUnjudged++;
      else if (v.verdict === "right") changesRight++;
    }
  // The judge restates the missed changes each time an article is judged again: those of its latest round count.
  const latest = Math.max(0, ...entries.map((e) => e?.round ?? 0));
  const changesMissed = (av?.missedChanges ?? []).filter((m) => m.round === latest).length;
  const conceptsEdited = r.concepts.filter((c) =>
    ["edit", "junk"].includes(av?.concepts.find((e) => e.fp === conceptFp(c))?.verdict ?? ""),
  ).length;
  const f = {
    name: r.name,
    drafted: r.claims.length,
    unjudged: entries.filter((e) => !e).length,
    accept: count("accept"),
    edit: count("edit"),
    junk: count("junk"),
    facts: r.facts.length,
    missed: missedList.length,
    missedUnedited: r.facts.filter((_, i) => !carriedUnedited.has(i + 1)).length,
    missedList,
    changes,
    changesRight,
    changesUnjudged,
    changesMissed,
    conceptsProposed: r.concepts.length,
    conceptsEdited,
    actions: 0,
  };
  f.actions = f.accept + f.edit + f.junk + f.conceptsEdited;
  return f;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "–");

function table(rows: Figures[]): string {
  const head =
    "| article | drafted | accepted unedited | needs edit | junk | facts | missed | missed (no unedited claim) | changes proposed | changes right | changes missed | new concepts | concepts edited | curator actions |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
  const line = (f: Figures) =>
    `| ${f.name} | ${f.drafted}${f.unjudged ? ` (${f.unjudged} unjudged)` : ""} | ${f.accept} (${pct(f.accept, f.drafted)}) | ${f.edit} (${pct(f.edit, f.drafted)}) | ${f.junk} (${pct(f.junk, f.drafted)}) | ${f.facts} | ${f.missed} (${pct(f.missed, f.facts)}) | ${f.missedUnedited} (${pct(f.missedUnedited, f.facts)}) | ${f.changes} | ${f.changesRight}${f.changesUnjudged ? ` (+${f.changesUnjudged} unjudged)` : ""} (${pct(f.changesRight, f.changes)}) | ${f.changesMissed} | ${f.conceptsProposed} | ${f.conceptsEdited} | ${f.actions} |`;
  const sum = (k: keyof Figures) => rows.reduce((s, f) => s + (f[k] as number), 0);
  const total: Figures = {
    name: "**total**",
    drafted: sum("drafted"),
    unjudged: sum("unjudged"),
    accept: sum("accept"),
    edit: sum("edit"),
    junk: sum("junk"),
    facts: sum("facts"),
    missed: sum("missed"),
    missedUnedited: sum("missedUnedited"),
    missedList: [],
    changes: sum("changes"),
    changesRight: sum("changesRight"),
    changesUnjudged: sum("changesUnjudged"),
    changesMissed: sum("changesMissed"),
    conceptsProposed: sum("conceptsProposed"),
    conceptsEdited: sum("conceptsEdited"),
    actions: sum("actions"),
  };
  const avg = rows.length ? ` (${(total.actions / rows.length).toFixed(1)} per article)` : "";
  return `${head}\n${rows.map(line).join("\n")}\n${line(total).replace(/\| (\d+) \|$/, `| $1${avg} |`)}`;
}

function score(json: boolean): void {
  const verdicts = readVerdicts();
  const kb = mkdtempSync(join(tmpdir(), "draft-review-"));
  cpSync(BASE, kb, { recursive: true });
  const runs = run(kb, verdicts);
  rmSync(kb, { recursive: true, force: true });
  const figs = runs.map((r) => figuresOf(r, verdicts.articles[r.name]));
  if (json) {
    console.log(JSON.stringify(figs, null, 2));
    return;
  }
  const tuned = figs.filter((f) => f.name !== HELD_BACK);
  const held = figs.filter((f) => f.name === HELD_BACK);
  console.log("Tuning articles:\n");
  console.log(table(tuned));
  console.log("\nHeld-back article:\n");
  console.log(table(held));
  console.log("\nAll six:\n");
  console.log(table(figs));
  for (const f of figs)
    if (f.missedList.length) console.log(`missed in ${f.name}: ${f.missedList.join(", ")}`);
}

/**
 * Verdict lines, one per claim, concept or change:
 *   c <fp> accept|edit|junk <facts, comma-separated, or -> [note]
 *   k <fp> accept|edit|junk [note]          (a proposed concept)
 *   x <claim fp> <kind> <old id> right|wrong [note]
 *   m <note>                                 (a replacement the drafts should have proposed)
 * Ids are filled in from the current drafts.
 */
function judge(name: string, file: string, round: number): void {
  const verdicts = readVerdicts();
  const kb = mkdtempSync(join(tmpdir(), "draft-review-"));
  cpSync(BASE, kb, { recursive: true });
  const runs = run(kb, verdicts, name);
  rmSync(kb, { recursive: true, force: true });
  const r = runs.find((x) => x.name === name);
  if (!r) throw new Error(`no article ${name}`);
  verdicts.articles[name] ??= { claims: [], concepts: [], changes: [] };
  const av = verdicts.articles[name] as ArticleVerdicts;
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  for (const l of lines) {
    const [kind, ...rest] = l.split(/\s+/);
    if (kind === "c") {
      const [fp, verdict, facts, ...note] = rest;
      const c = r.claims.find((x) => claimFp(x) === fp);
      if (!c) throw new Error(`no drafted claim with fingerprint ${fp}`);
      if (!["accept", "edit", "junk"].includes(verdict ?? "")) throw new Error(`bad verdict in: ${l}`);
      av.claims = av.claims.filter((e) => e.fp !== fp);
      av.claims.push({
        id: c.id,
        fp: fp as string,
        verdict: verdict as ClaimVerdict,
        facts: facts && facts !== "-" ? facts.split(",").map(Number) : [],
        ...(note.length ? { note: note.join(" ") } : {}),
        round,
      });
    } else if (kind === "k") {
      const [fp, verdict, ...note] = rest;
      const c = r.concepts.find((x) => conceptFp(x) === fp);
      if (!c) throw new Error(`no proposed concept with fingerprint ${fp}`);
      av.concepts = av.concepts.filter((e) => e.fp !== fp);
      av.concepts.push({
        id: c.id,
        fp: fp as string,
        verdict: verdict as ClaimVerdict,
        ...(note.length ? { note: note.join(" ") } : {}),
        round,
      });
    } else if (kind === "x") {
      const [fp, k, oldId, verdict, ...note] = rest;
      const key = `${fp} ${k} ${oldId}`;
      const ch = r.changes.find((x) => claimFp(x.claim) === fp);
      if (!ch || !changeKinds(ch).some(([kk, o]) => kk === k && o.id === oldId))
        throw new Error(`no proposed change ${key}`);
      av.changes = av.changes.filter((e) => e.key !== key);
      av.changes.push({
        key,
        line: `${ch.claim.id} ${k} ${oldId}`,
        verdict: verdict as "right" | "wrong",
        ...(note.length ? { note: note.join(" ") } : {}),
        round,
      });
    } else if (kind === "m") {
      const note = rest.join(" ");
      av.missedChanges = [...(av.missedChanges ?? []).filter((m) => m.note !== note), { round, note }];
    } else throw new Error(`unknown verdict line: ${l}`);
  }
  writeFileSync(VERDICTS, `${JSON.stringify(verdicts, null, 1)}\n`);
  console.log(`${name}: ${lines.length} verdict lines merged`);
}

function buildKb(dir: string): void {
  const verdicts = readVerdicts();
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(BASE, dir, { recursive: true });
  rmSync(join(dir, "CURATOR-ACTIONS.md"), { force: true });
  const runs = run(dir, verdicts);
  const lines = [
    "# Curator actions for this drafts-only knowledge base",
    "",
    `Built by \`npx tsx scripts/draft-review.ts ${process.argv.slice(2).join(" ")}\` from a copy of ${BASE}/: each article in ${DIR}/ added in date order with \`addSource\` (what \`tradebot kb add-source\` runs), then its drafts accepted as a curator following docs/keeping-current.md would, with NO hand edits: claims judged acceptable or needing an edit (${VERDICTS}) moved into claims/<article>.yml as drafted, claims judged junk deleted, the proposed concepts those claims need moved into concepts/<article>.yml. The replacements the drafts propose follow from the newest-wins rule, so accepting the claims applies them; no supersedes or disputes were written.`,
    "",
    "| article | drafted | accepted as is (judged acceptable) | accepted as is (judged to need an edit) | rejected (junk) | unjudged (accepted) | concepts accepted | concepts rejected | replacements proposed |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of runs) {
    const av = verdicts.articles[r.name];
    const v = (c: Claim) => av?.claims.find((e) => e.fp === claimFp(c))?.verdict;
    const replaces = r.changes.reduce((s, ch) => s + ch.replaces.length, 0);
    lines.push(
      `| ${r.name} | ${r.claims.length} | ${r.claims.filter((c) => v(c) === "accept").length} | ${r.claims.filter((c) => v(c) === "edit").length} | ${r.rejected.length} | ${r.claims.filter((c) => !v(c)).length} | ${r.conceptsAccepted.length} | ${r.conceptsRejected.length} | ${replaces} |`,
    );
  }
  lines.push("", "Rejected claims:", "");
  for (const r of runs)
    for (const c of r.rejected) lines.push(`- ${r.name}: ${c.id} (${c.attribute} of ${c.about[0]})`);
  writeFileSync(join(dir, "CURATOR-ACTIONS.md"), `${lines.join("\n")}\n`);
  const check = checkKnowledge(dir);
  console.log(lines.join("\n"));
  console.log(
    check.problems.length || check.draftProblems.length
      ? `PROBLEMS:\n${[...check.problems, ...check.draftProblems].map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join("\n")}`
      : `kb check: OK (${check.kb?.claims.length} claims, ${check.kb?.concepts.size} concepts)`,
  );
}

const [cmd, a1, a2] = process.argv.slice(2);
const flag = (f: string) => process.argv.includes(f);
const roundArg = process.argv.includes("--round")
  ? Number(process.argv[process.argv.indexOf("--round") + 1])
  : 1;
if (cmd === "dump" && a1) dump(a1, flag("--all"));
else if (cmd === "score") score(flag("--json"));
else if (cmd === "judge" && a1 && a2) judge(a1, a2, roundArg);
else if (cmd === "kb" && a1) buildKb(a1);
else {
  console.error(
    "usage: draft-review.ts dump NAME [--all] | score [--json] | judge NAME FILE [--round N] | kb DIR",
  );
  process.exit(2);
}
