/**
 * The shape of a question in English: a wh-question, a yes/no question, a statement put up for
 * confirmation ("the talks are in Bangkok, right?"), a choice ("Malaysia or Thailand?"), a request
 * ("remind me when…"); whether it is negated; and when it is about (now, before, next).
 */
import type { Word } from "../nlp/english.js";

/** How the question is put. */
export type Form = "wh" | "yesno" | "belief" | "choice" | "request" | "fragment";

/** The time a question is about: what stands now, what stood before a change, what comes next. */
export type TimeAsked = "now" | "before" | "next";

const WH = new Set([
  "what",
  "when",
  "where",
  "who",
  "whom",
  "which",
  "why",
  "how",
  "whats",
  "whens",
  "wheres",
  "whos",
  "hows",
  "whose",
]);
/** Auxiliaries that open a yes/no question ("is it…", "didnt they…"). */
export const AUX_START = new Set([
  "is",
  "are",
  "was",
  "were",
  "do",
  "does",
  "did",
  "will",
  "would",
  "can",
  "could",
  "has",
  "have",
  "had",
  "should",
  "shall",
  "may",
  "might",
  "isnt",
  "arent",
  "didnt",
  "doesnt",
  "wont",
  "wasnt",
  "werent",
  "r",
  "am",
]);
/** Words that open a message without being its question: "so", "ok", "quick q". */
const OPENERS = new Set([
  "so",
  "ok",
  "okay",
  "hey",
  "hi",
  "hello",
  "yo",
  "and",
  "but",
  "also",
  "um",
  "uh",
  "btw",
  "fyi",
  "quick",
  "q",
  "question",
  "sorry",
  "pls",
  "please",
  "actually",
  "wait",
  "hmm",
  "oh",
  "folks",
  "team",
  "guys",
  "all",
  "ps",
  "then",
  "just",
  "anyway",
  "right",
  "alright",
]);
const REQUEST =
  /^(?:(?:can|could|would) you |pls |please )?(?:tell me|remind me|give me|show me|let me know|confirm|check|find|look up|i need|need|looking for|i'm looking for|im looking for|any idea|do you know|does anyone know|i want to know|wondering|i wonder|help me|explain|summarize|summarise|brief me|fill me in|catch me up)\b/;

/**
 * The words of a confirmation tag at the end ("…, right?", "…, isn't it?", "…, didn't he"),
 * as a pattern over the sentence's lower-case words.
 */
const TAG =
  /(?:^|\s)(?:right|correct|yeah|yes|yep|yea|ya|no|true|confirm|eh|huh|innit|or not|or what|am i right|am i wrong|is that right|is that correct|is that true|is that so|right or wrong|isn'?t it|is it|aren'?t they|are they|wasn'?t it|was it|didn'?t (?:he|she|they|it|we)|did (?:he|she|they|it)|doesn'?t (?:it|he|she)|does (?:it|he|she)|don'?t they|do they|won'?t (?:it|they|he|she)|will (?:it|they|he|she)|isn'?t (?:he|she)|is (?:he|she)|hasn'?t (?:it|he|she)|haven'?t they|can'?t (?:he|she|they)|wouldn'?t (?:it|he|she|they)|shouldn'?t (?:it|he|she|they)|no\?)\s*[?!.]*\s*$/;

/** The form of the sentence made of words `from`..`to`, and where a confirmation tag starts. */
export function formOf(words: readonly Word[], from: number, to: number): { form: Form; tagFrom?: number } {
  let start = from;
  while (start <= to && (OPENERS.has((words[start] as Word).lower) || (words[start] as Word).pos === "PUNCT"))
    start++;
  const lowers = words.slice(from, to + 1).map((w) => w.lower);
  const text = lowers
    .join(" ")
    .replace(/\s+([?.!,])/g, "$1")
    .replace(/\s+n't\b/g, "n't")
    .replace(/\s+nt\b/g, "nt");
  const tag = TAG.exec(text);
  let tagFrom: number | undefined;
  if (tag && tag.index > 0) {
    // The tag's first word, counted from the end.
    const tagWords = tag[0]
      .trim()
      .replace(/[?!.]+$/, "")
      .split(/\s+/)
      .filter(Boolean).length;
    let i = to;
    let counted = 0;
    while (i > from && counted < tagWords) {
      const lower = (words[i] as Word).lower;
      if ((words[i] as Word).pos !== "PUNCT" && lower !== "n't" && lower !== "nt") counted++;
      i--;
    }
    tagFrom = i + 1;
  }
  const first = words[start];
  const body = words.slice(start, tagFrom ?? to + 1);
  const hasWh = body.some(
    (w, k) => WH.has(w.lower) && !(w.lower === "which" && k > 0 && body[k - 1]?.pos === "NOUN"),
  );
  const opening = lowers.slice(start - from).join(" ");
  if (tagFrom !== undefined && !(first && WH.has(first.lower))) return { form: "belief", tagFrom };
  if (first && WH.has(first.lower)) return { form: "wh" };
  if (REQUEST.test(opening)) return { form: hasWh ? "wh" : "request" };
  if (hasChoice(body)) return { form: "choice" };
  if (first && AUX_START.has(first.lower.replace(/'/g, ""))) return { form: hasWh ? "wh" : "yesno" };
  if (hasWh) return { form: "wh" };
  // A statement put up with a question mark ("the talks are in Bangkok?"); a bare phrase is not
  // one, nor a request for a recommendation ("best nasi lemak in KL?").
  const recommending = /^(?:best|top|good|nice|cheapest|nearest|closest|favou?rite|recommended)$/.test(
    first?.lower ?? "",
  );
  if (
    !recommending &&
    (words[to] as Word).text === "?" &&
    (body.some((w) => w.pos === "VERB" || w.pos === "AUX") ||
      body.filter((w) => w.pos !== "PUNCT").length >= 4)
  ) {
    return { form: "belief" };
  }
  return { form: "fragment" };
}

/** What follows "or" without being an option: the rest, anyone at all, or the question's own doubt. */
export const NOT_OPTIONS =
  /^(?:others?|anyone|anybody|someone|somebody|something|anything|everyone|everybody|not|nah|both|neither|either|else|more|what|whatever|smth|sth|so)$/;

function hasChoice(body: readonly Word[]): boolean {
  return body.some(
    (w, k) => w.lower === "or" && k > 0 && k < body.length - 1 && !NOT_OPTIONS.test(body[k + 1]?.lower ?? ""),
  );
}

/** Whether the words `from`..`to` (a tag excluded) are negated: "isn't", "didn't", "never", "no longer". */
export function negated(words: readonly Word[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const w = words[i] as Word;
    if (w.lower === "not" || w.lower === "n't" || w.lower === "never" || w.lower === "nt") return true;
    if (w.lower === "no" && words[i + 1]?.lower === "longer") return true;
  }
  return false;
}

const NOW =
  /\b(?:today|now|currently|current|at the moment|right now|as of now|as it stands|these days|nowadays|still|anymore|any more|yet|so far|to date|latest|at present|presently|as of today|this point|in effect|in force)\b/;
// ("the day before the summit", "a week before": a date, not the earlier state asked for)
const BEFORE =
  /\b(?:(?<!\b(?:day|days|week|weeks|month|months|night|hours?|minutes?|years?|shortly|just|right) )before(?! (?:we|i|you|our|my|anyone|someone)\b)|previously|originally|initially|at first|used to|was going to|were going to|was supposed to|were supposed to|old|prior|original|first announced|back in|at the time|earlier plan|had been|(?<!\b(?:day|days|week|weeks|month|months|night|hours?|minutes?|years?|shortly|just|right) )before the)\b/;
// ("who's that again?", "what was it again": a reminder asked for, not the next time)
const NEXT =
  /\b(?:next|upcoming|coming|future|following|will|going to be|gonna be|is going to|are going to|(?<!\b(?:that|this|it|he|she|they|them|him|her) )again)\b/;

/** What time the question is about, from its words. */
export function timeAsked(words: readonly Word[], from: number, to: number): TimeAsked | undefined {
  const text = words
    .slice(from, to + 1)
    .map((w) => w.lower)
    .join(" ");
  if (BEFORE.test(text)) return "before";
  if (NOW.test(text)) return "now";
  if (NEXT.test(text)) return "next";
  return undefined;
}
