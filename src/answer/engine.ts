/**
 * Question → Answer. The question is read (concepts, the attribute asked, what the asker claims,
 * the time asked about); a message in two parts is answered part by part; greetings, tasks,
 * overviews and questions about a source itself are told apart. Claims are found by the concepts
 * they are about and kept only if they fill the attribute asked (engine-scoring.ts); the best one
 * is then checked against every reason it may still not answer (engine-gates.ts,
 * engine-checks.ts); a belief check is answered with the true value first, and a detail no source
 * gives is said to be missing, with what is known (engine-replies.ts). Nothing is said that a
 * standing claim's verbatim snippet does not carry.
 */
import type { LoadedClaim } from "../knowledge/schema.js";
import type { ClaimedValue } from "../search/claimed.js";
import type { Reading } from "../search/reading.js";
import { plainFromSlack } from "../search/slack-text.js";
import {
  arbiterFeatures,
  CLAIM_ANSWERS,
  FINAL_REFUSALS,
  type LogisticModel,
  probability,
  SERVED,
} from "./arbiter.js";
import { type ComposeContext, claimAnswer, missingAnswer } from "./compose.js";
import { type Decision, done, EngineSettle } from "./engine-settle.js";
import {
  ANSWER_THRESHOLD,
  type Candidate,
  CURATED_MATCH,
  type Explanation,
  GREETING,
  OVERVIEW,
  onceEach,
  TASK,
} from "./engine-shared.js";
import { round } from "./freshness.js";
import { statusAnswer } from "./overviews.js";
import {
  askingStems,
  type NearPassage,
  PASSAGES_WEIGHED,
  passageAnswer,
  passageFeatures,
  type StandingAnswer,
  swapFeatures,
} from "./passages.js";
import { aboutSourceAnswer } from "./source-questions.js";
import type { Answer } from "./types.js";
import { agrees } from "./values.js";

export {
  ANSWER_THRESHOLD,
  type Candidate,
  type EngineParts,
  type Explanation,
  SURE_THRESHOLD,
} from "./engine-shared.js";

/** Answers questions from one knowledge base. Immutable: build a new one when the knowledge changes. */
export class AnswerEngine extends EngineSettle {
  /** Answers one question typed the way people type in Slack. */
  answer(question: string, now: Date): Answer {
    return onceEach(this.decide(question, now).answer);
  }

  /** The answer, and why. */
  explain(question: string, now: Date): { answer: Answer; explanation: Explanation } {
    const { answer, reading, candidates, decision } = this.decide(question, now);
    return { answer: onceEach(answer), explanation: this.explanation(reading, candidates, decision) };
  }

  /**
   * The rules' answer alone, and why: what the arbiter is trained on. For a decision the arbiter
   * may judge, `judged` says which model judges it, the claim its features look at, and for a
   * refusal the answer that claim would give; `passages`, the passages near it, should the
   * refusal stand.
   */
  explainByRules(
    question: string,
    now: Date,
  ): {
    answer: Answer;
    explanation: Explanation;
    judged?: { model: "serve" | "refuse"; claim: LoadedClaim; nearest?: Answer };
    passages?: { near: NearPassage[]; features: Record<string, number>[] };
  } {
    const ruled = this.rules(question, now);
    const explanation = this.explanation(ruled.reading, ruled.candidates, ruled.decision);
    const judged = this.judged(ruled);
    const passages = this.weighPassages(question, ruled);
    return {
      answer: onceEach(ruled.answer),
      explanation,
      ...(passages ? { passages } : {}),
      ...(judged
        ? {
            judged: {
              ...judged,
              ...(judged.model === "serve" && ruled.reading
                ? { nearest: this.nearestAnswer(ruled.reading, ruled.candidates, now, 0) }
                : {}),
            },
          }
        : {}),
    };
  }

  /**
   * The reply, and the passages the swap model would weigh against it: what the swap model learns
   * from, asked of an engine that has none.
   */
  explainSwap(
    question: string,
    now: Date,
  ): { answer: Answer; swap?: { near: NearPassage[]; features: Record<string, number>[] } } {
    const decided = this.decide(question, now);
    const swap = this.weighSwap(question, decided);
    return { answer: onceEach(decided.answer), ...(swap ? { swap } : {}) };
  }

