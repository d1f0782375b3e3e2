/**
 * Fact-checking a message: the message is cut into the claims it makes (sentences, and clauses
 * joined by "; ", ", and", ", but", " — " that each have a verb of their own), each claim that
 * states something checkable (a figure, a date, a name) is put to the engine as a belief ("the
 * talks were in Bangkok?"), and the engine's belief check decides: it leads with "Yes: …" when a
 * standing claim agrees, "No: Malaysia, not Bangkok." when one says otherwise. Anything else is
 * "not in the sources", with what the sources do say when the engine cited something.
 * Pure: the clock is in the `answer` function the caller passes.
 */
import { readEnglish, type Word } from "../nlp/english.js";
import { plainFromSlack } from "../search/slack-text.js";
import type { Answer, Citation } from "./types.js";

/** What the sources make of one claim. */
export type Verdict = "supported" | "contradicted" | "unknown";

/** One claim of the message, checked. */
export interface CheckedClaim {
  /** The claim as the message words it (plain text, not escaped). */
  text: string;
  verdict: Verdict;
  /** For a contradicted claim: what the sources say instead ("Malaysia"), and what the message said ("Bangkok"). */
  sourcesSay?: string;
  notWhat?: string;
  /** The engine's answer sentence(s) after the verdict, resting on the citation. */
  detail?: string;
  citation?: Citation;
  /** The claims the verdict rests on. */
  factIds: string[];
}

/** A message, checked claim by claim. */
export interface FactCheck {
  claims: CheckedClaim[];
  /** Sentences or clauses that state nothing checkable (greetings, opinions, questions). */
  skipped: number;
}

/** At most this many claims are checked in one message (the rest are counted as skipped). */
export const MAX_CLAIMS = 12;

/** Where a sentence may hold a second claim: the joint and the words of the clause after it. */
const JOINTS = /\s*;\s+|,\s+(?:and|but|while|whereas|although|though)\s+|\s+[—–]\s+|\s+-\s+/g;

const MONTHS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:today|tomorrow|yesterday|next|last)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** Verbs that report who met, said or agreed something: a claim even without a figure. */
const REPORTING = new Set([
  "say",
  "tell",
  "meet",
  "agree",
  "announce",
  "declare",
  "threaten",
  "sign",
  "impose",
  "expire",
  "extend",
  "suspend",
  "cancel",
  "raise",
  "cut",
  "lift",
  "hold",
  "call",
  "describe",
  "warn",
]);

/** Splits a message into the claims it makes, as plain text; sentences that state nothing checkable are counted. */
export function claimsOf(message: string): { claims: string[]; skipped: number } {
  const plain = plainFromSlack(message);
  if (!plain.trim()) return { claims: [], skipped: 0 };
  const claims: string[] = [];
  let skipped = 0;
  for (const sentence of readEnglish(plain).sentences) {
    for (const clause of clausesOf(sentence.text)) {
      if (checkable(clause)) claims.push(clause);
      else skipped++;
    }
  }
  if (claims.length > MAX_CLAIMS) skipped += claims.splice(MAX_CLAIMS).length;
  return { claims, skipped };
}

/** A sentence's clauses: cut at a joint only where the part after it has a verb of its own. */
function clausesOf(sentence: string): string[] {
  const text = sentence.trim();
  const parts: string[] = [];
  let start = 0;
  for (const m of text.matchAll(JOINTS)) {
    const at = m.index ?? 0;
    const before = text.slice(start, at);
    const after = text.slice(at + m[0].length);
    if (hasVerb(before) && hasVerb(nextClause(after))) {
      parts.push(before);
      start = at + m[0].length;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim().replace(/[.!]+$/, "")).filter((p) => p.length > 0);
}

function nextClause(rest: string): string {
  const next = rest.search(JOINTS);
  return next === -1 ? rest : rest.slice(0, next);
}

function wordsOf(text: string): Word[] {
  return readEnglish(text).words;
}

function hasVerb(text: string): boolean {
  return wordsOf(text).some((w) => w.pos === "VERB" || w.pos === "AUX");
}

/**
 * Whether a clause states something the sources could confirm or refute: a statement (not a
 * question), of a few words, with a figure, a date, a proper name after its first word, or a verb
 * of meeting, saying or deciding.
 */
function checkable(clause: string): boolean {
  if (/\?\s*$/.test(clause)) return false;
  const words = wordsOf(clause).filter((w) => w.pos !== "PUNCT");
  if (words.length < 3) return false;
  if (/\d/.test(clause) || MONTHS.test(clause)) return true;
  const verb = words.some((w) => w.pos === "VERB" || w.pos === "AUX");
  if (!verb) return false;
  const named = words.some((w, k) => k > 0 && (w.pos === "PROPN" || (w.capital && w.lower !== "i")));
  return named || words.some((w) => REPORTING.has(w.lemma));
}

/**
 * The engine's belief-check leads (engine-replies.ts `lead`): "Yes: Nov. 1, 2025." and "No:
 * Malaysia, not Bangkok." The lead ends at the first full stop followed by a new sentence (a
 * capital or a quote), so "Nov. 1" and "U.S. tariffs" stay inside it.
 */
const ABBREVIATED = "(?<!\\b(?:U\\.S|Mr|Ms|Mrs|Dr|St|Jr|Sr|No|Gen|Sen|Rep))";
const YES = new RegExp(`^Yes: (.+?)${ABBREVIATED}\\.(?:\\s+(?=[A-Z"“‘(])|$)`);
const NO = new RegExp(`^No: (.+?)${ABBREVIATED}\\.(?:\\s+(?=[A-Z"“‘(])|$)`);

/** Checks one claim with the engine's belief check. */
export function checkClaim(claim: string, answer: (question: string) => Answer): CheckedClaim {
  const a = answer(`${claim.replace(/[.!,;:\s]+$/, "")}?`);
  const [citation] = a.citations;
  const base = { text: claim, factIds: a.factIds, ...(citation ? { citation } : {}) };
  const yes = a.answered ? YES.exec(a.text) : null;
  if (yes) return { ...base, verdict: "supported", detail: a.text.slice(yes[0].length).trim() };
  const no = a.answered ? NO.exec(a.text) : null;
  if (no) {
    const lead = no[1] as string;
    const cut = lead.lastIndexOf(", not ");
    const detail = a.text.slice(no[0].length).trim();
    return cut === -1
      ? { ...base, verdict: "contradicted", sourcesSay: lead, detail }
      : {
          ...base,
          verdict: "contradicted",
          sourcesSay: lead.slice(0, cut),
          notWhat: lead.slice(cut + ", not ".length),
          detail,
        };
  }
  // Not confirmed or refuted: say what the sources do say about it only when the engine cited a
  // claim ("they don't give the exact day: they say November 2025"), never its "I don't know".
  return citation
    ? { ...base, verdict: "unknown", detail: a.text }
    : { text: claim, verdict: "unknown", factIds: [] };
}

/** Checks every claim a message makes. */
export function factCheck(message: string, answer: (question: string) => Answer): FactCheck {
  const { claims, skipped } = claimsOf(message);
  return { claims: claims.map((c) => checkClaim(c, answer)), skipped };
}
