/**
 * The last resort before "my sources don't say": a sentence of a source, quoted as it stands. A
 * drafted knowledge base misses facts its articles hold (a third to a half of them, judged on new
 * articles), and a question about one of those is refused though the article answers it. When the
 * engine and the arbiter both refuse, the sentences sharing the most of the question's rarer words
 * are weighed by a third learned model (`passage`, trained with the arbiter by
 * scripts/train-arbiter.ts on the same labelled sets): how much of the question they hold, whether
 * they carry what is asked (a date for "when", a figure for "how much"), whether they hold the
 * detail asked beyond the names ("headquartered", "chair") and the question's words side by side
 * ("independent director"), the concepts the question names, why the rules refused, and the
 * question's own words. Above its threshold the best sentence
 * is given verbatim, cited, and said to be the nearest passage, not a curated answer. A fourth
 * model (`swap`) weighs the same sentences against an answer resting on one claim: drafted claims
 * often carry the wrong attribute or concepts, so the rules pick a claim near the question that
 * does not answer it while a sentence does.
 */
import { readStory } from "../knowledge/draft-furniture.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { GENERAL_WORDS } from "../search/general-words.js";
import { stemsOf } from "../search/keys.js";
import type { Reading } from "../search/reading.js";
import { questionWords, reasonOf } from "./arbiter.js";
import { sourceCitation } from "./citations.js";
import { formatDay } from "./dates.js";
import { freshnessOf, round } from "./freshness.js";
import { runAtOnce } from "./steps.js";
import type { Answer } from "./types.js";

/** A sentence of a source's story (page furniture left out). */
export interface Passage {
  source: string;
  text: string;
  /** Its paragraph's place in the story. */
  block: number;
  /** From the newest source. */
  newest: boolean;
  /** A reviewed claim's snippet holds it or it holds one: the rules have weighed what it says. */
  inClaim: boolean;
}

/** A passage near a question: its share of the question's word weight, and the words it holds. */
export interface NearPassage {
  passage: Passage;
  score: number;
  matched: number;
}

/** How many of the nearest passages the model weighs. */
export const PASSAGES_WEIGHED = 5;

const SENTENCE_END = /(?<=[.!?]["”]?)\s+(?=[A-Z"“])/;
const MONTH_DAY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b/;
const WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const DATED = new RegExp(
  `\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d|\\b20\\d\\d\\b|${WEEKDAY.source}`,
);

/** Values of a kind, for "does this sentence give what is asked": a figure, a length of time, a day. */
const VALUE_KINDS: Record<string, RegExp> = {
  amount:
    /\d(?:[\d,.]*\d)?\s*(?:%|percent\b|per cent\b)|[$€£¥]\s?\d[\d,.]*(?:\s*(?:billion|million|trillion))?|\b\d(?:[\d,.]*\d)?\s*(?:thousand|million|billion|trillion|mmt|tons?|tonnes|bushels|cargoes|aircraft|planes|jets|chips|companies|firms|units|vessels|ships|countries|economies|states)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+times\b|\b(?:twice|doubled?|halved|in half|tripled?)\b/gi,
  length:
    /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|ninety)[- ](?:day|week|month|year)s?\b|\bfor (?:a|one|another) (?:year|month|week)\b/gi,
  day: new RegExp(`${MONTH_DAY.source}|${WEEKDAY.source}`, "g"),
};
/** The kind of value each attribute asks for. */
const KIND_OF: Record<string, string> = {
  amount: "amount",
  duration: "length",
  when: "day",
  start: "day",
  end: "day",
};

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/\s+/g, " ");

/** Every sentence of every source, with an index from word stems to the sentences holding them. */
export class PassageIndex {
  /** Per sentence, while weighing one question: the weight of its words found, and how many. */
  private readonly weight: Float64Array;
  private readonly found: Int32Array;

  private constructor(
    readonly passages: Passage[],
    /** Stem → its number; the sentences holding stem n are postings[starts[n]..starts[n+1]). */
    private readonly stemIds: Map<string, number>,
    private readonly starts: Int32Array,
    private readonly postings: Int32Array,
    /** What the sentences were read from: each source's date and text, by id, and the newest date. */
    private readonly read: { sources: Map<string, string>; newest: string },
  ) {
    this.weight = new Float64Array(passages.length);
    this.found = new Int32Array(passages.length);
  }

