/**
 * The review steps behind the curators' buttons and modal: each calls the same operation as
 * `tradebot kb review` (curation/review.ts) and says what came of it as Slack messages. Who may
 * act is decided here too: only the users in CURATOR_USER_IDS.
 */
import { localDate } from "../briefing/time.js";
import {
  acceptDraft,
  draftEditText,
  draftsOf,
  type ReviewResult,
  rejectDraft,
  saveDraftEdit,
} from "../curation/review.js";
import { claimView } from "../curation/review-view.js";
import { formatProblem } from "../knowledge/problem.js";
import { sections } from "./blocks/limits.js";
import type { Message } from "./blocks/message.js";
import { type Decision, draftMessage } from "./blocks/review.js";
import type { SlackDeps } from "./deps.js";
import type { ReviewSlackDeps } from "./review-deps.js";

/** The refusal for anyone who is not a curator. */
export const ONLY_CURATORS = "Only curators can review drafts.";
/** The reply where review is not set up (no knowledge folder given to the Slack surface). */
export const NOT_SET_UP = "Reviewing drafts is not set up in this deployment.";

/** A curator's click or submission: who, and the draft. */
export interface ReviewRequest {
  userId: string;
  /** The name recorded as `verified_by` (the Slack user's name, else their id). */
  name: string;
  id: string;
}

/**
 * What a step came to: the draft's message to show in place of the old one, or a private note;
 * `gone` when the draft is no longer in the drafts (its message's buttons should go).
 */
export type StepOutcome = { message: Message } | { note: string; gone?: true };

/** Whether the user may review drafts. */
export function isCurator(deps: SlackDeps, userId: string): boolean {
  return deps.config.curators.userIds.includes(userId);
}

/** The draft claim's message as it is now in the drafts, or undefined when it is no longer there. */
export function currentDraftMessage(
  review: ReviewSlackDeps,
  id: string,
  decided?: Decision,
): Message | undefined {
  const drafts = draftsOf(review.dir);
  const entry = drafts.entries.find((e) => e.kind === "claim" && e.id === id);
  return entry && drafts.kb ? draftMessage(claimView(drafts.kb, entry, drafts.entries), decided) : undefined;
}

/** Why a step was refused, for a private reply. */
function refusal(what: string, r: Extract<ReviewResult, { ok: false }>): string {
  const problems = r.problems.map(formatProblem).join("\n");
  return `Not ${what}: ${r.reason}.${problems ? `\n\`\`\`${problems}\`\`\`` : ""}`;
}

/** Accepts a draft claim the way the CLI does, serves it at once, and says so. */
export function acceptStep(deps: SlackDeps, review: ReviewSlackDeps, req: ReviewRequest): StepOutcome {
  const at = deps.now();
  const drafts = draftsOf(review.dir);
  const entry = drafts.entries.find((e) => e.kind === "claim" && e.id === req.id);
  if (!entry || !drafts.kb) return gone(req.id);
  const view = claimView(drafts.kb, entry, drafts.entries);
  const result = acceptDraft(review.dir, req.id, {
    by: req.name,
    today: localDate(at, deps.config.defaultTimeZone),
  });
  if (!result.ok) return { note: refusal("accepted", result) };
  try {
    review.reload?.();
  } catch (err) {
    deps.logger.warn("reloading the knowledge after an accept failed; the watcher will try again", err);
  }
  const served = review.served();
  const file = result.files.find((f) => f.startsWith("claims/")) ?? "claims/";
  const serving = served.claims.some((c) => c.id === req.id)
    ? `the bot answers from it now (knowledge version ${served.version})`
    : review.reload
      ? "the bot has not loaded it yet: see its log"
      : "the bot serves it after a restart (it does not watch the knowledge folder)";
  const outcome = `now in ${file}, verified by ${req.name}; ${serving}.${result.note ? ` ${result.note}.` : ""}`;
  return { message: draftMessage(view, { verb: "Accepted", userId: req.userId, at, outcome }) };
}

/** Rejects a draft claim: it leaves the drafts. */
export function rejectStep(deps: SlackDeps, review: ReviewSlackDeps, req: ReviewRequest): StepOutcome {
  const drafts = draftsOf(review.dir);
  const entry = drafts.entries.find((e) => e.kind === "claim" && e.id === req.id);
  if (!entry || !drafts.kb) return gone(req.id);
  const view = claimView(drafts.kb, entry, drafts.entries);
  const result = rejectDraft(review.dir, "claim", req.id);
  if (!result.ok) return { note: refusal("rejected", result) };
  const outcome = `removed from ${entry.file}; it will not be served.`;
  return { message: draftMessage(view, { verb: "Rejected", userId: req.userId, at: deps.now(), outcome }) };
}

/** The draft claim's YAML for the edit modal; undefined when it is no longer in the drafts. */
export function editText(review: ReviewSlackDeps, id: string): string | undefined {
  return draftEditText(review.dir, "claim", id);
}

/** The label problems in an edited draft are given, so they read "line 7: value.date: …". */
const EDITED = "(edited)";

/**
 * Saves a draft claim edited in the modal; the errors to show under the input when it fails the
 * checks, one `line N: field: problem` per line.
 */
export function saveEditStep(
  review: ReviewSlackDeps,
  id: string,
  text: string,
): { ok: true; id: string } | { ok: false; errors: string } {
  const result = saveDraftEdit(review.dir, "claim", id, text, EDITED);
  if (result.ok) return { ok: true, id: result.id };
  const lines = result.problems.map((p) =>
    p.file === EDITED ? `line ${p.line}: ${p.field}: ${p.message}` : formatProblem(p),
  );
  const errors = lines.length ? lines.slice(0, 8).join("\n") : `Not saved: ${result.reason}.`;
  return { ok: false, errors: errors.length > 1900 ? `${errors.slice(0, 1899)}…` : errors };
}

function gone(id: string): StepOutcome {
  return {
    note: `The draft ${id} is no longer in drafts/: it was accepted, rejected or changed elsewhere (in the terminal or another message).`,
    gone: true,
  };
}

/** A private note as a message. */
export function noteMessage(text: string): Message {
  return { text, blocks: sections(text) };
}
