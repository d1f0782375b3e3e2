/**
 * The last step of answering: the best claim found is checked against every reason it may still
 * not answer (what is asked and not filled, a change it does not report, what it does not say, a
 * belief it cannot settle, a time it does not speak for, someone it does not cover), then the reply
 * is composed, with the lead of a belief check.
 */

import type { Reading } from "../search/reading.js";
import { type ComposeContext, claimAnswer, missingAnswer } from "./compose.js";
import { EngineReplies } from "./engine-replies.js";
import { ANSWER_THRESHOLD, type Candidate, CHANGES, SURE_THRESHOLD } from "./engine-shared.js";
import type { Answer } from "./types.js";

/** What the engine decided, and why. */
export interface Decision {
  answer: Answer;
  reading?: Reading;
  candidates: Candidate[];
  decision: string;
}

export const done = (
  answer: Answer,
  decision: string,
  reading?: Reading,
  candidates: Candidate[] = [],
): Decision => ({
  answer,
  decision,
  candidates,
  ...(reading ? { reading } : {}),
});

/** Part of the answer engine (see engine.ts). */
export abstract class EngineSettle extends EngineReplies {
  /**
   * The best claim found, checked against every reason it may still not answer: what is asked and
   * not filled, a change it does not report, what it does not say, a belief it cannot settle, a time
   * it does not speak for, someone it does not cover; then the reply, with the lead of a belief check.
   */
  protected settle(
    reading: Reading,
    candidates: Candidate[],
    best: Candidate,
    ctx: ComposeContext,
  ): Decision {
    let top = best;
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
    // "How did Trump describe relations?": his words, though another's mention more of the question.
    const speaker = this.askedSpeaker(reading);
    const saying = reading.asked.cues.some((c) =>
      /\b(?:say|said|tell|told|describe|characteri[sz]e|comment|quote|word|remark|statement|call)\b/.test(c),
    );
    if (speaker && saying && !this.spokeFor(top.claim, speaker)) {
      const floor = top.score * 0.5;
      const own = candidates.find((c) => c.score >= floor && c.fit >= 0.8 && this.spokeFor(c.claim, speaker));
      if (own) {
        candidates.splice(candidates.indexOf(own), 1);
        candidates.unshift(own);
        top = own;
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
}