  /**
   * The index over `kb` made from `previous` when `kb` has the same sources (an edit of claims or
   * concepts, the usual hot reload): its sentences and word index are kept, and only which of them
   * a claim rests on is worked out again. Undefined when a source was added, removed or edited.
   */
  static *reusing(previous: PassageIndex, kb: KnowledgeBase): Generator<void, PassageIndex | undefined> {
    const read = readFrom(kb);
    if (read.newest !== previous.read.newest || read.sources.size !== previous.read.sources.size)
      return undefined;
    for (const [id, text] of read.sources) if (previous.read.sources.get(id) !== text) return undefined;
    yield;
    const passages = previous.passages.map((p) => ({ ...p, inClaim: false }));
    yield* markInClaim(kb, passages);
    return new PassageIndex(passages, previous.stemIds, previous.starts, previous.postings, read);
  }

  /** The index over a knowledge base's sources, built at once. */
  static of(kb: KnowledgeBase): PassageIndex {
    return runAtOnce(PassageIndex.build(kb));
  }

  /** The same, a step at a time (a source, or a few hundred claims or sentences, a step). */
  static *build(kb: KnowledgeBase): Generator<void, PassageIndex> {
    const passages: Passage[] = [];
    for (const s of kb.sources.values()) {
      for (const [block, b] of readStory(s.text).blocks.entries()) {
        for (const text of b.text.split(SENTENCE_END)) {
          if (text.length < 30) continue;
          passages.push({
            source: s.id,
            text,
            block,
            newest: s.published === kb.newestSource,
            inClaim: false,
          });
        }
      }
      yield;
    }
    yield* markInClaim(kb, passages);
    // Only the index from words to sentences is kept, packed in two arrays: a sentence's own words
    // are read again for the few weighed (at 10,000 claims, a set of them per sentence and a list
    // per word had cost 70 MB; this is about a fifth of that).
    const stemIds = new Map<string, number>();
    const perPassage: Int32Array[] = [];
    const counts: number[] = [];
    for (const [n, p] of passages.entries()) {
      if (n % 500 === 499) yield;
      const ids = [...new Set(stemsOf(p.text))].map((k) => {
        let id = stemIds.get(k);
        if (id === undefined) {
          id = stemIds.size;
          stemIds.set(k, id);
          counts.push(0);
        }
        counts[id] = (counts[id] as number) + 1;
        return id;
      });
      perPassage.push(Int32Array.from(ids));
    }
    const starts = new Int32Array(counts.length + 1);
    for (let n = 0; n < counts.length; n++) starts[n + 1] = (starts[n] as number) + (counts[n] as number);
    const postings = new Int32Array(starts[counts.length] as number);
    const fill = starts.slice(0, counts.length);
    for (const [i, ids] of perPassage.entries())
      for (const id of ids) {
        postings[fill[id] as number] = i;
        fill[id] = (fill[id] as number) + 1;
      }
    return new PassageIndex(passages, stemIds, starts, postings, readFrom(kb));
  }

  /** How many sentences hold a word. */
  private holding(stem: string): number {
    const id = this.stemIds.get(stem);
    return id === undefined ? 0 : (this.starts[id + 1] as number) - (this.starts[id] as number);
  }

  /** The weight of a word: rarer in the sentences, heavier; none when no sentence holds it. */
  idf(stem: string): number | undefined {
    const n = this.holding(stem);
    return n ? Math.log(1 + this.passages.length / n) : undefined;
  }

  /** The `k` passages sharing the most of these words' weight (and one more, for the margin), best first. */
  nearest(stems: readonly string[], k: number): { near: NearPassage[]; total: number } {
    const known = stems.filter((s) => this.holding(s) > 0);
    const total = known.reduce((t, s) => t + (this.idf(s) as number), 0);
    const touched: number[] = [];
    for (const s of known) {
      const w = this.idf(s) as number;
      const id = this.stemIds.get(s) as number;
      for (let j = this.starts[id] as number; j < (this.starts[id + 1] as number); j++) {
        const i = this.postings[j] as number;
        if (this.found[i] === 0) touched.push(i);
        this.weight[i] = (this.weight[i] as number) + w;
        this.found[i] = (this.found[i] as number) + 1;
      }
    }
    // The best k + 1, kept in order as the touched sentences go by (ties in the order first met):
    // no sort of thousands.
    const near: NearPassage[] = [];
    for (const i of touched) {
      const score = total ? (this.weight[i] as number) / total : 0;
      const matched = this.found[i] as number;
      this.weight[i] = 0;
      this.found[i] = 0;
      if (near.length > k && score <= (near[k] as NearPassage).score) continue;
      let at = near.length;
      while (at > 0 && score > (near[at - 1] as NearPassage).score) at--;
      near.splice(at, 0, { passage: this.passages[i] as Passage, score, matched });
      if (near.length > k + 1) near.pop();
    }
    return { near, total };
  }
}

