/**
 * What a sentence says in words, when no finder of dates, figures, statuses or participants has
 * a fact in it: one claim per predicate ("Trump witnessed …, and signed …"), typed as terms,
 * reason, impact or outcome when its words say so, else a description; and a clause joined by
 * ", and" or ", but" with its own subject that says something no finder drafts.
 */
import { capital, finish, theName, wordsAnswer } from "./draft-answer.js";
import type { DateMention } from "./draft-dates.js";
import type { SentenceFacts } from "./draft-facts.js";
import { tokensOf } from "./draft-tokens.js";
import { baseOf, type DraftFact, EVENTISH, type Reading } from "./draft-unit.js";
import type { Attribute } from "./schema.js";

const REASON =
  /\b(?:because|prompting|in return for|in retaliation for|in order to|so that|aim(?:s|ed)? to|to prepare|to ease|over fentanyl)\b/i;
const TERMS =
  /\b(?:agreed to|pledged?|committed to|commit(?:s|ted)?|promised|will (?:buy|halt|suspend|issue|end|take|drop|lower|keep|resume)|under (?:the|both) (?:deal|agreement|orders?|truce))\b/i;
const IMPACT = /\b(?:disadvantage|too expensive|could (?:hit|hurt|cost|affect)|effect on|impact)\b/i;
const OUTCOME = /\b(?:produced|resulted|outcome|yield(?:ed)?)\b/i;

