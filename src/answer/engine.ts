/**
 * Question → Answer. The question is read (concepts, the attribute asked, what the asker claims,
 * the time asked about); claims are found by the concepts they are about and kept only if they
 * fill the attribute asked; a belief check is answered with the true value first; a detail no
 * source gives is said to be missing, with what is known. Nothing is said that a standing claim's
 * verbatim snippet does not carry.
 */
import type { Attribute, KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import { ClaimIndex } from "../search/claim-index.js";
import type { ClaimedValue } from "../search/claimed.js";
import { GENERAL_WORDS } from "../search/general-words.js";
import { type Reading, readQuestion } from "../search/reading.js";
import { plainFromSlack } from "../search/slack-text.js";
import { suggestionOf, theName } from "./citations.js";
import { claimAnswer, type ComposeContext, missingAnswer } from "./compose.js";
import { formatDated } from "./dates.js";
import { round } from "./freshness.js";
import { sourcesAnswer, statusAnswer } from "./overviews.js";
import { aboutSourceAnswer } from "./source-questions.js";
import { type Standing, standingOf } from "./standing.js";
import type { Answer, Suggestion } from "./types.js";
import { agrees, sameTitle, valueInWords, valueKind } from "./values.js";

/** At or above this score the best claim is given as the answer. */
export const ANSWER_THRESHOLD = 0.42;
/** Below this score an answer also offers what else it could mean. */
export const SURE_THRESHOLD = 0.6;

/** One scored candidate. */
export interface Candidate {
  claim: LoadedClaim;
  score: number;
  coverage: number;
  words: number;
  fit: number;
  standing: boolean;
}

/** Why the engine answered as it did, for `tradebot ask --explain`. */
export interface Explanation {
  reading: {
    text: string;
    form: string;
    concepts: { id: string; words: string; via: string; weight: number }[];
    asked: { attribute: string; fit: number }[];
    cues: string[];
    exact?: string;
    claimed: { kind: string; text: string; concept?: string }[];
    choices: string[];
    negated: boolean;
    time?: string;
    unknownWords: string[];
  };
  candidates: { id: string; attribute: string; score: number; coverage: number; words: number; fit: number; standing: boolean }[];
  decision: string;
}

/** What a question is put as, in the terms of claim value kinds. */
const KIND_ATTRIBUTES: Record<ClaimedValue["kind"], Attribute[]> = {
  date: ["when", "start", "end"],
  place: ["where"],
  person: ["who"],
  figure: ["amount", "duration"],
  state: ["status", "outcome"],
  title: ["role"],
  text: ["said", "stance"],
};

const GREETING = /^(?:hi|hey|hello|yo|good\s+(?:morning|afternoon|evening|day)|thanks|thank\s+you|cheers|ty|thx)\b/i;
const TASK =
  /^(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|please\s+|pls\s+)?(?:set|book|remind\s+me\s+(?:to|at|in|on|tomorrow|later)|post|pin|forward|send|email|create|write|schedule|order|buy|translate|draft|compose|make\s+me|tell\s+me\s+a\s+joke|sing|play|call\s+me)\b|\bwhat\s+time\s+(?:is\s+it|it\s+is)\b/i;
const OVERVIEW =
  /\b(?:latest|status|update|news|state of play|catch me up|fill me in|summary|summari[sz]e|tl;?dr|recap|overview|rundown|big picture|bring me up to speed|what'?s new|what'?s happening|what'?s going on|where (?:do|are|does) (?:things|we|it|matters|trade|the talks) stand|where things stand|how are things)\b/i;

/** Answers questions from one knowledge base. Immutable: build a new one when the knowledge changes. */
export class AnswerEngine {
  readonly index: ClaimIndex;
  readonly standing: Standing;
  private readonly standingIds: ReadonlySet<string>;
  private readonly reference: Date;
  /** Subject → the date its standing `when` claim gives (the last day of its period). */
  private readonly eventDates = new Map<string, string>();

  constructor(readonly kb: KnowledgeBase) {
    this.standing = standingOf(kb);
    this.standingIds = new Set(this.standing.claims.map((c) => c.id));
    for (const c of this.standing.claims) {
      if (c.attribute === "when" && "date" in c.value) this.eventDates.set(c.about[0] as string, c.value.until ?? c.value.date);
    }
    this.index = new ClaimIndex(kb, kb.claims);
    this.reference = new Date(`${kb.newestSource || "2025-01-01"}T12:00:00Z`);
  }

  /** Reads a question the way `answer` does. */
  read(question: string): Reading {
    return readQuestion(question, this.index.matcher, (id) => this.kb.concepts.get(id)?.type, this.reference);
  }

  /** Answers one question typed the way people type in Slack. */
  answer(question: string, now: Date): Answer {
    return this.decide(question, now).answer;
  }

  /** The answer, and why. */
  explain(question: string, now: Date): { answer: Answer; explanation: Explanation } {
    const { answer, reading, candidates, decision } = this.decide(question, now);
    return { answer, explanation: this.explanation(reading, candidates, decision) };
  }

  private decide(
    question: string,
    now: Date,
  ): { answer: Answer; reading?: Reading; candidates: Candidate[]; decision: string } {
    const plain = plainFromSlack(question);
    const done = (answer: Answer, decision: string, reading?: Reading, candidates: Candidate[] = []) => ({
      answer,
      decision,
      candidates,
      ...(reading ? { reading } : {}),
    });
    if (!plain) return done(this.dontKnow([], "Ask me about the US–China trade talks."), "empty question");
    if (TASK.test(plain)) {
      return done(
        this.dontKnow([], "I can't do that: I only answer questions about the US–China trade talks, from my sources."),
        "a task, not a question",
      );
    }
    const reading = this.read(plain);
    const ctx: ComposeContext = { kb: this.kb, standing: this.standing, now };
    const focusMentions = reading.mentions.filter((m) => m.weight >= 0.5);
    if (GREETING.test(plain) && !focusMentions.length && plain.split(/\s+/).length <= 6) {
      return done(this.dontKnow([], "Hello! Ask me about the US–China trade talks."), "a greeting", reading);
    }
    const unknown = this.unknownWords(reading);
    const specific = focusMentions.filter((m) => !this.isGeneral(m.concept));
    const focusText = reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ");
    if (OVERVIEW.test(focusText) && !specific.length && reading.asked.strength < 1 && !unknown.length) {
      return done(statusAnswer(this.kb, this.standing, now), "an overview question", reading);
    }
    if (reading.aboutSource) {
      const about = aboutSourceAnswer(this.kb, reading, now);
      if (about) return done(about.answer, about.decision, reading);
    }
    if (!focusMentions.length) {
      return done(this.dontKnow([], undefined), "the question names nothing the sources are about", reading);
    }

    const candidates = this.candidates(reading);
    const top = candidates[0];
    if (unknown.length) {
      const penalty = 0.5 ** unknown.length;
      for (const c of candidates) c.score *= penalty;
    }
    if (!top || top.score < ANSWER_THRESHOLD) {
      const why = unknown.length
        ? `it asks about ${unknown.map((u) => `"${u}"`).join(", ")}, which no source mentions`
        : "no claim fits well enough";
      return done(this.dontKnow(candidates), why, reading, candidates);
    }

    // The attribute asked: a claim that does not fill it cannot answer.
    if (reading.asked.strength >= 0.6 && top.fit < 0.3) {
      return done(
        missingAnswer(ctx, this.missingSentence(reading, top.claim), top.claim, top.score * 0.5),
        `no claim about these concepts fills what is asked (${[...reading.asked.attributes.keys()].join(", ")})`,
        reading,
        candidates,
      );
    }
    const finer = this.finerThanKnown(reading, top.claim);
    if (finer) return done(missingAnswer(ctx, finer, top.claim, top.score * 0.5), "asks for more detail than the claim gives", reading, candidates);
    if (this.asksSpeakerNotFound(reading, top.claim)) {
      const who = this.kb.concepts.get(this.askedSpeaker(reading) as string)?.name ?? "them";
      return done(
        missingAnswer(ctx, `My sources don't report what ${who} said about that.`, top.claim, top.score * 0.5),
        "asks what someone said; no claim has them as speaker",
        reading,
        candidates,
      );
    }

    const lead = this.lead(reading, top.claim);
    const also = this.secondPart(reading, candidates, top);
    const answer = claimAnswer(ctx, top.claim, {
      confidence: top.score,
      ...(lead ? { lead } : {}),
      now: reading.time === "now",
      older: !top.standing,
      ...(also ? { also: [also] } : {}),
    });
    if (top.score < SURE_THRESHOLD) answer.suggestions = this.suggestions(candidates.slice(1));
    return done(answer, lead ? `belief check: ${lead}` : `answered from ${top.claim.id}`, reading, candidates);
  }

  /** Claims found through the question's concepts, scored, best first. */
  private candidates(reading: Reading): Candidate[] {
    const concepts = new Map<string, number>();
    for (const m of reading.mentions) concepts.set(m.concept, Math.max(concepts.get(m.concept) ?? 0, m.weight));
    // A value put forward is not what the question is about: "in Bangkok" narrows nothing.
    if (reading.form === "belief" || reading.form === "yesno" || reading.form === "choice") {
      for (const v of reading.claimed) {
        if (v.concept && (v.kind === "place" || v.kind === "person") && concepts.has(v.concept) && concepts.size > 1) {
          concepts.set(v.concept, (concepts.get(v.concept) ?? 0) * 0.6);
        }
      }
    }
    if (reading.time === "next") this.nextOf(concepts);
    const hits = this.index.byConcepts(concepts);
    const wordKeys = reading.content.map((c) => c.stem).filter((k) => this.index.idfOfWord(k) !== undefined);
    const words = this.index.wordCoverage(
      wordKeys,
      hits.map((h) => h.index),
    );
    const asked = new Map(reading.asked.attributes);
    const putForward = reading.form === "belief" || reading.form === "yesno" || reading.form === "choice";
    if (putForward) {
      for (const v of reading.claimed) {
        for (const a of KIND_ATTRIBUTES[v.kind]) if (!asked.has(a)) asked.set(a, asked.size ? 0.6 : 0.9);
      }
    }
    const speaker = this.askedSpeaker(reading);
    const out: Candidate[] = [];
    for (const h of hits) {
      const claim = this.index.claims[h.index] as LoadedClaim;
      const standing = this.standingIds.has(claim.id);
      if (!standing && reading.time !== "before") continue;
      let fit = asked.size === 0 ? 1 : (asked.get(claim.attribute) ?? 0);
      // "Who …?" wants people: words like "many leaders" answer it only loosely.
      if (claim.attribute === "who" && "text" in claim.value) fit *= 0.6;
      const fitFactor = asked.size === 0 ? 0.92 : fit > 0 ? 0.5 + 0.5 * fit : 0.45;
      const w = wordKeys.length ? (words.get(h.index) ?? 0) : 0.5;
      let score = h.coverage * (0.62 + 0.38 * w) * fitFactor;
      if (speaker && (claim.attribute === "said" || claim.attribute === "stance")) {
        score *= claim.speaker === speaker ? 1.05 : claim.speaker ? 0.55 : 0.75;
      }
      if (!standing) score *= 1.02;
      else if (reading.time === "before") score *= 0.9;
      if (reading.time === "next") score *= this.upcomingFactor(claim);
      if (reading.asked.exact && fit > 0 && this.concernsExactness(reading, claim)) {
        score *= this.finerThanKnown(reading, claim) ? 0.85 : 1.25;
      }
      if (claim.headline) score *= 1.01;
      out.push({ claim, score, coverage: h.coverage, words: w, fit, standing });
    }
    return out.sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id));
  }

  /**
   * "The next talks": a named series of events stands for its next one, the first whose date is
   * not before the newest source (else the latest one).
   */
  private nextOf(concepts: Map<string, number>): void {
    for (const [id, weight] of [...concepts]) {
      if (this.eventDates.has(id)) continue; // one event, not a series
      const parts = [...this.kb.concepts.values()].filter((c) => c.type === "event" && c.part_of.includes(id) && this.eventDates.has(c.id));
      if (!parts.length) continue;
      const dated = parts.map((c) => ({ id: c.id, date: this.eventDates.get(c.id) as string })).sort((a, b) => a.date.localeCompare(b.date));
      const next = dated.find((d) => d.date > this.kb.newestSource) ?? dated.at(-1);
      if (!next) continue;
      concepts.set(next.id, Math.max(concepts.get(next.id) ?? 0, weight));
      concepts.set(id, weight * 0.5);
    }
  }

  /**
   * For "the next round": claims about an event the report saw ahead of it weigh more, those about
   * one already past at the report weigh less.
   */
  private upcomingFactor(claim: LoadedClaim): number {
    const date = this.eventDates.get(claim.about[0] as string);
    if (!date) return 1;
    return date >= claim.asOf ? 1.15 : 0.8;
  }

  /** The person whose words the question asks for ("what did Trump say"), if it asks for someone's words. */
  private askedSpeaker(reading: Reading): string | undefined {
    const a = reading.asked.attributes;
    if ((a.get("said") ?? 0) < 0.9 && (a.get("stance") ?? 0) < 0.9) return undefined;
    const person = reading.mentions.find((m) => m.weight >= 0.5 && this.kb.concepts.get(m.concept)?.type === "person");
    return person?.concept;
  }

  private asksSpeakerNotFound(reading: Reading, claim: LoadedClaim): boolean {
    const speaker = this.askedSpeaker(reading);
    if (!speaker || reading.asked.strength < 0.6) return false;
    if (!reading.asked.cues.some((c) => /\b(?:say|said|tell|told|comment|quote|word|remark|statement|react|respond)\b/.test(c))) return false;
    return claim.speaker !== speaker && (claim.attribute === "said" || claim.attribute === "stance" || !claim.about.includes(speaker));
  }

  /** A concept the question names only to set the scene: a country, or one most claims are about. */
  private isGeneral(concept: string): boolean {
    const type = this.kb.concepts.get(concept)?.type;
    if (type === "country") return true;
    return this.index.claimsAbout(concept).length > Math.max(8, this.index.claims.length * 0.25);
  }

  /** Content words of the question that no source holds and English does not make general. */
  private unknownWords(reading: Reading): string[] {
    const claimedSpans = new Set<number>();
    if (reading.form === "belief" || reading.form === "yesno" || reading.form === "choice") {
      for (const v of reading.claimed) for (let i = v.from; i <= v.to; i++) if (v.kind !== "state") claimedSpans.add(i);
    }
    const out: string[] = [];
    for (const c of reading.content) {
      if (claimedSpans.has(c.index) || c.cue) continue;
      if (!["NOUN", "PROPN", "ADJ", "VERB"].includes(c.word.pos) && !c.word.unknown) continue;
      // A word English does not know and typed in lower case is more likely a typo than a topic.
      if (c.word.unknown && !c.word.capital && c.word.pos !== "PROPN") continue;
      if (this.index.knowsWord(c.key) || this.index.knowsWord(c.stem) || GENERAL_WORDS.has(c.key)) continue;
      // Short chat noise ("wen", "rn") is not a topic; a short capitalised name ("G20", "UK") is.
      if (c.word.text.length < 4 && !(c.word.capital || c.word.pos === "PROPN")) continue;
      if (c.word.pos === "VERB" && !c.word.unknown) continue;
      if (c.word.pos === "ADJ" && !c.word.capital && !c.word.unknown) continue;
      out.push(c.word.text);
    }
    return out;
  }

  /** "The sources don't give the date of …": what the question asked that no claim fills. */
  private missingSentence(reading: Reading, known: LoadedClaim): string {
    const top = [...reading.asked.attributes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const subject = theName(this.kb, known.about[0] as string);
    const what: Partial<Record<Attribute, string>> = {
      when: "a date",
      start: "a start date",
      end: "an end date",
      where: "a place",
      who: "who takes part",
      role: "a title",
      amount: "a figure",
      duration: "how long",
      said: "those words",
      stance: "that view",
      reason: "a reason",
      outcome: "how it turned out",
      status: "where it stands",
      terms: "those terms",
      impact: "what it does",
    };
    return `My sources don't give ${top ? (what[top] ?? "that") : "that"} for that (about ${subject}).`;
  }

  /** When the question asks for a finer grain than the claim has: the exact day, the hour, the venue. */
  private finerThanKnown(reading: Reading, claim: LoadedClaim): string | undefined {
    const v = claim.value;
    const exact = reading.asked.exact;
    if (!exact) return undefined;
    if ((exact === "day" || exact === "time") && "date" in v) {
      if (exact === "day" && v.precision !== "day") {
        return `My sources don't give the exact day: they say ${formatDated(v.date, v.precision)}.`;
      }
      if (exact === "time" && !v.time) return `My sources don't give the time: they say ${valueInWords(this.kb, v)}.`;
    }
    if ((exact === "venue" || exact === "city") && "places" in v) {
      const depth = Math.max(...v.places.map((p) => this.placeDepth(p)));
      if ((exact === "venue" && depth < 2) || (exact === "city" && depth < 1)) {
        return `My sources don't name the ${exact === "venue" ? "venue" : "city"}: they say ${valueInWords(this.kb, v)}.`;
      }
    }
    return undefined;
  }

  /** Whether the grain asked for is one this claim's value has: a date for day and time, a place for venue and city. */
  private concernsExactness(reading: Reading, claim: LoadedClaim): boolean {
    const e = reading.asked.exact;
    if (e === "day" || e === "time") return "date" in claim.value;
    if (e === "venue" || e === "city") return "places" in claim.value;
    return false;
  }

  /** 0 for a country, 1 for a place in a country, 2 for a place within that. */
  private placeDepth(id: string): number {
    const c = this.kb.concepts.get(id);
    if (!c || c.type === "country") return 0;
    const within = c.part_of.map((p) => this.placeDepth(p) + 1);
    return within.length ? Math.max(...within) : 1;
  }

  /** For a belief check or a choice: "Yes: …", "No: Malaysia, not Bangkok.", "Malaysia (not Thailand)." */
  private lead(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form !== "belief" && reading.form !== "yesno" && reading.form !== "choice") return undefined;
    const kind = valueKind(claim.value);
    const value = valueInWords(this.kb, claim.value);
    if (claim.attribute === "role" && "text" in claim.value) {
      const put = reading.claimed.find((v) => v.kind === "title" && v.concept !== undefined && claim.about.includes(v.concept));
      if (!put) return undefined;
      return sameTitle(claim.value.text, put.text) ? `Yes: ${value}.` : `No: ${value}, not ${put.text}.`;
    }
    const about = new Set(claim.about);
    const putForward = (reading.form === "choice" && reading.choices.length ? reading.choices : reading.claimed).filter(
      (v) => v.kind === kind && !(v.concept && about.has(v.concept) && agrees(this.kb, claim, v) !== true),
    );
    if (!putForward.length) return undefined;
    const verdicts = putForward.map((v) => ({ v, ok: agrees(this.kb, claim, v) }));
    if (verdicts.every((x) => x.ok === undefined)) return undefined;
    const right = verdicts.filter((x) => x.ok === true);
    const wrong = verdicts.filter((x) => x.ok === false).map((x) => x.v.text);
    if (reading.form === "choice") {
      if (right.length) return wrong.length ? `${value} (not ${wrong.join(" or ")}).` : `${value}.`;
      return `Neither: ${value}.`;
    }
    if (reading.negated) return `It's ${value}.`;
    if (right.length && !wrong.length) return `Yes: ${value}.`;
    if (kind === "person" && right.length) return `No: ${value}, not ${wrong.join(" or ")}.`;
    return `No: ${value}, not ${wrong.join(" or ")}.`;
  }

  /** For a question in two parts ("when … and what …"), the best claim for the part the first leaves out. */
  private secondPart(reading: Reading, candidates: Candidate[], top: Candidate): LoadedClaim | undefined {
    const strong = [...reading.asked.attributes.entries()].filter(([, w]) => w >= 0.95).map(([a]) => a);
    const sentences = reading.focus.length;
    if (strong.length < 2 && sentences < 2) return undefined;
    for (const c of candidates.slice(1, 8)) {
      if (c.claim.attribute === top.claim.attribute && sentences < 2) continue;
      if (c.fit < 0.9 || c.score < Math.max(ANSWER_THRESHOLD, top.score * 0.7)) continue;
      if (c.claim.snippet === top.claim.snippet) continue;
      return c.claim;
    }
    return undefined;
  }

  /** The answer of one claim, as a "did you mean" button gives it; follows what replaced it. */
  answerEntry(claimId: string, now: Date): Answer | undefined {
    const claim = this.standing.current.get(claimId);
    if (!claim) return undefined;
    return claimAnswer({ kb: this.kb, standing: this.standing, now }, claim, { confidence: 1 });
  }

  /** "I don't know", with what it can answer instead. */
  private dontKnow(candidates: Candidate[], lead?: string): Answer {
    const suggestions = this.suggestions(candidates);
    return {
      answered: false,
      text: lead ?? "I don't know: my sources don't cover that.",
      citations: [],
      confidence: round(candidates[0]?.score ?? 0),
      factIds: [],
      suggestions: suggestions.length ? suggestions : this.headlineSuggestions(),
    };
  }

  private suggestions(candidates: Candidate[]): Suggestion[] {
    const seen = new Set<string>();
    const out: Suggestion[] = [];
    for (const c of candidates) {
      if (c.score < 0.15 || !c.standing || out.length >= 3) continue;
      const s = suggestionOf(this.kb, c.claim);
      if (seen.has(s.question)) continue;
      seen.add(s.question);
      out.push(s);
    }
    return out;
  }

  private headlineSuggestions(): Suggestion[] {
    const pool = this.standing.claims.filter((c) => c.headline && !this.standing.retired.has(c.id));
    return (pool.length ? pool : this.standing.claims).slice(0, 3).map((c) => suggestionOf(this.kb, c));
  }

  private explanation(reading: Reading | undefined, candidates: Candidate[], decision: string): Explanation {
    return {
      reading: {
        text: reading?.text ?? "",
        form: reading?.form ?? "",
        concepts: (reading?.mentions ?? []).map((m) => ({ id: m.concept, words: m.text, via: m.via + (m.corrected ? " (typo corrected)" : ""), weight: round(m.weight) })),
        asked: [...(reading?.asked.attributes ?? new Map())].map(([attribute, fit]) => ({ attribute, fit })),
        cues: reading?.asked.cues ?? [],
        ...(reading?.asked.exact ? { exact: reading.asked.exact } : {}),
        claimed: (reading?.claimed ?? []).map((v) => ({ kind: v.kind, text: v.text, ...(v.concept ? { concept: v.concept } : {}) })),
        choices: (reading?.choices ?? []).map((v) => v.text),
        negated: reading?.negated ?? false,
        ...(reading?.time ? { time: reading.time } : {}),
        unknownWords: reading ? this.unknownWords(reading) : [],
      },
      candidates: candidates.slice(0, 8).map((c) => ({
        id: c.claim.id,
        attribute: c.claim.attribute,
        score: round(c.score),
        coverage: round(c.coverage),
        words: round(c.words),
        fit: c.fit,
        standing: c.standing,
      })),
      decision,
    };
  }
}

export { sourcesAnswer };
