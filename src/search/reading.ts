/**
 * Reading a question: Slack text → the sentences that ask, the concepts they name, the attribute
 * they ask for, what the asker claims or offers to choose from, negation, and the time asked
 * about. Business context around the question ("we import furniture from Ningbo…") and forwarding
 * wrappers ("FW from legal: …") are read too, but weigh less than the question itself.
 */
import { type EnglishText, readEnglish, type Word } from "../nlp/english.js";
import { type AskedFor, askedFor, CHAT_SPELLINGS } from "./asked.js";
import { type ClaimedValue, claimedValues, type TypeOf } from "./claimed.js";
import type { ConceptMatcher, Mention } from "./concept-matcher.js";
import { type Form, formOf, negated, type TimeAsked, timeAsked } from "./form.js";
import { FUNCTION_WORDS, keyOf, stemKey } from "./keys.js";
import { plainFromSlack } from "./slack-text.js";

/** A concept named, and how much it counts: in the question itself 1, in the context around it less. */
export interface NamedInQuestion extends Mention {
  weight: number;
}

/** What a question was read as. */
export interface Reading {
  /** The plain text read. */
  text: string;
  english: EnglishText;
  /** The sentences that ask (indexes into english.sentences). */
  focus: number[];
  form: Form;
  mentions: NamedInQuestion[];
  asked: AskedFor;
  /** Values the asker puts forward (belief checks, yes/no questions, choices). */
  claimed: ClaimedValue[];
  /** For a choice: the options, in order. */
  choices: ClaimedValue[];
  negated: boolean;
  time?: TimeAsked;
  /** The question's content words that name no concept: what else it is about (key and stem; `cue` when they said what is asked). */
  content: { key: string; stem: string; word: Word; index: number; cue: boolean; corrected: boolean }[];
  /** About the source itself: its headline, subhead, photo, publisher. */
  aboutSource: boolean;
}

/** How much a concept named outside the asking sentences counts. */
const CONTEXT_WEIGHT = 0.35;

/** Forwarding and quoting wrappers that come before the question itself. */
const WRAPPER =
  /^\s*(?:(?:fw|fwd|re)\s*(?:from\s+[\w\s&-]{1,30}?)?\s*[:-]|(?:my|our)\s+(?:boss|manager|cfo|ceo|client|customer|team|lead|legal|compliance|finance)\s+(?:asks|asked|wants to know|is asking|wonders)\s*[:,-]?|(?:question|q)\s+from\s+[\w\s&-]{1,30}?[:-]|>+)\s*/i;

const SOURCE_WORDS = /\b(?:headline|subhead|subheadline|subtitle|sub-headline|dek|photo|picture|image|caption|credit|publisher|outlet|byline|author|reporter|wrote|written|publication|published|article|story|piece|report)\b/;

/**
 * Polite and framing phrases around the question itself: "I'd appreciate it if you could tell me",
 * "if it's not too much trouble", "would you mind". English, not news: they carry no topic.
 */
const FRAMES =
  /\b(?:i'?d (?:really )?appreciate (?:it )?if you could|i would (?:really )?appreciate (?:it )?if you could|if (?:it'?s|it is) not too much trouble,?|would you (?:mind|be able to)|could you (?:please )?walk me through|walk me through|i was wondering (?:whether|if)|i'?m (?:just )?(?:curious|wondering) (?:about )?|just curious,?|could you (?:please )?remind me|can you remind me|remind me|i'?m trying to (?:understand|figure out|get) (?:the context)?:?|for (?:our|my|the) (?:planning doc|memo|notes|records|deck|team),?|according to (?:the|his|her|their) (?:article|report|remarks|sources?)|as far as you know,?|do you happen to know|in your sources,?|per your sources,?|(?:can|could) you (?:please )?(?:tell|give|show) me|(?:please )?tell me(?: about)?|give me|show me|let me know|some(?:one|body) (?:told|said to) me(?: that)?|i (?:heard|read|believe|think|thought|understand|was told|remember|recall|guess|assume)(?: that)?|i'?m (?:pretty |fairly |quite |almost )?(?:sure|certain|positive)(?: that)?|correct me if i'?m wrong,?(?: but)?|if i remember (?:right|correctly),?|quick question,?|(?:hey|hi|hello) (?:team|all|folks|everyone|guys),?)\b/gi;