export function tidyValue(words: string): string {
  return words
    .replace(/["\u201c\u201d]/g, "")
    .replace(/^(?:But|And|However|Also|Meanwhile),?\s+/, "")
    .replace(/\s+/g, " ")
    .replace(/[.,;]$/, "")
    .trim();
}

/** The claims in words of a sentence no finder drafted from. */
export function sentenceInWords(s: SentenceFacts, r: Reading, dates: readonly DateMention[]): DraftFact[] {
  const out: DraftFact[] = [];
  const text = s.text;
  const people = s.mentions.some((m) => m.concept.type === "person");
  if (s.opensParagraph && !dates.length && !people && !/\d/.test(text)) return out;
  for (const piece of predicatesOf(text)) {
    const words = piece.text.replace(/[.]$/, "");
    const inPiece = s.mentions.filter((m) => m.start >= piece.from && m.end <= piece.to);
    const subject =
      (s.leadIn ? s.listOf : undefined) ??
      inPiece.find((m) => EVENTISH.has(m.concept.type))?.concept ??
      inPiece.find((m) => m.concept.type !== "country")?.concept ??
      s.mentions.find((m) => EVENTISH.has(m.concept.type))?.concept ??
      s.mentions.find((m) => m.concept.type !== "country")?.concept ??
      s.mentions[0]?.concept;
    if (!subject || words.split(" ").length < 5) continue;
    const attribute: Attribute =
      s.leadIn && (TERMS.test(`${s.leadIn} ${words}`) || /\bwill:?\s*$/.test(s.leadIn))
        ? "terms"
        : REASON.test(words)
          ? "reason"
          : TERMS.test(words) &&
              /\b(?:deal|agreement|arrangement|truce|order|consensus)\b/i.test(subject.name)
            ? "terms"
            : IMPACT.test(words)
              ? "impact"
              : OUTCOME.test(words)
                ? "outcome"
                : "description";
    const answer = piece.subject
      ? finish(
          `${piece.subject} ${wordsAnswer(text, piece.from, piece.to, {
            dates: r.allDates,
            rewrites: r.rewrites,
          })
            .replace(/[.]$/, "")
            .replace(/^\w/, (c) => c.toLowerCase())}`,
        )
      : wordsAnswer(text, piece.from, piece.to, {
          dates: r.allDates,
          rewrites: r.rewrites,
          leadIn: s.leadIn,
        });
    // "On Monday, China added …", "Asked on Thursday whether …": as of the one past day it gives.
    const days = dates.filter(
      (d) =>
        d.when.precision === "day" &&
        d.index >= piece.from &&
        d.index < piece.to &&
        d.when.date <= s.published &&
        /\bon\s+$/i.test(text.slice(Math.max(0, d.index - 4), d.index)),
    );
    const base = baseOf(r, undefined);
    const day = days.length === 1 && !base.holds ? days[0] : undefined;
    out.push({
      ...base,
      ...(day ? { holds: { as_of: day.when.date } } : {}),
      attribute,
      about: [...new Set([subject.id, ...inPiece.map((m) => m.concept.id)])].slice(0, 5),
      value: { text: tidyValue(piece.subject ? `${piece.subject} ${words}` : words) },
      answer,
    });
  }
  return out;
}

/**
 * A clause joined by ", and" or ", but" with a subject and verb of its own, saying what no other
 * finder drafts (no date, figure or change of status): "…, but it has not publicly addressed the
 * general licenses", "…, and traders say Brazilian supplies remain cheaper". Drafted in words, with
 * "it" named as the sentence's first party.
 */
export function coordinatedClauses(s: SentenceFacts, r: Reading, drafted: boolean): DraftFact[] {
  const out: DraftFact[] = [];
  if (!drafted || s.leadIn) return out;
  const text = s.text;
  const tokens = tokensOf(text);
  for (const m of text.matchAll(/,\s+(?:and|but)\s+/g)) {
    const from = m.index + m[0].length;
    // Up to the next clause of its own, or a participle that goes on about something else (", pushing back …").
    const next = /,\s+(?:and|but)\s+|;\s|,\s+[a-z]+ing\b/.exec(text.slice(from));
    const to = next ? from + next.index : text.length;
    const words = text.slice(from, to).replace(/[.]$/, "");
    const clause = tokens.filter((t) => t.start >= from && t.end <= to);
    // A subject of one to three words, then its verb.
    const verbAt = clause.findIndex((t) => t.pos === "VERB" || t.pos === "AUX");
    if (verbAt < 1 || verbAt > 3) continue;
    if (!clause.slice(0, verbAt).every((t) => ["PRON", "NOUN", "PROPN", "ADJ", "DET"].includes(t.pos)))
      continue;
    if (words.split(/\s+/).length < 5 || /\d|%/.test(words)) continue;
    if (s.speech?.ranges.some(([a, b]) => from < b && to > a)) continue;
    if (/\b(?:suspend\w*|paus\w*|extend\w*|lift\w*|cancel\w*)\b/i.test(words)) continue;
    const inClause = s.mentions.filter((x) => x.start >= from && x.end <= to);
    const it = /^it\b/i.test(words)
      ? s.mentions.find(
          (x) => ["country", "organisation", "person"].includes(x.concept.type) && x.start < from,
        )
      : undefined;
    // Its subject: the one the clause opens with, else what it is about.
    const subject =
      it?.concept ??
      inClause.find((x) => x.start === from)?.concept ??
      inClause.find((x) => EVENTISH.has(x.concept.type))?.concept ??
      inClause[0]?.concept;
    if (!subject) continue;
    const days = r.dates.filter(
      (d) =>
        d.when.precision === "day" &&
        d.index >= from &&
        d.index < to &&
        d.when.date <= s.published &&
        /\bon\s+$/i.test(text.slice(Math.max(0, d.index - 4), d.index)),
    );
    const base = baseOf(r, undefined);
    const day = days.length === 1 && !base.holds ? days[0] : undefined;
    const answer = wordsAnswer(text, from, to, {
      dates: r.allDates,
      rewrites: [...r.rewrites, ...(it ? [{ start: from, end: from + 2, text: theName(it.concept) }] : [])],
    });
    out.push({
      ...base,
      ...(day ? { holds: { as_of: day.when.date } } : {}),
      attribute: "description",
      about: [...new Set([subject.id, ...inClause.map((x) => x.concept.id)])].slice(0, 5),
      value: { text: tidyValue(words) },
      answer: capital(answer),
    });
  }
  return out;
}

/**
 * The predicates of a sentence with one subject: "Trump then witnessed the signing of … and signed
 * trade agreements with Malaysia" → the first part, and "signed trade agreements with Malaysia"
 * with its subject ("Trump") to say it again.
 */
function predicatesOf(text: string): { from: number; to: number; text: string; subject?: string }[] {
  const tokens = tokensOf(text);
  const firstVerb = tokens.findIndex((t) => t.pos === "VERB" || t.pos === "AUX");
  if (firstVerb <= 0) return [{ from: 0, to: text.length, text }];
  const subject = tokens
    .slice(0, firstVerb)
    .filter((t) => t.pos !== "ADV")
    .map((t) => t.text)
    .join(" ")
    .replace(/\s+(['’]s)/g, "$1");
  const cuts: number[] = [];
  // ", while Xi headed to Gyeongju": another subject, another claim.
  const whileAt = /,\s+(?:while|whereas)\s+/.exec(text);
  if (whileAt) {
    const rest = whileAt.index + whileAt[0].length;
    return [
      { from: 0, to: whileAt.index, text: text.slice(0, whileAt.index) },
      { from: rest, to: text.length, text: text.slice(rest) },
    ];
  }
  for (let i = firstVerb + 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (
      t?.lower === "and" &&
      next?.pos === "VERB" &&
      /ed$|^(?:signed|held|met|took|made|gave|won|began|set|said)$/.test(next.lower)
    )
      cuts.push(i);
  }
  if (!cuts.length) return [{ from: 0, to: text.length, text }];
  const out: { from: number; to: number; text: string; subject?: string }[] = [];
  let from = 0;
  for (const c of cuts) {
    const and = tokens[c] as (typeof tokens)[number];
    out.push({ from, to: and.start, text: text.slice(from, and.start).trim(), ...(from ? { subject } : {}) });
    from = (tokens[c + 1] as (typeof tokens)[number]).start;
  }
  out.push({ from, to: text.length, text: text.slice(from), subject });
  return out;
}
