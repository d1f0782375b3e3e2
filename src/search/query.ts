/**
 * What a question asks: its intents (when, where, who…) and its terms, each known to the index,
 * corrected from a typo, or unknown (a sign the question is about something we do not hold).
 */
import { isGeneralTerm, tokens } from "./analyze.js";
import { INTENT_PATTERNS, type Intent } from "./intents.js";
import { BROADER, PEOPLE, PLACE_NAMES } from "./lexicon.js";
import { plainFromSlack } from "./slack-text.js";
import type { TypoCorrector } from "./typos.js";

/** One word of a question, as the index sees it. */
export interface QueryTerm {
  term: string;
  /** known: in the index; corrected: a typo of a known term; unknown: not in the knowledge base. */
  status: "known" | "corrected" | "unknown";
  /** A general word ("new", "number", "time"): it counts for little either way. */
  general: boolean;
  /** An unknown word that looks like a name or acronym (UK, EU, Busan): strong sign of another topic. */
  entity: boolean;
}

/** A question, analysed. */
export interface Query {
  text: string;
  intents: Set<Intent>;
  terms: QueryTerm[];
  /** Canonical people the question names (trump, xi, bessent, helifeng). */
  people: Set<string>;
  /** The people whose words are asked for ("what did X say"); all people named when unclear. */
  speakers: Set<string>;
}

/** The kinds of answer a question asks for, from its question words. */
export function intentsOf(text: string): Set<Intent> {
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const intents = new Set<Intent>();
  for (const [intent, pattern] of INTENT_PATTERNS) if (pattern.test(lower)) intents.add(intent);
  return intents;
}

/** Reads intents from the question words, then resolves each remaining term against the vocabulary. */
export function analyseQuery(text: string, vocabulary: ReadonlySet<string>, typos: TypoCorrector): Query {
  const lower = plainFromSlack(text)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
  const intents = intentsOf(lower);
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  const capitalised = namesIn(plainFromSlack(text));
  for (const { word, term: raw } of tokens(text)) {
    let term = raw;
    let status: QueryTerm["status"] = "known";
    if (!vocabulary.has(term)) {
      // A small number the sources do not state ("the 5th round", "is it 50%?") is a detail of
      // the question, not another topic; an unknown year is another topic.
      if (isGeneralTerm(term) || term.length < 2 || /^\d{1,3}(?:\.\d+)?$/.test(term)) continue;
      // A country or city we do not hold is another topic, never a typo of one of our words.
      const fixed = PLACE_NAMES.has(word) ? undefined : typos.correct(word);
      if (fixed) {
        term = fixed;
        status = "corrected";
      } else {
        status = "unknown";
      }
    }
    if (seen.has(term)) continue;
    seen.add(term);
    const entity =
      status === "unknown" &&
      (/^[a-z]{2,3}$/.test(word) ||
        /^(?:19|20)\d\d$/.test(word) ||
        capitalised.has(word) ||
        PLACE_NAMES.has(word));
    out.push({ term, status, general: isGeneralTerm(term), entity });
    const broader = BROADER.get(term);
    if (broader && !seen.has(broader)) {
      seen.add(broader);
      out.push({ term: broader, status, general: true, entity: false });
    }
  }
  const people = new Set(out.filter((t) => PEOPLE.has(t.term)).map((t) => t.term));
  // "What did X say (about Y)": X is the speaker asked about, not every person named.
  const asked =
    /\b(?:did|does|do|has|have|will|would|is|was)\s+(.{2,40}?)\s+(?:say|said|saying|think|tell|told|comment|mean)\b/.exec(
      lower,
    );
  const speakers = asked
    ? new Set(
        tokens(asked[1] as string)
          .map((t) => t.term)
          .filter((t) => PEOPLE.has(t)),
      )
    : new Set<string>();
  // "when" inferred from words like "date" must not hide a plain "what is" question about dates.
  if (intents.has("status") && out.length > 2) intents.delete("status");
  return { text, intents, terms: out, people, speakers: speakers.size ? speakers : people };
}

/** Words written with a capital in the middle of a sentence, lower-cased: likely names. */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[^.!?\s]\s+)([A-Z][a-zA-Z]+)/g))
    names.add((m[1] as string).toLowerCase());
  for (const m of text.matchAll(/\b([A-Z]{2,5})s?\b/g)) names.add((m[1] as string).toLowerCase());
  return names;
}