/** Chat spellings of common words, read as the words they stand for. */
const CHAT = new Map(
  Object.entries({
    mtg: "meeting",
    mtgs: "meetings",
    nxt: "next",
    prev: "previous",
    b4: "before",
    r: "are",
    u: "you",
    ur: "your",
    gonna: "going to",
    wanna: "want to",
    gotta: "have to",
    govt: "government",
    tmrw: "tomorrow",
    tmr: "tomorrow",
    wk: "week",
    yr: "year",
    yrs: "years",
    mo: "month",
    convo: "conversation",
    w: "with",
    abt: "about",
    bc: "because",
    cuz: "because",
    thru: "through",
    tho: "though",
    pls: "please",
    plz: "please",
    thx: "thanks",
    ty: "thanks",
    idk: "I don't know",
    imo: "in my opinion",
    fyi: "for your information",
    asap: "soon",
    rn: "right now",
    pct: "percent",
    approx: "about",
  }),
);

/** Reads a question. `typeOf` gives a concept's type; `reference` is the date relative dates are read from. */
export function readQuestion(raw: string, matcher: ConceptMatcher, typeOf: TypeOf, reference: Date): Reading {
  let text = plainFromSlack(raw);
  for (let i = 0; i < 3; i++) text = text.replace(WRAPPER, "");
  text = text
    .replace(FRAMES, " ")
    .replace(/\bw\/(?=\s|[a-z])/gi, "with ")
    // A dash between two thoughts ends a sentence: "brb lunch — where is the meeting?"
    .replace(/\s[—–]\s|\s-{1,2}\s/g, ". ")
    .replace(/\n+/g, ". ");
  text = text.replace(/\b[a-z0-9]+\b/gi, (w) => CHAT.get(w.toLowerCase()) ?? w).replace(/\s+/g, " ").trim();
  text = text.replace(/^["'“‘]+|["'”’]+$/g, "").replace(/\s["'“‘](?=\w)|(?<=[\w?.!])["'”’](?=\s|$)/g, " ");
  const english = readEnglish(text);
  const { words, sentences } = english;
  const forms = sentences.map((s) => formOf(words, s.from, s.to));
  let focus = sentences.map((_, i) => i).filter((i) => asks(forms[i]?.form, sentences[i]?.text ?? ""));
  if (!focus.length) focus = sentences.map((_, i) => i);
  const inFocus = (i: number) => focus.includes((words[i] as Word).sentence);

  const found = matcher.find(words);
  // "> I think things have de-escalated / who said that?": the question points back at its context.
  const pointsBack = !found.some((m) => inFocus(m.from));
  const contextWeight = pointsBack ? 0.8 : CONTEXT_WEIGHT;
  const mentions: NamedInQuestion[] = found.map((m) => ({
    ...m,
    weight: (inFocus(m.from) ? 1 : contextWeight) * (m.via === "role" ? 0.85 : 1) * (m.corrected ? 0.9 : 1) * (m.gapped ? 0.85 : 1),
  }));
  const main = focus[0] ?? 0;
  const form = pickForm(focus.map((i) => forms[i]?.form ?? "fragment"));
  const focusWords = (pointsBack && focus.length < sentences.length ? sentences.map((_, i) => i) : focus).flatMap((i) => {
    const s = sentences[i];
    return s ? [[s.from, forms[i]?.tagFrom !== undefined ? (forms[i]?.tagFrom as number) - 1 : s.to] as const] : [];
  });
  const asked = identity(mergeAsked(focusWords.map(([a, b]) => askedFor(words, a, b))), words, mentions, focusWords, typeOf);
  const claimed = focusWords.flatMap(([a, b]) => claimedValues(words, english.entities, mentions, typeOf, a, b, reference));
  const choices = form === "choice" ? choicesOf(claimed, words) : [];
  const isNegated = focusWords.some(([a, b]) => negated(words, a, b));
  const time = focusWords.map(([a, b]) => timeAsked(words, a, b)).find((t) => t !== undefined);

  const named = new Set(mentions.flatMap((m) => spread(m.from, m.to)));
  const content: Reading["content"] = [];
  for (const [a, b] of focusWords) {
    for (let i = a; i <= b; i++) {
      const w = words[i] as Word;
      if (named.has(i) || w.pos === "PUNCT" || w.pos === "NUM" || w.pos === "SYM") continue;
      const key = keyOf(w.lemma === w.lower ? w.text : w.lemma);
      if (!key || FUNCTION_WORDS.has(key) || FUNCTION_WORDS.has(w.lower) || CHAT_SPELLINGS[w.lower]) continue;
      content.push({ key, stem: stemKey(w.lemma || w.text), word: w, index: i, cue: asked.cueWords.has(i), corrected: asked.corrected.has(i) });
    }
  }
  const focusText = focus.map((i) => sentences[i]?.text ?? "").join(" ").toLowerCase();
  void main;
  return {
    text,
    english,
    focus,
    form,
    mentions,
    asked,
    claimed,
    choices,
    negated: isNegated,
    ...(time ? { time } : {}),
    content,
    aboutSource: SOURCE_WORDS.test(focusText),
  };
}

function spread(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Whether a sentence asks something (rather than giving context). */
function asks(form: Form | undefined, text: string): boolean {
  if (form === "wh" || form === "yesno" || form === "belief" || form === "choice" || form === "request") return true;
  return /\?\s*$/.test(text);
}

/** Of several asking sentences, the form that says most: a belief check or choice over a plain question. */
function pickForm(forms: Form[]): Form {
  for (const f of ["choice", "belief", "yesno", "wh", "request"] as const) if (forms.includes(f)) return f;
  return forms[0] ?? "fragment";
}

/** Several sentences' asks as one: each attribute at its best fit, the strongest strength. */
function mergeAsked(all: AskedFor[]): AskedFor {
  if (all.length === 1) return all[0] as AskedFor;
  const attributes = new Map<Parameters<AskedFor["attributes"]["set"]>[0], number>();
  const cueWords = new Set<number>();
  const cues: string[] = [];
  let strength = 0;
  let exact: AskedFor["exact"];
  for (const a of all) {
    for (const [k, v] of a.attributes) attributes.set(k, Math.max(attributes.get(k) ?? 0, v));
    for (const w of a.cueWords) cueWords.add(w);
    cues.push(...a.cues);
    strength = Math.max(strength, a.strength);
    exact ??= a.exact;
  }
  const corrected = new Set<number>();
  for (const a of all) for (const w of a.corrected) corrected.add(w);
  return { attributes, strength, ...(exact ? { exact } : {}), cueWords, cues, corrected };
}

/**
 * "Who is Scott Bessent?", "what is APEC?": a question that only names a concept asks what it is
 * (a person's title, a thing's description), not who or what else is involved.
 */
function identity(
  asked: AskedFor,
  words: readonly Word[],
  mentions: readonly Mention[],
  focus: readonly (readonly [number, number])[],
  typeOf: TypeOf,
): AskedFor {
  for (const [a, b] of focus) {
    const inside = mentions.filter((m) => m.from >= a && m.to <= b);
    if (inside.length !== 1) continue;
    const m = inside[0] as Mention;
    const rest = words
      .slice(a, b + 1)
      .map((w, k) => ({ w, i: a + k }))
      .filter(({ w, i }) => (i < m.from || i > m.to) && w.pos !== "PUNCT" && !["the", "a", "an", "exactly", "again"].includes(w.lower));
    const lead = rest.map(({ w }) => w.lower).join(" ");
    if (!/^(?:who|what|whos|whats|who's|what's)(?: (?:is|was|are|'s|s))?$/.test(lead) && !/^(?:who|what) (?:is|was|are)$/.test(lead)) continue;
    const person = typeOf(m.concept) === "person";
    const attributes = new Map<Parameters<AskedFor["attributes"]["set"]>[0], number>(
      person ? [["role", 1], ["description", 0.8], ["who", 0.3]] : [["description", 1], ["terms", 0.7], ["role", 0.6], ["status", 0.5], ["amount", 0.5]],
    );
    return { ...asked, attributes, strength: 1 };
  }
  return asked;
}

/** The options of "X or Y": two or more claimed values of one kind joined by "or". */
function choicesOf(claimed: readonly ClaimedValue[], words: readonly Word[]): ClaimedValue[] {
  const byKind = new Map<string, ClaimedValue[]>();
  for (const v of claimed) {
    if (v.kind === "state" || v.kind === "text") continue;
    const list = byKind.get(v.kind) ?? [];
    list.push(v);
    byKind.set(v.kind, list);
  }
  for (const list of byKind.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.from - b.from);
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k] as ClaimedValue;
      const b = sorted[k + 1] as ClaimedValue;
      const between = words.slice(a.to + 1, b.from).map((w) => w.lower);
      if (between.includes("or") && between.length <= 3) return [a, b];
    }
  }
  // "100 or 145 percent": the unit comes once, after the second number.
  return [];
}
