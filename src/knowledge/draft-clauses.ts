/**
 * A sentence in clauses, for finding what a date, figure or change of status belongs to, and for
 * answers that say one fact rather than the whole sentence. A clause is the text between commas,
 * semicolons, colons and dashes; a clause that opens with "which", "who", a participle ("issued
 * Sept. 29", "lowering the tariff …") or "including" hangs on the one before it. Reported speech
 * that goes on with "…, and that …", "…, adding that …" or "… and said …" is cut into pieces, so that
 * each thing said is one claim.
 */
import { type Token, tokensOf } from "./draft-tokens.js";

/** One clause: characters `start`..`end` of its sentence. */
export interface Clause {
  start: number;
  end: number;
  text: string;
  /** A clause that hangs on the one before ("which Trump had set to begin Nov. 1", "issued Sept. 29", "on Oct. 9"). */
  dependent: boolean;
  /** A clause that opens with its verb ("is due to run out on Nov. 10"): its subject is in an earlier clause. */
  continues: boolean;
}

const BREAK = /\s*(?:[,;:]|\s[—–]\s|\s--\s)\s*/g;
const RELATIVE =
  /^(?:which|who|whom|whose|that|where|when|with|without|including|includ\w+|such as|as well as)\b/i;
/** Past participles that do not end in -ed or -en ("held up by the shutdown", "set to begin"). */
const IRREGULAR =
  /^(?:held|made|set|built|brought|sold|bought|paid|sent|kept|left|led|won|told|cut|put|hit|hurt|struck|spent|lost|met|caught|taught|thought|found|laid|shut|split|spread|understood)$/;
function participle(t: Token | undefined): boolean {
  return Boolean(
    t && (t.pos === "VERB" || t.pos === "ADJ") && (/(?:ed|en|ing)$/.test(t.lower) || IRREGULAR.test(t.lower)),
  );
}

/** The clauses of `sentence`, in order. */
export function clausesOf(sentence: string): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = sentence.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) {
      const tokens = tokensOf(text);
      const first = tokens[0];
      // "in turn", "on Oct. 9": a short clause with no verb of its own, or no subject, hangs on the one before.
      const verbless =
        !tokens.some((t) => t.pos === "VERB" || t.pos === "AUX") ||
        (tokens.length <= 3 && ["ADP", "ADV", "PART"].includes(first?.pos ?? ""));
      // "Sales data, held up by the shutdown, showed on Friday …": after a subject with no verb and
      // the clauses that hang on it, a verb in the past is the subject's own.
      const afterSubject =
        out.length >= 2 &&
        !tokensOf(out[0]?.text ?? "").some((t) => t.pos === "VERB" || t.pos === "AUX") &&
        out.slice(1).every((c) => c.dependent) &&
        first?.pos === "VERB" &&
        /ed$/.test(first.lower) &&
        tokens[1]?.lower !== "by";
      const continues =
        out.length > 0 &&
        Boolean(
          first &&
            (first.pos === "AUX" || (first.pos === "VERB" && !participle(first)) || afterSubject) &&
            /^[a-z]/.test(text),
        );
      // "also charged since Oct. 14": a participle after an adverb; "and planned 100% tariffs": more of the same list.
      const firstWord = tokens.find((t) => t.pos !== "ADV");
      const andList =
        /^(?:and|or)\s/i.test(text) &&
        !["PROPN", "PRON"].includes(tokens[1]?.pos ?? "") &&
        !tokens.slice(1, 4).some((t) => t.pos === "AUX");
      out.push({
        start: from + lead,
        end: from + lead + text.length,
        text,
        dependent:
          out.length > 0 &&
          !continues &&
          (RELATIVE.test(text) || participle(first) || participle(firstWord) || verbless || andList),
        continues,
      });
    }
  };
  for (const m of sentence.matchAll(BREAK)) {
    // Commas inside figures ("12,000") and inside quotation marks do not end a clause.
    if (/\d$/.test(sentence.slice(0, m.index)) && /^\d/.test(sentence.slice(m.index + m[0].length))) continue;
    push(m.index);
    from = m.index + m[0].length;
  }
  push(sentence.length);
  return out;
}

