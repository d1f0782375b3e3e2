/**
 * Constants and small helpers the answer engine's parts share: thresholds, the cue patterns for
 * greetings, tasks and overviews, units, kinds of value, and the shapes of a candidate and of
 * an explanation.
 */
import type { Attribute, LoadedClaim } from "../knowledge/schema.js";
import type { ClaimIndex } from "../search/claim-index.js";
import type { ClaimedValue } from "../search/claimed.js";
import { formatDated } from "./dates.js";
import type { Standing } from "./standing.js";
import type { Answer } from "./types.js";
import { figureInWords } from "./values.js";

/** At or above this score the best claim is given as the answer. */
export const ANSWER_THRESHOLD = 0.38;

/** How many claims about a question's concepts are scored in full, at most (the roughly best). */
export const MAX_SCORED = 200;
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
export const KIND_ATTRIBUTES: Record<ClaimedValue["kind"], Attribute[]> = {
  date: ["when", "start", "end"],
  place: ["where"],
  person: ["who"],
  figure: ["amount", "duration"],
  state: ["status", "outcome"],
  title: ["role"],
  text: ["said", "stance"],
};

/** Nouns for people that a question can be about ("the chinese delegation"), though they also say "who". */
export const PEOPLE_NOUNS = new Set([
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
export const CHANGES = new Set(["extended", "cancelled", "suspended", "ended", "in_effect", "happened"]);
export const ON_OFF = new Set(["going_ahead", "cancelled", "happened", "suspended", "in_effect", "ended"]);

/** A value the asker put forward, written the way answers write values: "March", "Dec. 1", "50%". */
export function claimedInWords(v: ClaimedValue): string {
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
export const KIND_GIVEN = new Set(
  `city town country nation place location venue site spot region state capital side party person people
  official officials leader leaders minister secretary negotiator negotiators representative envoy name outlet
  network channel government
  day date month year week time hour weekday deadline rate percentage percent figure number amount level share
  price cost fee total tariff tariffs duty duties levy round rounds event summit meeting meetings talks deal
  agreement measure step steps thing things issue issues topic topics point points reason way word words quote
  line comment comments statement remark remarks title role job position post dept department zone timezone
  article piece story report source sources`.split(/\s+/),
);

/**
 * Nouns that name a kind of thing ("which chinese body", "what materials"): a claim giving an
 * instance need not hold the word to be about what is asked (whether it names the kind asked is
 * checked apart, in whichKind).
 */
export const KIND_NOUNS: ReadonlySet<string> = new Set([
  ...KIND_GIVEN,
  ...`body bodies agency agencies authority authorities organisation organization entity entities company
  companies firm firms group member members material materials mineral minerals metal metals product products
  goods commodity commodities crop crops chemical chemicals item items category categories kind sort type types
  sector sectors industry industries`.split(/\s+/),
]);

/** How close (Dice overlap of stems) a curated phrasing must be to count, and to be taken at its word. */
export const PHRASING_MATCH = 0.6;
export const CURATED_MATCH = 0.9;

/** Words that begin a second question after "and": "…, and what was paused?" */
export const SPLIT_WH = new Set([
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
export const SINGLE_VALUED_ASKED = new Set<Attribute>([
  "when",
  "start",
  "end",
  "where",
  "amount",
  "duration",
]);

/** Units a question can ask a figure in: "in dollar terms", "how many tons". */
export const UNIT_WORDS: [RegExp, string][] = [
  [
    /\$|\b(?:dollars?|usd|in dollar terms|dollar value|how much money|cost|costs|price|pay|expense)\b/i,
    "USD",
  ],
  [/\b(?:tons?|tonnes?|metric tons?|tonnage)\b/i, "ton"],
  [/\b(?:bushels?)\b/i, "bushel"],
  [/\b(?:percent|percentage|%|rate)\b/i, "percent"],
  [/\bhow many (?:days|weeks|months)\b/i, "day"],
];

export const PRECISION_RANK = { day: 0, week: 1, month: 2, year: 3 } as const;

/** The last day of a dated period. */
export function periodEnd(date: string, precision: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (precision === "day") return date;
  if (precision === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (precision === "month") d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else d.setUTCFullYear(d.getUTCFullYear() + 1, 0, 0);
  return d.toISOString().slice(0, 10);
}

/** "Did it actually take effect?": asks whether something happened, not what was planned. */
export const ACTUALLY =
  /\b(?:did|has|have|was|were)\b.{0,80}\b(?:actually|really|finally|in the end|end up|ended up|ever)\b|\bdid\b.{0,80}\b(?:take effect|happen|go ahead|take place|kick in|begin|start|come into force|show up|turn up|attend|meet|sign|reach)\b/i;

export const GREETING =
  /^(?:hi|hey|hello|yo|good\s+(?:morning|afternoon|evening|day)|thanks|thank\s+you|cheers|ty|thx)\b/i;
export const TASK =
  /^(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|please\s+|pls\s+)?(?:set|book|remind\s+me\s+(?:to|at|in|on|tomorrow|later)|post|pin|forward|send|email|create|write|schedule|order|buy|translate|draft|compose|make\s+me|tell\s+me\s+a\s+joke|sing|play|call\s+me)\b|\bwhat\s+time\s+(?:is\s+it|it\s+is)\b/i;
export const OVERVIEW =
  /\b(?:latest|status|update|news|state of play|catch me up|fill me in|summary|summari[sz]e|tl;?dr|recap|overview|rundown|big picture|bring me up to speed|what'?s new|what'?s happening|what'?s going on|where (?:do|are|does) (?:things|we|it|matters|trade|the talks) stand|where things stand|how are things)\b/i;

/** An answer citing each snippet of each source once, though two of its claims rest on the same sentence. */
export function onceEach(answer: Answer): Answer {
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
