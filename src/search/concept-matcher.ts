/**
 * Finds the concepts a question names: every name, alias and role of every concept, matched
 * longest first over the question's words, with typos corrected against the names' own words by
 * fuse.js. An alias that is also an English function word ("He", "US") counts only where the
 * function word can't stand: written with its capitals mid-sentence, or where English grammar
 * rules the pronoun out ("meet he", "the us tariffs").
 */
import type { Word } from "../nlp/english.js";
import { FUNCTION_WORDS, keyOf, keysOf } from "./keys.js";
import { NearWords } from "./near-words.js";

/** How a concept was named. */
export type Via = "name" | "alias" | "role";

/** A concept named in the question, over words `from`..`to` (inclusive). */
export interface Mention {
  concept: string;
  from: number;
  to: number;
  via: Via;
  /** Whether a typo was corrected to find it. */
  corrected: boolean;
  /** Whether other words stood inside the name ("previous bilateral trade rounds"). */
  gapped: boolean;
  /** The words as the asker wrote them. */
  text: string;
}

/** What the matcher needs of a concept. */
export interface NamedConcept {
  id: string;
  type: string;
  name: string;
  aliases: readonly string[];
  roles: readonly string[];
}

interface Target {
  concept: string;
  via: Via;
  /** A name of someone or somewhere: it may be typed in lower case and read as a verb ("trump", "beijing"). */
  proper: boolean;
  /** The alias as written, for aliases that are function words ("He", "US"). */
  exact?: string;
}

interface Node {
  next: Map<string, Node>;
  targets: Target[];
}

/** Small words an acronym may leave out ("MOFCOM" keeps "of", "DHS" drops it). */
const ACRONYM_SKIPPABLE = new Set(["of", "the", "and", "for", "on", "in", "to", "&"]);

/**
 * Whether `token` spells the words `keys` as an acronym: each word in turn gives the first letter
 * or more of itself ("WH": White House; "MOFCOM": Ministry of Commerce; "USTR": U.S. Trade
 * Representative), and only small words may give none. With `initials`, each word gives one letter.
 */
export function spellsAcronym(token: string, keys: readonly string[], initials: boolean): boolean {
  const go = (i: number, p: number): boolean => {
    if (p === token.length) return keys.slice(i).every((k) => ACRONYM_SKIPPABLE.has(k));
    if (i >= keys.length) return false;
    const k = keys[i] as string;
    if (ACRONYM_SKIPPABLE.has(k) && go(i + 1, p)) return true;
    const most = initials ? 1 : k.length;
    for (let n = 1; n <= most && p + n <= token.length; n++) {
      if (token[p + n - 1] !== k[n - 1]) break;
      if (go(i + 1, p + n)) return true;
    }
    return false;
  };
  return token.length >= 2 && go(0, 0);
}

/** "does Bessent talk to He": a word after "do/does/did/will… NAME" is the verb, whatever the tagger says. */
function afterSubjectOfAuxiliary(words: readonly Word[], i: number): boolean {
  const name = words[i - 1];
  const aux = words[i - 2];
  return (
    name !== undefined &&
    aux !== undefined &&
    (name.pos === "PROPN" || name.capital) &&
    /^(?:do|does|did|will|would|can|could|should|shall|may|might|must)$/.test(aux.lower)
  );
}

/** Words of a name an asker may leave out. */
const SKIPPABLE = new Set(["to", "of", "the", "for", "in", "on"]);

/** Concepts whose names are proper names. */
const PROPER_TYPES = new Set(["person", "country", "place", "organisation"]);

/** Words after which a lone "he" must be the name (the pronoun would be "him"). */
const OBJECT_POSITION = new Set([
  "with",
  "and",
  "meet",
  "meets",
  "meeting",
  "met",
  "to",
  "vs",
  "between",
  "&",
  "w",
  "from",
  "by",
  "for",
  "call",
  "called",
  "calls",
  "versus",
]);

