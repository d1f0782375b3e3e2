/**
 * Question → Answer. The engine matches the question against the standing entries, answers
 * from the best one when it is confident, says so when it is not, and never answers from
 * anything but a curated entry's verbatim snippet. Dates are placed against the `now` it is given.
 */
import type { KnowledgeBase, LoadedEntry } from "../knowledge/schema.js";
import type { Token } from "../search/analyze.js";
import { type SearchHit, SearchIndex } from "../search/index.js";
import type { Query } from "../search/query.js";
import { plainFromSlack } from "../search/slack-text.js";
import { casingOf, citationOf, suggestionOf } from "./citations.js";
import { ageOf, countdown, formatDated, formatDay } from "./dates.js";
import { freshnessOf, newestCited, round } from "./freshness.js";
import { sourcesAnswer, statusAnswer } from "./overviews.js";
import { searchDocOf } from "./search-doc.js";
import { type Standing, standingOf } from "./standing.js";
import type { Answer, Citation, Suggestion } from "./types.js";

/** At or above this score the best entry is given as the answer. */
export const ANSWER_THRESHOLD = 0.5;
/** Below this score an answer also offers what else it could mean. */
export const SURE_THRESHOLD = 0.65;
/** A source older than this cannot tell what stands "today". */
const STALE_AFTER_DAYS = 30;
/** Two entries from different sources within this ratio of each other may disagree. */
const TIE_RATIO = 0.93;

/** Answers questions from one knowledge base. Immutable: build a new one when the knowledge changes. */
export class AnswerEngine {
  readonly index: SearchIndex;
  readonly standing: Standing;
  private readonly casing: ReadonlyMap<string, string>;

  /** `tokenized`: the texts' tokens from an earlier build of the same knowledge (see SearchIndex.analysed). */
  constructor(
    readonly kb: KnowledgeBase,
    options: { tokenized?: ReadonlyMap<string, Token[]> } = {},
  ) {
    this.standing = standingOf(kb);
    this.casing = casingOf(kb);
    this.index = new SearchIndex(
      this.standing.entries.map((e) => searchDocOf(e, this.standing.replaced.get(e.id) ?? [])),
      options,
    );
  }

  /** Answers one question typed the way people type in Slack. */
  answer(question: string, now: Date): Answer {
    const plain = plainFromSlack(question);
    if (!plain) return this.dontKnow([], "Ask me about the US–China trade talks.");
    const query = this.bestReading(plain);
    if (query.intents.has("task")) {
      return this.dontKnow(
        [],
        "I can't do that: I only answer questions about the US–China trade talks, from my sources.",
      );
    }
    // "Good morning team", "thanks!": a greeting with nothing topical in it is not a question.
    const greeting =
      /^(?:hi|hey|hello|yo|good\s+(?:morning|afternoon|evening|day)|thanks|thank\s+you|cheers)\b/i;
    if (greeting.test(plain) && !query.terms.some((t) => t.status !== "unknown" && !t.general)) {
      return this.dontKnow([], "Hello! Ask me about the US–China trade talks.");
    }
    // "status?", "latest on US/China": nothing more specific than what every entry is about.
    const specific = query.terms.filter((t) => t.status !== "unknown" && !this.index.isCommon(t.term));
    if (query.intents.has("status") && specific.length <= 1) {
      if (!query.terms.some((t) => t.status === "unknown")) return statusAnswer(this.kb, this.standing, now);
    }
    const hits = this.index.search(query, 6);
    const top = hits[0];
    if (query.intents.has("source") && (!top || top.score < SURE_THRESHOLD)) {
      const about = sourcesAnswer(this.kb, now);
      if (about) return about;
    }
    if (!top || top.score < ANSWER_THRESHOLD) return this.dontKnow(hits);
    const entry = this.standing.byId.get(top.id) as LoadedEntry;
    const answer = this.entryAnswer(entry, now, query, top.score);
    const rival = this.disagreeing(entry, hits);
    if (rival) return this.withDisagreement(answer, entry, rival, now);
    const extra = this.complement(query, top, hits);
    if (extra) this.append(answer, extra, now);
    if (query.intents.has("now") && this.isStale(answer, now)) return this.staleForNow(answer, now);
    if (query.intents.has("exact") && entry.when?.precision !== "day") return this.notExact(answer, entry);
    if (top.score < SURE_THRESHOLD) answer.suggestions = this.suggestions(hits.slice(1));
    return answer;
  }

