/**
 * Putting an answer into words: the claim's sentence, its date against now, what it replaced,
 * a newer status of the same thing, and a disagreement between sources — each part cited, the
 * whole kept short (at most three citations and about 800 characters).
 */
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import { citationOf } from "./citations.js";
import { ageOf, countdown, formatDay } from "./dates.js";
import { freshnessOf, round } from "./freshness.js";
import type { Standing } from "./standing.js";
import type { Answer, Citation } from "./types.js";
import { valueInWords, valueKind } from "./values.js";

/** The longest answer text we give: the scorer's and Slack's sense of "short". */
const MAX_TEXT = 780;
const MAX_CITATIONS = 3;

/** What composing needs. */
export interface ComposeContext {
  kb: KnowledgeBase;
  standing: Standing;
  now: Date;
}

/** The parts of an answer, in order; later parts are dropped first when it grows too long. */
interface Part {
  text: string;
  claim?: LoadedClaim;
}

function publishedOf(kb: KnowledgeBase, claim: LoadedClaim): string {
  return kb.sources.get(claim.source)?.published ?? kb.newestSource;
}

function reportOf(kb: KnowledgeBase, claim: LoadedClaim): string {
  const s = kb.sources.get(claim.source);
  return s ? `the ${formatDay(s.published)} report` : "an earlier report";
}

/**
 * "When: Nov. 1, 2025 (in 12 days, per the Oct. 17, 2025 report)." The source's age is said once,
 * beside its citation, not here. A measure's end is a deadline: "Until: Nov. 10, 2026 (expires in
 * 12 days, …)", "expired 3 days ago".
 */
export function dateLine(ctx: ComposeContext, claim: LoadedClaim): string | undefined {
  const v = claim.value;
  if (!("date" in v)) return undefined;
  const deadline = claim.attribute === "end" && ctx.kb.concepts.get(claim.about[0] ?? "")?.type === "measure";
  const at = countdown({ date: v.until ?? v.date, precision: v.until ? "day" : v.precision }, ctx.now, {
    deadline,
  });
  const label = valueInWords(ctx.kb, v);
  const word = claim.attribute === "end" ? "Until" : claim.attribute === "start" ? "From" : "When";
  // An end is a moment, not a period: "ends in 12 days", not "starts in 12 days".
  const when =
    claim.attribute === "end"
      ? at.text.replace(/^starts in/, "ends in").replace(/^this (\w+)$/, "ends this $1")
      : at.text;
  return `${word}: ${label} (${when}, per ${reportOf(ctx.kb, claim)}).`;
}

/**
 * What an answer replaced, in one short clause after the new fact: "It replaces Nov. 10, 2025,
 * from the Oct. 26, 2025 report." A state or a text has no short form: its sentence follows.
 */
function replacedClause(kb: KnowledgeBase, replaced: LoadedClaim): string {
  const kind = valueKind(replaced.value);
  const words = valueInWords(kb, replaced.value);
  if (kind !== "state" && kind !== "text" && words.length <= 60)
    return `It replaces ${words}, from ${reportOf(kb, replaced)}.`;
  return `It replaces ${reportOf(kb, replaced)}: ${replaced.answer}`;
}

/** Options for one claim's answer. */
export interface ClaimAnswerOptions {
  /** Said first: "No: Malaysia, not Bangkok." */
  lead?: string;
  confidence: number;
  /** The question asks what stands now: say how old the newest source is. */
  now?: boolean;
  /** Give the date line even for a claim that is not about a date. */
  withDate?: boolean;
  /** Claims to add after it ("Also: …"), for questions in two parts. */
  also?: LoadedClaim[];
  /** Leave out what the claim replaced (the question asked for the older value). */
  older?: boolean;
}