/** Concept names as a trie over word keys, and the vocabulary for correcting typos. */
export class ConceptMatcher {
  private readonly root: Node = { next: new Map(), targets: [] };
  private readonly vocabulary = new Set<string>();
  private near: NearWords | undefined;
  private readonly corrections = new Map<string, string | null>();
  /** Proper names of several words, for acronyms no alias spells out. */
  private readonly properNames: { keys: string[]; concept: string }[] = [];
  private readonly acronyms = new Map<string, readonly string[]>();
  private readonly typeOf = new Map<string, string>();

  constructor(concepts: Iterable<NamedConcept>) {
    for (const c of concepts) {
      this.typeOf.set(c.id, c.type);
      const proper = PROPER_TYPES.has(c.type);
      this.add(c.name, { concept: c.id, via: "name", proper });
      for (const a of c.aliases) this.add(a, { concept: c.id, via: "alias", proper });
      for (const r of c.roles) this.add(r, { concept: c.id, via: "role", proper });
    }
  }

  private add(text: string, target: Target): void {
    const keys = keysOf(text);
    if (!keys.length) return;
    // "White House", "Ministry of Commerce": every word but the small ones written with a capital.
    const written = text.split(/[\s-]+/).filter((w) => /[a-z]/i.test(w));
    if (
      target.via !== "role" &&
      !["person"].includes(this.typeOf.get(target.concept) ?? "") &&
      keys.length >= 2 &&
      written.length === keys.length &&
      written.every((w) => /^[A-Z]/.test(w) || ACRONYM_SKIPPABLE.has(w.toLowerCase()))
    )
      this.properNames.push({ keys, concept: target.concept });
    // "whitehouse", "helifeng": a name of several words typed as one.
    if (keys.length > 1 && keys.join("").length >= 6) this.addKeys([keys.join("")], target, text);
    this.addKeys(keys, target, text);
  }

  private addKeys(keys: readonly string[], target: Target, text: string): void {
    if (keys.length === 1 && FUNCTION_WORDS.has(keys[0] as string))
      target = { ...target, exact: text.trim() };
    let node = this.root;
    for (const k of keys) {
      this.vocabulary.add(k);
      let next = node.next.get(k);
      if (!next) {
        next = { next: new Map(), targets: [] };
        node.next.set(k, next);
      }
      node = next;
    }
    if (!node.targets.some((t) => t.concept === target.concept)) node.targets.push(target);
  }

  /**
   * The concepts a stored text names, longest match first: for a claim's own words ("China buys US
   * soybeans" names China and the US, whatever its `about` lists). Aliases that are function words
   * ("He", "US") are left out: plain text can't tell them from the pronoun.
   */
  namedIn(text: string): string[] {
    const keys = keysOf(text);
    const out = new Set<string>();
    for (let i = 0; i < keys.length; ) {
      let node: Node | undefined = this.root;
      let found: Target[] = [];
      let end = i;
      for (let j = i; j < keys.length && node; j++) {
        node = node.next.get(keys[j] as string);
        if (node?.targets.length) {
          found = node.targets.filter((t) => !t.exact);
          if (found.length) end = j;
        }
      }
      for (const t of found) out.add(t.concept);
      i = found.length ? end + 1 : i + 1;
    }
    return [...out];
  }

