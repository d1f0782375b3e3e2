/**
 * The daily briefing's content, pure: from the knowledge base, the core's status and timeline at
 * `now`, and the channel's previous briefing. Every statement carries its citation; renderers
 * (plain text, Block Kit) only lay it out.
 */
import { citationOf } from "../answer/citations.js";
import { type Standing, subjectOf } from "../answer/standing.js";
import type { Citation, Core, StatusPoint, TimelineItem } from "../answer/types.js";
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import type { SnapshotEntry } from "../store/types.js";
import { comparable, diffSnapshot, isUnchanged, snapshotOf, standingFor } from "./snapshot.js";

/** A cited statement in a briefing. */
export interface BriefingItem {
  /** The id of the claim it rests on. */
  entryId: string;
  text: string;
  citation: Citation;
}

/** A change since the previous briefing. */
export interface BriefingChange extends BriefingItem {
  kind: "new" | "updated" | "supersedes";
  /** For `supersedes`: what the replaced claim said. */
  replacedText?: string;
}

/** The notable quote of the day: the speaker's own words, as the source quotes them. */
export interface BriefingQuote extends BriefingItem {
  /** The speaker's name. */
  speaker: string;
  /** Their title: from their standing `role` claim, else the first of their concept's roles; absent when neither gives one. */
  role?: string;
  /** When it was said, when the claim gives it (`holds.as_of`). */
  saidOn?: string;
}

/** The previous briefing of the channel, as the ledger recorded it. */
export interface PreviousBriefing {
  localDate: string;
  snapshot: readonly SnapshotEntry[];
}

/** Everything a briefing says, ready to render. */
export interface BriefingContent {
  /** The channel's local date, YYYY-MM-DD. */
  localDate: string;
  headline: string;
  /** The source of the statement the headline repeats, when it repeats one. */
  headlineCitation?: Citation;
  /** Up to three further statements that stand, each cited; none that another section lists. */
  standing: BriefingItem[];
  /** Undefined for a channel's first briefing. */
  previousDate?: string;
  /** True when there was a previous briefing and nothing changed since. */
  unchanged: boolean;
  changes: BriefingChange[];
  /** Changes left out of `changes` to keep the briefing short. */
  moreChanges: number;
  /** Ids the previous briefing covered that no longer stand and that nothing replaced. */
  withdrawn: string[];
  /** For a first briefing: dates now passed instead of changes (`text` empty when the headline gives it). */
  recent: TimelineItem[];
  upcoming: TimelineItem[];
  quote?: BriefingQuote;
  newestSource: string;
  freshness: string;
  kbVersion: string;
  /** What this briefing covered, for the next one to compare against. */
  snapshot: SnapshotEntry[];
}

const MAX_STANDING = 3;
const MAX_CHANGES = 8;
const MAX_UPCOMING = 4;
const MAX_RECENT = 3;