/** The clause holding character `at`. */
export function clauseAt(clauses: readonly Clause[], at: number): Clause | undefined {
  return clauses.find((c) => at >= c.start && at < Math.max(c.end, c.start + 1)) ?? clauses.at(-1);
}

/**
 * The clause `at` is in and the clauses it hangs on: "the threat of an additional 100% tariff, which
 * Trump had set to begin Nov. 1" → both, so a date in the second finds the tariff in the first.
 */
export function clauseChain(clauses: readonly Clause[], at: number): Clause[] {
  const here = clauseAt(clauses, at);
  if (!here) return [];
  let i = clauses.indexOf(here);
  const chain = [here];
  // A dependent clause hangs on the one before it, back to one that stands on its own.
  while (i > 0 && clauses[i]?.dependent) {
    i--;
    chain.unshift(clauses[i] as Clause);
  }
  // "Because the levy stays on top of a 3% duty, U.S. soybeans will face a 13% tariff": a subordinate clause needs its main one.
  if (
    /^(?:because|although|though|if|unless|while|whereas|as|since|once)\b/i.test(here.text) &&
    clauses[clauses.indexOf(here) + 1]
  )
    chain.push(clauses[clauses.indexOf(here) + 1] as Clause);
  // "That truce, which holds back …, is due to run out": a clause that opens with its verb takes the subject's.
  if (clauses[i]?.continues) {
    let j = i - 1;
    while (
      j > 0 &&
      (RELATIVE.test(clauses[j]?.text ?? "") ||
        participle(tokensOf(clauses[j]?.text ?? "")[0]) ||
        participle(tokensOf(clauses[j]?.text ?? "").find((t) => t.pos !== "ADV")) ||
        (clauses[j]?.dependent && (clauses[j]?.text.split(/\s+/).length ?? 0) <= 3))
    )
      j--;
    if (j >= 0) chain.unshift(clauses[j] as Clause);
  }
  // "On Friday, China's Commerce Ministry … issued …": a sentence's opening phrase goes with what follows it.
  const last = chain.at(-1) as Clause;
  const k = clauses.indexOf(last);
  if (
    k === 0 &&
    last.text.split(/\s+/).length <= 4 &&
    !tokensOf(last.text).some((t) => t.pos === "VERB" || t.pos === "AUX") &&
    clauses[1]
  )
    chain.push(clauses[1] as Clause);
  return chain;
}

/** A piece of what a speaker said: characters `start`..`end` of the sentence. */
export interface Piece {
  start: number;
  end: number;
  text: string;
}

/** Where reported speech goes on to another thing said. */
const NEXT_SAID =
  /,?\s+and\s+that\s+|,\s+adding\s+(?:that\s+)?|,?\s+and\s+(?:said|added|told \w+)\s+(?:that\s+)?|,\s+but\s+(?=(?:would|will|did|could|said|declined|refused)\b)|\s+but\s+(?=would not|will not|did not|declined|refused)/g;

/** The pieces of reported speech `content` (at `offset` in its sentence): one per thing said. */
export function speechPieces(content: string, offset: number): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = content.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/[.,;]$/, "");
    if (text.split(/\s+/).length >= 3)
      out.push({ start: offset + from + lead, end: offset + from + lead + text.length, text });
  };
  for (const m of content.matchAll(NEXT_SAID)) {
    // Not inside quotation marks.
    const before = content.slice(0, m.index);
    if ((before.match(/["\u201c\u201d]/g) ?? []).length % 2 === 1) continue;
    push(m.index);
    from = m.index + m[0].length;
  }
  push(content.length);
  return out;
}