  protected decide(question: string, now: Date): Decision {
    const ruled = this.rules(question, now);
    return this.quote(question, now, ruled, this.arbitrate(question, now, ruled));
  }

  /**
   * The passages near a question whose refusal one may overrule, with the features the passage
   * model weighs: none for refusals that stand whatever the sources hold, and for answers the
   * arbiter never refuses (they rest on no claim).
   */
  weighPassages(
    question: string,
    ruled: Decision,
  ): { near: NearPassage[]; features: Record<string, number>[] } | undefined {
    const reading = ruled.reading;
    if (!reading || FINAL_REFUSALS.test(ruled.decision)) return undefined;
    if (ruled.answer.answered && !CLAIM_ANSWERS.test(ruled.decision)) return undefined;
    const index = this.passages();
    const { near } = index.nearest(askingStems(reading), PASSAGES_WEIGHED);
    const by = `refusedBy=${ruled.answer.answered ? "arbiter" : "rules"}`;
    return {
      near,
      features: passageFeatures(this.kb, index, question, reading, ruled.decision, by, near),
    };
  }

  /**
   * A refusal that stands after the arbiter, put to the passage model (passages.ts): when it judges
   * the nearest sentence of a source likely to answer, that sentence is given, verbatim and cited.
   */
  private quote(question: string, now: Date, ruled: Decision, decided: Decision): Decision {
    if (decided.answer.answered) return this.swap(question, now, decided);
    const model = this.arbiter?.passage;
    if (!model) return decided;
    return this.quoted(
      model,
      this.weighPassages(question, ruled),
      now,
      decided,
      (source, why) => `the nearest passage (${source}) is judged to answer ${why}`,
    );
  }

  /**
   * The best of the weighed passages by `model`, given instead of `decided` when it reaches the
   * model's threshold; `said` tells the decision why.
   */
  private quoted(
    model: LogisticModel,
    weighed: { near: NearPassage[]; features: Record<string, number>[] } | undefined,
    now: Date,
    decided: Decision,
    said: (source: string, why: string) => string,
  ): Decision {
    if (!weighed?.features.length) return decided;
    let best = 0;
    let p = -1;
    for (const [i, f] of weighed.features.entries()) {
      const q = probability(model, f);
      if (q > p) {
        p = q;
        best = i;
      }
    }
    if (p < model.threshold) return decided;
    const passage = (weighed.near[best] as NearPassage).passage;
    return {
      ...decided,
      answer: passageAnswer(this.kb, passage, p, now),
      decision: `${decided.decision}; ${said(passage.source, `(${round(p)} ≥ ${model.threshold})`)}`,
    };
  }

  /**
   * The passages near a question a claim answers, with the features the swap model weighs: none
   * for an answer resting on no claim or on many (an overview).
   */
  weighSwap(
    question: string,
    decided: Decision,
  ): { near: NearPassage[]; features: Record<string, number>[] } | undefined {
    const reading = decided.reading;
    const served = SERVED.test(decided.decision);
    if (!reading || !decided.answer.answered || !decided.answer.factIds.length) return undefined;
    // An overview, a status or the sources' list rests on many claims, and says what it is.
    if (!served && !CLAIM_ANSWERS.test(decided.decision)) return undefined;
    const index = this.passages();
    // Never older news than the answer's: a sentence a newer report has replaced is no better answer.
    const newest =
      decided.answer.citations
        .map((c) => c.published)
        .sort()
        .at(-1) ?? "";
    const near = index
      .nearest(askingStems(reading), PASSAGES_WEIGHED)
      .near.filter((t) => (this.kb.sources.get(t.passage.source)?.published ?? "") >= newest);
    if (!near.length) return undefined;
    const standing: StandingAnswer = {
      by: served ? "arbiter" : "rules",
      confidence: decided.answer.confidence,
      topScore: decided.candidates[0]?.score ?? 0,
      nearest: served,
      snippets: decided.answer.citations.map((c) => c.snippet),
    };
    return {
      near,
      features: swapFeatures(this.kb, index, question, reading, decided.decision, standing, near),
    };
  }

