/**
 * The curators' to-do list, pure: questions the bot could not answer, near-duplicates grouped
 * ("when does the truce end", "When does the truse expire??" are one gap), most asked first; and
 * the claims people most often marked not helpful, with what they say.
 */
import { standingOf } from "../answer/standing.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { editDistance } from "../search/edit-distance.js";
import { FUNCTION_WORDS, keysOf, stemKey } from "../search/keys.js";
import { plainFromSlack } from "../search/slack-text.js";
import type { FeedbackRecord, UnansweredRecord } from "../store/types.js";

/** Near-duplicate unanswered questions, counted together. */
export interface QuestionGroup {
  /** The phrasing asked most often (the earliest on a tie), as plain text. */
  example: string;
  /** How many times a question of the group was asked. */
  count: number;
  /** How many different people asked. */
  people: number;
  /** Other distinct phrasings, most asked first (up to 4). */
  variants: string[];
  /** ISO time of the latest ask. */
  lastAsked: string;
  /** Set when the current knowledge now answers the example: the id of the claim that does. */
  answeredNowBy?: string;
}

/** A claim people marked not helpful (feedback records it by id, as `entryIds`). */
export interface UnhelpfulEntry {
  /** The claim's id. */
  entryId: string;
  notHelpful: number;
  helpful: number;
  /** What the claim says now; absent when it is no longer in the knowledge base. */
  answer?: string;
  /** Where to edit it: `claims/talks.yml:12` (a draft's: `drafts/<source-id>.yml:5`). */
  location?: string;
  /** The id of the standing claim that now answers for it, when a newer one replaced it. */
  supersededBy?: string;
  /** Questions that got the unhelpful answer (distinct, up to 3). */
  questions: string[];
}

/** The whole to-do list. */
export interface GapsReport {
  unanswered: QuestionGroup[];
  unhelpful: UnhelpfulEntry[];
  totals: { unansweredQuestions: number; groups: number; notHelpfulVotes: number };
}

/** How alike two questions must be (typo-tolerant term overlap, 0..1) to count as one gap. */
export const SAME_GAP = 0.5;

/** Words (by stem) people use for the same thing when they ask for it: English, not news, so code. */
const SAME_MEANING: Readonly<Record<string, string>> = { purchas: "buy", bought: "buy", sale: "buy" };

/**
 * The terms of a question: Slack markup, function words and punctuation gone, each word in the
 * form the answer engine compares words in (lower case, singular). Word forms are compared by
 * stem in {@link similarity}, so "meeting" and "meet" are one term there.
 */
export function questionTerms(question: string): string[] {
  const keys = plainFromSlack(question)
    .split(/\s+/)
    // A function word is dropped before it is keyed: "does" would otherwise become "doe".
    .filter((w) => !FUNCTION_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, "")))
    .flatMap((w) => keysOf(w))
    .filter((k) => !FUNCTION_WORDS.has(k));
  return [...new Set(keys.map((k) => SAME_MEANING[stemKey(k)] ?? k))];
}

/** Joins split words the other questions write as one ("soy beans" → "soybean" when someone asked about soybeans). */
function joinSplitWords(list: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const joined = `${list[i]}${list[i + 1] ?? ""}`;
    if (i + 1 < list.length && vocabulary.has(joined)) {
      out.push(joined);
      i++;
    } else out.push(list[i] as string);
  }
  return out;
}

/**
 * Whether two terms are the same word: the same stem, or a typo of it. A word of four letters or
 * more may carry one edit; of six or more, two when its first two letters agree ("tarrif",
 * "tariff"), so "coffee" never becomes "office".
 */
