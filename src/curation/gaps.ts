/**
 * The curators' to-do list, pure: questions the bot could not answer, near-duplicates grouped
 * ("when does the truce end", "When does the truse expire??" are one gap), most asked first; and
 * the entries people most often marked not helpful, with what they say.
 */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { terms } from "../search/analyze.js";
import { plainFromSlack } from "../search/slack-text.js";
import { editDistance } from "../search/typos.js";
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
  /** Set when the current knowledge now answers the example: the entry id that does. */
  answeredNowBy?: string;
}

/** An entry people marked not helpful. */
export interface UnhelpfulEntry {
  entryId: string;
  notHelpful: number;
  helpful: number;
  /** What the entry says now; absent when it is no longer in the knowledge base. */
  answer?: string;
  /** Where to edit it: `entries/talks.yml:12`. */
  location?: string;
  /** The id of the entry that supersedes it, if one does. */
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

/** Words people use for the same thing in questions that the answer engine's lexicon does not fold. */
const SAME_MEANING: Readonly<Record<string, string>> = { purchas: "buy", bought: "buy", sale: "buy" };

/** The canonical terms of a question: Slack markup, stop words and punctuation gone; synonyms and stems folded. */
export function questionTerms(question: string): string[] {
  return [...new Set(terms(question).map((t) => SAME_MEANING[t] ?? t))];
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

function termsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  if (editDistance(short, long, 2) <= (short.length >= 8 ? 2 : 1)) return true;
  // A typo in part of a name folded into one term: "lifing" against "helifeng".
  return (
    short.length >= 5 &&
    (editDistance(short, long.slice(-short.length), 1) <= 1 ||
      editDistance(short, long.slice(0, short.length), 1) <= 1)
  );
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
 * `answeredNowBy` tells, for a question, which entry of the current knowledge answers it now.
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

/** Entries with at least one "not helpful", most first, with what they say now and where to edit them. */
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
  const all = kb ? [...kb.entries, ...kb.drafts] : [];
  return [...tally]
    .filter(([, t]) => t.no > 0)
    .sort(([, a], [, b]) => b.no - a.no || a.yes - b.yes)
    .map(([entryId, t]) => {
      const entry = all.find((e) => e.id === entryId);
      const successor = kb?.entries.find((e) => e.supersedes === entryId);
      return {
        entryId,
        notHelpful: t.no,
        helpful: t.yes,
        ...(entry ? { answer: entry.answer, location: `${entry.file}:${entry.line}` } : {}),
        ...(successor ? { supersededBy: successor.id } : {}),
        questions: t.questions.slice(0, 3),
      };
    });
}

/** The to-do list: the top `limit` gaps and unhelpful entries. */
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
