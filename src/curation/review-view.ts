/**
 * A draft as a curator reviews it, in words: the claim (its subject and other concepts by name, the
 * attribute, the value, the answer, its dates, speaker and quote), its snippet in its paragraph of
 * the article, and what accepting it would change (the claims it replaces, disputes or confirms,
 * each with its answer and its source's date). Plain data and plain lines: the terminal prints the
 * lines, the Slack surface renders the same data as blocks.
 */
import { formatDay } from "../answer/dates.js";
import { standingOf } from "../answer/standing.js";
import { valueInWords } from "../answer/values.js";
import { whatChanges } from "../knowledge/changes.js";
import { formatProblem } from "../knowledge/problem.js";
import { type Concept, type KnowledgeBase, type LoadedClaim, Value } from "../knowledge/schema.js";
import { type DraftEntry, neededConcepts } from "./drafts.js";

/** An existing claim a draft relates to. */
export interface RelatedClaim {
  id: string;
  answer: string;
  /** "The Freedonia Ledger, March 12, 2031". */
  source: string;
  /** Where it is: `claims/freedonia.yml:3`. */
  location: string;
}

/** What accepting a draft claim would change. */
export interface ChangeView {
  replaces: RelatedClaim[];
  disputes: RelatedClaim[];
  confirms: RelatedClaim[];
  outdatedBy: RelatedClaim[];
}

/** A paragraph of the article, split around the snippet. */
export interface InParagraph {
  before: string;
  snippet: string;
  after: string;
}

/** A draft claim in words. */
export interface ClaimView {
  id: string;
  location: string;
  subject: string;
  others: string[];
  attribute: string;
  value: string;
  answer: string;
  /** "as of March 20, 2031", with `holds` from/until when given. */
  dates: string;
  speaker?: string;
  quote: boolean;
  snippet: string;
  paragraph?: InParagraph;
  /** "Freedonia Postpones Wool Duties… — The Sylvania Herald, March 20, 2031". */
  source: string;
  changes?: ChangeView;
  /** Proposed concepts it needs, accepted with it. */
  needs: { id: string; name: string }[];
  /** Its problems, as `file:line: field: problem`; a draft with problems cannot be accepted. */
  problems: string[];
}

/** A proposed concept in words. */
export interface ConceptView {
  id: string;
  location: string;
  name: string;
  type: string;
  aliases: string[];
  roles: string[];
  partOf: string[];
  /** Known concepts that share a word of its name: it may be one of them under another name. */
  similar: { id: string; name: string; location: string }[];
  problems: string[];
}

const str = (x: unknown) => (typeof x === "string" ? x : "");
const strs = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);

/** The paragraph of `text` the snippet is in, cut to about `max` characters around it. */
export function paragraphOf(text: string, snippet: string, max = 700): InParagraph | undefined {
  const at = snippet ? text.indexOf(snippet) : -1;
  if (at < 0) return undefined;
  const start = Math.max(text.lastIndexOf("\n\n", at) + 2, 0);
  const endAt = text.indexOf("\n\n", at + snippet.length);
  const end = endAt < 0 ? text.length : endAt;
  const room = Math.max(0, max - snippet.length) / 2;
  const from = Math.max(start, at - room);
  const to = Math.min(end, at + snippet.length + room);
  const squash = (s: string) => s.replace(/\s+/g, " ");
  return {
    before: `${from > start ? "…" : ""}${squash(text.slice(from, at)).trimStart()}`,
    snippet: squash(snippet),
    after: `${squash(text.slice(at + snippet.length, to)).trimEnd()}${to < end ? "…" : ""}`,
  };
}

function related(kb: KnowledgeBase, c: LoadedClaim): RelatedClaim {
  const s = kb.sources.get(c.source);
  return {
    id: c.id,
    answer: c.answer,
    source: s ? `${s.publisher}, ${formatDay(s.published)}` : c.source,
    location: `${c.file}:${c.line}`,
  };
}

/** The concepts a view names: the reviewed ones and the proposed ones. */
function namer(kb: KnowledgeBase, entries: readonly DraftEntry[]) {
  const proposed = new Map(entries.filter((e) => e.kind === "concept").map((e) => [e.id, e]));
  return (id: string) =>
    kb.concepts.get(id)?.name ??
    (proposed.has(id) ? `${str(proposed.get(id)?.value.name) || id} (proposed)` : `${id} (unknown)`);
}

/** A draft's value in words; one that does not fit the schema, as written. */
function valueInWordsOf(kb: KnowledgeBase, claim: LoadedClaim | undefined, raw: unknown): string {
  const parsed = claim ? { success: true as const, data: claim.value } : Value.safeParse(raw);
  return parsed.success ? valueInWords(kb, parsed.data) : JSON.stringify(raw ?? null);
}

