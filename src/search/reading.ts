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
import { AUX_START, type Form, formOf, negated, type TimeAsked, timeAsked } from "./form.js";
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
  /**
   * The question's content words that name no concept: what else it is about (key and stem; `cue`
   * when they said what is asked; `core` when in the clause that asks, not an aside around it).
   */
  content: {
    key: string;
    stem: string;
    word: Word;
    index: number;
    cue: boolean;
    corrected: boolean;
    core: boolean;
  }[];
  /** About the source itself: its headline, subhead, photo, publisher. */
  aboutSource: boolean;
  /** Words the asker quotes ("who said 'things have de-escalated'?"), as written. */
  quotes: string[];
}

/** How much a concept named outside the asking sentences counts. */
const CONTEXT_WEIGHT = 0.35;

/** Forwarding and quoting wrappers that come before the question itself. */
const WRAPPER =
  /^\s*(?:(?:fw|fwd|re)\s*(?:from\s+[\w\s&-]{1,30}?)?\s*[:-]|(?:my|our)\s+(?:boss|manager|cfo|ceo|client|customer|team|lead|legal|compliance|finance)\s+(?:asks|asked|wants to know|is asking|wonders)\s*[:,-]?|(?:question|q)\s+from\s+[\w\s&-]{1,30}?[:-]|>+)\s*/i;

const SOURCE_WORDS =
  /\b(?:headline|subhead|subheadline|subtitle|sub-headline|dek|photo|picture|image|caption|credit|publisher|outlet|byline|author|reporter|wrote|written|publication|published|article|story|piece|report)\b/;

/**
 * Polite and framing phrases around the question itself: "I'd appreciate it if you could tell me",
 * "if it's not too much trouble", "would you mind". English, not news: they carry no topic.
 */
const FRAMES =
  /\b(?:i'?d (?:really )?appreciate (?:it )?if you could|i would (?:really )?appreciate (?:it )?if you could|if (?:it'?s|it is) not too much trouble,?|would you (?:mind|be able to)|could you (?:please )?walk me through|walk me through|i was wondering (?:whether|if)|i'?m (?:just )?(?:curious|wondering) (?:about )?|just curious,?|could you (?:please )?remind me|can you remind me|remind me|i'?m trying to (?:understand|figure out|get) (?:the context)?:?|for (?:our|my|the) (?:planning doc|memo|notes|records|deck|team),?|according to (?:the|his|her|their) (?:article|report|remarks|sources?)|as far as you know,?|do you happen to know|in your sources,?|per your sources,?|(?:can|could) you (?:please )?(?:tell|give|show) me|(?:please )?tell me(?: about)?|give me|show me|let me know|some(?:one|body) (?:told|said to) me(?: that)?|i (?:heard|read|believe|think|thought|understand|was told|remember|recall|guess|assume)(?: that)?|i'?m (?:pretty |fairly |quite |almost )?(?:sure|certain|positive)(?: that)?|correct me if i'?m wrong,?(?: but)?|if i remember (?:right|correctly),?|as far as i know,?|up in the air|in the pipeline|quick question,?|(?:hey|hi|hello) (?:team|all|folks|everyone|guys),?)\b/gi;

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
    hasnt: "hasn't",
    havent: "haven't",
    wasnt: "wasn't",
    werent: "weren't",
    couldnt: "couldn't",
    wouldnt: "wouldn't",
    shouldnt: "shouldn't",
    iirc: "if I remember right",
    re: "about",
    ppl: "people",
    afaik: "as far as I know",
  }),
);

