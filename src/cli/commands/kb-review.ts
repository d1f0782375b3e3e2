/**
 * `tradebot kb review [SOURCE-ID] [--by NAME] [--list | --accept-all]`: a walk through the drafts,
 * one at a time. Each draft claim is shown in words, with its snippet in its paragraph of the
 * article and what accepting it would change; then **a**ccept, **e**dit (in $EDITOR, checked like
 * `kb check`), **r**eject, **m**erge (into a claim it confirms), **s**kip or **q**uit. A proposed
 * concept a claim needs is reviewed with it; proposed concepts no claim needs come at the end.
 * Every step leaves the folder passing the checks (curation/review.ts). Answers are read a line at
 * a time, so piped input works as well as a terminal.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { loadReviewSettings } from "../../config-cli.js";
import { type DraftEntry, neededConcepts } from "../../curation/drafts.js";
import {
  acceptConcept,
  acceptDraft,
  draftsOf,
  mergeDraft,
  type Reviewer,
  type ReviewResult,
  rejectDraft,
} from "../../curation/review.js";
import { claimLines, claimView, conceptLines, conceptView } from "../../curation/review-view.js";
import { formatProblem } from "../../knowledge/problem.js";
import { type CliCommand, type CliContext, UsageError } from "../command.js";
import { editDraft } from "../editor.js";
import { today } from "../today.js";

/** What the walk did, for the closing line. */
interface Tally {
  accepted: number;
  rejected: number;
  skipped: number;
}

/** The `kb review` command. */
export const kbReview: CliCommand = {
  name: "kb review",
  summary: "Review the drafts one at a time: accept, edit, reject, merge, skip",
  usage: "[SOURCE-ID] [--by NAME] [--list | --accept-all]",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { by: { type: "string" }, list: { type: "boolean" }, "accept-all": { type: "boolean" } },
    });
    if (positionals.length > 1) throw new UsageError("give at most one SOURCE-ID");
    if (values.list && values["accept-all"]) throw new UsageError("give --list or --accept-all, not both");
    const settings = loadReviewSettings(ctx.env);
    const by = values.by?.trim() || settings.user;
    if (!by && !values.list)
      throw new UsageError("say who is reviewing with --by NAME (recorded as verified_by)");
    const only = positionals[0];
    const dir = ctx.knowledgeDir;

    const start = draftsOf(dir);
    if (!start.kb) {
      ctx.err(`The knowledge in ${dir} has problems; fix them before reviewing drafts:`);
      for (const p of start.check.problems) ctx.err(formatProblem(p));
      return 1;
    }
    for (const u of start.unreadable) {
      ctx.err(`${u.file} cannot be read; fix it in an editor:`);
      for (const p of u.problems) ctx.err(`  ${formatProblem(p)}`);
    }
    const mine = (e: DraftEntry) => !only || e.sourceId === only;
    const entries = start.entries.filter(mine);
    if (!entries.length) {
      ctx.out(`No drafts waiting for review${only ? ` from source ${only}` : ""} in ${dir}/drafts.`);
      return start.unreadable.length ? 1 : 0;
    }
    if (values.list) {
      for (const e of entries) ctx.out(listLine(start, e));
      return 0;
    }
    const reviewer: Reviewer = { by: by as string, today: today(ctx.now()) };
    if (values["accept-all"]) return acceptAll(ctx, entries, reviewer);
    return walk(ctx, entries, reviewer, settings.editor, mine);
  },
};

/** One line per draft for `--list`. */
function listLine(drafts: ReturnType<typeof draftsOf>, e: DraftEntry): string {
  const kb = drafts.kb;
  if (!kb) return "";
  const bad = e.problems.length ? ` [${e.problems.length} problem(s)]` : "";
  if (e.kind === "concept") {
    const c = conceptView(kb, e);
    return `${c.location}  concept ${c.id}: ${c.name} (${c.type})${bad}`;
  }
  const c = claimView(kb, e, drafts.entries);
  const ch = c.changes;
  const changes = ch
    ? [
        ...ch.replaces.map((r) => `replaces ${r.id}`),
        ...ch.disputes.map((r) => `disputes ${r.id}`),
        ...ch.confirms.map((r) => `confirms ${r.id}`),
        ...ch.outdatedBy.map((r) => `older than ${r.id}`),
      ]
    : [];
  return `${c.location}  claim ${c.id}: ${c.attribute} of ${c.subject} = ${c.value}${changes.length ? ` (${changes.join(", ")})` : ""}${bad}`;
}

/** Prints a step's outcome; true when it was done. */
function report(ctx: CliContext, result: ReviewResult, done: string): boolean {
  if (result.ok) {
    ctx.out(`${done}${result.note ? ` (${result.note})` : ""}: ${result.files.join(", ")}`);
    return true;
  }
  ctx.out(`Not done: ${result.reason}.`);
  for (const p of result.problems) ctx.out(`  ${formatProblem(p)}`);
  return false;
}

/** `--accept-all`: every claim (with the concepts it needs), then the concepts left; 1 if any stayed. */
function acceptAll(ctx: CliContext, entries: readonly DraftEntry[], reviewer: Reviewer): number {
  let failed = 0;
  const dir = ctx.knowledgeDir;
  for (const e of entries.filter((x) => x.kind === "claim"))
    if (!report(ctx, acceptDraft(dir, e.id, reviewer), `Accepted ${e.id}`)) failed++;
  const left = new Set(draftsOf(dir).entries.map((x) => `${x.kind}:${x.id}`));
  for (const e of entries.filter((x) => x.kind === "concept" && left.has(`concept:${x.id}`)))
    if (!report(ctx, acceptConcept(dir, e.id), `Accepted ${e.id}`)) failed++;
  ctx.out(
    failed ? `${failed} draft(s) could not be accepted and are still in drafts/.` : "All drafts accepted.",
  );
  return failed ? 1 : 0;
}

