/**
 * `tradebot kb add-source FILE --title … --publisher … --published YYYY-MM-DD [--url …] [--id …]`:
 * stores an article's text and metadata under `knowledge/sources/` and drafts candidate entries
 * into `knowledge/entries/<id>.yml`, all `status: draft` so none is served until a curator reviews it.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  type AddedSource,
  addSource,
  normaliseSourceText,
  SourceExistsError,
} from "../../knowledge/add-source.js";
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
    const { id, entries, paths } = added;

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
