/**
 * The other names a curator would write for a proposed concept, from how names are written in
 * English news, never from a list of this topic's names:
 *
 * - an abbreviation the article gives: "U.S. Trade Representative (USTR)", "Ministry of Commerce,
 *   or MOFCOM,";
 * - a body's name in its other word order: "Commerce Ministry" ↔ "Ministry of Commerce",
 *   "Agriculture Department" ↔ "Department of Agriculture"; "X's office" ↔ "Office of the X";
 * - initials of three capitals or more: "General Administration of Customs" → "GAC", "U.S.
 *   Department of Agriculture" → "USDA" (two-letter ones only when the article writes them);
 * - a measure's name with a word that only says how it relates left out: "fentanyl-related tariffs"
 *   → "fentanyl tariffs", "U.S.-specific metals ban" → "U.S. metals ban";
 * - a measure named by a name or date and a kind, with the common nouns between left out: "Oct. 9
 *   export controls" → "Oct. 9 controls", "Section 301 tariff exclusions" → "Section 301 exclusions";
 * - a measure named by what it applies to: "ban on gallium, germanium and antimony" → "gallium
 *   ban", "germanium ban", "antimony ban"; "tariffs on Chinese-made cranes" → "crane tariffs".
 *
 * A bare kind ("the ministry", "the ban") is never an alias: it names every concept of its kind.
 */
import { countryNamed } from "../nlp/places.js";
import { keyOf } from "../search/keys.js";
import { tokensOf } from "./draft-tokens.js";

/** Heads of bodies named for a portfolio, written either way: "Commerce Ministry", "Ministry of Commerce". */
const PORTFOLIO_HEADS = /^(?:Ministry|Department)$/;
/** Small words of a name that initials leave out. */
const SMALL = /^(?:of|the|and|for|on|in|at|to|&)$/i;

/** Whether each word is a common noun (a portfolio: "Commerce", "Homeland Security"), read as English in lower case. */
function allNouns(words: readonly string[]): boolean {
  const tokens = tokensOf(`the ${words.join(" ").toLowerCase()} office`).slice(1, -1);
  return tokens.length === words.length && tokens.every((t) => t.pos === "NOUN");
}

/**
 * A portfolio body's name in its other word order: "Commerce Ministry" ↔ "Ministry of Commerce",
 * "Homeland Security Department" ↔ "Department of Homeland Security". A describing word is not a
 * portfolio ("Foreign Ministry" is not the "Ministry of Foreign"), so the words must be nouns.
 */