/** Each source's date and text by id, and the newest date: what decides the sentences and their flags. */
function readFrom(kb: KnowledgeBase): { sources: Map<string, string>; newest: string } {
  const sources = new Map<string, string>();
  for (const s of kb.sources.values()) sources.set(s.id, `${s.published}\n${s.text}`);
  return { sources, newest: kb.newestSource };
}

/** Marks the sentences a claim's snippet holds (or that hold one), a few hundred claims a step. */
function* markInClaim(kb: KnowledgeBase, passages: Passage[]): Generator<void, void> {
  const bySource = new Map<string, number[]>();
  for (const [i, p] of passages.entries()) {
    const at = bySource.get(p.source);
    if (at) at.push(i);
    else bySource.set(p.source, [i]);
  }
  const folded = passages.map((p) => fold(p.text));
  for (const [n, c] of kb.claims.entries()) {
    if (n % 200 === 199) yield;
    const snippet = fold(c.snippet);
    if (snippet.length <= 20) continue;
    for (const i of bySource.get(c.source) ?? []) {
      const text = folded[i] as string;
      if (text.includes(snippet) || snippet.includes(text.slice(0, 60)))
        (passages[i] as Passage).inClaim = true;
    }
  }
}

/** The pairs of stems side by side in a text, function words left out. */
function stemPairs(stems: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < stems.length; i++)
    if (stems[i - 1] !== stems[i]) out.add(`${stems[i - 1]} ${stems[i]}`);
  return out;
}

/** The sentences that ask, as written (the whole message when none does). */
function askingText(reading: Reading): string {
  return reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ") || reading.text;
}

/** The words of the sentences that ask, as stems, each once. */
export function askingStems(reading: Reading): string[] {
  return [...new Set(stemsOf(askingText(reading)))];
}

/**
 * The features of the passages near a refused question, by name (one-hots carry their value; the
 * question's words are `w=<key>`). `by` names who decided, as a one-hot ("refusedBy=rules",
 * "refusedBy=arbiter"; "answeredBy=…" for the swap model). What
 * depends on the question alone is worked out once, for every passage weighed.
 */
