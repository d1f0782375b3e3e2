/**
 * `tradebot kb add-source FILE --title … --publisher … --published YYYY-MM-DD [--url …] [--id …]`:
 * stores an article's text and metadata under `knowledge/sources/` and drafts candidate entries
 * into `knowledge/entries/<id>.yml`, all `status: draft` so none is served until a curator reviews it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { draftEntries, draftSource, renderDrafts, renderSource, sourceIdFor } from "../../knowledge/draft.js";
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
  summary: "Add an article to the knowledge base and draft entries from it for review",
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
    const text = `${readFileSync(file, "utf8")
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      .trimEnd()}\n`;
    if (text.trim().length < 40) {
      ctx.err(`tradebot kb add-source: ${positionals[0]} has almost no text; give the article's full text`);
      return 1;
    }

    const sourcesDir = join(ctx.knowledgeDir, "sources");
    const entriesDir = join(ctx.knowledgeDir, "entries");
    const taken = new Set(
      existsSync(sourcesDir)
        ? readdirSync(sourcesDir).map((n) => n.replace(/(\.received)?\.(ya?ml|txt)$/, ""))
        : [],
    );
    const meta = { title, publisher, published, url: values.url };
    const id = values.id ?? sourceIdFor(meta, taken);
    const paths = {
      received: join(sourcesDir, `${id}.received.txt`),
      text: join(sourcesDir, `${id}.txt`),
      meta: join(sourcesDir, `${id}.yml`),
      drafts: join(entriesDir, `${id}.yml`),
    };
    const clash = Object.values(paths).find((p) => existsSync(p));
    if (clash) {
      ctx.err(`tradebot kb add-source: ${shown(clash)} already exists; choose another --id`);
      return 1;
    }

    const source = draftSource(id, meta);
    const entries = draftEntries(text, { id, published });
    mkdirSync(sourcesDir, { recursive: true });
    mkdirSync(entriesDir, { recursive: true });
    // The copy exactly as received stays beside the curated text, as for the seed article.
    writeFileSync(paths.received, readFileSync(file));
    writeFileSync(paths.text, text);
    writeFileSync(paths.meta, renderSource(source));
    writeFileSync(paths.drafts, renderDrafts(entries, source));

    const byKind = new Map<string, number>();
    for (const e of entries) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    const kinds = [...byKind].map(([k, n]) => `${n} ${k}${n === 1 ? "" : "s"}`).join(", ");
    ctx.out(`Added source ${id}: ${shown(paths.text)} and ${shown(paths.meta)}`);
    ctx.out(`Drafted ${entries.length} entries (${kinds || "none"}) into ${shown(paths.drafts)}`);
    ctx.out("They are all `status: draft`: the bot does not use them until you review them.");
    ctx.out(
      `Next: open ${shown(paths.drafts)}, check each entry against its snippet, fix it or delete it, and change \`status: draft\` to \`status: reviewed\`. See docs/keeping-current.md.`,
    );

    const { problems } = checkKnowledge(ctx.knowledgeDir);
    if (problems.length) {
      ctx.err(
        `The knowledge base now has ${problems.length} problem(s); fix them before the bot can reload:`,
      );
      for (const p of problems) ctx.err(formatProblem(p));
      return 1;
    }
    return 0;
  },
};

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}