/** Reads a question. `typeOf` gives a concept's type; `reference` is the date relative dates are read from. */
export function readQuestion(raw: string, matcher: ConceptMatcher, typeOf: TypeOf, reference: Date): Reading {
  let text = plainFromSlack(raw);
  for (let i = 0; i < 3; i++) text = text.replace(WRAPPER, "");
  const quotes = quotedIn(text);
  text = text
    .replace(/\bwhere (\w+(?: \w+)?) (is|are|stand|stands) at\b/gi, "how $1 $2")
    // "where do the rare earth controls stand now?", "where did that land?": how it stands, not a place
    .replace(
      /\bwhere (?:do|does|did|will) ((?:[^\s?.!]+ ){1,8}?)(?:stand|land|end up)\b/gi,
      "what is the status of $1",
    )
    .replace(/\bwhere (?:things|it|matters) (?:stand|stands)\b/gi, "what is the status")
    .replace(FRAMES, " ")
    .replace(/\bw\/(?=\s|[a-z])/gi, "with ")
    // A dash between two thoughts ends a sentence: "brb lunch — where is the meeting?"
    .replace(/\s[—–]\s|\s-{1,2}\s/g, ". ")
    .replace(/\n+/g, ". ");
  text = text
    .replace(/\b[a-z0-9]+\b/gi, (w) => CHAT.get(w.toLowerCase()) ?? w)
    .replace(/\s+/g, " ")
    .trim();
  // A message in capitals is shouting, not a row of acronyms: read its long words in lower case.
  const letters = text.replace(/[^A-Za-z]/g, "");
  if (letters.length > 20 && letters.replace(/[^A-Z]/g, "").length / letters.length > 0.6) {
    text = text.replace(
      /\b[A-Z]{4,}\b|\b(?:MY|IT|IS|IN|ON|AT|TO|OR|AN|AS|BE|DO|GO|IF|NO|OF|SO|UP|WE)\b/g,
      (w) => w.toLowerCase(),
    );
  }
  text = text.replace(/^["'“‘]+|["'”’]+$/g, "").replace(/\s["'“‘](?=\w)|(?<=[\w?.!])["'”’](?=\s|$)/g, " ");
  const english = readEnglish(text);
  const { words, sentences } = english;
  const forms = sentences.map((s) => formOf(words, s.from, s.to));
  const found = matcher.find(words);
  // "pretty sure they meet in Malaysia. yeah?": a tag on its own puts the sentence before it up for checking.
  for (let i = 1; i < sentences.length; i++) {
    if (
      /^\s*(?:right|correct|yeah|yes|yep|no|true|confirm|am i right|am i wrong|(?:is )?(?:that|thats|that's) (?:right|correct|true|accurate))\s*[?!.]*\s*$/i.test(
        sentences[i]?.text ?? "",
      )
    ) {
      forms[i - 1] = { form: "belief", tagFrom: (sentences[i] as { from: number }).from };
      forms[i] = { form: "fragment" };
    }
  }
  let focus = sentences
    .map((_, i) => i)
    .filter(
      (i) =>
        asks(forms[i]?.form, sentences[i]?.text ?? "") &&
        !(forms[i]?.form === "fragment" && i > 0 && forms[i - 1]?.tagFrom === sentences[i]?.from),
    );
  // "…on the 17th. Press conference, Hill hearing, TV?": a list of options after a question goes with it.
  focus = focus.filter(
    (i, k) =>
      k === 0 || forms[i]?.form !== "fragment" || found.some((m) => (words[m.from] as Word).sentence === i),
  );
  if (!focus.length) focus = sentences.map((_, i) => i);
  const inFocus = (i: number) => focus.includes((words[i] as Word).sentence);

  // "> I think things have de-escalated / who said that?": the question points back at its context.
  const pointsBack = !found.some((m) => inFocus(m.from));
  const contextWeight = pointsBack ? 0.8 : CONTEXT_WEIGHT;
  const mentions: NamedInQuestion[] = found.map((m) => ({
    ...m,
    weight:
      (inFocus(m.from) ? 1 : contextWeight) *
      (m.via === "role" ? 0.85 : 1) *
      (m.corrected ? 0.9 : 1) *
      (m.gapped ? 0.85 : 1),
  }));
  const main = focus[0] ?? 0;
  const form = pickForm(focus.map((i) => forms[i]?.form ?? "fragment"));
  // Pointing back reads the sentences just before the question too, not what follows it.
  const first = focus[0] ?? 0;
  const read = pointsBack
    ? [...new Set([Math.max(0, first - 2), Math.max(0, first - 1), ...focus])].sort((a, b) => a - b)
    : focus;
  const focusWords = read.flatMap((i) => {
    const s = sentences[i];
    return s
      ? [[s.from, forms[i]?.tagFrom !== undefined ? (forms[i]?.tagFrom as number) - 1 : s.to] as const]
      : [];
  });
  const asked = identity(
    mergeAsked(focusWords.map(([a, b]) => askedFor(words, a, b))),
    words,
    mentions,
    focusWords,
    typeOf,
  );
  const claimed = focusWords.flatMap(([a, b]) =>
    claimedValues(words, english.entities, mentions, typeOf, a, b, reference),
  );
  const choices = form === "choice" ? choicesOf(claimed, words) : [];
  const isNegated = focusWords.some(([a, b]) => negated(words, a, b));
  // The time asked is the asking sentence's: "our plan assumed today's rates … what rate did he
  // threaten?" asks about the threat, not about today.
  // (a wh-word anywhere, or "is", "are", "did" … opening it: "one is a chinese-owned bulker" asks nothing)
  const asking = focusWords.filter(
    ([a, b]) =>
      forms[(words[a] as Word).sentence]?.form === "belief" ||
      words
        .slice(a, b + 1)
        .some((w, k) => w.text === "?" || (WH_WORDS.has(w.lower) && (!AUX_START.has(w.lower) || k <= 1))),
  );
  const time = (asking.length ? asking : focusWords)
    .map(([a, b]) => timeAsked(words, a, b))
    .find((t) => t !== undefined);

  const named = new Set(mentions.flatMap((m) => spread(m.from, m.to)));
  const content: Reading["content"] = [];
  const core = coreClauses(
    words,
    focus.map((i) => sentences[i] as { from: number; to: number }),
    named,
  );
  // "EU tariffs on Chinese EVs — what's the rate?": a few words with no verb, just before the
  // question, are what it asks about.
  for (const i of read) {
    const s = sentences[i] as { from: number; to: number };
    if (focus.includes(i) || !focus.includes(i + 1)) continue;
    const own = words.slice(s.from, s.to + 1).filter((w) => w.pos !== "PUNCT");
    if (own.length && own.length <= 6 && own.every((w) => w.pos !== "VERB" && w.pos !== "AUX"))
      for (let k = s.from; k <= s.to; k++) core.add(k);
  }
  for (const [a, b] of focusWords) {
    for (let i = a; i <= b; i++) {
      const w = words[i] as Word;
      if (named.has(i) || w.pos === "PUNCT" || w.pos === "NUM" || w.pos === "SYM") continue;
      const key = keyOf(w.lemma === w.lower ? w.text : w.lemma);
      if (!key || FUNCTION_WORDS.has(key) || FUNCTION_WORDS.has(w.lower) || CHAT_SPELLINGS[w.lower]) continue;
      content.push({
        key,
        stem: stemKey(w.lemma || w.text),
        word: w,
        index: i,
        cue: asked.cueWords.has(i),
        corrected: asked.corrected.has(i),
        core: core.has(i),
      });
    }
  }
  const focusText = focus
    .map((i) => sentences[i]?.text ?? "")
    .join(" ")
    .toLowerCase();
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
    quotes,
  };
}

/** Words put in quotation marks (double, or single around at least two words). */
function quotedIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/["“]([^"“”]{6,200})["”]|(?<![\w])['‘]([^'‘’]{6,200}?)['’](?![\w])/g)) {
    const q = (m[1] ?? m[2] ?? "").trim();
    if (q.split(/\s+/).length >= 2) out.push(q);
  }
  return out;
}