  /**
   * The concepts the words of a name name, each word run on its own: "China's 15% tariffs on US
   * chicken" names China and the US, though as a whole it is one measure's name.
   */
  namedInParts(text: string): string[] {
    const keys = keysOf(text);
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i++) {
      let node: Node | undefined = this.root;
      for (let j = i; j < keys.length && node; j++) {
        node = node.next.get(keys[j] as string);
        // a name that is all of the text is the concept itself, not one inside it
        if (node?.targets.length && !(i === 0 && j === keys.length - 1))
          for (const t of node.targets) if (!t.exact || /^[A-Z]{2,}$/.test(t.exact)) out.add(t.concept);
      }
    }
    return [...out];
  }

  /** Whether a word key is part of some concept's name. */
  knows(key: string): boolean {
    return this.vocabulary.has(key);
  }

  /**
   * The concepts named in `words`, longest match first, left to right. A word the English model
   * does not know and no name holds is corrected to the nearest name word, when one is near enough.
   */
  find(words: readonly Word[]): Mention[] {
    const keys = words.map((w) => keyOf(w.text));
    const corrected = keys.map((k, i) => {
      const w = words[i] as Word;
      if (!k || this.vocabulary.has(k) || k.length < 4 || /\d/.test(k) || (!w.unknown && !w.capital))
        return k;
      return this.correct(k) ?? k;
    });
    const mentions: Mention[] = [];
    let i = 0;
    while (i < words.length) {
      const found = this.longest(words, corrected, i);
      if (!found) {
        for (const concept of this.acronymOf(words[i] as Word, keys[i] as string))
          mentions.push({
            concept,
            from: i,
            to: i,
            via: "alias",
            corrected: true,
            gapped: false,
            text: (words[i] as Word).text,
          });
        i++;
        continue;
      }
      for (const t of found.targets) {
        mentions.push({
          concept: t.concept,
          from: found.from,
          to: found.to,
          via: t.via,
          corrected: corrected.slice(found.from, found.to + 1).some((k, j) => k !== keys[found.from + j]),
          gapped: found.gapped,
          text: words
            .slice(found.from, found.to + 1)
            .map((w) => w.text)
            .join(" "),
        });
      }
      i = found.to + 1;
    }
    return mentions;
  }

  /**
   * The longest name starting at `start`. Up to two describing words may stand inside a name of
   * several words ("the previous bilateral trade rounds" names "previous rounds"); such a match
   * is marked `gapped`.
   */
  private longest(words: readonly Word[], keys: readonly string[], start: number) {
    if (!keys[start]) return undefined;
    let best: { from: number; to: number; targets: Target[]; gapped: boolean } | undefined;
    const walk = (node: Node, j: number, depth: number, gaps: number) => {
      if (j >= keys.length) return;
      const k = keys[j] as string;
      if (!k) {
        if (j > start) walk(node, j + 1, depth, gaps); // punctuation inside a name: "Trump-Xi", "U.S.-China"
        return;
      }
      // A name's word in another form ("xi visiting the US" names "Xi visit to the US").
      const lemma = keyOf((words[j] as Word).lemma ?? "");
      const next = node.next.get(k) ?? (depth > 0 && lemma && lemma !== k ? node.next.get(lemma) : undefined);
      // A small word of the name the asker left out ("visit [to] the US").
      if (depth > 0)
        for (const [word, skipped] of node.next)
          if (SKIPPABLE.has(word) && word !== k) walk(skipped, j, depth + 1, gaps + 1);
      if (next) {
        // A one-word name of a thing used as a verb is the verb: "talk to He" names no talks. Names
        // of people and places are often typed in lower case and read as verbs ("trump", "beijing").
        const verb =
          j === start &&
          !(words[start] as Word).capital &&
          ((words[start] as Word).pos === "VERB" || afterSubjectOfAuxiliary(words, start));
        const targets = next.targets.filter(
          (t) => (!t.exact || this.exactHolds(words, start, j, t.exact)) && (!verb || t.proper),
        );
        if (targets.length && (!best || j > best.to || (j === best.to && best.gapped && gaps === 0))) {
          best = { from: start, to: j, targets, gapped: gaps > 0 };
        }
        walk(next, j + 1, depth + 1, gaps);
      }
      const w = words[j] as Word;
      if (depth > 0 && gaps < 2 && (w.pos === "ADJ" || w.pos === "NOUN" || w.pos === "PROPN"))
        walk(node, j + 1, depth, gaps + 1);
    };
    walk(this.root, start, 0, 0);
    return best;
  }

  /**
   * The concept an acronym no alias holds stands for ("the WH", "mofcom"): a word in capitals, or
   * one English does not know, that spells one concept's proper name. Initials of two letters or
   * more, or the first letters of each word when the acronym has five letters or more.
   */
  private acronymOf(word: Word, key: string): readonly string[] {
    // (a word of a longer name, "WH" of "WH fact sheet", may still be an acronym on its own)
    if (!/^[a-z]{2,8}$/.test(key) || FUNCTION_WORDS.has(key)) return [];
    // People are not named by initials here ("AG" is not Ambassador Greer); a lower-case acronym
    // has three letters at least ("mofcom", "ustr", "dhs").
    const capitals = /^[A-Z]{2,8}$/.test(word.text);
    if (!capitals && (!word.unknown || key.length < 3)) return [];
    const known = this.acronyms.get(key);
    if (known) return known;
    const initials = new Set<string>();
    const prefixes = new Set<string>();
    for (const n of this.properNames) {
      if (spellsAcronym(key, n.keys, true)) initials.add(n.concept);
      else if (key.length >= 5 && spellsAcronym(key, n.keys, false)) prefixes.add(n.concept);
    }
    const pick = initials.size ? initials : prefixes;
    const out = pick.size === 1 ? [...pick] : [];
    if (this.acronyms.size > 10_000) this.acronyms.clear();
    this.acronyms.set(key, out);
    return out;
  }

  /** For an alias that is also a function word: whether here it is the name, not the word. */
  private exactHolds(words: readonly Word[], from: number, to: number, alias: string): boolean {
    if (from !== to) return true;
    const w = words[from] as Word;
    const prev = words[from - 1];
    const next = words[from + 1];
    if (w.text === alias && alias !== alias.toLowerCase()) {
      // "He" opening a sentence is the pronoun; "US" in capitals is the country wherever it stands.
      if (alias.toUpperCase() === alias && alias.length > 1) return true;
      return !w.first;
    }
    const lower = w.lower;
    if (lower === "he") return prev !== undefined && OBJECT_POSITION.has(prev.lower);
    if (lower === "us")
      return next !== undefined && (next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "ADJ");
    return false;
  }

  /** The name word nearest a misspelt word, or undefined when none is near enough. */
  private correct(key: string): string | undefined {
    const known = this.corrections.get(key);
    if (known !== undefined) return known ?? undefined;
    this.near ??= new NearWords(
      [...this.vocabulary].filter((v) => v.length >= 3 && !/\d/.test(v)),
      0.6,
    );
    const allowed = key.length >= 6 ? 2 : 1;
    // Two edits only when the word starts as the name does: "tarrif" is "tariff", "bastion" is not "bessent".
    const ok = (w: string, d: number) => d <= 1 || (d <= allowed && key[0] === w[0]);
    const within = this.near.fuseOf(
      key,
      this.near.candidates(key, allowed, true).filter((w) => ok(w, editDistance(key, w))),
    );
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    if (within.length) {
      // Of fuse.js's eight nearest name words, the fewest edits away, the first of those it ranks.
      const worst = Math.max(...within.map((h) => h.score));
      for (const { word } of this.near.top(key, 8, worst)) {
        const d = editDistance(key, word);
        if (ok(word, d) && d < bestDistance) {
          best = word;
          bestDistance = d;
        }
      }
    }
    if (this.corrections.size > 10_000) this.corrections.clear();
    this.corrections.set(key, best ?? null);
    return best;
  }
}

/** Edit distance with transpositions (optimal string alignment): "bessnet" is one edit from "bessent". */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 2) return 3;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array(n).fill(0)]);
  for (let j = 0; j <= n; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= m; i++) {
    const row = d[i] as number[];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        ((d[i - 1] as number[])[j] as number) + 1,
        (row[j - 1] as number) + 1,
        ((d[i - 1] as number[])[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[m] as number[])[n] as number;
}
