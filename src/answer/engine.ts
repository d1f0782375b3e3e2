/**
 * Question → Answer. The question is read (concepts, the attribute asked, what the asker claims,
 * the time asked about); claims are found by the concepts they are about and kept only if they
 * fill the attribute asked; a belief check is answered with the true value first; a detail no
 * source gives is said to be missing, with what is known. Nothing is said that a standing claim's
 * verbatim snippet does not carry.
 */
import type { Attribute, KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import type { Word } from "../nlp/english.js";
import { ClaimIndex } from "../search/claim-index.js";
import type { ClaimedValue } from "../search/claimed.js";
import { GENERAL_WORDS } from "../search/general-words.js";
import { FUNCTION_WORDS, keyOf, keysOf, stemsOf } from "../search/keys.js";
import { type Reading, readQuestion } from "../search/reading.js";
import { plainFromSlack } from "../search/slack-text.js";
import { suggestionOf, theName } from "./citations.js";
import { type ComposeContext, claimAnswer, missingAnswer } from "./compose.js";
import { formatDated } from "./dates.js";
import { freshnessOf, round } from "./freshness.js";
import { EngineLookups, squash } from "./lookups.js";
import { sourcesAnswer, statusAnswer } from "./overviews.js";
import { aboutSourceAnswer } from "./source-questions.js";
import { type Standing, standingOf } from "./standing.js";
import type { Answer, Suggestion } from "./types.js";
import { agrees, figureInWords, listInWords, sameTitle, valueInWords, valueKind } from "./values.js";

/** At or above this score the best claim is given as the answer. */
export const ANSWER_THRESHOLD = 0.38;

/** How many claims about a question's concepts are scored in full, at most (the roughly best). */
const MAX_SCORED = 400;
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
  /** How close the claim's nearest curated phrasing is to the question (0 when none is close). */
  phrased: number;
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
  candidates: {
    id: string;
    attribute: string;
    score: number;
    coverage: number;
    words: number;
    fit: number;
    standing: boolean;
  }[];
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

/** Nouns for people that a question can be about ("the chinese delegation"), though they also say "who". */
const PEOPLE_NOUNS = new Set([
  "delegation",
  "delegate",
  "counterpart",
  "negotiator",
  "participant",
  "representative",
  "team",
  "envoy",
]);

/** States that say something changed: asked about, they need a claim that reports the change. */
const CHANGES = new Set(["extended", "cancelled", "suspended", "ended", "in_effect", "happened"]);
const ON_OFF = new Set(["going_ahead", "cancelled", "happened", "suspended", "in_effect", "ended"]);

/** A value the asker put forward, written the way answers write values: "March", "Dec. 1", "50%". */
function claimedInWords(v: ClaimedValue): string {
  if (v.kind === "date" && v.date && !v.date.relative) {
    const d = v.date;
    const full = formatDated(d.date, d.precision);
    return d.yearGiven ? full : full.replace(/,? \d{4}$/, "");
  }
  if (v.kind === "figure" && v.figure?.unit) return figureInWords(v.figure.value, v.figure.unit);
  return /^[a-z]/.test(v.text) && v.kind !== "state"
    ? v.text.charAt(0).toUpperCase() + v.text.slice(1)
    : v.text;
}

/**
 * Kinds of thing a claim's attribute gives whatever its words: "which city" is answered by a place,
 * "which outlet" by who said it, "what rate" by a figure. General English.
 */
const KIND_GIVEN = new Set(
  `city town country nation place location venue site spot region state capital side party person people
  official officials leader leaders minister secretary negotiator negotiators representative envoy name outlet
  network channel government
  day date month year week time hour weekday deadline rate percentage percent figure number amount level share
  price cost fee total tariff tariffs duty duties levy round rounds event summit meeting meetings talks deal
  agreement measure step steps thing things issue issues topic topics point points reason way word words quote
  line comment comments statement remark remarks title role job position post dept department zone timezone
  article piece story report source sources`.split(/\s+/),
);

/** How close (Dice overlap of stems) a curated phrasing must be to count, and to be taken at its word. */
const PHRASING_MATCH = 0.6;
const CURATED_MATCH = 0.9;

/** Words that begin a second question after "and": "…, and what was paused?" */
const SPLIT_WH = new Set([
  "what",
  "when",
  "where",
  "who",
  "which",
  "why",
  "how",
  "whats",
  "whens",
  "wheres",
  "whos",
  "until",
]);

/** Attributes a subject has one value of: the claim giving it must be about that subject. */
const SINGLE_VALUED_ASKED = new Set<Attribute>(["when", "start", "end", "where", "amount", "duration"]);

/** Units a question can ask a figure in: "in dollar terms", "how many tons". */
const UNIT_WORDS: [RegExp, string][] = [
  [
    /\b(?:dollars?|\$|usd|in dollar terms|dollar value|how much money|cost|costs|price|pay|expense)\b/i,
    "USD",
  ],
  [/\b(?:tons?|tonnes?|metric tons?)\b/i, "ton"],
  [/\b(?:bushels?)\b/i, "bushel"],
  [/\b(?:percent|percentage|%|rate)\b/i, "percent"],
  [/\bhow many (?:days|weeks|months)\b/i, "day"],
];

const PRECISION_RANK = { day: 0, week: 1, month: 2, year: 3 } as const;

/** The last day of a dated period. */
function periodEnd(date: string, precision: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (precision === "day") return date;
  if (precision === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (precision === "month") d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else d.setUTCFullYear(d.getUTCFullYear() + 1, 0, 0);
  return d.toISOString().slice(0, 10);
}

/** "Did it actually take effect?": asks whether something happened, not what was planned. */
const ACTUALLY =
  /\b(?:did|has|have|was|were)\b.{0,80}\b(?:actually|really|finally|in the end|end up|ended up|ever)\b|\bdid\b.{0,80}\b(?:take effect|happen|go ahead|take place|kick in|begin|start|come into force|show up|turn up|attend|meet|sign|reach)\b/i;

const GREETING =
  /^(?:hi|hey|hello|yo|good\s+(?:morning|afternoon|evening|day)|thanks|thank\s+you|cheers|ty|thx)\b/i;
const TASK =
  /^(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|please\s+|pls\s+)?(?:set|book|remind\s+me\s+(?:to|at|in|on|tomorrow|later)|post|pin|forward|send|email|create|write|schedule|order|buy|translate|draft|compose|make\s+me|tell\s+me\s+a\s+joke|sing|play|call\s+me)\b|\bwhat\s+time\s+(?:is\s+it|it\s+is)\b/i;
const OVERVIEW =
  /\b(?:latest|status|update|news|state of play|catch me up|fill me in|summary|summari[sz]e|tl;?dr|recap|overview|rundown|big picture|bring me up to speed|what'?s new|what'?s happening|what'?s going on|where (?:do|are|does) (?:things|we|it|matters|trade|the talks) stand|where things stand|how are things)\b/i;

/** An answer citing each snippet of each source once, though two of its claims rest on the same sentence. */
function onceEach(answer: Answer): Answer {
  const seen = new Set<string>();
  const citations = answer.citations.filter((c) => {
    const key = `${c.source}\u0000${c.snippet}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return citations.length === answer.citations.length ? answer : { ...answer, citations };
}

/** The slow parts of an engine, built beforehand (a step at a time, for a hot reload). */
export interface EngineParts {
  standing: Standing;
  index: ClaimIndex;
}

/** Answers questions from one knowledge base. Immutable: build a new one when the knowledge changes. */
export class AnswerEngine {
  readonly index: ClaimIndex;
  readonly standing: Standing;
  private readonly standingIds: ReadonlySet<string>;
  private readonly reference: Date;
  /** Older claims that a newer one says the same as. */
  private readonly confirmedIds: ReadonlySet<string>;
  /** Subject → the date its standing `when` claim gives (the last day of its period). */
  private readonly eventDates = new Map<string, string>();
  /** Subjects' dated claims, concepts' parts, quotations: looked up, not scanned for. */
  private readonly lookups: EngineLookups;
  /**
   * Per claim, by its index in kb.claims, what scoring it needs that no question changes: 1 when it
   * stands, 2 when a newer claim confirms it, 0 when replaced; its default fit, upcoming factor and
   * recency. Worked out once: the scoring loop meets each claim about a common concept in most questions.
   */
  private readonly claimState: Uint8Array;
  private readonly claimDefaultFit: Float64Array;
  private readonly claimUpcoming: Float64Array;
  private readonly claimRecency: Float64Array;

  /** How many claims about a question's concepts are scored in full, at most. */
  private readonly maxScored: number;

  constructor(
    readonly kb: KnowledgeBase,
    parts?: EngineParts,
    options: { maxScored?: number } = {},
  ) {
    this.maxScored = options.maxScored ?? MAX_SCORED;
    this.standing = parts?.standing ?? standingOf(kb);
    this.standingIds = new Set(this.standing.claims.map((c) => c.id));
    this.confirmedIds = new Set([...this.standing.confirmed.values()].flat().map((c) => c.id));
    for (const c of this.standing.claims) {
      if (c.attribute === "when" && "date" in c.value) {
        this.eventDates.set(
          c.about[0] as string,
          c.value.until ?? periodEnd(c.value.date, c.value.precision),
        );
      }
    }
    this.index = parts?.index ?? new ClaimIndex(kb, kb.claims);
    this.lookups = new EngineLookups(kb, this.standing);
    this.claimState = Uint8Array.from(kb.claims, (c) =>
      this.standingIds.has(c.id) ? 1 : this.confirmedIds.has(c.id) ? 2 : 0,
    );
    this.claimDefaultFit = Float64Array.from(kb.claims, (c) => this.defaultFit(c));
    this.claimUpcoming = Float64Array.from(kb.claims, (c) => this.upcomingFactor(c));
    this.claimRecency = Float64Array.from(kb.claims, (c) => this.recency(c));
    this.reference = new Date(`${kb.newestSource || "2025-01-01"}T12:00:00Z`);
  }

  /** Reads a question the way `answer` does. */
  read(question: string): Reading {
    return readQuestion(question, this.index.matcher, (id) => this.kb.concepts.get(id)?.type, this.reference);
  }

  /** Answers one question typed the way people type in Slack. */
  answer(question: string, now: Date): Answer {
    return onceEach(this.decide(question, now).answer);
  }

  /** The answer, and why. */
  explain(question: string, now: Date): { answer: Answer; explanation: Explanation } {
    const { answer, reading, candidates, decision } = this.decide(question, now);
    return { answer: onceEach(answer), explanation: this.explanation(reading, candidates, decision) };
  }

  private decide(
    question: string,
    now: Date,
    part = false,
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
        this.dontKnow(
          [],
          "I can't do that: I only answer questions about the US–China trade talks, from my sources.",
        ),
        "a task, not a question",
      );
    }
    const reading = this.read(plain);
    const ctx: ComposeContext = { kb: this.kb, standing: this.standing, now };
    if (!part) {
      const parts = this.partsOf(reading);
      if (parts.length > 1) {
        const answers = parts.map((p) => this.decide(p, now, true));
        // A part the sources can't answer makes the whole unanswered, said plainly, with what they do
        // say; a part that names nothing of its own ("thx in advance", "can the bot answer this?") can't.
        const ownNames = (a: (typeof answers)[number]) =>
          (a.reading?.mentions ?? []).some((m) => m.weight >= 0.85 && !/\(/.test(a.reading?.text ?? ""));
        const refused = answers.find(
          (a) => !a.answer.answered && /^My sources don't/.test(a.answer.text) && ownNames(a),
        );
        const merged = refused
          ? this.withKnown(refused.answer, answers, now)
          : this.merge(
              answers.map((a) => a.answer),
              now,
            );
        if (merged) {
          return {
            answer: merged,
            reading,
            candidates: answers.flatMap((a) => a.candidates).sort((a, b) => b.score - a.score),
            decision: `two questions in one: ${answers.map((a) => a.decision).join("; ")}`,
          };
        }
      }
    }
    const focusMentions = reading.mentions.filter((m) => m.weight >= 0.5);
    if (GREETING.test(plain) && !focusMentions.length && plain.split(/\s+/).length <= 6) {
      return done(this.dontKnow([], "Hello! Ask me about the US–China trade talks."), "a greeting", reading);
    }
    const unknownContent = this.unknownContent(reading);
    const unknown = unknownContent.map((c) => c.word.text);
    const specific = focusMentions.filter((m) => !this.isGeneral(m.concept));
    const focusText = reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ");
    // (the overview's own words, "summarize", "tl;dr", are not unknown topics)
    const unknownTopics = unknown.filter((u) => !OVERVIEW.test(u));
    if (OVERVIEW.test(focusText) && !specific.length && reading.asked.strength < 1 && !unknownTopics.length) {
      return done(statusAnswer(this.kb, this.standing, now), "an overview question", reading);
    }
    if (reading.aboutSource) {
      const about = aboutSourceAnswer(this.kb, reading, now);
      if (about) return done(about.answer, about.decision, reading);
    }
    // A date or figure alone ("nov 1 - what happens then?", "145 or 100?") may still find the claims that give it.
    // Only when every value it puts forward is one a source gives: "the S&P 500 on Oct. 17" is not.
    const found = (v: ClaimedValue) =>
      v.kind === "figure" && v.figure
        ? this.index.byValue({ figure: v.figure.value }).length > 0
        : v.kind === "date" && v.date && !v.date.relative
          ? this.index.byValue({ date: v.date.date, precision: v.date.precision }).length > 0
          : v.kind === "state" || v.kind === "text";
    const valued =
      reading.claimed.some((v) => v.kind === "figure" || (v.kind === "date" && !v.date?.relative)) &&
      reading.claimed.every(found);
    if (!focusMentions.length && !reading.quotes.length && !valued) {
      return done(this.dontKnow([], undefined), "the question names nothing the sources are about", reading);
    }

    const candidates = this.candidates(reading);
    // A belief is checked against the claim that can say yes or no to it: of the claims near the
    // best, the first whose value is of the kind put forward ("at the G20" → a place).
    if (reading.form === "belief" || reading.form === "choice" || reading.form === "yesno") {
      const best = candidates[0];
      // Values put forward: in their slot ("in Malaysia"), names no source has, titles; not names of the topic.
      // A yes/no question's places and people are its topic ("did Taiwan come up at Busan?"); its
      // dates and figures are put forward ("is it still set for Nov. 1?").
      const put = reading.claimed.filter(
        (v) =>
          v.kind !== "state" &&
          (v.slot || !v.concept || v.kind === "title") &&
          (reading.form !== "yesno" || v.kind === "date" || v.kind === "figure"),
      );
      const verdict = (c: Candidate) =>
        put.map((v) =>
          v.kind === "title"
            ? c.claim.attribute === "role" && v.concept && c.claim.about.includes(v.concept)
              ? true
              : undefined
            : agrees(this.kb, c.claim, v),
        );
      const can = (c: Candidate) => verdict(c).some((x) => x !== undefined);
      const agreeing = (c: Candidate) => verdict(c).some((x) => x === true);
      const speaker = this.askedSpeaker(reading);
      const keep = (c: Candidate) => !speaker || !c.claim.speaker || this.spokeFor(c.claim, speaker);
      if (best && put.length) {
        const floor = best.score * (put.some((v) => v.slot) ? 0.6 : 0.8);
        const alt = !can(best)
          ? candidates.find((c) => c !== best && c.score >= floor && can(c) && keep(c))
          : !agreeing(best)
            ? candidates.find((c) => c !== best && c.score >= best.score * 0.9 && agreeing(c) && keep(c))
            : undefined;
        if (alt) {
          candidates.splice(candidates.indexOf(alt), 1);
          candidates.unshift(alt);
        }
      }
    }
    let top = candidates[0];
    if (unknown.length) {
      // What the question asks about ("the weather in KL") and a name no source has weigh most; a
      // common word less, and less still in a long message full of context; a verb least.
      const head = this.headWord(reading);
      const long = reading.content.length > 14;
      // A country or city no source has ("is japan joining?") is a name, however it is typed.
      const placeWords = new Set(
        reading.claimed
          .filter((v) => v.kind === "place" && !v.concept)
          .flatMap((v) => Array.from({ length: v.to - v.from + 1 }, (_, k) => v.from + k)),
      );
      const penalty = unknownContent.reduce(
        (p, c) =>
          p *
          (c.index === head
            ? 0.25
            : placeWords.has(c.index)
              ? 0.3
              : c.word.pos === "VERB"
                ? 0.8
                : c.word.unknown || c.word.capital || c.word.pos === "PROPN"
                  ? 0.3
                  : long
                    ? 0.7
                    : 0.5),
        1,
      );
      for (const c of candidates) c.score *= penalty;
    }
    // Known concepts, but nothing about them fills what is asked: say so, with what is known.
    if (top && top.score < ANSWER_THRESHOLD && !unknown.length && reading.asked.strength >= 1) {
      const about = candidates.find(
        (c) => c.coverage >= 0.9 && c.fit < 0.4 && c.score >= ANSWER_THRESHOLD * 0.6,
      );
      if (about && !candidates.some((c) => c.coverage >= 0.9 && c.fit >= 0.4))
        return done(
          missingAnswer(ctx, this.missingSentence(reading, about.claim), about.claim, about.score * 0.5),
          `no claim about these concepts fills what is asked (${[...reading.asked.attributes.keys()].join(", ")})`,
          reading,
          candidates,
        );
    }
    if (!top || top.score < ANSWER_THRESHOLD) {
      const why = unknown.length
        ? `it asks about ${unknown.map((u) => `"${u}"`).join(", ")}, which no source mentions`
        : "no claim fits well enough";
      return done(this.dontKnow(candidates), why, reading, candidates);
    }

    // A curated phrasing the question all but repeats is the curator's word on what it asks.
    if (top.phrased >= CURATED_MATCH && !unknown.length) {
      const lead = this.lead(reading, top.claim);
      const answer = claimAnswer(ctx, top.claim, {
        confidence: top.score,
        ...(lead ? { lead } : {}),
        now: reading.time === "now",
        older: !top.standing,
      });
      return done(
        answer,
        `a curated phrasing of ${top.claim.id} (${round(top.phrased)})`,
        reading,
        candidates,
      );
    }
    // The attribute asked: a claim that does not fill it cannot answer; a close one that does, can.
    // A question word ("how many days") wants its own kind of answer more surely than a verb cue does.
    const fitNeeded = reading.asked.strength >= 1 ? 0.5 : 0.4;
    if (reading.asked.strength >= 0.6 && top.fit < fitNeeded) {
      const floor = top.score * 0.5;
      const subject = top.claim.about[0];
      const coverage = top.coverage;
      const filler =
        candidates.find(
          (c) =>
            c.fit >= 0.8 &&
            c.score >= floor &&
            c.score >= ANSWER_THRESHOLD * 0.9 &&
            // about what the question names, as much as the closer claim is
            c.coverage >= coverage * 0.75,
        ) ??
        // "Is the truce still in force?" with no status claim: its end date says where it stands.
        candidates.find(
          (c) =>
            c.fit >= 0.4 &&
            c.claim.about[0] === subject &&
            c.score >= floor &&
            c.score >= ANSWER_THRESHOLD * 0.9,
        );
      if (filler) {
        candidates.splice(candidates.indexOf(filler), 1);
        candidates.unshift(filler);
        top = filler;
      }
    }
    if (reading.asked.strength >= 0.6 && top.fit < fitNeeded) {
      return done(
        missingAnswer(ctx, this.missingSentence(reading, top.claim), top.claim, top.score * 0.5),
        `no claim about these concepts fills what is asked (${[...reading.asked.attributes.keys()].join(", ")})`,
        reading,
        candidates,
      );
    }
    // "It stays suspended, right?": a change put forward is checked against the subject's status.
    if (
      (reading.form === "yesno" || reading.form === "belief" || reading.form === "choice") &&
      top.claim.attribute !== "status" &&
      reading.claimed.some((v) => v.kind === "state" && v.state && CHANGES.has(v.state)) &&
      // a date put forward ("runs out Nov. 10, right?") is checked against the claim that gives dates
      !reading.claimed.some((v) => v.kind === "date")
    ) {
      const subject = top.claim.about[0];
      const floor = top.score * 0.6;
      const status = candidates.find(
        (c) => c.claim.attribute === "status" && c.claim.about[0] === subject && c.score >= floor,
      );
      if (status) {
        candidates.splice(candidates.indexOf(status), 1);
        candidates.unshift(status);
        top = status;
      }
    }
    const beyond = this.beyondWhatClaimSays(reading, top.claim, candidates);
    if (beyond)
      return done(
        missingAnswer(ctx, beyond, top.claim, top.score * 0.5),
        "asks what the claim does not say",
        reading,
        candidates,
      );
    const unsure = this.beliefBeyondClaim(reading, top.claim);
    if (unsure)
      return done(
        missingAnswer(ctx, unsure, top.claim, top.score * 0.5),
        "a belief the claim can neither confirm nor refute",
        reading,
        candidates,
      );
    const outOfTime = this.outsideTimeAsked(reading, top.claim);
    if (outOfTime)
      return done(
        missingAnswer(ctx, outOfTime, top.claim, top.score * 0.5),
        "asks about a time the claim does not speak for",
        reading,
        candidates,
      );
    const change = this.unconfirmedChange(reading, top.claim);
    if (change)
      return done(
        missingAnswer(ctx, change, top.claim, top.score * 0.5),
        "asks whether something changed; no claim says",
        reading,
        candidates,
      );
    let uncovered = this.uncoveredInYesNo(reading, top.claim);
    if (uncovered) {
      const first = top;
      const covering = candidates.find(
        (c) => c !== first && c.score >= first.score * 0.6 && !this.uncoveredInYesNo(reading, c.claim),
      );
      if (covering) {
        candidates.splice(candidates.indexOf(covering), 1);
        candidates.unshift(covering);
        top = covering;
        uncovered = undefined;
      }
    }
    if (uncovered)
      return done(
        missingAnswer(ctx, uncovered, top.claim, top.score * 0.5),
        "a yes/no question about something the claim does not cover",
        reading,
        candidates,
      );
    const unconfirmed = this.happenedAfterReport(reading, top.claim);
    if (unconfirmed)
      return done(
        missingAnswer(ctx, unconfirmed, top.claim, top.score * 0.5),
        "asks whether a planned thing happened; the sources predate it",
        reading,
        candidates,
      );
    const finer = this.finerThanKnown(reading, top.claim);
    if (finer)
      return done(
        missingAnswer(ctx, finer, top.claim, top.score * 0.5),
        "asks for more detail than the claim gives",
        reading,
        candidates,
      );
    if (this.asksSpeakerNotFound(reading, top.claim)) {
      const who = this.kb.concepts.get(this.askedSpeaker(reading) as string)?.name ?? "them";
      return done(
        missingAnswer(
          ctx,
          `My sources don't report what ${who} said about that.`,
          top.claim,
          top.score * 0.5,
        ),
        "asks what someone said; no claim has them as speaker",
        reading,
        candidates,
      );
    }

    let lead = this.lead(reading, top.claim);
    // "Meeting He in Jakarta next week, right?": a claim near the best that says no to part of the
    // belief is the answer people need ("No: Malaysia, not Jakarta").
    if ((reading.form === "belief" || reading.form === "yesno") && !lead?.startsWith("No:")) {
      const first = top;
      const refuting = candidates
        .filter((c) => c !== first && c.score >= first.score * 0.75 && c.standing)
        .slice(0, 5)
        .find(
          (c) => this.lead(reading, c.claim)?.startsWith("No:") && !this.uncoveredInYesNo(reading, c.claim),
        );
      if (refuting) {
        top = refuting;
        lead = this.lead(reading, refuting.claim);
      }
    }
    const also = this.secondPart(reading, candidates, top);
    const answer = claimAnswer(ctx, top.claim, {
      confidence: top.score,
      ...(lead ? { lead } : {}),
      now: reading.time === "now",
      older: !top.standing,
      ...(also ? { also: [also] } : {}),
    });
    if (top.score < SURE_THRESHOLD) answer.suggestions = this.suggestions(candidates.slice(1));
    return done(
      answer,
      lead ? `belief check: ${lead}` : `answered from ${top.claim.id}`,
      reading,
      candidates,
    );
  }

  /**
   * The questions a message holds, when it asks two ("when does the truce expire, and what was
   * paused?", "Is it still in force? When's it run out?"). A part that names nothing borrows the
   * names of the part before it.
   */
  private partsOf(reading: Reading): string[] {
    const { words, sentences } = reading.english;
    const texts: { text: string; from: number; to: number }[] = [];
    for (const i of reading.focus) {
      const s = sentences[i];
      if (!s) continue;
      let start = s.from;
      for (let k = s.from + 1; k < s.to; k++) {
        const w = words[k] as Word;
        const next = words[k + 1] as Word;
        const joins =
          (w.lower === "and" || w.lower === "also" || w.text === ";" || w.lower === "plus") &&
          SPLIT_WH.has(next.lower);
        if (joins && k - start >= 3) {
          texts.push({
            text: words
              .slice(start, k)
              .map((x) => x.text)
              .join(" "),
            from: start,
            to: k - 1,
          });
          start = k + 1;
        }
      }
      texts.push({
        text: words
          .slice(start, s.to + 1)
          .map((x) => x.text)
          .join(" "),
        from: start,
        to: s.to,
      });
    }
    if (texts.length < 2) return [];
    const named = (t: { from: number; to: number }) =>
      reading.mentions.filter((m) => m.from >= t.from && m.to <= t.to && m.weight >= 0.85);
    return texts.map((t, k) => {
      if (named(t).length || k === 0) return t.text;
      const before = texts.slice(0, k).flatMap((p) => named(p).map((m) => m.text));
      return before.length ? `${t.text} (${before.join(", ")})` : t.text;
    });
  }

  /** A refusal of one part, with what the other parts' answers say, cited. */
  private withKnown(refusal: Answer, answers: { answer: Answer }[], now: Date): Answer {
    const known = answers.map((a) => a.answer).find((a) => a.answered);
    if (!known) return refusal;
    const citations = [
      ...refusal.citations,
      ...known.citations.filter((c) => !refusal.citations.some((x) => x.snippet === c.snippet)),
    ].slice(0, 3);
    const lead = refusal.text.split(/\s+What they say:/)[0] as string;
    const text = `${lead} What they do say: ${known.text}`.slice(0, 780);
    return { ...refusal, text, citations, freshness: freshnessOf(this.kb, citations, now) };
  }

  /** One answer from the answers to the parts of a question: each part's answer in turn, cited. */
  private merge(answers: Answer[], now: Date): Answer | undefined {
    const answered = answers.filter((a) => a.answered);
    if (!answered.length) return undefined;
    const first = answered[0] as Answer;
    if (answered.length === 1) return first;
    const citations: Answer["citations"] = [];
    const texts: string[] = [];
    for (const a of answered.slice(0, 3)) {
      const fresh = a.citations.find((c) => !citations.some((x) => x.snippet === c.snippet));
      if (fresh) citations.push(fresh);
      texts.push(a.text.split(/(?<=\.)\s+(?=This replaces|Since then|That was|Also:)/)[0] ?? a.text);
    }
    let text = texts.map((t, k) => (k === 0 ? t : `Also: ${t}`)).join(" ");
    if (text.length > 780) text = `${text.slice(0, 779).replace(/\s+\S*$/, "")}…`;
    return {
      ...first,
      text,
      citations: citations.slice(0, 3),
      factIds: [...new Set(answered.flatMap((a) => a.factIds))],
      confidence: Math.min(...answered.map((a) => a.confidence)),
      freshness: freshnessOf(this.kb, citations, now),
    };
  }

  /** Claims found through the question's concepts, scored, best first. */
  private candidates(reading: Reading): Candidate[] {
    const concepts = new Map<string, number>();
    for (const m of reading.mentions)
      concepts.set(m.concept, Math.max(concepts.get(m.concept) ?? 0, m.weight));
    // A country named beside something more specific ("the china ceasefire") only sets the scene.
    const other = [...concepts.keys()].some((id) => this.kb.concepts.get(id)?.type !== "country");
    if (other)
      for (const [id, w] of concepts)
        if (this.kb.concepts.get(id)?.type === "country") concepts.set(id, w * 0.4);
    // A value put forward is not what the question is about: "in Bangkok" narrows nothing.
    if (reading.form === "belief" || reading.form === "yesno" || reading.form === "choice") {
      for (const v of reading.claimed) {
        if (
          v.concept &&
          (v.kind === "place" || v.kind === "person") &&
          concepts.has(v.concept) &&
          concepts.size > 1
        ) {
          concepts.set(v.concept, (concepts.get(v.concept) ?? 0) * 0.6);
        }
      }
    }
    // "Did he cancel the meeting?": what an event or measure is part of is asked about too, a little.
    for (const [id, w] of [...concepts]) {
      const c = this.kb.concepts.get(id);
      if (c?.type !== "event" && c?.type !== "measure") continue;
      for (const up of c.part_of) if (!concepts.has(up)) concepts.set(up, w * 0.25);
    }
    // "The talks", with no time: the round the newest sources speak of, the next one or else the latest.
    // A belief about "the talks" ("are in Bangkok, right?") checks the current round, not the past ones.
    if (
      reading.time === "next" ||
      reading.time === "now" ||
      (reading.time !== "before" &&
        ["belief", "yesno", "choice"].includes(reading.form) &&
        reading.claimed.some((v) => v.kind === "place" || v.kind === "date") &&
        !this.namesPastPlaces(reading))
    )
      this.nextOf(concepts);
    if (reading.time === "before") this.previousOf(concepts);
    let hits = this.index.byConcepts(concepts);
    const valueHits = new Set<number>();
    // A date or figure alone ("nov 1 - what happens then?", "what's the 145 about") finds the claims that give it.
    const seen = new Set(hits.map((h) => h.index));
    // Words the asker quotes find the claims whose snippet holds them.
    const quoted = new Set<number>();
    for (const q of reading.quotes) {
      for (const i of this.lookups.quoting(squash(q))) {
        quoted.add(i);
        if (!seen.has(i)) {
          seen.add(i);
          hits.push({ index: i, coverage: 0.85 });
        }
      }
    }
    for (const v of reading.claimed) {
      const found =
        v.kind === "figure" && v.figure
          ? this.index.byValue({ figure: v.figure.value })
          : v.kind === "date" && v.date && !v.date.relative
            ? this.index.byValue({ date: v.date.date, precision: v.date.precision })
            : [];
      for (const i of found) {
        if (seen.has(i)) continue;
        seen.add(i);
        hits.push({ index: i, coverage: concepts.size ? 0.5 : 0.8 });
        valueHits.add(i);
      }
    }
    // A curated phrasing close to the question (an idiom the concepts and attribute don't carry)
    // points at its claim.
    const focusText = reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ");
    const phrased = this.index.phrasingMatches(stemsOf(focusText), PHRASING_MATCH);
    for (const [i, sim] of phrased) {
      if (seen.has(i)) continue;
      seen.add(i);
      hits.push({ index: i, coverage: 0.6 * sim });
    }
    const wordKeys = reading.content.map((c) => c.stem).filter((k) => this.index.idfOfWord(k) !== undefined);
    const words = this.index.wordCoverage(
      wordKeys,
      hits.map((h) => h.index),
    );
    // Thousands of claims about what the question names (a large knowledge base, a common concept):
    // only those that could still come near the top are scored in full, by what they are about and
    // the question's words. The rest are far below any threshold a reply uses.
    if (hits.length > this.maxScored) {
      const rough = new Float64Array(hits.length);
      hits.forEach((h, k) => {
        rough[k] = h.coverage * (0.7 + 0.3 * (words.get(h.index) ?? 0));
      });
      const cut = (Float64Array.from(rough).sort()[hits.length - this.maxScored] as number) ?? 0;
      hits = hits.filter(
        (h, k) =>
          (rough[k] as number) >= cut ||
          quoted.has(h.index) ||
          phrased.has(h.index) ||
          valueHits.has(h.index),
      );
    }
    // The nouns a question is about, beyond the concepts it names ("how big is the chinese
    // delegation"): a claim that mentions none of them is about something else.
    // ("before the extension" dates the question: the older value is asked, not a claim naming the extension)
    const tokens = reading.english.words;
    const timeRef = (i: number) =>
      /^before$/.test(tokens[i - 1]?.lower ?? "") ||
      (/^(?:the|a|an|this|that)$/.test(tokens[i - 1]?.lower ?? "") &&
        /^before$/.test(tokens[i - 2]?.lower ?? ""));
    const nounKeys = reading.content
      .filter(
        (c) =>
          (c.word.pos === "NOUN" || c.word.pos === "PROPN") &&
          !timeRef(c.index) &&
          (!c.cue || PEOPLE_NOUNS.has(c.key)) &&
          !GENERAL_WORDS.has(c.key),
      )
      .map((c) => c.stem)
      .filter((k) => this.index.idfOfWord(k) !== undefined);
    const nouns = nounKeys.length
      ? this.index.wordCoverage(
          nounKeys,
          hits.map((h) => h.index),
        )
      : undefined;
    // A rare noun ("sorghum") that a claim lacks counts against it more than a common one.
    const maxIdf = Math.log(1 + this.index.claims.length);
    const rarest = Math.max(0, ...nounKeys.map((k) => this.index.idfOfWord(k) ?? 0));
    const nounFloor = rarest > 0.75 * maxIdf ? 0.45 : 0.6;
    const countries = reading.mentions
      .filter((m) => m.weight >= 0.85 && this.kb.concepts.get(m.concept)?.type === "country")
      .map((m) => m.concept);
    const thingsNamed = [...concepts.entries()]
      .filter(
        ([id, w]) => w >= 0.5 && ["measure", "event", "topic"].includes(this.kb.concepts.get(id)?.type ?? ""),
      )
      .map(([id]) => id);
    const stateClaimed =
      (reading.form === "belief" || reading.form === "yesno") &&
      reading.claimed.some((v) => v.kind === "state");
    const asked = new Map(reading.asked.attributes);
    const putForward =
      reading.form === "belief" ||
      reading.form === "yesno" ||
      reading.form === "choice" ||
      (reading.form === "fragment" && /\?\s*$/.test(reading.text));
    if (putForward) {
      for (const v of reading.claimed) {
        // A value in its slot ("in Tokyo", "at the G20") says what the question is about.
        const weight =
          v.slot && (v.kind === "place" || v.kind === "date" || v.kind === "figure")
            ? 1
            : asked.size
              ? 0.6
              : 0.9;
        const kinds =
          v.kind === "figure" && v.figure && /^(?:day|week|month|year|hour)s?$/.test(v.figure.unit)
            ? (["duration"] as Attribute[])
            : KIND_ATTRIBUTES[v.kind];
        for (const a of kinds) asked.set(a, Math.max(asked.get(a) ?? 0, weight));
      }
    }
    // "The related story says…": words of a report, not of a person, when no one is named.
    const someone = reading.mentions.some((m) =>
      ["person", "organisation", "country"].includes(this.kb.concepts.get(m.concept)?.type ?? ""),
    );
    if (!someone || this.reportSays(reading))
      for (const a of ["said", "stance"] as const) if (asked.has(a)) asked.set(a, (asked.get(a) ?? 0) * 0.3);
    const strong = reading.asked.strength >= 1;
    const subjects = new Set(
      [...concepts.entries()]
        .filter(([id, w]) => w >= 0.85 && !this.isGeneral(id) && this.kb.concepts.get(id)?.type !== "person")
        .map(([id]) => id),
    );
    const speaker = this.askedSpeaker(reading);
    const saying = reading.asked.cues.some((c) =>
      /\b(?:say|said|describe|characteri[sz]e|comment|quote|word|remark|statement|call (?:it|them|the)|line)\b/.test(
        c,
      ),
    );
    const named = new Set(concepts.keys());
    const onlyGeneral = [...concepts.keys()].every((id) => this.isGeneral(id));
    const out: Candidate[] = [];
    for (const h of hits) {
      const claim = this.index.claims[h.index] as LoadedClaim;
      const standing = this.claimState[h.index] === 1;
      // An older claim a newer one confirms still holds; one a newer one replaced only answers "before".
      const confirmed = this.claimState[h.index] === 2;
      if (!standing && !confirmed && reading.time !== "before") continue;
      let fit =
        asked.size === 0 ? (this.claimDefaultFit[h.index] as number) : (asked.get(claim.attribute) ?? 0);
      // What someone said (quoted or reported) answers "what did they say", whatever else it is about,
      // and who said it, when (the day it was said) and where (the outlet or place it names).
      if (claim.speaker) {
        fit = Math.max(fit, (asked.get("said") ?? 0) * 0.85);
        if (saying) {
          fit = Math.max(fit, (asked.get("who") ?? 0) * 0.8, (asked.get("when") ?? 0) * 0.75);
          if (
            claim.about.some((a) => ["organisation", "place"].includes(this.kb.concepts.get(a)?.type ?? ""))
          )
            fit = Math.max(fit, (asked.get("where") ?? 0) * 0.8);
        }
      }
      // "Is He Lifeng still the one negotiating?": where a person stands is their role.
      if (claim.attribute === "role" && this.kb.concepts.get(claim.about[0] as string)?.type === "person")
        fit = Math.max(fit, (asked.get("status") ?? 0) * 0.6);
      // "Who …?" wants people: words like "many leaders" answer it only loosely; a claim about an
      // event that names its people answers it well enough.
      if (claim.attribute === "who" && "text" in claim.value) fit *= strong ? 0.35 : 0.6;
      if ((asked.get("who") ?? 0) >= 0.9 && fit < 0.5 && this.namesOthers(claim, named))
        fit = Math.max(fit, 0.5);
      // "Was the truce extended?" is answered by the truce's own status, not another measure's.
      if (stateClaimed && claim.attribute === "status" && !this.isAboutNamed(claim, named)) fit = 0;
      const fitFactor = asked.size === 0 ? 0.92 : fit > 0 ? 0.5 + 0.5 * fit : strong ? 0.45 : 0.7;
      const w = wordKeys.length ? (words.get(h.index) ?? 0) : 0.5;
      // A claim whose subject is a specific concept the question names is about what it asks, though
      // the question names more around it ("the fentanyl tariff before the deal").
      const coverage = subjects.has(claim.about[0] as string) ? Math.max(h.coverage, 0.7) : h.coverage;
      // When the question names only what sets the scene (China, tariffs), its own rarer words say
      // which claim it is about ("the duty on chicken, wheat, corn and cotton").
      const base = coverage * (0.7 + 0.3 * w);
      let score =
        (onlyGeneral && wordKeys.length >= 2 ? Math.max(base, 0.5 * coverage + 0.5 * w) : base) * fitFactor;
      if (nouns) score *= nounFloor + (1 - nounFloor) * (nouns.get(h.index) ?? 0);
      // A date, place or figure belongs to the claim's subject: "how much tariff revenue" is not
      // answered by the deficit's figure, though that claim mentions the revenue.
      if (
        thingsNamed.length &&
        SINGLE_VALUED_ASKED.has(claim.attribute) &&
        !this.subjectNamed(claim, thingsNamed) &&
        this.sameClass(claim, thingsNamed)
      )
        score *= 0.55;
      // "China's deficit" is not the US deficit: a claim whose subject belongs to another country.
      if (countries.length && this.belongsElsewhere(claim, countries)) score *= 0.45;
      if (speaker && (claim.attribute === "said" || claim.attribute === "stance")) {
        score *= this.spokeFor(claim, speaker) ? 1.05 : claim.speaker ? 0.55 : 0.75;
      }
      if (confirmed) score *= reading.time === "before" ? 0.9 : 0.97;
      else if (!standing) score *= 1.02 + (this.claimRecency[h.index] as number);
      else if (reading.time === "before") score *= 0.9;
      if (reading.time === "next") score *= this.claimUpcoming[h.index] as number;
      else if (reading.time !== "before" && (this.claimUpcoming[h.index] as number) < 1) score *= 0.96;
      if (reading.asked.exact && fit > 0 && this.concernsExactness(reading, claim)) {
        score *= this.finerThanKnown(reading, claim) ? 0.85 : 1.25;
      }
      if (claim.headline) score *= 1.01;
      if (quoted.has(h.index)) score *= 1.3;
      const sim = phrased.get(h.index);
      if (sim !== undefined) score *= 1 + sim;
      // A value the question gives ("truce 145", "did they meet in Stockholm?") points at the claim that holds it.
      if (
        reading.claimed.some(
          (v) =>
            v.kind !== "state" &&
            agrees(this.kb, claim, v) === true &&
            !(v.concept && claim.about.includes(v.concept)),
        )
      )
        score *= 1.2;
      out.push({ claim, score, coverage: h.coverage, words: w, fit, standing, phrased: sim ?? 0 });
    }
    return out.sort(
      (a, b) =>
        b.score - a.score ||
        b.fit - a.fit ||
        (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0),
    );
  }

  /** Whether the claim's subject is of the same type as one of these concepts (a topic for a topic). */
  private sameClass(claim: LoadedClaim, ids: readonly string[]): boolean {
    const type = this.kb.concepts.get(claim.about[0] as string)?.type;
    return ids.some((id) => this.kb.concepts.get(id)?.type === type);
  }

  /** Whether the claim's subject is one of these concepts, a part of one, or one they are part of. */
  private subjectNamed(claim: LoadedClaim, ids: readonly string[]): boolean {
    const subject = claim.about[0] as string;
    if (ids.includes(subject)) return true;
    if (this.index.ancestors(subject).some((a) => ids.includes(a))) return true;
    return ids.some((id) => this.index.ancestors(id).includes(subject));
  }

  /** Whether the claim's subject is a concept the question names (or a part of one), or the claim is about all it names. */
  private isAboutNamed(claim: LoadedClaim, named: ReadonlySet<string>): boolean {
    const subject = claim.about[0] as string;
    if (named.has(subject) || this.index.ancestors(subject).some((a) => named.has(a))) return true;
    const specific = [...named].filter((id) => !this.isGeneral(id));
    return specific.length > 1 && specific.every((id) => claim.about.includes(id));
  }

  /** Whether the claim's subject belongs to a country the question does not name, and the claim is not about those it does. */
  private belongsElsewhere(claim: LoadedClaim, countries: readonly string[]): boolean {
    const subject = claim.about[0] as string;
    const owners = this.index.ancestors(subject).filter((a) => this.kb.concepts.get(a)?.type === "country");
    if (!owners.length || owners.some((o) => countries.includes(o))) return false;
    return !claim.about.some((a) => countries.includes(a));
  }

  /**
   * With no attribute asked ("next round of talks?", "the truce"), what a thing is first known by:
   * an event by when and where, a measure by its size and dates, a person by their title.
   */
  private defaultFit(claim: LoadedClaim): number {
    const type = this.kb.concepts.get(claim.about[0] as string)?.type;
    const first: Partial<Record<string, readonly Attribute[]>> = {
      event: ["when", "where", "status", "description"],
      measure: ["amount", "start", "end", "status", "terms", "description"],
      person: ["role", "description"],
      topic: ["amount", "description", "status", "impact"],
    };
    return first[type ?? ""]?.includes(claim.attribute) ? 1 : 0.85;
  }

  /** "Before the extension": of the older values, the one just before the newest weighs a little more. */
  private recency(claim: LoadedClaim): number {
    const days = (Date.parse(this.kb.newestSource) - Date.parse(claim.asOf)) / 86_400_000;
    return Math.max(0, 0.1 - days / 300);
  }

  /** The organisations and places a claim is about besides its subject: the outlet, the venue. */
  private orgOrPlaceOf(claim: LoadedClaim): string[] {
    return claim.about
      .slice(1)
      .filter((a) => ["organisation", "place"].includes(this.kb.concepts.get(a)?.type ?? ""));
  }

  /** Whether a claim names people (about or value) that the question did not. */
  private namesOthers(claim: LoadedClaim, named: ReadonlySet<string>): boolean {
    const people = [...claim.about, ...("people" in claim.value ? claim.value.people : [])];
    return people.some((id) => !named.has(id) && this.kb.concepts.get(id)?.type === "person");
  }

  /** Whether the places a question puts forward are where some claim puts an event ("Madrid, Stockholm…?"). */
  private namesPastPlaces(reading: Reading): boolean {
    const places = reading.claimed
      .filter((v) => v.kind === "place" && v.concept)
      .map((v) => v.concept as string);
    if (!places.length) return false;
    return places.some((p) =>
      this.lookups.whereClaimsAt(p).some((c) => {
        const event = this.kb.concepts.get(c.about[0] as string);
        if (event?.type !== "event" || !event.part_of.length) return false;
        return !event.part_of.some((series) => this.nextPart(series) === event.id);
      }),
    );
  }

  /** The event of a series the newest sources look ahead to (the first not before them), else the latest. */
  private nextPart(series: string): string | undefined {
    if (this.nextParts.has(series)) return this.nextParts.get(series);
    const next = this.findNextPart(series);
    this.nextParts.set(series, next);
    return next;
  }

  private readonly nextParts = new Map<string, string | undefined>();

  private findNextPart(series: string): string | undefined {
    if (this.eventDates.has(series)) return undefined; // one event, not a series
    const dated = this.lookups
      .partsOf(series)
      .filter((c) => c.type === "event" && this.eventDates.has(c.id))
      .map((c) => ({ id: c.id, date: this.eventDates.get(c.id) as string }))
      .sort((a, b) => a.date.localeCompare(b.date));
    return (dated.find((d) => d.date > this.kb.newestSource) ?? dated.at(-1))?.id;
  }

  /**
   * "The next talks": a named series of events stands for its next one, the first whose date is
   * not before the newest source (else the latest one).
   */
  private nextOf(concepts: Map<string, number>): void {
    for (const [id, weight] of [...concepts]) {
      const next = this.nextPart(id);
      if (!next) continue;
      // "the earlier rounds": a part already named is the one meant.
      if ([...concepts.keys()].some((k) => this.kb.concepts.get(k)?.part_of.includes(id))) continue;
      concepts.set(next, Math.max(concepts.get(next) ?? 0, weight));
      concepts.set(id, weight * 0.5);
    }
  }

  /** "The rounds before Malaysia": a named series stands for its parts that are past or undated. */
  private previousOf(concepts: Map<string, number>): void {
    for (const [id, weight] of [...concepts]) {
      if (this.eventDates.has(id)) continue;
      const parts = this.lookups.partsOf(id).filter((c) => c.type === "event");
      const past = parts.filter(
        (c) => (this.eventDates.get(c.id) ?? "") < this.kb.newestSource && !concepts.has(c.id),
      );
      for (const c of past) concepts.set(c.id, weight * 0.8);
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
    if (this.reportSays(reading)) return undefined;
    const a = reading.asked.attributes;
    if ((a.get("said") ?? 0) < 0.9 && (a.get("stance") ?? 0) < 0.9) return undefined;
    const person = reading.mentions.find(
      (m) => m.weight >= 0.5 && this.kb.concepts.get(m.concept)?.type === "person",
    );
    if (person) return person.concept;
    // "What did China's commerce ministry say": a government speaks through its people.
    const body = reading.mentions.find(
      (m) =>
        m.weight >= 0.5 && ["organisation", "country"].includes(this.kb.concepts.get(m.concept)?.type ?? ""),
    );
    return body?.concept;
  }

  /** "What does the piece say…", "is that what the article says?": the report's words, not a person's. */
  private reportSays(reading: Reading): boolean {
    const text = reading.focus
      .map((i) => reading.english.sentences[i]?.text ?? "")
      .join(" ")
      .toLowerCase();
    return /\b(?:article|piece|story|report|reporting|source|sources|coverage)(?:'s)? (?:say|says|said|describe|describes|report|reports|claim|claims|put it)\b/.test(
      text,
    );
  }

  /** Whether a claim's speaker is the one asked for, or speaks for it (a minister for a government). */
  private spokeFor(claim: LoadedClaim, speaker: string): boolean {
    if (!claim.speaker) return false;
    return claim.speaker === speaker || this.index.ancestors(claim.speaker).includes(speaker);
  }

  private asksSpeakerNotFound(reading: Reading, claim: LoadedClaim): boolean {
    const speaker = this.askedSpeaker(reading);
    if (!speaker || reading.asked.strength < 0.6) return false;
    if (
      !reading.asked.cues.some((c) =>
        /\b(?:say|said|tell|told|describe|characteri[sz]e|comment|quote|word|remark|statement|react|respond)\b/.test(
          c,
        ),
      )
    )
      return false;
    return !this.spokeFor(claim, speaker);
  }

  /** A concept the question names only to set the scene: a country, or one most claims are about. */
  private isGeneral(concept: string): boolean {
    const type = this.kb.concepts.get(concept)?.type;
    if (type === "country") return true;
    if (type === "person" || type === "place") return false;
    return this.index.countAbout(concept) > Math.max(8, this.index.claims.length * 0.25);
  }

  /** Content words of the question that no source holds and English does not make general. */
  private unknownWords(reading: Reading): string[] {
    return this.unknownContent(reading).map((c) => c.word.text);
  }

  private unknownContent(reading: Reading): Reading["content"] {
    // A value put forward is not a topic ("in Bangkok, right?"), but an unknown name that stands
    // where the topic goes is ("is India facing a 50% tariff?").
    const claimedSpans = new Set<number>();
    for (const v of reading.claimed)
      if (v.kind === "date" || v.kind === "figure") for (let i = v.from; i <= v.to; i++) claimedSpans.add(i);
    const whoAsked = reading.asked.cues.some((c) =>
      /\b(?:who|whom|meet|lead|attend|accompany|join|negotiat|counterpart|delegation|travel)/.test(c),
    );
    // "Yellen is the one meeting He?" puts a name forward; "did Greer attend?" asks about someone unknown.
    if (reading.form === "belief" || reading.form === "yesno" || reading.form === "choice") {
      for (const v of reading.claimed) {
        if (v.kind === "state") continue;
        // In a statement put up for checking, a name no source has is the value being checked.
        const person =
          (v.kind === "person" && (reading.form === "belief" || (whoAsked && reading.form !== "yesno"))) ||
          (v.kind === "place" && reading.form === "belief");
        const exempt =
          v.concept !== undefined ||
          v.kind === "title" ||
          v.kind === "date" ||
          v.kind === "figure" ||
          v.slot ||
          person ||
          reading.form === "choice";
        if (exempt) for (let i = v.from; i <= v.to; i++) claimedSpans.add(i);
      }
    }
    const out: Reading["content"] = [];
    for (const c of reading.content) {
      if (claimedSpans.has(c.index) || c.cue || !c.core) continue;
      // Things, names and doings carry a topic; adjectives and adverbs of chat do not ("curious"),
      // except a capitalised adjective of a name ("Brazilian").
      const thing =
        c.word.pos === "NOUN" ||
        c.word.pos === "PROPN" ||
        c.word.pos === "VERB" ||
        (c.word.pos === "ADJ" && c.word.capital && !c.word.first);
      if (!thing && !(c.word.unknown && c.word.pos !== "ADJ" && c.word.pos !== "ADV")) continue;
      if (c.word.unknown && c.word.pos === "VERB") continue; // a misspelt verb is more likely a typo than a topic
      if (
        c.corrected ||
        this.index.knowsWord(c.key) ||
        this.index.knowsWord(c.stem) ||
        GENERAL_WORDS.has(c.key) ||
        GENERAL_WORDS.has(c.stem)
      )
        continue;
      if (this.index.knowsPrefix(c.stem)) continue;
      // A misspelling of a word the knowledge holds ("novmber", "negociate") is that word.
      if (c.word.unknown && !c.word.capital && this.index.nearWord(c.key)) continue;
      if (!/^[a-z][a-z0-9-]*$/i.test(c.word.text) || c.word.text.length < 2) continue;
      out.push(c);
    }
    // A word English does not know, modifying a noun no source has ("boeing airplanes"), is a name too.
    for (const c of reading.content) {
      if (!c.word.unknown || !["ADJ", "VERB"].includes(c.word.pos) || c.cue || !c.core || c.corrected)
        continue;
      if (!out.some((o) => o.index === c.index + 1)) continue;
      if (this.index.knowsWord(c.key) || this.index.nearWord(c.key) || c.word.text.length < 3) continue;
      out.push(c);
    }
    out.sort((a, b) => a.index - b.index);
    return out;
  }

  /** The word a wh-question asks about: the first noun after "what is (the)", "how is the", "which". */
  private headWord(reading: Reading): number | undefined {
    const words = reading.english.words;
    for (const i of reading.focus) {
      const s = reading.english.sentences[i];
      if (!s) continue;
      for (let k = s.from; k <= s.to; k++) {
        if (!/^(?:what|whats|which|how|who|whos)$/.test((words[k] as Word).lower)) continue;
        for (let j = k + 1; j <= Math.min(s.to, k + 5); j++) {
          const w = words[j] as Word;
          if (w.pos === "NOUN" || w.pos === "PROPN") return j;
          if (!["AUX", "DET", "ADJ", "PART", "PRON"].includes(w.pos) && w.lower !== "'s") break;
        }
        break;
      }
    }
    return undefined;
  }

  /** The kind of thing a "which N" or "what N" question asks for, when it is not a kind every claim of its attribute gives. */
  private whichKind(reading: Reading): string | undefined {
    const words = reading.english.words;
    for (const i of reading.focus) {
      const s = reading.english.sentences[i];
      if (!s) continue;
      for (let k = s.from; k < s.to; k++) {
        if (!/^(?:which|what)$/.test((words[k] as Word).lower)) continue;
        let j = k + 1;
        while (j <= s.to && ["ADJ", "NUM"].includes((words[j] as Word).pos) && j - k <= 3) j++;
        if (KIND_GIVEN.has((words[j] as Word | undefined)?.lemma ?? "")) return undefined;
        // The head of the noun phrase: "which rare earth elements" asks for elements.
        while (j < s.to && (words[j + 1] as Word).pos === "NOUN") j++;
        const w = words[j];
        if (!w || w.pos !== "NOUN" || w.unknown) return undefined;
        if (reading.mentions.some((m) => m.from <= j && j <= m.to)) return undefined;
        if (/^(?:kind|type|sort|part|bit)$/.test(w.lemma)) return undefined;
        if (KIND_GIVEN.has(w.lemma) || this.index.matcher.knows(keyOf(w.text))) return undefined;
        return w.lower;
      }
    }
    return undefined;
  }

  /** Whether a claim's words name a kind of thing ("hotel" in "the Merdeka hotel"). */
  private claimNames(claim: LoadedClaim, kind: string): boolean {
    const stem = keyOf(kind).slice(0, 5);
    const v = claim.value;
    const text = `${claim.answer} ${claim.snippet} ${"label" in v ? (v.label ?? "") : ""} ${"text" in v ? v.text : ""}`;
    return keysOf(text).some((k) => k.startsWith(stem));
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

  /**
   * Questions a matching claim still does not answer: a hypothetical ("if they extend it…"), who
   * else takes part, a figure in another unit, the rate in force now of a measure not in force, an
   * earlier value the sources never gave, which of two options both of which the claim holds.
   */
  private beyondWhatClaimSays(
    reading: Reading,
    claim: LoadedClaim,
    candidates: Candidate[],
  ): string | undefined {
    const text = reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ");
    const lower = text.toLowerCase();
    if (
      /^\s*(?:if|what if|suppose|assuming|in case)\b|\b(?:what if|would happen if|will happen if|happens if|if (?:they|the talks|it|he|china|the us)\b.{0,40}\b(?:fail|collapse|extend|cancel|go ahead|break down))/.test(
        lower,
      ) &&
      claim.attribute !== "said" &&
      // "if they aren't meeting in Beijing, where then?" asks a plain where, not what would happen
      !/\b(?:where|when|who|which)\b(?:\s+\w+){0,2}\s*\??\s*$/.test(lower)
    ) {
      return "My sources don't say what would happen then.";
    }
    if (
      claim.attribute !== "said" &&
      /\bwho\b/.test(lower) &&
      /\b(?:else|besides|other than|apart from|except|in addition to|aside from|others|bring\w*|with (?:him|her|them))\b/.test(
        lower,
      )
    ) {
      const named = new Set(reading.mentions.map((m) => m.concept));
      const people = "people" in claim.value ? claim.value.people : [];
      const sides = [...named].filter((id) => this.kb.concepts.get(id)?.type === "country");
      const others = people.filter(
        (p) => !named.has(p) && (!sides.length || this.index.ancestors(p).some((a) => sides.includes(a))),
      );
      if (!others.length) return "My sources don't name anyone else.";
    }
    // "Did China hit the target by the end of 2025?" asked of sources written before then.
    if (
      (reading.form === "yesno" || reading.form === "belief") &&
      /^\s*(?:did|has|have|was|were)\b/i.test(lower)
    ) {
      const later = reading.claimed.find(
        (v) => v.kind === "date" && v.date && !v.date.relative && v.date.date > this.kb.newestSource,
      );
      if (later && !("date" in claim.value && agrees(this.kb, claim, later) === true)) {
        return `My sources, the newest from ${formatDated(this.kb.newestSource, "day")}, can't say what happened by then.`;
      }
    }
    // "List the 13 chemicals", "which five subsidiaries": named items the claim does not name.
    if (
      /\b(?:list|name)\b.{0,30}\b(?:the|all|each|every)\b|\bwhich (?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozen)\b/.test(
        lower,
      )
    ) {
      const v = claim.value;
      const names =
        "places" in v
          ? v.places.length
          : "people" in v
            ? v.people.length
            : "text" in v
              ? v.text.split(/,| and /).length
              : 0;
      if (names < 2) return "My sources don't name them.";
    }
    // "Which hotel", "which products": the claim must name that kind of thing, unless the kind is
    // what its attribute gives ("which city" → a place, "which outlet" → who said it).
    const kind = this.whichKind(reading);
    if (kind && !this.claimNames(claim, kind)) return `My sources don't say which ${kind}.`;
    // "Who is China's commerce minister?": the claim must give that title, not another one.
    const title =
      /\bwho(?:'s| is| was| be)\s+(?:the\s+)?((?:[\w'’-]+\s+){0,4}?(?:minister|secretary|premier|ambassador|envoy|governor|spokes\w+|chair\w*|director|head|chief)\b(?:\s+of\s+[\w-]+)?)/.exec(
        lower,
      )?.[1];
    if (title && claim.attribute !== "said" && !/\b(?:with|to|for|at|in|from|\w+ing)\b/.test(title)) {
      const named = new Set(reading.mentions.flatMap((m) => keysOf(m.text)));
      const want = keysOf(title).filter((k) => !FUNCTION_WORDS.has(k) && !named.has(k) && k.length > 2);
      if (want.length && !want.every((k) => this.claimNames(claim, k)))
        return `My sources don't name ${/'s\b/.test(title) ? "" : "the "}${title.trim()}.`;
    }
    // "How much tariff revenue…?": a figure answers only for the thing whose figure it is.
    if (
      claim.attribute === "amount" &&
      (reading.asked.attributes.get("amount") ?? 0) >= 0.9 &&
      reading.asked.strength >= 1
    ) {
      // the thing right after "how much" ("how much tariff revenue"), not one in a clause after it
      const words = reading.english.words;
      const at = words.findIndex(
        (w, i) => w.lower === "how" && /^(?:much|many)$/.test(words[i + 1]?.lower ?? ""),
      );
      const things = reading.mentions
        .filter(
          (m) =>
            at >= 0 &&
            m.from >= at + 2 &&
            m.from <= at + 3 &&
            m.weight >= 0.85 &&
            ["measure", "topic"].includes(this.kb.concepts.get(m.concept)?.type ?? "") &&
            !this.isGeneral(m.concept),
        )
        .map((m) => m.concept);
      if (things.length && !this.subjectNamed(claim, things))
        return `My sources don't give a figure for ${theName(this.kb, things[0] as string)}.`;
    }
    // "Canada's fentanyl tariff": a thing of another country than the one the claim's subject belongs to.
    const tokens = reading.english.words;
    for (const m of reading.mentions) {
      if (this.kb.concepts.get(m.concept)?.type !== "country") continue;
      const after = tokens[m.to + 1]?.lower ?? "";
      if (after !== "'s" && after !== "’s" && !/'s$/.test(tokens[m.to]?.lower ?? "")) continue;
      if (claim.about.includes(m.concept) || claim.speaker === m.concept) continue;
      // whose it is: the country its subject (or the person acting in it) belongs to
      const owners = claim.about
        .flatMap((a) => [a, ...this.index.ancestors(a)])
        .filter((a) => this.kb.concepts.get(a)?.type === "country");
      if (owners.length && !owners.includes(m.concept))
        return `My sources don't give that for ${theName(this.kb, m.concept)}.`;
    }
    // "How old is he?": only an age answers it.
    if (/\bhow old\b|\bage\b|\bborn\b|\bbirthday\b/.test(lower)) {
      const v = claim.value;
      if (!("figure" in v && /year|age/.test(`${v.unit} ${v.label ?? ""}`)))
        return "My sources don't give an age.";
    }
    // "How many ships…" answered by a figure of something else ("$50 per net ton").
    const counted = /\bhow many ([a-z]+)/.exec(lower)?.[1];
    if (
      counted &&
      claim.attribute === "amount" &&
      "figure" in claim.value &&
      !/^(?:of|more|times|more)$/.test(counted)
    ) {
      const unit = `${claim.value.unit} ${claim.value.label ?? ""}`.toLowerCase();
      const stem = counted.replace(/s$/, "").slice(0, 5);
      if (!unit.includes(stem) && !claim.answer.toLowerCase().includes(`${stem}`)) {
        return `My sources don't give that number: they give ${valueInWords(this.kb, claim.value)}.`;
      }
    }
    if (claim.attribute === "amount" && "figure" in claim.value) {
      const unit = claim.value.unit;
      for (const [re, u] of UNIT_WORDS) {
        if (!re.test(lower)) continue;
        const same =
          u === unit ||
          unit.startsWith(u) ||
          (u === "percent" && unit === "%") ||
          (u === "day" && /^(?:day|week|month)/.test(unit));
        if (!same && !(u === "percent" && unit === "USD" && !/%|percent/.test(lower))) {
          return `My sources don't give that in those terms: they give ${valueInWords(this.kb, claim.value)}.`;
        }
        break;
      }
    }
    if (reading.time === "now" && claim.attribute === "amount") {
      const status = this.standing.statusOf.get(claim.about[0] as string);
      if (
        status &&
        "state" in status.value &&
        ["threatened", "suspended", "cancelled", "planned"].includes(status.value.state)
      ) {
        return `My sources don't give the rate in force now: the ${valueInWords(this.kb, claim.value)} was ${valueInWords(this.kb, status.value)}.`;
      }
    }
    if (
      reading.time === "before" &&
      this.standingIds.has(claim.id) &&
      !this.standing.replaced.get(claim.id)?.length
    ) {
      const putForward = reading.claimed.some(
        (v) => (v.kind === "figure" || v.kind === "date") && agrees(this.kb, claim, v) === true,
      );
      if (putForward) return "My sources don't give what it was before that.";
    }
    if (reading.form === "choice" && reading.choices.length >= 2) {
      const both = reading.choices.filter((v) => agrees(this.kb, claim, v) === true);
      if (both.length >= 2)
        return `My sources don't say which: they give ${valueInWords(this.kb, claim.value)}.`;
    }
    void candidates;
    return undefined;
  }

  /**
   * Beliefs a claim can neither confirm nor refute: a day inside the month or week the claim gives
   * ("starts Oct. 26?" of "the week of Oct. 20"), a date for something the sources do not date,
   * someone joining ("Wang Yi is joining He?") where the sources name only some who take part.
   */
  private beliefBeyondClaim(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form !== "belief" && reading.form !== "yesno") return undefined;
    const v = claim.value;
    const dates = reading.claimed.filter((c) => c.kind === "date" && c.date && !c.date.relative);
    if (dates.length && "date" in v) {
      for (const d of dates) {
        const finer = PRECISION_RANK[d.date?.precision ?? "day"] < PRECISION_RANK[v.precision];
        if (finer && agrees(this.kb, claim, d) === true) {
          return `My sources don't give the exact day: they say ${valueInWords(this.kb, v)}.`;
        }
      }
    } else if (dates.length && !("date" in v)) {
      const dated = this.lookups.datedOf(claim.about[0] as string).length > 0;
      if (!dated) return `My sources don't give a date for that.`;
    }
    // A name put forward that this claim cannot be compared with, and no source has: neither yes nor no.
    const comparable = reading.claimed.filter(
      (c) => (c.kind === "place" || c.kind === "person") && !c.concept && !this.orgOrPlaceOf(claim),
    );
    if (
      comparable.length &&
      comparable.every((c) => agrees(this.kb, claim, c) === undefined) &&
      reading.form === "belief"
    ) {
      return "My sources don't say that either way.";
    }
    // "At the Shangri-La": a venue the sources don't name may well be inside the place they do.
    const words = reading.english.words;
    const venue = reading.claimed.find(
      (c) =>
        c.kind === "place" &&
        !c.concept &&
        words[c.from - 1]?.lower === "the" &&
        words[c.from - 2]?.lower === "at",
    );
    // Unless they do name one: a place inside a city inside a country ("the Merdeka 118 tower").
    const namesVenue = "places" in v && v.places.some((p) => this.index.ancestors(p).length >= 2);
    if (venue && "places" in v && !namesVenue)
      return `My sources don't name the venue: they say ${valueInWords(this.kb, v)}.`;
    const text = reading.focus
      .map((i) => reading.english.sentences[i]?.text ?? "")
      .join(" ")
      .toLowerCase();
    if (
      claim.attribute === "who" &&
      /\b(?:join|joining|joins|also|too|as well|among|accompan\w*|bring\w*|in the delegation|part of the delegation)\b/.test(
        text,
      )
    ) {
      const unknownPerson = reading.claimed.some((c) => c.kind === "person" && !c.concept);
      if (unknownPerson) return "My sources don't say who else takes part.";
    }
    return undefined;
  }

  /**
   * "Tariff revenue in August 2025?", "what will tariffs be in 2026?": a time asked about that the
   * claim neither dates nor was written in.
   */
  private outsideTimeAsked(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form === "belief" || reading.form === "choice") return undefined;
    const v = claim.value;
    for (const asked of reading.claimed) {
      if (asked.kind !== "date" || !asked.date) continue;
      if ("date" in v) return undefined; // a date claim is checked against the date, as a belief
      const d = asked.date;
      const start = d.date;
      const end = d.until ?? periodEnd(d.date, d.precision);
      const written = claim.asOf;
      if (written >= start && written <= end) return undefined;
      // "Last week", "next week": the news's own words; fine when the thing is dated then, or not dated at all.
      const dates = this.lookups
        .datedOf(claim.about[0] as string)
        .map((c) => c.value as { date: string; precision: string; until?: string });
      if (dates.some((x) => x.date <= end && (x.until ?? periodEnd(x.date, x.precision)) >= start))
        return undefined;
      if (d.relative && !dates.length) return undefined;
      // "Oct. 17" when the claim was said that day, or "this year" in the same year, is fine.
      if (d.precision === "year" && written.slice(0, 4) === start.slice(0, 4)) return undefined;
      const label = formatDated(start, d.precision);
      return `My sources don't give that for ${label}: what they have is as of ${formatDated(written, "day")}.`;
    }
    return undefined;
  }

  /**
   * "Was the truce extended?", "was the 100% tariff cancelled in the end?": a change of state that
   * no claim reports. The sources say what stood; they don't say it changed.
   */
  private unconfirmedChange(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form !== "yesno" && reading.form !== "belief" && reading.form !== "choice") return undefined;
    const change = reading.claimed.find((v) => v.kind === "state" && v.state && CHANGES.has(v.state));
    if (!change) return undefined;
    // "Still in force?" asks whether what stood still stands: the newest claim answers it. A date
    // put forward ("apply from November 1?") is checked against the claim's date instead.
    const words = reading.focus
      .map((i) => reading.english.sentences[i]?.text ?? "")
      .join(" ")
      .toLowerCase();
    if (/\bstill\b/.test(words)) return undefined;
    if (reading.time === "now" && (change.state === "in_effect" || change.state === "going_ahead"))
      return undefined;
    // "nearly called off", "threatened to cancel": a change only contemplated.
    if (/\b(?:nearly|almost|threaten\w*|consider\w*|prospect|think\w* about|close to)\b/.test(words))
      return undefined;
    if (
      "date" in claim.value &&
      !["extended", "cancelled", "suspended"].includes(change.state as string) &&
      reading.claimed.some((v) => v.kind === "date")
    )
      return undefined;
    if (
      "state" in claim.value &&
      agrees(this.kb, claim, change) !== undefined &&
      claim.attribute === "status"
    ) {
      // A status claim can answer it, if its state is comparable: going ahead vs called off.
      const comparable = ON_OFF.has(claim.value.state) && ON_OFF.has(change.state as string);
      if (comparable || claim.value.state === change.state) return undefined;
    }
    const name = theName(this.kb, claim.about[0] as string);
    return `My sources don't say whether ${name} was ${change.text.replace(/^(?:be|get)\s+/, "")}.`;
  }

  /**
   * "Did Trump attend the ASEAN summit?": a yes/no question naming someone or something the best
   * claim is not about cannot be answered yes or no from it.
   */
  private uncoveredInYesNo(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form !== "yesno") return undefined;
    const values =
      "places" in claim.value ? claim.value.places : "people" in claim.value ? claim.value.people : [];
    const covered = new Set([...claim.about, ...values, ...(claim.speaker ? [claim.speaker] : [])]);
    for (const id of claim.about) for (const up of this.index.ancestors(id)) covered.add(up);
    for (const id of [...covered]) for (const c of this.lookups.partsOf(id)) covered.add(c.id);
    const missing = reading.mentions.filter(
      (m) =>
        m.weight >= 0.85 &&
        !covered.has(m.concept) &&
        !this.isGeneral(m.concept) &&
        this.kb.concepts.get(m.concept)?.type !== "place",
    );
    if (!missing.length) return undefined;
    const names = missing.map((m) => this.kb.concepts.get(m.concept)?.name ?? m.text);
    return `My sources don't say that about ${names.join(" and ")}.`;
  }

  /**
   * "Did the surtax actually take effect Nov. 1?" asked of a report written before Nov. 1: the
   * sources can say what was planned, not whether it happened.
   */
  private happenedAfterReport(reading: Reading, claim: LoadedClaim): string | undefined {
    const v = claim.value;
    const text = reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ");
    const asksOutcome =
      reading.form === "wh" &&
      (reading.asked.attributes.get("outcome") ?? 0) >= 0.9 &&
      /\b(?:happened|came out|come out|agreed|turned out|went|result|outcome|decided)\b/i.test(text);
    if (
      !asksOutcome &&
      ((reading.form !== "yesno" && reading.form !== "belief" && reading.form !== "choice") ||
        !ACTUALLY.test(text))
    )
      return undefined;
    if (!("date" in v)) {
      // A status claim says itself whether it happened.
      if (
        claim.attribute === "status" &&
        "state" in v &&
        !["planned", "threatened", "going_ahead"].includes(v.state)
      )
        return undefined;
      // "Did Trump and Xi actually meet?": about an event the sources saw ahead of them.
      const eventDate = this.eventDates.get(claim.about[0] as string);
      if (!eventDate || eventDate <= claim.asOf) return undefined;
      const newer = this.standing.statusOf.get(claim.about[0] as string);
      if (newer && newer.asOf >= eventDate) return undefined;
      return `My sources, the newest from ${formatDated(claim.asOf, "day")}, describe it as planned; they don't say whether it happened.`;
    }
    if ((v.until ?? v.date) <= claim.asOf) return undefined;
    const newer = this.standing.statusOf.get(claim.about[0] as string);
    if (newer && newer.asOf > claim.asOf) return undefined;
    return `My sources, the newest from ${formatDated(claim.asOf, "day")}, only say it was set for ${valueInWords(this.kb, v)}; they don't say whether it happened.`;
  }

  /** When the question asks for a finer grain than the claim has: the exact day, the hour, the venue. */
  private finerThanKnown(reading: Reading, claim: LoadedClaim): string | undefined {
    const v = claim.value;
    const exact = reading.asked.exact;
    if (!exact) return undefined;
    if ((exact === "month" || exact === "year") && "date" in v) {
      const need = exact === "month" ? 2 : 3;
      if (PRECISION_RANK[v.precision] > need)
        return `My sources don't give the ${exact}: they say ${formatDated(v.date, v.precision)}.`;
    }
    if ((exact === "day" || exact === "time") && "date" in v) {
      if (exact === "day" && v.precision !== "day") {
        return `My sources don't give the exact day: they say ${formatDated(v.date, v.precision)}.`;
      }
      if (exact === "time" && !v.time)
        return `My sources don't give the time: they say ${valueInWords(this.kb, v)}.`;
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
    if (e === "day" || e === "time" || e === "month" || e === "year") return "date" in claim.value;
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
      const put = reading.claimed.find(
        (v) => v.kind === "title" && v.concept !== undefined && claim.about.includes(v.concept),
      );
      if (!put) return undefined;
      return sameTitle(claim.value.text, put.text) ? `Yes: ${value}.` : `No: ${value}, not ${put.text}.`;
    }
    const about = new Set(claim.about);
    const asks = (a: Attribute) => (reading.asked.attributes.get(a) ?? 0) >= 0.5;
    const putForward = (
      reading.form === "choice" && reading.choices.length ? reading.choices : reading.claimed
    ).filter(
      (v) =>
        (v.kind === kind ||
          (!v.concept &&
            !v.slot &&
            (v.kind === "place" || v.kind === "person") &&
            (kind === "place" || kind === "person"))) &&
        !(v.concept && about.has(v.concept) && agrees(this.kb, claim, v) !== true) &&
        // A person or place named is put forward as the value only where the question is about who or where.
        (reading.form === "choice" ||
          (v.kind !== "person" && v.kind !== "place") ||
          v.slot ||
          (v.kind === "person"
            ? asks("who") || (reading.form === "belief" && !v.concept && claim.attribute === "who")
            : asks("where"))),
    );
    if (!putForward.length) return undefined;
    const verdicts = putForward.map((v) => ({ v, ok: agrees(this.kb, claim, v) }));
    if (verdicts.every((x) => x.ok === undefined)) {
      // "Trump told CNBC…?": a name put forward against the outlet or place the claim names.
      const named = this.orgOrPlaceOf(claim);
      const names = reading.claimed.filter((v) => (v.kind === "place" || v.kind === "person") && !v.concept);
      if (named.length && names.length) {
        const theirs = named.map((id) => this.kb.concepts.get(id)?.name ?? id);
        return `No: ${listInWords(theirs)}, not ${names.map((n) => n.text).join(" or ")}.`;
      }
      return undefined;
    }
    const right = verdicts.filter((x) => x.ok === true);
    const wrong = verdicts.filter((x) => x.ok === false).map((x) => claimedInWords(x.v));
    if (reading.form === "choice") {
      if (right.length) return wrong.length ? `${value} (not ${wrong.join(" or ")}).` : `${value}.`;
      return `Neither: ${value}.`;
    }
    if (reading.negated) return `It's ${value}.`;
    if (right.length && !wrong.length) return `Yes: ${value}.`;
    if (kind === "state") return `No: ${value}.`;
    if (kind === "person" && right.length) return `No: ${value}, not ${wrong.join(" or ")}.`;
    return `No: ${value}, not ${wrong.join(" or ")}.`;
  }

  /**
   * For a question in two parts ("when … and what …", "the 145% or the 100%?", "Malaysia talks
   * then the leaders meeting"), the best claim for the part the first leaves out; for a status,
   * the date it stands to change on.
   */
  private secondPart(reading: Reading, candidates: Candidate[], top: Candidate): LoadedClaim | undefined {
    if (top.claim.attribute === "status") {
      const subject = top.claim.about[0];
      const dated = this.lookups.startOrEndOf(subject as string);
      if (dated && dated.asOf >= top.claim.asOf) return dated;
    }
    const named = [
      ...new Set(
        reading.mentions.filter((m) => m.weight >= 0.85 && !this.isGeneral(m.concept)).map((m) => m.concept),
      ),
    ];
    const missing = named.filter(
      (id) =>
        !top.claim.about.includes(id) && !this.index.ancestors(top.claim.about[0] as string).includes(id),
    );
    if (named.length >= 2 && missing.length) {
      for (const c of candidates.slice(1, 12)) {
        if (!missing.some((id) => c.claim.about.includes(id)) || c.fit < 0.5 || c.score < top.score * 0.45)
          continue;
        if (c.claim.snippet === top.claim.snippet) continue;
        return c.claim;
      }
    }
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
    const pool = this.lookups.headlines;
    return (pool.length ? pool : this.standing.claims).slice(0, 3).map((c) => suggestionOf(this.kb, c));
  }

  private explanation(reading: Reading | undefined, candidates: Candidate[], decision: string): Explanation {
    return {
      reading: {
        text: reading?.text ?? "",
        form: reading?.form ?? "",
        concepts: (reading?.mentions ?? []).map((m) => ({
          id: m.concept,
          words: m.text,
          via: m.via + (m.corrected ? " (typo corrected)" : ""),
          weight: round(m.weight),
        })),
        asked: [...(reading?.asked.attributes ?? new Map())].map(([attribute, fit]) => ({ attribute, fit })),
        cues: reading?.asked.cues ?? [],
        ...(reading?.asked.exact ? { exact: reading.asked.exact } : {}),
        claimed: (reading?.claimed ?? []).map((v) => ({
          kind: v.kind,
          text: v.text,
          ...(v.concept ? { concept: v.concept } : {}),
        })),
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