/** Words that start an aside inside a sentence: "…, just want to be sure before I send". */
const ASIDE = new Set([
  "but",
  "because",
  "since",
  "so",
  "while",
  "just",
  "trying",
  "thanks",
  "thank",
  "please",
  "before",
  "after",
  "though",
  "although",
  "unless",
  "whereas",
  "cause",
  "cos",
  "as",
]);
const WH_WORDS = new Set([
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
  "is",
  "are",
  "was",
  "were",
  "do",
  "does",
  "did",
  "will",
  "can",
  "could",
]);

/**
 * The clauses that ask: each sentence split at punctuation and at words that start an aside; of
 * its clauses, the one with a question word (else the one naming the most concepts) is the core.
 */
function coreClauses(
  words: readonly Word[],
  sentences: readonly { from: number; to: number }[],
  named: ReadonlySet<number>,
): Set<number> {
  const core = new Set<number>();
  // In a message that asks somewhere ("… Can you tell me what rate he threatened? Need it for a
  // landed-cost model by EOD"), the sentences that ask nothing are context, not core.
  const asks = (s: { from: number; to: number }) =>
    words.slice(s.from, s.to + 1).some((w) => WH_WORDS.has(w.lower) || w.text === "?");
  const anyAsks = sentences.some(asks);
  for (const s of sentences) {
    if (anyAsks && !asks(s)) continue;
    const clauses: number[][] = [[]];
    for (let i = s.from; i <= s.to; i++) {
      const w = words[i] as Word;
      if (/^[,;:()"“”—–]$/.test(w.text) || (ASIDE.has(w.lower) && (clauses.at(-1) as number[]).length > 0)) {
        clauses.push([]);
        if (w.pos === "PUNCT") continue;
      }
      (clauses.at(-1) as number[]).push(i);
    }
    const asking = clauses.filter((c) => c.some((i) => WH_WORDS.has((words[i] as Word).lower)));
    const pool = asking.length ? asking : clauses;
    const best =
      [...pool].sort(
        (a, b) => b.filter((i) => named.has(i)).length - a.filter((i) => named.has(i)).length,
      )[0] ?? [];
    for (const c of asking.length ? asking : [best]) for (const i of c) core.add(i);
  }
  return core;
}

function spread(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Whether a sentence asks something (rather than giving context). */
function asks(form: Form | undefined, text: string): boolean {
  if (form === "wh" || form === "yesno" || form === "belief" || form === "choice" || form === "request")
    return true;
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
      .filter(
        ({ w, i }) =>
          (i < m.from || i > m.to) &&
          w.pos !== "PUNCT" &&
          !["the", "a", "an", "exactly", "again"].includes(w.lower),
      );
    const lead = rest.map(({ w }) => w.lower).join(" ");
    if (
      !/^(?:who|what|whos|whats|who's|what's)(?: (?:is|was|are|'s|s))?$/.test(lead) &&
      !/^(?:who|what) (?:is|was|are)$/.test(lead)
    )
      continue;
    const person = typeOf(m.concept) === "person";
    const attributes = new Map<Parameters<AskedFor["attributes"]["set"]>[0], number>(
      person
        ? [
            ["role", 1],
            ["description", 0.8],
            ["who", 0.3],
          ]
        : [
            ["description", 1],
            ["terms", 0.7],
            ["role", 0.6],
            ["status", 0.5],
            ["amount", 0.5],
          ],
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