  /**
   * The reading of a message to answer: the whole, or — when the whole is not clearly answerable —
   * the one sentence of it that is ("lol coffee machine broke again. where's the next round?").
   */
  private bestReading(plain: string): Query {
    const whole = this.index.analyse(plain);
    const parts = plain
      .split(/(?<=[.!?;])\s+|\s+[—–]\s+|\s+-\s+|\n+/)
      .filter((p) => p.trim().split(/\s+/).length >= 2);
    if (parts.length < 2) return whole;
    const score = (q: Query) => this.index.search(q, 1)[0]?.score ?? 0;
    let best = { query: whole, score: score(whole) };
    if (best.score >= ANSWER_THRESHOLD) return whole;
    for (const part of parts) {
      const q = this.index.analyse(part);
      // A sentence is a reading only if it names something we know ("is it 25% or 50% now?" does not).
      if (!q.terms.some((t) => t.status !== "unknown" && !t.general && !/^\d/.test(t.term))) continue;
      const s = score(q);
      if (s > best.score + 0.05) best = { query: q, score: s };
    }
    return best.query;
  }

  /**
   * For a question in two parts ("when does the truce expire and what was paused?"), the next
   * entry that answers the part the best one leaves out, if a good one does.
   */
  private complement(query: Query, top: SearchHit, hits: SearchHit[]): LoadedEntry | undefined {
    const covered = this.index.coverage(query, top.id);
    if (covered.share >= 0.85) return undefined;
    for (const hit of hits.slice(1)) {
      if (hit.score < Math.max(ANSWER_THRESHOLD * 0.8, top.score * 0.6)) break;
      const other = this.index.coverage(query, hit.id);
      const adds = [...other.terms].filter((t) => !covered.terms.has(t));
      const union = new Set([...covered.terms, ...other.terms]);
      if (
        adds.length &&
        union.size > covered.terms.size &&
        other.share + covered.share > covered.share + 0.15
      ) {
        return this.standing.byId.get(hit.id);
      }
    }
    return undefined;
  }

  private append(answer: Answer, entry: LoadedEntry, now: Date): void {
    answer.text = `${answer.text} Also: ${entry.answer}`;
    answer.citations.push(citationOf(this.kb, entry));
    answer.citations = answer.citations.slice(0, 3);
    answer.factIds.push(entry.id);
    answer.freshness = freshnessOf(this.kb, answer.citations, now);
  }

  /** Whether the newest source behind an answer is too old to say what stands today. */
  private isStale(answer: Answer, now: Date): boolean {
    const newest = newestCited(answer.citations) ?? this.kb.newestSource;
    return now.getTime() - Date.parse(`${newest}T00:00:00Z`) > STALE_AFTER_DAYS * 86_400_000;
  }

  /**
   * "What is it today?" from old sources: say plainly that it cannot tell what stands today, and
   * give what stood as of the newest source, cited, at a lower confidence.
   */
  private staleForNow(answer: Answer, now: Date): Answer {
    const newest = newestCited(answer.citations) ?? this.kb.newestSource;
    return {
      ...answer,
      text: `I can't say what stands today: my newest source on this is the ${formatDay(newest)} report (${ageOf(newest, now)}). As of then: ${answer.text}`,
      confidence: round(answer.confidence * 0.7),
    };
  }

  /**
   * Asked for an exact date the sources do not give ("exact date of the Trump–Xi meeting"): say
   * so, and give what they do say, cited. Not counted as answered.
   */
  private notExact(answer: Answer, entry: LoadedEntry): Answer {
    const known = entry.when ? `only ${formatDated(entry.when.date, entry.when.precision)}` : "no date";
    return {
      ...answer,
      answered: false,
      text: `My sources don't give that exactly: they give ${known}. What they say: ${answer.text}`,
      confidence: round(answer.confidence * 0.5),
    };
  }

