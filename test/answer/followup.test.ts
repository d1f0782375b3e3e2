/**
 * Follow-ups in a thread, read with the thread's earlier questions and the claims that answered
 * them: the resolved question, the claim the answer rests on, its citation, and the messages that
 * are not for the bot at all. Over the frozen seed and multi-article knowledge.
 */
import { describe, expect, it } from "vitest";
import { isForBot, readInThread, type ThreadAnswer, type ThreadTurn } from "../../src/answer/followup.js";
import { citationProblems, MULTI_NOW, multi, SEED_NOW, seed } from "./support.js";

/** Asks each message in turn in one thread, keeping the context the way the Slack surface keeps it. */
function conversation(core: typeof seed, now: Date, messages: string[]): (ThreadAnswer | undefined)[] {
  const turns: ThreadTurn[] = [];
  return messages.map((m) => {
    const reply = core.answerInThread(m, turns, now);
    if (reply) {
      turns.push({
        question: reply.question,
        factIds: reply.answer.factIds,
        answered: reply.answer.answered,
        at: now,
      });
      expect(citationProblems(core.kb, reply.answer), m).toEqual([]);
    }
    return reply;
  });
}

/** A conversation over the seed knowledge. */
const converse = (...messages: string[]) => conversation(seed, SEED_NOW, messages);

