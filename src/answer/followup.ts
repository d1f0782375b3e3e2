/**
 * Conversations in threads: a message in a thread (or a DM) is read with what was asked and
 * answered before it there. A follow-up ("and the tariff?", "when was that?", "who said so?",
 * "source?") is resolved against the previous answer's claims and concepts into a question the
 * engine answers, or answered from the previous claim itself (its source, its speaker). Nothing is
 * said that a claim's snippet does not carry. Pure: the caller passes the thread and `now`.
 */
import type { Attribute, KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import type { Reading } from "../search/reading.js";
import { formatDay } from "./dates.js";
import type { Answer } from "./types.js";

/** One earlier question in a thread and the claims it was answered from. */
export interface ThreadTurn {
  /** The question the engine answered (a follow-up already resolved). */
  question: string;
  factIds: string[];
  answered: boolean;
  at: Date;
}

/** How a thread message was read. */
export type ThreadReading =
  /** Not for the bot: people talking to each other ("thanks, I'll tell finance", "lol"). */
  | { kind: "ignore"; why: string }
  /** A question for the bot; `question` is what the engine answers (the follow-up resolved). */
  | { kind: "ask"; question: string; followUp: boolean }
  /** A question about the previous answer itself: its source or who said it. */
  | { kind: "previous"; about: PreviousAsked; claimIds: string[]; question: string };

/** What can be asked of the previous answer itself: its source, who said it, when they said it. */
export type PreviousAsked = "source" | "speaker" | "said-when" | "meaning";

/** An answer given in a thread, with the question it was answered as (stored as the next turn's context). */
export interface ThreadAnswer {
  answer: Answer;
  question: string;
  followUp: boolean;
}

/** What the follow-up reading needs of the answer engine. */
export interface FollowUpEngine {
  readonly kb: KnowledgeBase;
  read(question: string): Reading;
  answer(question: string, now: Date): Answer;
  answerEntry(entryId: string, now: Date): Answer | undefined;
}

// Words about English, not about the news: how people ask, refer back and chat.
const QUESTION_START =
  /^(?:(?:since|until|till|from|for|by|to|in|on|at|about|with|and|but|so)\s+)?(?:how come|how so|what|what's|whats|when|where|who|who's|whom|whose|which|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|any|tell me|explain|show me|give me|list)\b/i;
const FOLLOW_UP_START = /^(?:and|also|plus|but|so|what about|how about|same for|same with)\b[\s,]*/i;
const ANAPHOR = /\b(?:that|this|it|so|they|them|those|these)\b/i;
const WHEN_ASKED = /^when\b/i;
const MEANING_ASKED = /\b(?:mean|meant|means|meaning)\b/i;
const PERSON_ANAPHOR = /\b(?:he|she|him|her|his)\b/i;
const SOURCE_ASKED =
  /^(?:(?:what(?:'s| is| was)? (?:the |your )?)?(?:source|sources|citation|reference|proof)s?|(?:where(?:'s| is| does| did)? (?:that|this|it) (?:from|come from|coming from))|(?:(?:got|have you got|do you have) a source)|(?:according to (?:whom|what|who)))\b/i;
const SPEAKER_ASKED =
  /^(?:who (?:said|says|say|claimed|claims|told|announced|declared|stated)(?: (?:that|this|it|so))?|says who|who was (?:that|it)|who(?:'s| is) saying (?:that|this|so))\b/i;

/** Question words for an attribute, to ask the previous question's kind of a new concept. */
const ASKING: Record<Attribute, string> = {
  when: "when",
  start: "when",
  end: "when",
  duration: "how long",
  where: "where",
  who: "who",
  role: "who is",
  amount: "how much",
  said: "what did they say about",
  stance: "what is the stance on",
  reason: "why",
  outcome: "what was the outcome of",
  status: "what is the status of",
  terms: "what are the terms of",
  impact: "what is the impact of",
  description: "what is",
};

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const stripEnd = (text: string) => text.replace(/[\s?!.]+$/, "").trim();

/**
 * Whether a message in a thread is for the bot. The rule: it asks something (a question mark, or it
 * opens the way a question or request does), or it continues the conversation the way a follow-up
 * does ("and the tariff", "what about rare earths"). Thanks, asides and laughter are not.
 */
export function isForBot(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (/\?\s*$/.test(t)) return true;
  return QUESTION_START.test(t) || FOLLOW_UP_START.test(t);
}

/** The claims of the latest turn answered from claims, newest turn first. */
function previousClaims(
  kb: KnowledgeBase,
  turns: readonly ThreadTurn[],
): { turn: ThreadTurn; claims: LoadedClaim[] } | undefined {
  const byId = new Map(kb.claims.map((c) => [c.id, c]));
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i] as ThreadTurn;
    const claims = turn.factIds.map((id) => byId.get(id)).filter((c): c is LoadedClaim => c !== undefined);
    if (claims.length) return { turn, claims };
  }
  return undefined;
}

/** What a claim is about: its subject, or for a person's words, what they spoke about. */
function topicOf(claim: LoadedClaim): string {
  const subject = claim.about[0] as string;
  if (claim.speaker && subject === claim.speaker)
    return claim.about.find((id) => id !== claim.speaker) ?? subject;
  return subject;
}

/** How the previous question named the previous claim's topic ("the truce"), else the concept's name. */
function topicPhrase(engine: FollowUpEngine, turn: ThreadTurn, claim: LoadedClaim): string {
  const topic = topicOf(claim);
  const named = engine.read(turn.question).mentions.find((m) => m.concept === topic && m.weight >= 0.5);
  if (named && turn.question.toLowerCase().includes(named.text.toLowerCase())) return named.text;
  return engine.kb.concepts.get(topic)?.name ?? topic;
}

/** The attribute the previous question asked for, else the one its claim fills. */
function previousAttribute(engine: FollowUpEngine, turn: ThreadTurn, claim: LoadedClaim): Attribute {
  const asked = engine.read(turn.question).asked;
  if (asked.strength >= 1 && asked.attributes.size) {
    const [best] = [...asked.attributes.entries()].sort((a, b) => b[1] - a[1]);
    if (best) return best[0];
  }
  return claim.attribute;
}

/**
 * Reads a thread message against the thread's earlier turns (oldest first, already limited to the
 * ones still fresh). `direct` is true in a DM, where every message is for the bot.
 */
export function readInThread(
  engine: FollowUpEngine,
  message: string,
  turns: readonly ThreadTurn[],
  options: { direct?: boolean } = {},
): ThreadReading {
  const text = message.replace(/\s+/g, " ").trim();
  // A question that stands alone is asked as it was written: its lines and quoting ("> Jenny: …")
  // are part of how the engine reads it.
  const asWritten = (r: ThreadReading): ThreadReading =>
    r.kind === "ask" && !r.followUp ? { ...r, question: message.trim() } : r;
  if (options.direct) return asWritten(resolve(engine, text, turns));
  if (!isForBot(text)) return { kind: "ignore", why: "not a question or a follow-up" };
  const reading = asWritten(resolve(engine, text, turns));
  let named: boolean | undefined;
  // Read once, and only when a rule below needs it: reading is the costly step of a message.
  const names = () => {
    named ??= engine.read(text).mentions.some((m) => m.weight >= 0.5);
    return named;
  };
  // Among people in a thread, a message that only opens like a follow-up ("and I told him") must
  // name something the sources are about; a question that neither refers back nor names anything
  // ("did you send the deck?") is for someone else.
  const asks = /\?\s*$/.test(text) || QUESTION_START.test(text.replace(FOLLOW_UP_START, ""));
  if (!asks && !names()) return { kind: "ignore", why: "a remark, naming nothing the sources are about" };
  if (reading.kind === "ask" && !reading.followUp && !names()) {
    return { kind: "ignore", why: "refers to nothing before and names nothing the sources are about" };
  }
  return reading;
}

// Words that leave a topic bare: "the tariff", "rare earths now", "the truce too".
const BARE_WORD = /^(?:the|a|an|of|on|for|about|to|in|with|now|today|then|too|also|again|please|pls)$/i;

/** Whether a message is only the topics it names ("the tariff", "rare earths now"), asking nothing of its own. */
function isBareTopic(topic: string, named: readonly string[]): boolean {
  let rest = stripEnd(topic).toLowerCase();
  for (const n of [...named].sort((a, b) => b.length - a.length))
    rest = rest.split(n.toLowerCase()).join(" ");
  return words(rest.replace(/[,;:]/g, " ")).every((w) => BARE_WORD.test(w));
}

/** The question a message is, with the thread's context (see readInThread). */
function resolve(engine: FollowUpEngine, text: string, turns: readonly ThreadTurn[]): ThreadReading {
  const previous = previousClaims(engine.kb, turns);
  if (!previous) return { kind: "ask", question: text, followUp: false };
  const body = stripEnd(text.replace(FOLLOW_UP_START, ""));
  const reading = engine.read(body || text);
  const named = reading.mentions.filter((m) => m.weight >= 0.5);
  const claimIds = previous.claims.map((c) => c.id);
  // "source?", "who said that?": short asks of the previous answer, not "who said 'I think …'?".
  const short = words(body).length <= 6;
  if (!named.length && short && SOURCE_ASKED.test(body))
    return { kind: "previous", about: "source", claimIds, question: previous.turn.question };
  // "who said that?", "says who?" — and nothing else: "who said 'things have de-escalated'" asks the engine.
  const speakerAsked = SPEAKER_ASKED.test(body) && !stripEnd(body.replace(SPEAKER_ASKED, ""));
  if (!named.length && short && speakerAsked)
    return { kind: "previous", about: "speaker", claimIds, question: previous.turn.question };
  const claim = previous.claims[0] as LoadedClaim;
  const continues = FOLLOW_UP_START.test(text);
  // A message that puts forward its own value or choices, or says a lot, asks its own question
  // ("the 145% wasn't paused, was it", "they're meeting in Busan, right?").
  // ("is that still happening?" puts forward only a state, of what came before.)
  const own =
    reading.claimed.some((c) => c.kind !== "state") || reading.choices.length > 0 || words(body).length > 8;
  if (!named.length && own)
    return continues
      ? { kind: "ask", question: body, followUp: true }
      : { kind: "ask", question: text, followUp: false };
  if (named.length) {
    // A whole question naming its own topic stands alone ("are the talks in Bangkok?", "the surtax
    // is 50%, right?"); only a bare topic ("and the tariff?", "what about rare earths?") is asked
    // what the previous question asked.
    const topic = body.replace(/^(?:what|how)\s+about\s+/i, "");
    const whole =
      reading.asked.strength >= 1 ||
      reading.claimed.length > 0 ||
      reading.choices.length > 0 ||
      !isBareTopic(
        topic,
        named.map((m) => m.text),
      );
    if (whole && !continues) return { kind: "ask", question: text, followUp: false };
    if (whole) return { kind: "ask", question: text, followUp: true };
    const asking = ASKING[previousAttribute(engine, previous.turn, claim)];
    return { kind: "ask", question: `${asking} ${topic}?`, followUp: true };
  }
  // Nothing named: "when was that?", "why?", "is that still happening?", "what did he mean by that".
  const speaker = claim.speaker ? engine.kb.concepts.get(claim.speaker)?.name : undefined;
  // "What did he mean by that?" of someone's words: what else they said of it, or that no source says.
  if (speaker && MEANING_ASKED.test(body) && (ANAPHOR.test(body) || PERSON_ANAPHOR.test(body))) {
    return { kind: "previous", about: "meaning", claimIds, question: previous.turn.question };
  }
  // "When was that?" of someone's words: when they said them.
  if (speaker && WHEN_ASKED.test(body) && ANAPHOR.test(body) && words(body).length <= 4) {
    return { kind: "previous", about: "said-when", claimIds, question: previous.turn.question };
  }
  const subject = topicPhrase(engine, previous.turn, claim);
  let question = body;
  if (speaker && PERSON_ANAPHOR.test(question)) question = question.replace(PERSON_ANAPHOR, speaker);
  if (ANAPHOR.test(question)) question = question.replace(ANAPHOR, subject);
  else if (words(question).length <= 3 && QUESTION_START.test(question)) question = `${question} ${subject}`;
  else if (question === body && !continues) return { kind: "ask", question: text, followUp: false };
  return { kind: "ask", question: `${question}?`, followUp: true };
}

/** The previous answer's source, or who said it, from its claims: cited, never made up. */
function aboutPrevious(
  engine: FollowUpEngine,
  about: PreviousAsked,
  claimIds: readonly string[],
  now: Date,
): Answer | undefined {
  const claim = engine.kb.claims.find((c) => c.id === claimIds[0]);
  const base = claim ? engine.answerEntry(claim.id, now) : undefined;
  if (!claim || !base) return undefined;
  const source = engine.kb.sources.get(claim.source);
  const from = source
    ? `${source.publisher}, "${source.title}", ${formatDay(source.published)}`
    : claim.source;
  const reported = source ? `${source.publisher}, ${formatDay(source.published)}` : claim.source;
  if (about === "source") {
    const cited = claimIds.flatMap((id) => engine.answerEntry(id, now)?.citations ?? []);
    const citations = cited
      .filter((c, i) => cited.findIndex((d) => d.snippet === c.snippet) === i)
      .slice(0, 3);
    return { ...base, text: `Source: ${from}.`, citations: citations.length ? citations : base.citations };
  }
  const speaker = claim.speaker ? engine.kb.concepts.get(claim.speaker)?.name : undefined;
  if (about === "meaning") {
    if (!speaker) return undefined;
    const topic = topicOf(claim);
    // Their reasons first, then how they described it, then where they stood; never another quote.
    const rank: Partial<Record<Attribute, number>> = { reason: 0, description: 1, stance: 2 };
    const explained = engine.kb.claims
      .filter((c) => c.id !== claim.id && c.speaker === claim.speaker && c.about.includes(topic))
      .filter((c) => rank[c.attribute] !== undefined)
      .sort((a, b) => (rank[a.attribute] ?? 9) - (rank[b.attribute] ?? 9))
      .map((c) => engine.answerEntry(c.id, now))
      .find((a): a is Answer => a !== undefined);
    if (explained) return explained;
    return {
      ...base,
      answered: false,
      text: `My sources don't say what ${speaker} meant by it; they give only what was said. ${claim.answer}`,
    };
  }
  if (about === "said-when") {
    return speaker && claim.asOf
      ? { ...base, text: `${speaker} said it on ${formatDay(claim.asOf)}.` }
      : undefined;
  }
  const text = speaker
    ? `${speaker} said it (as reported by ${reported}).`
    : `As reported by ${reported}; my sources record no speaker for it.`;
  return { ...base, text };
}

/**
 * Answers a thread message with the thread's context, or returns undefined when the message is
 * not for the bot. The question returned is the one to keep as the next turn's context.
 */
export function answerInThread(
  engine: FollowUpEngine,
  message: string,
  turns: readonly ThreadTurn[],
  now: Date,
  options: { direct?: boolean } = {},
): ThreadAnswer | undefined {
  const reading = readInThread(engine, message, turns, options);
  if (reading.kind === "ignore") return undefined;
  if (reading.kind === "previous") {
    const answer = aboutPrevious(engine, reading.about, reading.claimIds, now);
    // The next follow-up still refers to what the previous question was about.
    if (answer) return { answer, question: reading.question, followUp: true };
    return { answer: engine.answer(message, now), question: message, followUp: false };
  }
  return {
    answer: engine.answer(reading.question, now),
    question: reading.question,
    followUp: reading.followUp,
  };
}