  /**
   * An answer resting on a claim, put to the swap model: when it judges a nearer sentence of a
   * source likely to answer what the claim does not, that sentence is given instead, as a passage.
   */
  private swap(question: string, now: Date, decided: Decision): Decision {
    const model = this.arbiter?.swap;
    if (!model) return decided;
    return this.quoted(
      model,
      this.weighSwap(question, decided),
      now,
      decided,
      (source, why) => `a nearer passage (${source}) is judged to answer instead ${why}`,
    );
  }

  /** Which of the arbiter's models may judge a decision of the rules, and the claim it looks at. */
  private judged(ruled: Decision): { model: "serve" | "refuse"; claim: LoadedClaim } | undefined {
    if (!ruled.reading) return undefined;
    if (!ruled.answer.answered) {
      const best = ruled.candidates[0];
      return best && !FINAL_REFUSALS.test(ruled.decision) ? { model: "serve", claim: best.claim } : undefined;
    }
    const id = ruled.answer.factIds[0];
    // The claim answered is one the rules weighed; a scan of every claim only if it is not.
    const claim =
      id && CLAIM_ANSWERS.test(ruled.decision)
        ? (ruled.candidates.find((c) => c.claim.id === id)?.claim ?? this.kb.claims.find((c) => c.id === id))
        : undefined;
    return claim ? { model: "refuse", claim } : undefined;
  }

  /**
   * A decision of the rules, put to the learned arbiter (arbiter.ts). A refusal whose best claim it
   * judges likely to answer gives that claim, said to be the nearest the sources come; an answer it
   * judges to be about something the sources do not hold says so, with what they do. Refusals with
   * nothing to answer from, or about no question of the talks, and answers not resting on a claim stand.
   */
  private arbitrate(question: string, now: Date, ruled: Decision): Decision {
    const judged = this.arbiter && this.judged(ruled);
    if (!this.arbiter || !judged || !ruled.reading) return ruled;
    const model = this.arbiter[judged.model];
    const x = this.explanation(ruled.reading, ruled.candidates, ruled.decision);
    const p = probability(model, arbiterFeatures(question, x, judged.claim, this.sourceKeys()));
    if (p < model.threshold) return ruled;
    const why = `(${round(p)} ≥ ${model.threshold})`;
    if (judged.model === "serve") {
      const best = ruled.candidates[0] as Candidate;
      return {
        ...ruled,
        answer: this.nearestAnswer(ruled.reading, ruled.candidates, now, Math.min(best.score, p)),
        decision: `the rules refused (${ruled.decision}); the arbiter judges ${best.claim.id} to answer ${why}`,
      };
    }
    const ctx: ComposeContext = { kb: this.kb, standing: this.standing, now };
    return {
      ...ruled,
      answer: missingAnswer(ctx, this.missingSentence(ruled.reading, judged.claim), judged.claim, 1 - p),
      decision: `the rules answered (${ruled.decision}); the arbiter judges that the sources do not hold what is asked ${why}`,
    };
  }

  /** The best claim's answer, said to be the nearest the sources come, with what else it could mean. */
  nearestAnswer(reading: Reading, candidates: Candidate[], now: Date, confidence: number): Answer {
    const best = candidates[0] as Candidate;
    const ctx: ComposeContext = { kb: this.kb, standing: this.standing, now };
    const answer = claimAnswer(ctx, best.claim, {
      confidence,
      lead: "The nearest my sources come:",
      now: reading.time === "now",
      older: !best.standing,
    });
    answer.suggestions = this.suggestions(candidates.slice(1));
    return onceEach(answer);
  }

  protected rules(question: string, now: Date, part = false): Decision {
    const plain = plainFromSlack(question);
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
        const answers = parts.map((p) => this.rules(p, now, true));
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
    const top = candidates[0];
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
      // "Beijing promised to resume lithium exports, right?": a belief whose words a claim holds all
      // but the one it gets wrong. That word is the value put forward, not a topic no source has.
      const near = candidates[0];
      const swapped =
        reading.form === "belief" &&
        unknownContent.length === 1 &&
        near !== undefined &&
        near.words >= 0.8 &&
        near.coverage >= 0.8 &&
        near.fit >= 0.8;
      for (const c of candidates) c.score *= swapped ? Math.max(penalty, 0.85) : penalty;
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
    return this.settle(reading, candidates, top, ctx);
  }
}