describe("follow-ups in a thread", () => {
  it("asks a new topic what the previous question asked: 'and the tariff?' after the truce's expiry", () => {
    const [, tariff] = converse("when does the truce expire?", "and the tariff?");
    expect(tariff?.followUp).toBe(true);
    expect(tariff?.question).toBe("when the tariff?");
    expect(tariff?.answer.factIds).toEqual(["surtax-start"]);
    expect(tariff?.answer.text).toMatch(/take effect on Nov\. 1, 2025/);
  });

  it("reads a whole question that names its own topic on its own, not as a follow-up, in a DM too", () => {
    const turns: ThreadTurn[] = [];
    const first = seed.answerInThread("when does the truce expire?", turns, SEED_NOW, { direct: true });
    turns.push({
      question: first?.question ?? "",
      factIds: first?.answer.factIds ?? [],
      answered: true,
      at: SEED_NOW,
    });
    const belief = seed.answerInThread("are the talks in Bangkok?", turns, SEED_NOW, { direct: true });
    expect(belief?.followUp).toBe(false);
    expect(belief?.answer.text).toMatch(/^No: Malaysia, not Bangkok\./);
    const quoted = seed.answerInThread('who said "I think things have de-escalated"?', turns, SEED_NOW, {
      direct: true,
    });
    expect(quoted?.followUp).toBe(false);
    expect(quoted?.answer.factIds).toEqual(["bessent-de-escalated"]);
    const figure = seed.answerInThread("the surtax is 50%, right?", turns, SEED_NOW, { direct: true });
    expect(figure?.followUp).toBe(false);
    expect(figure?.answer.text).toMatch(/^No: 100%, not 50%\./);
  });

  it("answers 'who said so?' of a claim with no speaker recorded with the report it comes from, cited", () => {
    const [, , who] = converse("when does the truce expire?", "and the tariff?", "who said so?");
    expect(who?.answer.answered).toBe(true);
    expect(who?.answer.factIds).toEqual(["surtax-start"]);
    expect(who?.answer.text).toMatch(
      /^As reported by .*, Oct\. 17, 2025; my sources record no speaker for it\.$/,
    );
    expect(who?.answer.citations[0]?.snippet).toContain("100% import surtax");
  });

  it("answers 'who said that?' of a quote with its speaker", () => {
    const [quote, who] = converse("what did bessent say?", "who said that?");
    expect(quote?.answer.factIds).toEqual(["bessent-de-escalated"]);
    expect(who?.answer.text).toMatch(/^Scott Bessent said it/);
    expect(who?.answer.citations[0]?.snippet).toBe("I think things have de-escalated");
  });

  it("answers 'when was that?' of a quote with the day it was said", () => {
    const [, when] = converse("what did bessent say?", "when was that?");
    expect(when?.answer.text).toBe("Scott Bessent said it on Oct. 17, 2025.");
    expect(when?.answer.factIds).toEqual(["bessent-de-escalated"]);
  });

  it("says no source gives what someone meant by their words, citing the words", () => {
    const [, meant] = converse("what did bessent say?", "what did he mean by that?");
    expect(meant?.answer.answered).toBe(false);
    expect(meant?.answer.text).toMatch(/^My sources don't say what Scott Bessent meant by it/);
    expect(meant?.answer.citations[0]?.snippet).toBe("I think things have de-escalated");
  });

  it("answers 'what did he mean by that?' with the speaker's own reason when a source gives it", () => {
    const [said, meant, since] = conversation(multi, MULTI_NOW, [
      "what did trump say about the fentanyl tariff?",
      "what did he mean by that?",
      "since when?",
    ]);
    expect(said?.answer.factIds[0]).toBe("fentanyl-tariff-amount-1030");
    expect(meant?.answer.factIds).toEqual(["fentanyl-tariff-cut-reason-1030"]);
    expect(meant?.answer.text).toMatch(/strong action on the drug/);
    expect(since?.answer.factIds).toEqual(["fentanyl-tariff-cut-start-1105"]);
  });

  it("answers 'source?' with the previous answer's source and its snippet", () => {
    const [, source] = converse("when does the truce expire?", "source?");
    expect(source?.answer.text).toBe(
      'Source: Transportation-industry news site, with Bloomberg reporting, "US, China Plan New Trade Talks in Malaysia", Oct. 17, 2025.',
    );
    expect(source?.answer.citations.map((c) => c.snippet)).toEqual([
      "That agreement is set to expire in November.",
    ]);
  });

  it("reads 'why?' and 'is that still happening?' as about the previous answer's subject", () => {
    const [, , why, still] = converse(
      "when does the truce expire?",
      "and the tariff?",
      "why?",
      "is that still happening?",
    );
    expect(why?.question).toBe("why 100% import surtax?");
    expect(why?.answer.factIds).toEqual(["surtax-reason"]);
    expect(still?.question).toBe("is 100% import surtax still happening?");
    expect(still?.answer.factIds[0]).toBe("surtax-status");
    expect(still?.answer.text).toMatch(/threatened/);
  });

  it("reads 'what about rare earths?' with the previous question's kind, and says so when no source has it", () => {
    const [, rare] = converse("when does the truce expire?", "what about rare earths?");
    expect(rare?.question).toBe("when rare earths?");
    expect(rare?.answer.answered).toBe(false);
    expect(rare?.answer.text).toMatch(/^My sources don't give a date/);
  });

  it("answers a whole question that names its own topic as it stands", () => {
    const [, own] = converse("when does the truce expire?", "what tariffs did the truce pause?");
    expect(own?.followUp).toBe(false);
    expect(own?.answer.factIds).toEqual(["truce-terms"]);
  });

  it("without an earlier answer, a follow-up is just a question in a DM, and nothing for the bot in a thread", () => {
    const alone = seed.answerInThread("who said so?", [], SEED_NOW, { direct: true });
    expect(alone?.followUp).toBe(false);
    expect(alone?.answer.answered).toBe(false);
    expect(seed.answerInThread("who said so?", [], SEED_NOW)).toBeUndefined();
  });
});

describe("messages in a thread that are not for the bot", () => {
  const turns: ThreadTurn[] = [
    { question: "when does the truce expire?", factIds: ["truce-end"], answered: true, at: SEED_NOW },
  ];

  it("gets no reply for thanks, asides and laughter", () => {
    for (const m of [
      "thanks, I'll tell finance",
      "lol",
      "ok great",
      "I'll forward this to the team",
      "and I told him already",
      "lol?",
      "did you send the deck to Maria?",
    ]) {
      expect(readInThread(seed.engine, m, turns), m).toMatchObject({ kind: "ignore" });
      expect(seed.answerInThread(m, turns, SEED_NOW), m).toBeUndefined();
    }
  });

  it("answers questions and follow-up forms", () => {
    for (const m of [
      "source?",
      "and the tariff",
      "what about rare earths",
      "why?",
      "when was that",
      "since when",
    ])
      expect(isForBot(m), m).toBe(true);
    for (const m of ["thanks!", "lol", "the tariff", "good to know"]) expect(isForBot(m), m).toBe(false);
  });

  it("answers a question that names what the sources are about, even with no follow-up in it", () => {
    expect(seed.answerInThread("what did Trump say about China?", turns, SEED_NOW)?.answer.answered).toBe(
      true,
    );
  });

  it("answers everything in a DM, where every message is for the bot", () => {
    expect(seed.answerInThread("thanks, I'll tell finance", turns, SEED_NOW, { direct: true })).toBeDefined();
  });
});
