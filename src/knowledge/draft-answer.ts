/**
 * The answer of a drafted claim: one plain sentence saying what its snippet says, with relative
 * dates written out ("on Sunday, Oct. 26, 2025"), "he" and "she" named, the dateline and leading
 * "But" gone, and quotation marks only around words the article itself puts in quotation marks.
 */

import { findDates, resolveDatesIn } from "./draft-dates.js";
import type { Concept } from "./schema.js";

const MAX = 400;

/** A person's or body's short name for answers: the alias the article uses, else the name. */
export function shortName(c: Concept): string {
  if (c.type === "person") return c.aliases.find((a) => c.name.split(" ").includes(a)) ?? c.name;
  return c.name;
}

function balanced(s: string): boolean {
  return (
    (s.match(/"/g) ?? []).length % 2 === 0 &&
    (s.match(/\u201c/g) ?? []).length === (s.match(/\u201d/g) ?? []).length
  );
}

/** The answer for a claim drafted from `basis` (a slice of the article), published on `published`. */
export function answerFrom(
  basis: string,
  published: string,
  opts: { speaker?: Concept; leadIn?: string; quoteOf?: string } = {},
): string {
  if (opts.quoteOf && opts.speaker)
    return finish(`${opts.speaker.name} said: "${opts.quoteOf.replace(/[.,]$/, "")}."`);
  const quotedAt = [...basis.matchAll(/["\u201c][^"\u201c\u201d]*["\u201d]/g)].map(
    (m) => [m.index, m.index + m[0].length] as const,
  );
  const dates = findDates(basis, published).filter(
    (d) => !quotedAt.some(([a, b]) => d.index > a && d.index < b),
  );
  let a = resolveDatesIn(basis, dates);
  a = a.replace(/^[A-Z][A-Z .'-]+(?:,\s+[A-Z][\w .]+?)?\s+[—–-]{1,2}\s+/, "");
  if (opts.leadIn) a = `${opts.leadIn.replace(/:\s*$/, "")} ${a}`;
  a = a.replace(/^(?:But|And|However|Still|Meanwhile|Also),?\s+(\w)/, (_m, c: string) => c.toUpperCase());
  if (opts.speaker?.type === "person") {
    const name = shortName(opts.speaker);
    a = a.replace(/^(?:He|She)\b/, name).replace(/([,] )(?:he|she)( said| added| told)/, `$1${name}$2`);
  }
  if (!balanced(a)) a = a.replace(/["\u201c\u201d]/g, "");
  return finish(a);
}

function finish(text: string): string {
  let a = text.replace(/\s+/g, " ").trim();
  a = a.charAt(0).toUpperCase() + a.slice(1);
  a = a.replace(/,"$/, '."').replace(/[,;:]$/, "");
  if (!/[.!?]["\u201d]?$/.test(a)) a += ".";
  if (a.length <= MAX) return a;
  const cut = a.slice(0, MAX - 1);
  const clause = Math.max(cut.lastIndexOf(", "), cut.lastIndexOf("; "));
  return `${cut.slice(0, clause > 200 ? clause : cut.lastIndexOf(" ")).replace(/["\u201c\u201d]/g, "")}.`;
}
