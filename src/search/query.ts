/**
 * What a question asks: its intents (when, where, who…) and its terms, each known to the index,
 * corrected from a typo, or unknown (a sign the question is about something we do not hold).
 */
import { isGeneralWord, terms } from "./analyze.js";
import { INTENT_PATTERNS, type Intent, PEOPLE } from "./lexicon.js";
import { plainFromSlack } from "./slack-text.js";
import type { TypoCorrector } from "./typos.js";

/** One word of a question, as the index sees it. */
export interface QueryTerm {
  term: string;
  /** known: in the index; corrected: a typo of a known term; unknown: not in the knowledge base. */
  status: "known" | "corrected" | "unknown";
}

/** A question, analysed. */
export interface Query {
  text: string;
  intents: Set<Intent>;
  terms: QueryTerm[];
  /** Canonical people the question names (trump, xi, bessent, helifeng). */
  people: Set<string>;
}

/** Reads intents from the question words, then resolves each remaining term against the vocabulary. */
export function analyseQuery(text: string, vocabulary: ReadonlySet<string>, typos: TypoCorrector): Query {
  const lower = plainFromSlack(text)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
  const intents = new Set<Intent>();
  for (const [intent, pattern] of INTENT_PATTERNS) if (pattern.test(lower)) intents.add(intent);
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  for (const raw of terms(text)) {
    let term = raw;
    let status: QueryTerm["status"] = "known";
    if (!vocabulary.has(term)) {
      const fixed = typos.correct(term);
      if (fixed) {
        term = fixed;
        status = "corrected";
      } else if (isGeneralWord(term) || term.length < 2) {
        continue;
      } else {
        status = "unknown";
      }
    }
    if (seen.has(term)) continue;
    seen.add(term);
    out.push({ term, status });
  }
  const people = new Set(out.filter((t) => PEOPLE.has(t.term)).map((t) => t.term));
  // "when" inferred from words like "date" must not hide a plain "what is" question about dates.
  if (intents.has("status") && out.length > 2) intents.delete("status");
  return { text, intents, terms: out, people };
}