export function otherWordOrder(name: string): string | undefined {
  const words = name.split(/\s+/);
  const head = words.at(-1) ?? "";
  if (PORTFOLIO_HEADS.test(head) && words.length >= 2 && words.length <= 4) {
    const remit = words.slice(0, -1);
    if (remit.every((w) => /^[A-Z][a-z]+$/.test(w)) && allNouns(remit))
      return `${head} of ${remit.join(" ")}`;
  }
  const of = /^(Ministry|Department)\s+of\s+([A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,2})$/.exec(name);
  if (of) return `${of[2]} ${of[1]}`;
  const office = /^(.+?)['’]s\s+office$/i.exec(name);
  if (office) return `Office of the ${office[1]}`;
  return undefined;
}

/** Whether a short lower-case form is an English word already ("doc", "mot"): then it is no abbreviation. */
function englishWord(lower: string): boolean {
  const t = tokensOf(lower)[0];
  return lower.length <= 3 && t !== undefined && !t.unknown && /[aeiou]/.test(lower);
}

/**
 * The initials of a name's capitalised words ("U.S." counts as "US"): "General Administration of
 * Customs" → "GAC", "U.S. Trade Representative" → "USTR". Undefined for a one-word name.
 */
export function initialsOf(name: string): string | undefined {
  const words = name
    .replace(/['’]s\b/g, "")
    .split(/\s+/)
    .filter((w) => w && !SMALL.test(w));
  if (words.length < 2 || !words.every((w) => /^[A-Z]/.test(w))) return undefined;
  const letters = words
    .map((w) => (/^(?:[A-Z]\.){2,}$/.test(w) ? w.replace(/\./g, "") : /^[A-Z]{2,}$/.test(w) ? w : w[0]))
    .join("");
  return letters.length >= 2 ? letters : undefined;
}

/** Initials worth an alias: three capitals or more (not an English word), or two the text writes alone. */
function usableInitials(initials: string | undefined, text: string): string | undefined {
  if (!initials) return undefined;
  if (initials.length >= 3) return englishWord(initials.toLowerCase()) ? undefined : initials;
  return new RegExp(`(?<![\\w.])${initials}(?![\\w.])`).test(text) ? initials : undefined;
}

/**
 * The other names of an organisation: its other word order, the office of a title, and initials.
 * `owner` is the country the article gives it ("U.S." of "the U.S. Agriculture Department"): the
 * initials of a body of the U.S. are written with its "US" ("U.S. Department of Agriculture" → "USDA").
 */
export function organisationAliases(name: string, text: string, owner?: string): string[] {
  const out: string[] = [];
  const other = otherWordOrder(name);
  if (other) out.push(other);
  // "U.S.-China Board of Trade" is "the Board of Trade" once the article has named the two countries.
  const pair = /^(U\.S\.|US|[A-Z][a-z]+)[-–](U\.S\.|US|[A-Z][a-z]+)\s+(\S.*)$/.exec(name);
  const nation = (w: string) => /^(?:U\.S\.|US)$/.test(w) || countryNamed(w) !== undefined;
  if (pair && nation(pair[1] ?? "") && nation(pair[2] ?? "") && (pair[3] ?? "").split(" ").length >= 2)
    out.push(pair[3] as string);
  const office = /^(.+?)['’]s\s+office$/i.exec(name)?.[1];
  const titled = office ? usableInitials(initialsOf(office), text) : undefined;
  if (titled) out.push(titled, `${titled} office`);
  const formal = [other && /^(?:Ministry|Department)\s/.test(other) ? other : name];
  const us = owner && /^(?:U\.S\.|US|United States|America)$/i.test(owner);
  const forms = us ? formal.map((f) => (/^U\.?S\.?\s/.test(f) ? f : `U.S. ${f}`)) : formal;
  for (const f of [name, ...forms]) {
    const i = usableInitials(initialsOf(f), text);
    if (i && !out.includes(i)) out.push(i);
  }
  return out.filter((a) => a !== name);
}

/**
 * Abbreviations the text gives for a name: "U.S. Trade Representative (USTR)", "the Ministry of
 * Commerce, or MOFCOM,", "MOFCOM (Ministry of Commerce)". The abbreviation's letters must come in
 * order from the name, starting with its first letter, so "(Reuters)" or "(AFP)" after a caption
 * is not read as one.
 */
export function givenAbbreviations(sentence: string): { name: string; short: string }[] {
  const NAME_WORD = "(?:[A-Z][\\w.&'’-]*|of|the|and|for|on)";
  const ABBR = "([A-Z][A-Za-z&.]*[A-Z]s?)";
  const out: { name: string; short: string }[] = [];
  const patterns = [
    new RegExp(`((?:${NAME_WORD}[ ]){0,6}[A-Z][\\w.&'’-]*)[ ]\\(${ABBR}\\)`, "g"),
    new RegExp(`((?:${NAME_WORD}[ ]){0,6}[A-Z][\\w.&'’-]*),[ ]or[ ]${ABBR}(?=[,;.)]|$)`, "g"),
  ];
  for (const re of patterns)
    for (const m of sentence.matchAll(re)) {
      const found = abbreviated(m[1] ?? "", m[2] ?? "");
      if (found) out.push({ name: found, short: m[2] as string });
    }
  for (const m of sentence.matchAll(/\b([A-Z][A-Za-z&.]*[A-Z])[ ]\(([A-Z][^()]{3,80})\)/g)) {
    const found = abbreviated(m[2] ?? "", m[1] ?? "");
    if (found && found === m[2]) out.push({ name: found, short: m[1] as string });
  }
  return out;
}

/** The last words of `words` that `short` abbreviates (the longest such), if any. */
function abbreviated(words: string, short: string): string | undefined {
  const letters = short.replace(/[^A-Za-z]/g, "").toLowerCase();
  if (letters.length < 2 || (short.match(/[A-Z]/g) ?? []).length < 2) return undefined;
  const list = words.split(" ");
  for (let from = 0; from < list.length; from++) {
    const first = list[from] ?? "";
    if (SMALL.test(first) || !/^[A-Z]/.test(first)) continue;
    if (first[0]?.toLowerCase() !== letters[0]) continue;
    const candidate = list
      .slice(from)
      .join(" ")
      .replace(/['’]s$/, "");
    if (subsequence(letters, candidate.toLowerCase().replace(/[^a-z]/g, ""))) return candidate;
  }
  return undefined;
}

function subsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}

/**
 * Other ways of writing a person's title: a U.S. title's initials ("U.S. Trade Representative" →
 * "USTR"), and a body inside it in its other word order ("Commerce Ministry spokesperson" →
 * "Ministry of Commerce spokesperson"). Roles may be shared, so these never clash.
 */
export function roleVariants(role: string): string[] {
  const out: string[] = [];
  if (/^U\.S\.\s/.test(role)) {
    const initials = initialsOf(role);
    if (initials && initials.length >= 4) out.push(initials);
  }
  const body = /\b((?:[A-Z][a-z]+\s){1,3}(?:Ministry|Department))\b(?!\s+of\b)/.exec(role);
  const other = body?.[1] ? otherWordOrder(body[1]) : undefined;
  if (body?.[1] && other) out.push(role.replace(body[1], other));
  return out;
}

/** Heads of measures that apply to goods or trade: what they apply to names them ("gallium ban"). */
const APPLIES = new Set([
  "tariff",
  "levy",
  "duty",
  "ban",
  "control",
  "curb",
  "restriction",
  "quota",
  "fee",
  "embargo",
]);
/** What a measure applies to that names no one thing. */
const GENERIC = new Set([
  "good",
  "product",
  "item",
  "import",
  "export",
  "shipment",
  "vessel",
  "ship",
  "company",
  "firm",
]);

/**
 * Other names of a measure or event, from its name alone: the relating word left out
 * ("fentanyl-related tariffs" → "fentanyl tariffs"), the common nouns between a name or date and
 * the kind left out ("Oct. 9 export controls" → "Oct. 9 controls"), and the things it applies to
 * before its kind ("ban on gallium, germanium and antimony" → "gallium ban" …).
 */
export function measureAliases(name: string, type = "measure"): string[] {
  const out: string[] = [];
  // "fentanyl-related tariffs", "U.S.-specific metals ban": the thing itself names it.
  const relating = name.replace(/(\S)-(?:related|specific|linked|based)\b/g, "$1");
  if (relating !== name) out.push(relating);
  const kindAfter = /^(.*?)\s+(?:on|against)\s+(.+)$/.exec(name);
  const before = kindAfter ? (kindAfter[1] ?? "") : name;
  const tokens = tokensOf(before);
  const head = tokens.at(-1);
  // "Oct. 9 export controls", "Section 301 tariff exclusions": a proper name or date, common nouns, the kind.
  if (head && !kindAfter && type === "measure") {
    let i = 0;
    const proper = (k: number) => {
      const t = tokens[k];
      if (!t) return false;
      if (/^\d/.test(t.text) && k > 0) return true;
      return /^[A-Z]/.test(t.text) && !/['’]s$/.test(t.text) && !(tokens[k + 1]?.text ?? "").startsWith("'");
    };
    while (i < tokens.length - 1 && proper(i)) i++;
    const named = tokens.slice(0, i);
    const between = tokens.slice(i, -1);
    const date = /^[A-Z][a-z]{2,8}\.?$/.test(named[0]?.text ?? "") && /^\d/.test(named[1]?.text ?? "");
    const numbered = named.some((t) => /^\d/.test(t.text));
    if (
      named.length &&
      (date || numbered || named.length >= 2) &&
      between.length >= 1 &&
      between.length <= 2 &&
      between.every((t) => /^[a-z]/.test(t.text) && t.pos === "NOUN")
    )
      out.push(`${before.slice(0, named.at(-1)?.end ?? 0)} ${head.text}`);
  }
  // "ban on gallium, germanium and antimony", "tariffs on Chinese-made ship-to-shore cranes".
  if (kindAfter && head && APPLIES.has(keyOf(head.text))) {
    const kind = head.text;
    const objects = (kindAfter[2] ?? "")
      .replace(/\s+(?:to|from|in|into|for|by)\s+.*$/, "")
      .replace(/^(?:shipping|exporting|selling|exports? of|imports? of|sales of)\s+/i, "")
      .split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
      .map((o) => o.trim())
      .filter(Boolean);
    for (const o of objects) {
      const words = o.split(/\s+/).filter((w) => !/^(?:certain|some|all|other|its|their|the|\d+)$/i.test(w));
      const last = words.at(-1);
      if (!last || !/^[a-z][a-z-]+$/.test(last)) continue;
      const one = singularOf(last);
      if (GENERIC.has(keyOf(one))) continue;
      out.push(`${one} ${kind}`);
      const describing = words
        .slice(0, -1)
        .filter((w) => /^[a-z][a-z-]*$/.test(w) && !/-(?:made|owned|operated|built)$/.test(w));
      if (describing.length) out.push(`${[...describing, one].join(" ")} ${kind}`);
    }
  }
  // "Section 122 surcharge" is also written "Sec. 122 surcharge", "Sec 122 surcharge".
  for (const a of [name, ...out])
    if (/\bSection\s+\d/.test(a))
      out.push(a.replace(/\bSection\s+/, "Sec. "), a.replace(/\bSection\s+/, "Sec "));
  return [...new Set(out)].filter((a) => a !== name);
}

/** "cranes" → "crane", "batteries" → "battery": a plural noun before a kind is written singular. */
function singularOf(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

/**
 * Short names the headline, subhead or summary bullets give a measure the article proposes by
 * what it applies to: when only one proposed measure has a kind ("ban on shipping gallium …"),
 * "Metals Ban" in the headline names it by the class of what it applies to. The word before the
 * kind must be a common noun no concept is named by, and the measure's name must have no
 * describing words of its own ("3% standard duty" is not the headline's "Farm Duties").
 */
export function headlineAliases(
  lines: readonly string[],
  proposed: readonly { id: string; type: string; name: string }[],
  isName: (words: string) => boolean,
): Map<string, string[]> {
  const byHead = new Map<string, { id: string; name: string }[]>();
  for (const c of proposed) {
    if (c.type !== "measure" || !/^(?:\d+(?:\.\d+)?%\s+)?[a-z]+\s+(?:on|against)\s/.test(c.name)) continue;
    const head = keyOf(nameHeadOf(c.name));
    byHead.set(head, [...(byHead.get(head) ?? []), c]);
  }
  const out = new Map<string, string[]>();
  for (const line of lines) {
    const tokens = tokensOf(line.toLowerCase());
    for (let i = 1; i < tokens.length; i++) {
      const kind = tokens[i];
      const word = tokens[i - 1];
      if (!kind || !word) continue;
      const only = byHead.get(keyOf(kind.text));
      if (only?.length !== 1 || !only[0]) continue;
      const glued = i > 1 && tokens[i - 2]?.end === word.start;
      if (word.pos !== "NOUN" || !/^[a-z]{3,}$/.test(word.text) || word.end !== kind.start - 1 || glued)
        continue;
      // "port fees" of "special port fees": a phrase the name already holds says nothing new.
      const alias = `${word.text} ${kind.text}`;
      if (isName(word.text) || isName(alias) || only[0].name.toLowerCase().includes(alias)) continue;
      out.set(only[0].id, [...(out.get(only[0].id) ?? []), alias]);
    }
  }
  return out;
}

/** The kind a measure's name ends on before what it applies to: "ban" of "ban on gallium …". */
function nameHeadOf(name: string): string {
  const words = name.split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:on|in|of|for|with|at|to|against|between)$/.test(w));
  return (cut > 0 ? words[cut - 1] : words.at(-1)) ?? "";
}

/**
 * A deal named by one proper name ("TikTok deal") is what people mean by that name alone ("did
 * they sort out TikTok"), when no concept is named by it and it is no English word ("Trade deal").
 */
export function soleNameAlias(name: string, isName: (words: string) => boolean): string | undefined {
  const m = /^([A-Z][\w-]*[a-z][\w-]*)\s+(?:deal|agreement|accord|pact|sale)$/.exec(name);
  const word = m?.[1];
  if (!word || isName(word) || SMALL.test(word)) return undefined;
  const read = tokensOf(word.toLowerCase())[0];
  return read?.unknown ? word : undefined;
}
