/**
 * `tradebot kb add-source FILE --title … --publisher … --published YYYY-MM-DD [--url …] [--id …]`:
 * stores an article's text and metadata under `knowledge/sources/` and drafts candidate claims
 * (with the concepts they need) into `knowledge/drafts/<id>.yml`, which is never served: a curator
 * reviews each claim and moves what they accept into `claims/`.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { standingOf } from "../../answer/standing.js";
import {
  type AddedSource,
  addSource,
  normaliseSourceText,
  SourceExistsError,
} from "../../knowledge/add-source.js";
import { changeLines, changesOf } from "../../knowledge/changes.js";
import { checkKnowledge, formatProblem, Id, IsoDate } from "../../knowledge/index.js";
import { type CliCommand, UsageError } from "../command.js";

const Url = z.string().url();

function required(value: string | undefined, flag: string, example: string): string {
  if (!value?.trim()) throw new UsageError(`${flag} is required, like ${flag} ${example}`);
  return value.trim();
}

/** The `kb add-source` command. */
export const kbAddSource: CliCommand = {
  name: "kb add-source",
  summary: "Add an article to the knowledge base and draft claims from it for review",
  usage: 'FILE --title "…" --publisher "…" --published YYYY-MM-DD [--url URL] [--id source-id]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        title: { type: "string" },
        publisher: { type: "string" },
        published: { type: "string" },
        url: { type: "string" },
        id: { type: "string" },
      },
    });
    if (positionals.length !== 1) throw new UsageError("give exactly one FILE: the article's text");
    const title = required(values.title, "--title", '"Freedonia and Sylvania Agree to Resume Tariff Talks"');
    const publisher = required(values.publisher, "--publisher", '"The Freedonia Ledger"');
    const published = required(values.published, "--published", "2031-03-12");
    if (!IsoDate.safeParse(published).success)
      throw new UsageError(`--published ${published} is not a real date written YYYY-MM-DD`);
    if (values.url !== undefined && !Url.safeParse(values.url).success)
      throw new UsageError(`--url ${values.url} is not a web address like https://example.com/article`);
    if (values.id !== undefined && !Id.safeParse(values.id).success)
      throw new UsageError(
        `--id ${values.id} must be lower-case letters, digits and dashes, like freedonia-talks`,
      );

    const file = resolve(positionals[0] ?? "");
    if (!existsSync(file)) {
      ctx.err(`tradebot kb add-source: no such file: ${positionals[0]}`);
      return 1;
    }
    const received = readFileSync(file);
    const text = normaliseSourceText(received.toString("utf8"));
    if (text.trim().length < 40) {
      ctx.err(`tradebot kb add-source: ${positionals[0]} has almost no text; give the article's full text`);
      return 1;
    }

    let added: AddedSource;
    try {
      added = addSource(ctx.knowledgeDir, {
        title,
        publisher,
        published,
        url: values.url,
        id: values.id,
        text,
        received,
      });
    } catch (err) {
      if (!(err instanceof SourceExistsError)) throw err;
      ctx.err(`tradebot kb add-source: ${shown(err.path)} already exists; choose another --id`);
      return 1;
    }
    const { id, drafted, paths } = added;

    const byAttribute = new Map<string, number>();
    for (const c of drafted.claims) byAttribute.set(c.attribute, (byAttribute.get(c.attribute) ?? 0) + 1);
    const attributes = [...byAttribute].map(([a, n]) => `${n} ${a}`).join(", ");
    const claims = `${drafted.claims.length} claim${drafted.claims.length === 1 ? "" : "s"}`;
    const concepts = `${drafted.concepts.length} proposed concept${drafted.concepts.length === 1 ? "" : "s"}`;
    ctx.out(`Added source ${id}: ${shown(paths.text)} and ${shown(paths.meta)}`);
    ctx.out(`Drafted ${claims} (${attributes || "none"}) and ${concepts} into ${shown(paths.drafts)}`);
    ctx.out("Drafts are never served: the bot answers only from claims/ and concepts/.");
    ctx.out(
      `Next: review them one at a time with \`tradebot kb review ${id}\` (or with the buttons in the curators' Slack channel, or by hand in ${shown(paths.drafts)}). See docs/keeping-current.md.`,
    );

    const { problems, draftProblems, kb } = checkKnowledge(ctx.knowledgeDir);
    if (drafted.furniture.length)
      ctx.out(
        `Left out as page furniture: ${drafted.furniture.map((f) => `${f.why} ("${f.line.length > 50 ? `${f.line.slice(0, 49)}…` : f.line}")`).join("; ")}`,
      );
    const changes = kb ? changeLines(changesOf(drafted.claims, published, standingOf(kb).claims)) : [];
    ctx.out(
      changes.length
        ? `What these drafts would change if accepted (${changes.length}):`
        : "These drafts replace, dispute or confirm no standing claim.",
    );
    for (const line of changes) ctx.out(`  ${line}`);
    if (problems.length) {
      ctx.err(
        `The knowledge base now has ${problems.length} problem(s); fix them before the bot can reload:`,
      );
      for (const p of problems) ctx.err(formatProblem(p));
      return 1;
    }
    const draftFile = relative(ctx.knowledgeDir, paths.drafts).split(sep).join("/");
    const mine = draftProblems.filter((p) => p.file === draftFile);
    if (mine.length) {
      ctx.err(
        `The drafts have ${mine.length} problem(s) (they are not served; fix them before moving them into claims/):`,
      );
      for (const p of mine) ctx.err(formatProblem(p));
      return 1;
    }
    return 0;
  },
};

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}