export function passageFeatures(
  kb: KnowledgeBase,
  index: PassageIndex,
  question: string,
  reading: Reading,
  decision: string,
  by: string,
  near: readonly NearPassage[],
): Record<string, number>[] {
  const known = askingStems(reading).filter((s) => index.idf(s) !== undefined);
  const total = known.reduce((a, s) => a + (index.idf(s) as number), 0);
  const unknown = [...new Set(stemsOf(question))].filter((s) => index.idf(s) === undefined).length;
  const names = reading.mentions.map((m) => {
    const c = kb.concepts.get(m.concept);
    return [c?.name, ...(c?.aliases ?? [])].flatMap((n) => (n ? [fold(n)] : []));
  });
  const asked = [...reading.asked.attributes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "none";
  const common: Record<string, number> = {
    asks: Math.min(known.length, 8) / 8,
    unknown: Math.min(unknown, 5) / 5,
    names: Math.min(names.length, 4) / 4,
    strength: reading.asked.strength,
    negated: reading.negated ? 1 : 0,
    claimed: reading.claimed.length ? 1 : 0,
  };
  common[`asked=${asked}`] = 1;
  if (reading.asked.exact) common[`exact=${reading.asked.exact}`] = 1;
  common[`form=${reading.form}`] = 1;
  common[`time=${reading.time ?? ""}`] = 1;
  common[`reason=${reasonOf(decision)}`] = 1;
  common[by] = 1;
  const asking = fold(question);
  const pairs = stemPairs(stemsOf(askingText(reading)));
  // The words of the clause that asks beyond the names, the cue and chat ("headquartered", "stock",
  // "chair"): the detail asked, which a sentence that answers must hold.
  const detail = [
    ...new Set(
      reading.content
        .filter((c) => c.core && !c.cue && !GENERAL_WORDS.has(c.key) && !GENERAL_WORDS.has(c.stem))
        .map((c) => c.stem),
    ),
  ];
  const claimedText = reading.claimed.map((v) => fold(v.text)).filter((v) => v.length >= 2);
  for (const w of questionWords(question)) common[`w=${w}`] = 1;
  return near.slice(0, PASSAGES_WEIGHED).map((t, rank) => {
    const text = t.passage.text;
    const folded = fold(text);
    const named = names.filter((ns) => ns.some((n) => folded.includes(n))).length;
    const ownStems = stemsOf(text);
    const own = new Set(ownStems);
    const missing = known.filter((s) => !own.has(s));
    const dayDate = MONTH_DAY.test(text);
    const f: Record<string, number> = {
      ...common,
      score: t.score,
      rank,
      margin: t.score - (near[rank + 1]?.score ?? 0),
      behind: (near[0]?.score ?? 0) - t.score,
      matched: Math.min(t.matched, 6) / 6,
      length: Math.min(text.length, 400) / 400,
      block: Math.min(t.passage.block, 20) / 20,
      newest: t.passage.newest ? 1 : 0,
      inClaim: t.passage.inClaim ? 1 : 0,
      named: names.length ? named / names.length : 0,
      namedScore: t.score * (names.length ? named / names.length : 0.5),
      missing: total ? missing.reduce((a, s) => a + (index.idf(s) as number), 0) / total : 0,
      missingMost: missing.length ? Math.max(...missing.map((s) => index.idf(s) as number)) / 8 : 0,
      dayDate: dayDate ? 1 : 0,
    };
    if (detail.length) {
      const held = detail.filter((d) => own.has(d)).length;
      f.detailIn = held / detail.length;
      f.detailOut = Math.min(detail.length - held, 3) / 3;
    } else f.detailNone = 1;
    // Two of the question's words side by side in the sentence ("independent director", "managing
    // investors"): the thing asked about, not words it merely shares.
    if (pairs.size) {
      const side = stemPairs(ownStems);
      const shared = [...pairs].filter((p) => side.has(p)).length;
      f.pairs = shared / pairs.size;
      if (shared) f.pairAny = 1;
    }
    const has: Record<string, boolean> = {
      date: DATED.test(text),
      number: /\d/.test(text),
      percent: /%|percent/.test(text),
      money: /\$|billion|million/.test(text),
      quote: /["“]/.test(text),
      said: /\b(?:said|says|told|according)\b/.test(text),
    };
    for (const [k, v] of Object.entries(has)) {
      f[`has=${k}`] = v ? 1 : 0;
      if (v) f[`asked=${asked}&has=${k}`] = 1;
    }
    if (reading.asked.exact) f[`exact=${reading.asked.exact}&day=${dayDate ? 1 : 0}`] = 1;
    // A value of a kind the question does not hold itself: what a sentence adds to the question.
    for (const [kind, pattern] of Object.entries(VALUE_KINDS)) {
      const fresh = [...text.matchAll(pattern)].some((m) => !asking.includes(fold(m[0])));
      if (!fresh) continue;
      f[`fresh=${kind}`] = 1;
      if (KIND_OF[asked] === kind) f.freshAsked = 1;
    }
    // A belief check: the values the asker puts forward, found in the sentence.
    if (claimedText.length)
      f.claimedIn = claimedText.filter((v) => folded.includes(v)).length / claimedText.length;
    return f;
  });
}

/** The answer a nearer passage may replace: what it rests on and how sure the engine was. */
export interface StandingAnswer {
  /** Whether the rules gave it, or the arbiter overruled their refusal. */
  by: "rules" | "arbiter";
  confidence: number;
  /** The best candidate's score. */
  topScore: number;
  /** Said to be only the nearest the sources come. */
  nearest: boolean;
  /** The snippets it cites. */
  snippets: readonly string[];
}

/**
 * The features of the passages near a question a claim answers, for the `swap` model: those of
 * `passageFeatures`, who answered and how surely, and whether the passage is the answer's own
 * sentence (replacing it with itself changes nothing).
 */
export function swapFeatures(
  kb: KnowledgeBase,
  index: PassageIndex,
  question: string,
  reading: Reading,
  decision: string,
  standing: StandingAnswer,
  near: readonly NearPassage[],
): Record<string, number>[] {
  const snippets = standing.snippets.map(fold);
  const by = `answeredBy=${standing.by}`;
  return passageFeatures(kb, index, question, reading, decision, by, near).map((f, rank) => {
    f.confidence = standing.confidence;
    f.topScore = standing.topScore;
    f.nearest = standing.nearest ? 1 : 0;
    const text = fold((near[rank] as NearPassage).passage.text);
    f.own = snippets.some((s) => text.includes(s.slice(0, 60)) || s.includes(text.slice(0, 60))) ? 1 : 0;
    return f;
  });
}

/**
 * The reply quoting a passage: answered, its one citation the sentence as the source has it, said
 * in our words to be the nearest passage rather than a reviewed fact. It rests on no claim.
 */
export function passageAnswer(kb: KnowledgeBase, p: Passage, confidence: number, now: Date): Answer {
  const citation = sourceCitation(kb, p.source, p.text);
  return {
    answered: true,
    text: `No reviewed fact answers that directly. The nearest passage in my sources, from the report of ${formatDay(citation.published)}:`,
    citations: [citation],
    confidence: round(confidence),
    factIds: [],
    suggestions: [],
    freshness: freshnessOf(kb, [citation], now),
  };
}
