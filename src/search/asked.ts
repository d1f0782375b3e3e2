/**
 * What a question asks for, from the English around the names: "when … expire" asks for an end
 * date, "who … travel with" for people, "how long" for a duration, "what time" for a date exact to
 * the hour. General English only (question words, verbs and nouns of time, place, amount, speech);
 * nothing about any one article lives here.
 */
import type { Attribute } from "../knowledge/schema.js";
import type { Word } from "../nlp/english.js";
import { editDistance } from "./concept-matcher.js";

/** The attributes a question would accept, each with how well it fits (1 best). */
export type Asked = Map<Attribute, number>;

/** A finer grain than a claim may give: the day, month or year of a date, its hour, the venue or city of a place. */
export type Exactness = "day" | "time" | "venue" | "city" | "month" | "year";

/** What the question asks for, and which words said so (they carry no topic). */
export interface AskedFor {
  attributes: Asked;
  /** How sure: 1 for a question word ("when", "how much"), less for a verb or noun cue. */
  strength: number;
  exact?: Exactness;
  /** Word indexes that were cues. */
  cueWords: Set<number>;
  /** Word indexes English does not know that were read as a misspelt cue ("expirey"). */
  corrected: Set<number>;
  /** The cue phrases, for --explain. */
  cues: string[];
}

type Weights = Partial<Record<Attribute, number>>;

interface Cue {
  pattern: RegExp;
  weights: Weights;
  /** A question word: the question is surely of this kind. */
  strong?: boolean;
  /** A word that is as often the topic as the question's kind ("deal"): it says little of what is asked. */
  soft?: boolean;
  exact?: Exactness;
}

const DATES: Weights = { when: 1, start: 0.75, end: 0.75, duration: 0.4 };

/** Whether a word is one the cue's pattern spells out, not one its wildcards let through. */
function inCue(cue: Cue, part: string): boolean {
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).test(cue.pattern.source);
}