function termsMatch(a: string, b: string): boolean {
  if (a === b || stemKey(a) === stemKey(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || /\d/.test(short) || /\d/.test(long)) return false;
  const allowed = short.length >= 8 || (short.length >= 6 && short.slice(0, 2) === long.slice(0, 2)) ? 2 : 1;
  return editDistance(short, long, 2) <= allowed;
}

/** Typo-tolerant Jaccard similarity of two term lists: matched terms over all distinct terms. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const unused = [...b];
  let matched = 0;
  for (const term of a) {
    const i = unused.findIndex((other) => termsMatch(term, other));
    if (i >= 0) {
      matched++;
      unused.splice(i, 1);
    }
  }
  return matched / (a.length + b.length - matched);
}

interface Building {
  phrasings: Map<string, { text: string; count: number; first: number }>;
  termSets: string[][];
  users: Set<string>;
  count: number;
  last: number;
}

/** A question as shown to curators: plain words, no Slack markup, spaces collapsed. */
export function displayQuestion(question: string): string {
  return plainFromSlack(question).replace(/\s+/g, " ").trim();
}

/**
 * Groups unanswered questions into near-duplicates, most asked first (latest ask breaks ties).
 * `answeredNowBy` tells, for a question, which claim of the current knowledge answers it now.
 */
export function groupUnanswered(
  records: readonly UnansweredRecord[],
  answeredNowBy?: (question: string) => string | undefined,
): QuestionGroup[] {
  const groups: Building[] = [];
  const ordered = [...records]
    .sort((x, y) => x.at.getTime() - y.at.getTime())
    .map((r) => ({ record: r, text: displayQuestion(r.question) }))
    .filter((q) => q.text);
  const termLists = ordered.map((q) => questionTerms(q.text));
  const vocabulary = new Set(termLists.flat());
  ordered.forEach(({ record: r, text }, index) => {
    const key = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    const t = joinSplitWords(termLists[index] ?? [], vocabulary);
    let best: Building | undefined;
    let bestScore = 0;
    for (const g of groups) {
      const score = g.phrasings.has(key) ? 1 : Math.max(...g.termSets.map((s) => similarity(t, s)));
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    const group =
      best && bestScore >= SAME_GAP
        ? best
        : (groups[
            groups.push({ phrasings: new Map(), termSets: [], users: new Set(), count: 0, last: 0 }) - 1
          ] as Building);
    const phrasing = group.phrasings.get(key);
    if (phrasing) phrasing.count++;
    else {
      group.phrasings.set(key, { text, count: 1, first: index });
      group.termSets.push(t);
    }
    group.users.add(r.userId);
    group.count++;
    group.last = Math.max(group.last, r.at.getTime());
  });
  return groups
    .sort((a, b) => b.count - a.count || b.last - a.last)
    .map((g) => {
      const phrasings = [...g.phrasings.values()].sort((a, b) => b.count - a.count || a.first - b.first);
      const example = phrasings[0]?.text ?? "";
      const by = answeredNowBy?.(example);
      return {
        example,
        count: g.count,
        people: g.users.size,
        variants: phrasings.slice(1, 5).map((p) => p.text),
        lastAsked: new Date(g.last).toISOString(),
        ...(by ? { answeredNowBy: by } : {}),
      };
    });
}

/** Claims with at least one "not helpful", most first, with what they say now and where to edit them. */
export function unhelpfulEntries(feedback: readonly FeedbackRecord[], kb?: KnowledgeBase): UnhelpfulEntry[] {
  const tally = new Map<string, { no: number; yes: number; questions: string[] }>();
  for (const f of feedback) {
    for (const id of new Set(f.entryIds)) {
      const t = tally.get(id) ?? { no: 0, yes: 0, questions: [] };
      if (f.helpful) t.yes++;
      else {
        t.no++;
        const q = displayQuestion(f.question);
        if (q && !t.questions.some((x) => x.toLowerCase() === q.toLowerCase())) t.questions.push(q);
      }
      tally.set(id, t);
    }
  }
  const all = new Map(kb ? [...kb.drafts.claims, ...kb.claims].map((c) => [c.id, c]) : []);
  const current = kb ? standingOf(kb).current : new Map();
  return [...tally]
    .filter(([, t]) => t.no > 0)
    .sort(([, a], [, b]) => b.no - a.no || a.yes - b.yes)
    .map(([entryId, t]) => {
      const claim = all.get(entryId);
      const successor = current.get(entryId);
      return {
        entryId,
        notHelpful: t.no,
        helpful: t.yes,
        ...(claim ? { answer: claim.answer, location: `${claim.file}:${claim.line}` } : {}),
        ...(successor && successor.id !== entryId ? { supersededBy: successor.id } : {}),
        questions: t.questions.slice(0, 3),
      };
    });
}

/** The to-do list: the top `limit` gaps and unhelpful claims. */
export function buildGaps(input: {
  unanswered: readonly UnansweredRecord[];
  feedback: readonly FeedbackRecord[];
  kb?: KnowledgeBase;
  answeredNowBy?: (question: string) => string | undefined;
  limit?: number;
}): GapsReport {
  const limit = input.limit ?? 10;
  const groups = groupUnanswered(input.unanswered, input.answeredNowBy);
  const unhelpful = unhelpfulEntries(input.feedback, input.kb);
  return {
    unanswered: groups.slice(0, limit),
    unhelpful: unhelpful.slice(0, limit),
    totals: {
      unansweredQuestions: input.unanswered.length,
      groups: groups.length,
      notHelpfulVotes: input.feedback.filter((f) => !f.helpful).length,
    },
  };
}
