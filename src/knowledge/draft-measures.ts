/**
 * Measures and events an article names as noun phrases: "the fentanyl-related tariff", "the Oct. 9
 * export controls", "the affiliates rule", "a fact sheet", "the 43-day government shutdown". A
 * phrase is headed by a noun that names a kind of measure or event (English, listed here, and the
 * head words of the knowledge's own measure and event concepts); its describing words before the
 * head tell one measure from another, so "port fees" and "special port fees" stay apart while
 * "fentanyl-related tariff" and "so-called fentanyl tariffs" are the same.
 */
import { keyOf } from "../search/keys.js";
import { type Token, tokensOf } from "./draft-tokens.js";
import type { Concept, ConceptType } from "./schema.js";

/** A measure or event phrase in a sentence. */
export interface MeasurePhrase {
  /** The phrase as a name: "fentanyl-related tariff", "Oct. 9 export controls". */
  name: string;
  /** What tells it apart: its describing words and head, as comparison keys ("fentanyl tariff"). */
  key: string;
  /** The head word's key: "tariff". */
  head: string;
  type: ConceptType;
  start: number;
  end: number;
  /** Offset of the head word. */
  headStart: number;
}

/** Nouns that name a kind of event. */
const EVENT_HEADS = new Set(
  "talk meeting summit visit trip call conference shutdown sheet summary announcement declaration signing round session negotiation interview press".split(
    " ",
  ),
);
/** Nouns that name a kind of measure. */
const MEASURE_HEADS = new Set(
  "tariff levy duty surtax fee rule control ban truce pause suspension deal agreement arrangement framework consensus order investigation probe inquiry sanction exclusion purchase pledge commitment bill notice case action countermeasure regime rate license licence extension restriction curb quota tranche increase cut".split(
    " ",
  ),
);
/** Describing words that do not tell one measure from another. */
export const IDLE = new Set(
  "so-called so called current new same other such certain several additional expanded sweeping recent earlier latest first-ever related its their his her this that these those the a an all any some".split(
    " ",
  ),
);
const MODIFIER_POS = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);

/**
 * The head words of measures and events: the English ones, and the heads of the knowledge's own
 * measure and event names ("truce" of "US-China trade truce", "controls" of "China's rare-earth
 * export controls"; the head is the last word before "on", "in", "of", "to"…). Aliases are not
 * read for heads: "tariffs on Chinese imports" does not make "imports" a kind of measure.
 */
/** The head word of a name: the last word before "on", "in", "of", "to"… ("talks" of "US-China talks in Malaysia"). */
export function nameHead(name: string): string {
  const words = name.split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:on|in|of|for|with|at|to|against|between)$/.test(w));
  return (cut > 0 ? words[cut - 1] : words.at(-1)) ?? "";
}

export function headsOf(concepts: readonly Concept[]): Map<string, ConceptType> {
  const heads = new Map<string, ConceptType>();
  for (const h of EVENT_HEADS) heads.set(h, "event");
  for (const h of MEASURE_HEADS) heads.set(h, "measure");
  for (const c of concepts) {
    if (c.type !== "measure" && c.type !== "event") continue;
    const word = nameHead(c.name);
    const last = keyOf(word);
    if (/^[a-z]/.test(word) && last.length > 3 && !heads.has(last) && !/\d/.test(last))
      heads.set(last, c.type);
  }
  return heads;
}

function describes(t: Token): boolean {
  if (t.text === "%" || /%$/.test(t.text)) return true;
  if (/^[A-Z][a-z]{2}\.$|^Sept\.$/.test(t.text)) return true; // "Oct." of "Oct. 9 controls"
  return MODIFIER_POS.has(t.pos) && !/^['’]s$/.test(t.text) && t.lower !== "'s";
}

/** The measure and event phrases of a sentence, in order. */
export function measurePhrases(
  sentence: string,
  heads: ReadonlyMap<string, ConceptType>,
  opts: { firstWordIsVerb?: boolean } = {},
): MeasurePhrase[] {
  const tokens = tokensOf(sentence);
  const first = opts.firstWordIsVerb ? 1 : 0;
  const out: MeasurePhrase[] = [];
  for (let h = 0; h < tokens.length; h++) {
    const t = tokens[h] as Token;
    const head = keyOf(t.text);
    const type = heads.get(head);
    if (!type || (t.pos !== "NOUN" && t.pos !== "PROPN")) continue;
    // A noun followed by another noun is a describing word ("tariff truce"): the phrase goes on.
    const next = tokens[h + 1];
    if (next && next.pos === "NOUN") continue;
    if (next && next.pos === "PROPN" && /^[A-Z]/.test(next.text) && /^[A-Z]/.test(t.text)) continue;
    if (h < first) continue;
    let from = h;
    const glued = (i: number) => {
      // "fentanyl-related", "in-person": a word joined to the next by a hyphen.
      const a = tokens[i - 1];
      const b = tokens[i];
      return Boolean(
        a &&
          b &&
          a.end === b.start &&
          (a.text === "-" || b.text === "-" || /-$/.test(a.text) || /^-/.test(b.text)),
      );
    };
    while (
      from > first &&
      h - from < 7 &&
      (describes(tokens[from - 1] as Token) || glued(from) || glued(from - 1))
    )
      from--;
    // A possessive country or body before the phrase belongs to its name: "China's Oct. 9 controls".
    let words = tokens.slice(from, h + 1);
    while (
      words.length &&
      !(words[1] && words[0] && words[0].end === words[1].start) &&
      (IDLE.has(words[0]?.lower ?? "") ||
        (words[0]?.pos === "NUM" && !/%|^\d+$/.test(words[0]?.text ?? "")) ||
        words[0]?.text === "-")
    )
      words = words.slice(1);
    if (!words.length) continue;
    let start = words[0]?.start ?? t.start;
    // A hyphenated describing word belongs whole: "in-person round"; a length does not name it: "43-day".
    const hyphened = /([\w]+-)+$/.exec(sentence.slice(0, start));
    if (hyphened) start -= hyphened[0].length;
    const length = /^\d+-\w+\s+|^(?:one|two|three|four|five)-(?:day|week|month|year)\s+/i.exec(
      sentence.slice(start, t.end),
    );
    if (length) start += length[0].length;
    const name = sentence.slice(start, t.end);
    const keys = tokensOf(name)
      .filter(
        (w) => !IDLE.has(w.lower) && w.text !== "%" && w.text !== "-" && !/^\d+(?:\.\d+)?%$/.test(w.text),
      )
      .map((w) => keyOf(w.text.replace(/-related$/i, "")))
      .filter(Boolean);
    out.push({ name, key: keys.join(" "), head, type, start, end: t.end, headStart: t.start });
  }
  return out;
}