/** Cues, matched against the lemmas of the question joined by spaces. */
const CUES: Cue[] = [
  {
    pattern: /\bwhat time\b|\bwhat hour\b|\bwhich hour\b|\bat what time\b|\bwhat o'?clock\b/,
    weights: DATES,
    strong: true,
    exact: "time",
  },
  {
    pattern:
      /\b(?:what|which) (?:exact |specific |precise )?(?:day|date)\b|\b(?:exact|precise|specific) (?:day|date)\b|\bwhat day of\b|\bwhich weekday\b/,
    weights: DATES,
    strong: true,
    exact: "day",
  },
  { pattern: /\b(?:what|which) (?:month|week)\b/, weights: DATES, strong: true, exact: "month" },
  {
    pattern: /\b(?:what|which) (?:fiscal |calendar )?year\b|\bfiscal year\b|\bcalendar year\b/,
    weights: DATES,
    strong: true,
    exact: "year",
  },
  { pattern: /\bwhen\b|\bwhens\b|\bhow soon\b|\bby when\b|\bwhat date\b/, weights: DATES, strong: true },
  { pattern: /\b(?:date|timing|timeline|schedule|calendar)\b/, weights: DATES },
  {
    pattern:
      /\b(?:call|meeting|start|talk|talks|session|summit) time\b|\btime (?:of|for) the (?:call|meeting|talks|session)\b/,
    weights: DATES,
    exact: "time",
  },
  {
    pattern:
      /\b(?:expire|expiry|expiration|lapse|run out|(?<!in the )end|ending|deadline|sunset|terminate|until when|till when|through when|thru when|last until|run until|run through|good until|valid until|run till|wind down|roll off|cut-?off)\b/,
    weights: { end: 1, when: 0.6, duration: 0.6, status: 0.3 },
  },
  {
    // "extended to when?", "pushed back until when?": the new end date.
    pattern:
      /\b(?:extend|prolong|push back|pushed back|move|moved|postpone|delay|roll over|renew)\b.{0,30}\b(?:to|until|till|through) when\b|\bto what date\b/,
    weights: { end: 1, when: 0.6 },
  },
  {
    pattern:
      /\b(?:take effect|kick in|start|begin|commence|come into (?:force|effect)|go into (?:force|effect)|effective|apply|implement|launch|impose|enter into force|begin on|from when|since when)\b/,
    weights: { start: 1, when: 0.7, status: 0.3 },
  },
  {
    pattern: /\bhow many (?:day|week|month|year|hour)s?\b/,
    weights: { duration: 1, end: 0.3, when: 0.2 },
    strong: true,
  },
  {
    pattern: /\bhow long\b|\bfor how long\b|\bduration\b|\blength\b/,
    weights: { duration: 1, end: 0.7, when: 0.3 },
    strong: true,
  },
  {
    pattern:
      /\bwhich (?:hotel|venue|building|room|site|base|airport|tower|hall|palace)\b|\bwhat (?:hotel|venue|building|room|site|base)\b|\bexact (?:location|place|venue|spot)\b|\bwhere exactly\b/,
    weights: { where: 1 },
    strong: true,
    exact: "venue",
  },
  {
    pattern: /\bwhich city\b|\bwhat city\b|\bin which city\b/,
    weights: { where: 1 },
    strong: true,
    exact: "city",
  },
  {
    pattern: /\b(?:city|town|place|location|venue|country|spot|site)\b/,
    weights: { where: 1, description: 0.3 },
  },
  {
    pattern:
      /\bwhere\b|\bwheres\b|\bwhich (?:country|place|location|capital)\b|\bwhat (?:country|place|location)\b|\bvenue\b|\blocation\b|\bhost\b|\bheld\b/,
    weights: { where: 1 },
    strong: true,
  },
  {
    pattern:
      /\bwho\b|\bwhos\b|\bwhom\b|\bwith whom\b|\bwhich (?:[\w-]+ ){0,2}(?:official|person|people|minister|leader|side|country|negotiator)s?\b/,
    weights: { who: 1, role: 0.6, said: 0.3 },
    strong: true,
  },
  {
    pattern:
      /\b(?:counterpart|delegation|attend|accompany|travel with|go with|join|lead|negotiator|participant|represent|sit across|negotiate with|meet with)\b/,
    weights: { who: 1, role: 0.4 },
  },
  {
    pattern:
      /\b(?:title|position|role|job|rank|post|office|portfolio|official title|dept|department)\b|\bwhat do (?:he|she) do\b/,
    weights: { role: 1, description: 0.5, who: 0.3 },
  },
  {
    // ("which two chinese agencies", "what US body")
    pattern:
      /\b(?:which|what) (?:[\w-]+ ){0,2}(?:ministry|agency|body|office|organi[sz]ation|regulator|department|authority)\b/,
    weights: { who: 1 },
    strong: true,
  },
  {
    pattern: /\bhow old\b|\bwhat age\b|\bage of\b|\bborn\b|\bbirthday\b/,
    weights: { amount: 1 },
    strong: true,
  },
  {
    pattern:
      /\b(?:which|what) (?:country|side|government|nation) (?:do|be) .{1,30} (?:represent|from|with|for|work for|speak for|negotiate for)\b/,
    weights: { role: 1, description: 0.5 },
    strong: true,
  },
  {
    pattern:
      /\bwhat(?: [\w-]+)? (?:do|have|will|would) [\w-]+(?: [\w-]+)? (?:pause|suspend|lift|remove|cut|extend|drop|offer|give|promise|pledge|agree to|commit to|concede|buy|give up|get)\b/,
    weights: { terms: 1, amount: 0.7, outcome: 0.5 },
    strong: true,
  },
  {
    pattern:
      /\b(?:mean|meant|intend|intended|suppose|supposed|design|designed|set up|aim) to (?:accomplish|achieve|do|deliver|produce|prepare|get done)\b|\bwhat be the point\b|\bpoint of\b/,
    weights: { reason: 1, outcome: 0.5, terms: 0.6 },
    strong: true,
  },
  {
    pattern: /\b(?:name|full name|called|stand for|short for|abbreviation)\b/,
    weights: { who: 1, role: 0.8, description: 0.8 },
  },
  {
    pattern:
      /\bhow (?:much|high|big|large|steep|low|tall|far|heavy|wide|deep|fast|expensive|cheap)\b|\bhow many\b|\bwhat (?:rate|level|percentage|percent|figure|amount|size|number|share|quantity|volume)\b/,
    weights: { amount: 1 },
    strong: true,
  },
  {
    pattern:
      /\b(?:rate|percentage|amount|figure|quantity|volume|number of|tonnage|total|level|how steep|count|tally)\b/,
    weights: { amount: 1, terms: 0.4 },
  },
  {
    pattern:
      /\bwhat (?:be|'s|s)(?: the)?(?: [\w-]+){0,3} (?:tariff|rate|duty|levy|price|cost|fee|figure|number|total|surtax|tax)\b|\bwhat (?:price|cost|fee|value)\b|\bhow much (?:\w+ ){0,3}(?:pay|cost|charge|spend|worth)\b/,
    weights: { amount: 1, terms: 0.4 },
    strong: true,
  },
  { pattern: /\btime ?zone\b|\bwhat zone\b|\bthe time of\b|\bwhat hour\b/, weights: DATES, exact: "time" },
  {
    pattern:
      /\b(?:say|said|describe|characterize|characterise|comment|quote|word|remark|statement|reply|respond|response|claim|put it|react|reaction)\b|\bcall (?:it|them|this|that|the \w+)\b|\b(?:take|view|views|position|verdict) on\b/,
    weights: { said: 1, stance: 0.9, outcome: 0.2 },
  },
  {
    pattern:
      /\b(?:think|feel|view|stance|opinion|mood|optimistic|pessimistic|optimism|confident|hopeful|hope|believe|attitude|take on|sentiment|tone|upbeat|positive|negative|back off|back down|soften|walk back|walk it back|retreat|climb down|u-turn|change (?:his|her|their) mind|reverse|sound|confirm|deny|dispute)\b/,
    weights: { stance: 1, said: 0.9 },
  },
  // "Why does the ministry say it acted?": the reason as the speaker gives it, which is what they said.
  {
    pattern: /\bwhy (?:do|would|will|be) (?:[\w'’-]+ ){1,5}(?:say|argue|claim|insist|believe|think)\b/,
    weights: { said: 1, stance: 0.9 },
    strong: true,
  },
  { pattern: /\bwhy\b|\bhow come\b|\bwhat for\b/, weights: { reason: 1, impact: 0.2 }, strong: true },
  {
    pattern:
      /\b(?:reason|cause|prompt|aim|goal|purpose|motive|motivation|because|lead to|trigger|behind|rationale|point of|set off|what make|what get|anger|angry|mad|upset|infuriate|furious)\b/,
    weights: { reason: 1 },
  },
  {
    pattern:
      /\b(?:outcome|result|achieve|conclude|turn out|come out of|produce|yield|breakthrough|progress|accomplish|succeed|success|fail|failure|work out|go well|pan out|decide|decision|in the end|eventually)\b|\bhow do .{1,40} go\b|\bwhat happen\b/,
    weights: { outcome: 1, terms: 0.7, status: 0.6 },
  },
  {
    pattern:
      /\bwhat (?:be|do they|have they|have be|get)(?: \w+)? (?:agree|decide|sign|settle|discuss|talk about|cover)\b|\bwhat do (?:they|he|she|the two|both sides) (?:talk about|discuss|cover)\b|\b(?:reach|strike|sign|seal|clinch|land|get) (?:a|an|any) (?:deal|agreement|accord)\b|\bany (?:deal|agreement|breakthrough)\b/,
    weights: { outcome: 1, terms: 0.8, status: 0.6 },
    strong: true,
  },
  {
    pattern: /\b(?:agree|agreement|deal|consensus|settle|strike)\b/,
    weights: { outcome: 0.8, terms: 0.8, status: 0.5 },
    soft: true,
  },
  {
    pattern:
      /\b(?:status|still|on track|go ahead|happen|in effect|in force|in place|cancel|postpone|delay|call off|scrap|drop|off the table|on the table|suspend|lift|remove|extend|pause|resume|halt|stand|standing|alive|dead|definitely|official)\b/,
    weights: { status: 1, outcome: 0.6, start: 0.4, end: 0.4 },
  },
  {
    pattern:
      /\b(?:pledge|promise|commit|commitment|offer|terms|include|cover|involve|condition|concession|provision|require|obligation|give up|in return|in exchange|buy|purchase|make up of|made up of|consist|compose|composed of|breakdown|component|comprise|detail of)\b/,
    weights: { terms: 1, outcome: 0.6, amount: 0.4 },
  },
  {
    pattern: /\b(?:impact|effect|affect|consequence|cost|mean for|hurt|damage|fallout|risk|threat to)\b/,
    weights: { impact: 1, reason: 0.3 },
  },
];

/** Question words as chat spells them. */
export const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  wen: "when",
  whn: "when",
  wher: "where",
  whr: "where",
  wat: "what",
  wut: "what",
  wht: "what",
  hw: "how",
  howmuch: "how much",
  y: "why",
  rn: "now",
};

function partsText(parts: readonly string[]): string {
  return parts.join(" ");
}

/** Every word the cues are made of, for correcting a misspelt one ("expirey" → "expiry"). */
const CUE_WORDS = [...new Set(CUES.flatMap((c) => c.pattern.source.match(/[a-z]{4,}/g) ?? []))];
const cueCorrections = new Map<string, string | null>();

/** The cue word nearest a word English does not know, if one is near enough. */
function correctCue(word: string): string | undefined {
  if (word.length < 4) return undefined;
  const known = cueCorrections.get(word);
  if (known !== undefined) return known ?? undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const cue of CUE_WORDS) {
    const d = editDistance(word, cue);
    const ok = d <= 1 || (d === 2 && word.length >= 6 && word[0] === cue[0]);
    if (ok && d < bestDistance) {
      best = cue;
      bestDistance = d;
    }
  }
  if (cueCorrections.size > 10_000) cueCorrections.clear();
  cueCorrections.set(word, best ?? null);
  return best;
}

/** Works out what the question (its words `from`..`to`) asks for. */
export function askedFor(words: readonly Word[], from = 0, to = words.length - 1): AskedFor {
  const parts: string[] = [];
  const starts: number[] = [];
  const corrected = new Set<number>();
  let length = 0;
  for (let i = from; i <= to; i++) {
    const w = words[i] as Word;
    if (w.pos === "PUNCT") continue;
    let lemma =
      CHAT_SPELLINGS[w.lower] ??
      (w.lower === "whens" || w.lower === "wheres" || w.lower === "whos" ? w.lower : w.lemma);
    if (w.unknown) {
      const fixed = correctCue(w.lower);
      if (fixed) {
        lemma = fixed;
        corrected.add(i);
      }
    }
    // A phone call is not calling something a name; a second term is not the terms of a deal.
    if (lemma === "call" && w.pos === "NOUN") lemma = "phone-call";
    if (lemma === "term" && w.lower !== "terms") lemma = "term-of-office";
    // To post on social media is to say something; "an official reaction" is not "is it official?".
    if (lemma === "post" && w.pos === "VERB") lemma = "say";
    // "did it end up at 34%?": to end up is to turn out, not to expire.
    if (lemma === "end" && words[i + 1]?.lower === "up") lemma = "end-up";
    // "the building where they met": a relative clause, not the question ("what's notable about it").
    if (
      (lemma === "where" || lemma === "when") &&
      i > from &&
      ["NOUN", "PROPN"].includes(words[i - 1]?.pos ?? "") &&
      ["PRON", "DET", "PROPN"].includes(words[i + 1]?.pos ?? "")
    )
      lemma = `relative${lemma}`;
    if (lemma === "official" && (words[i + 1]?.pos === "NOUN" || words[i + 1]?.pos === "ADJ"))
      lemma = "official-adj";
    starts.push(length);
    parts.push(lemma);
    length += lemma.length + 1;
  }
  // "threatened to cancel", "nearly called off": a change only contemplated asks nothing about status.
  for (let k = 0; k < parts.length; k++) {
    if (
      !/^(?:cancel|scrap|drop|postpone|shelve)$/.test(parts[k] as string) &&
      !(parts[k] === "call" && parts[k + 1] === "off")
    )
      continue;
    if (
      parts
        .slice(Math.max(0, k - 3), k)
        .some((p) => /^(?:threaten|threat|consider|nearly|almost|prospect|think)$/.test(p))
    )
      parts[k] = `maybe-${parts[k]}`;
  }
  length = 0;
  for (let k = 0; k < parts.length; k++) {
    starts[k] = length;
    length += (parts[k] as string).length + 1;
  }
  const indexOf = (offset: number) => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] as number) <= offset) k++;
    return k;
  };
  const wordIndexes: number[] = [];
  for (let i = from; i <= to; i++) if ((words[i] as Word).pos !== "PUNCT") wordIndexes.push(i);
  const text = parts.join(" ");
  const sums = new Map<Attribute, number>();
  const cueWords = new Set<number>();
  const cues: string[] = [];
  let strength = 0;
  let exact: Exactness | undefined;
  // A question word decides the kind of question; other cues only refine it then.
  const anyStrong = CUES.some((c) => c.strong && c.pattern.test(partsText(parts)));
  let specificDate = false;
  for (const cue of CUES) {
    const re = new RegExp(cue.pattern.source, "g");
    let found = false;
    for (const m of text.matchAll(re)) {
      found = true;
      const a = indexOf(m.index ?? 0);
      const b = indexOf((m.index ?? 0) + m[0].length - 1);
      // Only the cue's own words: "what's the CSMS number" leaves "CSMS" to the topic.
      for (let k = a; k <= b; k++) if (inCue(cue, parts[k] as string)) cueWords.add(wordIndexes[k] as number);
      cues.push(m[0]);
    }
    if (!found) continue;
    for (const [attr, w] of Object.entries(cue.weights) as [Attribute, number][]) {
      sums.set(attr, (sums.get(attr) ?? 0) + w * (cue.strong ? 2 : anyStrong ? 0.6 : 1));
    }
    if (!cue.strong && ((cue.weights.end ?? 0) >= 1 || (cue.weights.start ?? 0) >= 1)) specificDate = true;
    strength = Math.max(strength, cue.strong ? 1 : cue.soft ? 0.3 : 0.6);
    exact ??= cue.exact;
  }
  const top = Math.max(0, ...sums.values());
  const attributes: Asked = new Map();
  if (top > 0) for (const [attr, s] of sums) attributes.set(attr, Math.round((s / top) * 100) / 100);
  // "When does it end?": the specific date asked for outranks any date.
  if (
    specificDate &&
    attributes.has("when") &&
    cues.some((c) => /^(?:when|whens|how soon|by when|what date)$/.test(c))
  ) {
    attributes.set("when", Math.round((attributes.get("when") as number) * 70) / 100);
  }
  // A word counts as a misspelt cue only if it then made a cue.
  for (const i of corrected) if (!cueWords.has(i)) corrected.delete(i);
  return { attributes, strength, ...(exact ? { exact } : {}), cueWords, cues, corrected };
}