/** Builds the briefing for `localDate` at `now`, relative to the channel's previous briefing. */
export function buildBriefing(input: {
  kb: KnowledgeBase;
  core: Core;
  now: Date;
  localDate: string;
  previous?: PreviousBriefing;
}): BriefingContent {
  const { kb, core, now, localDate } = input;
  // A briefing from before the knowledge was remodelled shares no id with today's: start afresh.
  const previous = input.previous && comparable(kb, input.previous.snapshot) ? input.previous : undefined;
  const standing = standingFor(kb);
  const status = core.status(now);
  const diff = previous ? diffSnapshot(kb, previous.snapshot) : undefined;
  const cite = (claim: LoadedClaim) => citationOf(kb, claim);
  const changes: BriefingChange[] = diff
    ? [
        ...diff.superseded.map(({ claim, replaced }) => ({
          kind: "supersedes" as const,
          entryId: claim.id,
          text: claim.answer,
          citation: cite(claim),
          ...(replaced ? { replacedText: replaced.answer } : {}),
        })),
        ...diff.added.map((c) => ({
          kind: "new" as const,
          entryId: c.id,
          text: c.answer,
          citation: cite(c),
        })),
        ...diff.changed.map((c) => ({
          kind: "updated" as const,
          entryId: c.id,
          text: c.answer,
          citation: cite(c),
        })),
      ]
    : [];
  const upcoming = (
    status.upcoming.length ? status.upcoming : core.timeline(now).filter((t) => !t.past)
  ).slice(0, MAX_UPCOMING);
  // A passed date whose words the headline already gives keeps its date line, not the words again.
  const recent = (previous ? [] : status.recent.slice(0, MAX_RECENT)).map((t) =>
    status.headline.includes(t.text) ? { ...t, text: "" } : t,
  );
  const shownChanges = changes.slice(0, MAX_CHANGES);
  const quote = pickQuote(kb, standing, localDate, new Set(shownChanges.map((c) => c.entryId)));
  const points = pickStanding(status.inForce, status.keyNumbers);
  const repeated = points.find((p) => status.headline.includes(p.text)) ?? recent.find((t) => t.text === "");
  // An item is listed once: a dated one under its date (with its countdown), a changed one under
  // what changed; the bullets under the headline take only what no other section lists.
  const listed = new Set([...shownChanges, ...recent, ...upcoming].map((i) => i.entryId));
  return {
    localDate,
    headline: status.headline,
    ...(repeated ? { headlineCitation: repeated.citation } : {}),
    standing: points.filter((p) => p !== repeated && !listed.has(p.entryId)).slice(0, MAX_STANDING),
    ...(previous ? { previousDate: previous.localDate } : {}),
    unchanged: diff ? isUnchanged(diff) : false,
    changes: shownChanges,
    moreChanges: Math.max(0, changes.length - MAX_CHANGES),
    withdrawn: diff?.removed ?? [],
    recent,
    upcoming,
    ...(quote ? { quote } : {}),
    newestSource: status.newestSource,
    freshness: status.freshness,
    kbVersion: status.kbVersion,
    snapshot: snapshotOf(kb),
  };
}

function pickStanding(inForce: StatusPoint[], keyNumbers: StatusPoint[]): BriefingItem[] {
  const seen = new Set<string>();
  const out: BriefingItem[] = [];
  for (const p of [...inForce, ...keyNumbers]) {
    if (seen.has(p.entryId)) continue;
    seen.add(p.entryId);
    out.push({ entryId: p.entryId, text: p.text, citation: p.citation });
  }
  return out;
}

/**
 * The quote of the day: a quote among today's changes if there is one, else one of the headline
 * quotes (all quotes when none is marked), turning over day by day so a channel does not read
 * the same words every morning. A quote is a standing claim with `quote: true` and a speaker.
 */
function pickQuote(
  kb: KnowledgeBase,
  standing: Standing,
  localDate: string,
  changed: Set<string>,
): BriefingQuote | undefined {
  const quotes = standing.claims.filter((c) => c.quote && c.speaker && kb.concepts.has(c.speaker));
  if (!quotes.length) return undefined;
  const fresh = quotes.find((q) => changed.has(q.id));
  const pool = quotes.some((q) => q.headline) ? quotes.filter((q) => q.headline) : quotes;
  const day = Math.floor(Date.parse(`${localDate}T00:00:00Z`) / 86_400_000);
  const claim = fresh ?? (pool[day % pool.length] as LoadedClaim);
  const speakerId = claim.speaker as string;
  const role = roleOf(kb, standing, speakerId);
  return {
    entryId: claim.id,
    text: claim.snippet,
    citation: citationOf(kb, claim),
    speaker: kb.concepts.get(speakerId)?.name ?? speakerId,
    ...(role ? { role } : {}),
    ...(claim.holds?.as_of ? { saidOn: claim.holds.as_of } : {}),
  };
}

/** A person's title: what their standing `role` claim says (the newest), else their concept's first role. */
export function roleOf(kb: KnowledgeBase, standing: Standing, personId: string): string | undefined {
  const claims = standing.claims.filter((c) => c.attribute === "role" && subjectOf(c) === personId);
  const newest = claims.sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
  if (newest && "text" in newest.value) return newest.value.text;
  return kb.concepts.get(personId)?.roles[0];
}