/** A draft claim in words, against the knowledge `kb` and the other drafts. */
export function claimView(
  kb: KnowledgeBase,
  entry: DraftEntry,
  entries: readonly DraftEntry[],
  standing = standingOf(kb),
): ClaimView {
  const v = entry.value;
  const name = namer(kb, entries);
  const about = strs(v.about);
  const source = kb.sources.get(str(v.source));
  const claim = entry.claim;
  const proposedConcepts = entries.flatMap((e) => (e.kind === "concept" && e.concept ? [e.concept] : []));
  const naming: KnowledgeBase = {
    ...kb,
    concepts: new Map<string, Concept & { file: string; line: number }>([
      ...kb.concepts,
      ...proposedConcepts.map((c) => [c.id, c] as const),
    ]),
  };
  const holds = claim?.holds;
  const dates = [
    claim ? `as of ${formatDay(claim.asOf)}${holds?.as_of ? "" : " (the article's date)"}` : "",
    holds?.from ? `from ${formatDay(holds.from)}` : "",
    holds?.until ? `until ${formatDay(holds.until)}` : "",
  ].filter(Boolean);
  const changes = claim ? whatChanges(kb, claim, standing) : undefined;
  const speaker = str(v.speaker);
  return {
    id: entry.id,
    location: `${entry.file}:${entry.line}`,
    subject: about[0] ? name(about[0]) : "(none)",
    others: about.slice(1).map(name),
    attribute: str(v.attribute),
    value: valueInWordsOf(naming, claim, v.value),
    answer: str(v.answer),
    dates: dates.join(", "),
    ...(speaker ? { speaker: name(speaker) } : {}),
    quote: v.quote === true,
    snippet: str(v.snippet),
    ...(source && paragraphOf(source.text, str(v.snippet))
      ? { paragraph: paragraphOf(source.text, str(v.snippet)) as InParagraph }
      : {}),
    source: source ? `${source.title} — ${source.publisher}, ${formatDay(source.published)}` : str(v.source),
    ...(changes
      ? {
          changes: {
            replaces: changes.replaces.map((c) => related(kb, c)),
            disputes: changes.disputes.map((c) => related(kb, c)),
            confirms: changes.confirms.map((c) => related(kb, c)),
            outdatedBy: changes.outdatedBy.map((c) => related(kb, c)),
          },
        }
      : {}),
    needs: neededConcepts(entry, entries)
      .filter((c) => !kb.concepts.has(c.id))
      .map((c) => ({ id: c.id, name: str(c.value.name) || c.id })),
    problems: entry.problems.map(formatProblem),
  };
}

/** A proposed concept in words, with the known concepts it may duplicate. */
export function conceptView(kb: KnowledgeBase, entry: DraftEntry): ConceptView {
  const v = entry.value;
  const name = str(v.name);
  const words = new Set(
    name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3),
  );
  const similar = [...kb.concepts.values()]
    .filter((c) =>
      [c.name, ...c.aliases].some((n) =>
        n
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .some((w) => words.has(w)),
      ),
    )
    .slice(0, 5)
    .map((c) => ({ id: c.id, name: c.name, location: `${c.file}:${c.line}` }));
  return {
    id: entry.id,
    location: `${entry.file}:${entry.line}`,
    name,
    type: str(v.type),
    aliases: strs(v.aliases),
    roles: strs(v.roles),
    partOf: strs(v.part_of).map((id) => kb.concepts.get(id)?.name ?? id),
    similar,
    problems: entry.problems.map(formatProblem),
  };
}

const related1 = (verb: string, r: RelatedClaim, tail = "") =>
  `  ${verb} ${r.id} (${r.source}; ${r.location}): ${r.answer}${tail}`;

/** What accepting the claim would change, as lines. */
export function changeLines(c: ChangeView | undefined): string[] {
  if (!c) return [];
  const lines = [
    ...c.replaces.map((r) => related1("Replaces", r)),
    ...c.disputes.map((r) => related1("Disputes", r, " (same day, another source: both will be shown)")),
    ...c.confirms.map((r) => related1("Confirms", r, " (m merges into it)")),
    ...c.outdatedBy.map((r) => related1("Is older than", r, " (that one keeps standing)")),
  ];
  return lines.length
    ? ["What it changes:", ...lines]
    : ["What it changes: nothing the bot says now (a new claim)."];
}

/** A draft claim as lines for the terminal. */
export function claimLines(c: ClaimView): string[] {
  return [
    `Draft claim ${c.id} (${c.location})`,
    `  ${c.attribute} of ${c.subject}${c.others.length ? ` (also about ${c.others.join(", ")})` : ""}`,
    `  Value: ${c.value}`,
    `  Answer: ${c.answer}`,
    ...(c.dates ? [`  Dates: ${c.dates}`] : []),
    ...(c.speaker ? [`  Speaker: ${c.speaker}${c.quote ? " (a quote: their own words)" : ""}`] : []),
    `  Source: ${c.source}`,
    c.paragraph
      ? `  In the article: ${c.paragraph.before}«${c.paragraph.snippet}»${c.paragraph.after}`
      : `  Snippet: ${c.snippet} (not found in the article's text)`,
    ...(c.needs.length
      ? [`  Needs the proposed concept(s): ${c.needs.map((n) => `${n.name} (${n.id})`).join(", ")}`]
      : []),
    ...changeLines(c.changes),
    ...(c.problems.length
      ? ["Problems (fix them with e, or reject it):", ...c.problems.map((p) => `  ${p}`)]
      : []),
  ];
}

/** A proposed concept as lines for the terminal. */
export function conceptLines(c: ConceptView): string[] {
  return [
    `Proposed concept ${c.id} (${c.location})`,
    `  ${c.name} (${c.type})`,
    ...(c.aliases.length ? [`  Also called: ${c.aliases.join(", ")}`] : []),
    ...(c.roles.length ? [`  Roles: ${c.roles.join(", ")}`] : []),
    ...(c.partOf.length ? [`  Part of: ${c.partOf.join(", ")}`] : []),
    ...(c.similar.length
      ? [
          "  The knowledge already has, with a name like it (if it is one of these, reject it and use that id):",
          ...c.similar.map((s) => `    ${s.id}: ${s.name} (${s.location})`),
        ]
      : []),
    ...(c.problems.length
      ? ["Problems (fix them with e, or reject it):", ...c.problems.map((p) => `  ${p}`)]
      : []),
  ];
}