/** The answer resting on one claim, with everything around it that a reader should know. */
export function claimAnswer(ctx: ComposeContext, claim: LoadedClaim, options: ClaimAnswerOptions): Answer {
  const { kb, standing } = ctx;
  const parts: Part[] = [];
  const disputed = standing.disputed.get(claim.id) ?? [];
  if (options.lead) parts.push({ text: options.lead });
  if (disputed.length) {
    const source = (c: LoadedClaim) => {
      const s = kb.sources.get(c.source);
      return s ? `${s.publisher}, ${formatDay(s.published)}` : c.source;
    };
    parts.push({ text: `Sources differ. ${source(claim)}: ${claim.answer}`, claim });
    for (const other of disputed.slice(0, 1))
      parts.push({ text: `${source(other)}: ${other.answer}`, claim: other });
  } else {
    parts.push({ text: claim.answer, claim });
  }
  const line = dateLine(ctx, claim);
  if (line && (options.withDate || ["when", "start", "end"].includes(claim.attribute)))
    parts.push({ text: line });
  if (options.older) {
    const newer = standing.current.get(claim.id);
    if (newer && newer.id !== claim.id) {
      parts.push({
        text: `That was ${reportOf(kb, claim)}; ${reportOf(kb, newer)} says: ${newer.answer}`,
        claim: newer,
      });
    }
    // What has happened to the thing since, whichever report the answer rests on.
    const latest = newer ?? claim;
    const status = standing.statusOf.get(latest.about[0] as string);
    if (status && status.id !== latest.id && status.asOf > latest.asOf && latest.attribute !== "status")
      parts.push({ text: `Since then, per ${reportOf(kb, status)}: ${status.answer}`, claim: status });
  } else {
    const replaced = standing.replaced.get(claim.id)?.[0];
    if (replaced) {
      parts.push({ text: replacedClause(kb, replaced), claim: replaced });
    }
    const status = standing.statusOf.get(claim.about[0] as string);
    if (status && status.id !== claim.id && status.asOf > claim.asOf && claim.attribute !== "status") {
      parts.push({ text: `Since then, per ${reportOf(kb, status)}: ${status.answer}`, claim: status });
    }
  }
  for (const more of options.also ?? []) parts.push({ text: `Also: ${more.answer}`, claim: more });
  if (options.now) {
    const newest = [claim, ...parts.flatMap((p) => (p.claim ? [p.claim] : []))]
      .map((c) => publishedOf(kb, c))
      .sort()
      .at(-1) as string;
    const days = (ctx.now.getTime() - Date.parse(`${newest}T00:00:00Z`)) / 86_400_000;
    if (days > 30)
      parts.unshift({
        text: `As of my newest source on this (${formatDay(newest)}, ${ageOf(newest, ctx.now)}):`,
      });
  }
  return assemble(ctx, parts, options.confidence, true);
}

/** An answer saying what the sources do not give, and what they do, cited. Not counted as answered. */
export function missingAnswer(
  ctx: ComposeContext,
  missing: string,
  known: LoadedClaim | undefined,
  confidence: number,
): Answer {
  const parts: Part[] = [{ text: missing }];
  if (known) parts.push({ text: `What they say: ${known.answer}`, claim: known });
  return assemble(ctx, parts, confidence, false);
}

/** Joins the parts into an answer within the length and citation limits, citing each claim once. */
function assemble(ctx: ComposeContext, parts: Part[], confidence: number, answered: boolean): Answer {
  const kept: Part[] = [];
  const cited: LoadedClaim[] = [];
  let length = 0;
  for (const p of parts) {
    const adds = p.claim && !cited.includes(p.claim) ? 1 : 0;
    if (kept.length > 0 && (length + p.text.length + 1 > MAX_TEXT || cited.length + adds > MAX_CITATIONS)) {
      if (p.claim === undefined) continue;
      break;
    }
    kept.push(p);
    length += p.text.length + 1;
    if (p.claim && adds) cited.push(p.claim);
  }
  let text = kept.map((p) => p.text).join(" ");
  if (text.length > MAX_TEXT) text = `${text.slice(0, MAX_TEXT - 1).replace(/\s+\S*$/, "")}…`;
  const citations: Citation[] = cited.map((c) => citationOf(ctx.kb, c));
  return {
    answered,
    text,
    citations,
    confidence: round(confidence),
    factIds: cited.map((c) => c.id),
    suggestions: [],
    ...(citations.length ? { freshness: freshnessOf(ctx.kb, citations, ctx.now) } : {}),
  };
}