/** The interactive walk. */
async function walk(
  ctx: CliContext,
  entries: readonly DraftEntry[],
  reviewer: Reviewer,
  editor: string,
  mine: (e: DraftEntry) => boolean,
): Promise<number> {
  const dir = ctx.knowledgeDir;
  const lines = createInterface({ input: ctx.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const reader = lines[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string | undefined> => {
    ctx.out(question);
    const next = await reader.next();
    return next.done ? undefined : String(next.value).trim().toLowerCase();
  };
  const tally: Tally = { accepted: 0, rejected: 0, skipped: 0 };
  let quit = false;

  /** Edits a draft in the editor until it passes the checks or the curator gives up; the id it ends with. */
  const edit = async (kind: DraftEntry["kind"], id: string): Promise<string> => {
    const edited = await editDraft({ dir, kind, id, editor, env: ctx.env, out: ctx.out, ask });
    if (edited.quit) quit = true;
    return edited.id;
  };

  /** Asks whether to accept each proposed concept the claim needs; false when one is turned down. */
  const conceptsFor = async (claimId: string): Promise<boolean> => {
    for (;;) {
      const drafts = draftsOf(dir);
      const claim = drafts.entries.find((e) => e.kind === "claim" && e.id === claimId);
      const needs =
        claim && drafts.kb
          ? neededConcepts(claim, drafts.entries).filter((c) => !drafts.kb?.concepts.has(c.id))
          : [];
      const next = needs[0];
      if (!next || !drafts.kb) return true;
      for (const l of conceptLines(conceptView(drafts.kb, next))) ctx.out(l);
      const a = await ask(
        `${claimId} needs this proposed concept. Accept it with the claim? [y]es, [e]dit it, [n]o`,
      );
      if (a === "e") await edit("concept", next.id);
      else if (a === "y") {
        if (!report(ctx, acceptConcept(dir, next.id), `Accepted the concept ${next.id}`)) return false;
      } else {
        if (a === undefined) quit = true;
        ctx.out(
          `Not accepted: ${claimId} needs ${next.id}. Edit the claim to use a concept the knowledge has, or skip it.`,
        );
        return false;
      }
      if (quit) return false;
    }
  };

  const reviewOne = async (kind: DraftEntry["kind"], firstId: string): Promise<void> => {
    let id = firstId;
    for (;;) {
      const drafts = draftsOf(dir);
      const entry = drafts.entries.find((e) => e.kind === kind && e.id === id);
      if (!entry || !drafts.kb) return;
      ctx.out("");
      const view = kind === "claim" ? claimView(drafts.kb, entry, drafts.entries) : undefined;
      for (const l of view ? claimLines(view) : conceptLines(conceptView(drafts.kb, entry))) ctx.out(l);
      const confirms = view?.changes?.confirms ?? [];
      const choice = await ask(
        `[a]ccept, [e]dit, [r]eject${confirms.length ? ", [m]erge" : ""}, [s]kip, [q]uit?`,
      );
      if (choice === undefined || choice === "q") {
        quit = true;
        return;
      }
      if (choice === "s") {
        tally.skipped++;
        return;
      }
      if (choice === "e") {
        id = await edit(kind, id);
        if (quit) return;
        continue;
      }
      if (choice === "r") {
        if (report(ctx, rejectDraft(dir, kind, id), `Rejected ${id}, removed from the drafts`)) {
          tally.rejected++;
          return;
        }
        continue;
      }
      if (choice === "a" && kind === "concept") {
        if (report(ctx, acceptConcept(dir, id), `Accepted ${id} into concepts/`)) {
          tally.accepted++;
          return;
        }
        continue;
      }
      if (choice === "a" || (choice === "m" && confirms.length)) {
        if (!(await conceptsFor(id))) {
          if (quit) return;
          continue;
        }
        let into = confirms[0]?.id;
        if (choice === "m" && confirms.length > 1) {
          const n = Number(
            await ask(`Merge into which? ${confirms.map((c, i) => `[${i + 1}] ${c.id}`).join(", ")}`),
          );
          into = confirms[n - 1]?.id;
          if (!into) continue;
        }
        const result =
          choice === "m" && into ? mergeDraft(dir, id, into, reviewer) : acceptDraft(dir, id, reviewer);
        if (report(ctx, result, `Accepted ${id}, verified by ${reviewer.by} on ${reviewer.today}`)) {
          tally.accepted++;
          return;
        }
        continue;
      }
      ctx.out(`Type a, e, r${confirms.length ? ", m" : ""}, s or q.`);
    }
  };

  try {
    for (const e of entries.filter((x) => x.kind === "claim")) {
      if (quit) break;
      await reviewOne("claim", e.id);
    }
    // The proposed concepts no draft claim needs any more.
    if (!quit) {
      const now = draftsOf(dir);
      const needed = new Set(
        now.entries
          .filter((e) => e.kind === "claim")
          .flatMap((c) => neededConcepts(c, now.entries).map((n) => n.id)),
      );
      for (const c of now.entries.filter((e) => e.kind === "concept" && mine(e) && !needed.has(e.id))) {
        if (quit) break;
        await reviewOne("concept", c.id);
      }
    }
  } finally {
    lines.close();
  }
  const left = draftsOf(dir).entries.filter(mine).length;
  ctx.out("");
  ctx.out(
    `Reviewed: ${tally.accepted} accepted, ${tally.rejected} rejected, ${tally.skipped} skipped; ${left} draft(s) left in drafts/.`,
  );
  return 0;
}