  /** The answer of one entry, as a "did you mean" button gives it; follows supersession. */
  answerEntry(entryId: string, now: Date): Answer | undefined {
    const entry = this.standing.current.get(entryId);
    return entry ? this.entryAnswer(entry, now, undefined, 1) : undefined;
  }

  private entryAnswer(entry: LoadedEntry, now: Date, query: Query | undefined, score: number): Answer {
    const source = this.kb.sources.get(entry.source);
    const published = source?.published ?? this.kb.newestSource;
    const parts = [entry.answer];
    if (entry.when && (entry.kind === "event" || entry.kind === "deadline" || query?.intents.has("when"))) {
      const at = countdown(entry.when, now);
      const label = formatDated(entry.when.date, entry.when.precision);
      // The date at the source's precision, where it stands against now, and how old the report is.
      parts.push(
        `When: ${label} (${at.text}; per the ${formatDay(published)} report, ${ageOf(published, now)} now).`,
      );
    } else if (entry.speaker?.said_on && query?.intents.has("when")) {
      parts.push(`${entry.speaker.name} said this on ${formatDay(entry.speaker.said_on)}.`);
    }
    const chain = this.standing.replaced.get(entry.id) ?? [];
    const citations: Citation[] = [citationOf(this.kb, entry)];
    const older = chain[0];
    if (older) {
      const olderSource = this.kb.sources.get(older.source);
      parts.push(
        `This is newer than the ${olderSource ? formatDay(olderSource.published) : "earlier"} report, which said: ${older.answer}`,
      );
      citations.push(citationOf(this.kb, older));
    }
    return {
      answered: true,
      text: parts.join(" "),
      citations,
      confidence: round(score),
      factIds: [entry.id],
      suggestions: [],
      freshness: freshnessOf(this.kb, citations, now),
    };
  }

  /** A standing entry from another source that answers the same question differently, if any. */
  private disagreeing(entry: LoadedEntry, hits: SearchHit[]): LoadedEntry | undefined {
    const [top, second] = hits;
    if (!top || !second || second.score < top.score * TIE_RATIO) return undefined;
    const other = this.standing.byId.get(second.id);
    if (!other || other.source === entry.source || other.kind !== entry.kind) return undefined;
    const differentDate = entry.when && other.when && entry.when.date !== other.when.date;
    const differentFigure =
      entry.figures?.length &&
      other.figures?.length &&
      entry.figures.some((f) => other.figures?.some((g) => g.unit === f.unit && g.value !== f.value));
    return differentDate || differentFigure ? other : undefined;
  }

  private withDisagreement(answer: Answer, entry: LoadedEntry, other: LoadedEntry, now: Date): Answer {
    const src = (e: LoadedEntry) => {
      const s = this.kb.sources.get(e.source);
      return s ? `${s.publisher}, ${formatDay(s.published)}` : e.source;
    };
    const citations = [citationOf(this.kb, entry), citationOf(this.kb, other)];
    return {
      ...answer,
      text: `Sources differ. ${src(entry)}: ${entry.answer} ${src(other)}: ${other.answer}`,
      citations,
      factIds: [entry.id, other.id],
      confidence: round(answer.confidence * 0.9),
      freshness: freshnessOf(this.kb, citations, now),
    };
  }

  /** "I don't know", with what it can answer instead; surfaces show the suggestions under their own heading. */
  private dontKnow(hits: SearchHit[], lead?: string): Answer {
    const suggestions = this.suggestions(hits);
    const fallback = suggestions.length ? suggestions : this.headlineSuggestions();
    return {
      answered: false,
      text: lead ?? "I don't know: my sources don't cover that.",
      citations: [],
      confidence: round(hits[0]?.score ?? 0),
      factIds: [],
      suggestions: fallback,
    };
  }

  private suggestions(hits: SearchHit[]): Suggestion[] {
    return hits
      .filter((h) => h.score >= 0.2)
      .slice(0, 3)
      .map((h) => suggestionOf(this.standing.byId.get(h.id) as LoadedEntry, this.casing));
  }

  private headlineSuggestions(): Suggestion[] {
    const pool = this.standing.entries.filter((e) => e.headline);
    return (pool.length ? pool : this.standing.entries).slice(0, 3).map((e) => suggestionOf(e, this.casing));
  }
}
