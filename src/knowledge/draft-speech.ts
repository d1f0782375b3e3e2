/**
 * Attributed speech for the drafter: who is who in an article ("Treasury Secretary Scott Bessent"),
 * and who said a sentence ("…, Trump said", "X said that …", "according to X", "said Trentino").
 */

/** A person named in the article, with the role the article gives them. */
export interface Person {
  name: string;
  /** Empty when the article never gives one. */
  role: string;
}

/** A sentence's attribution: the words naming the speaker and what was said. */
export interface Attribution {
  /** The speaker as written: "Trump", "the Treasury chief", "Freedonian Trade Minister Rufus T. Firefly". */
  who: string;
  /** Offset of `who` in the sentence. */
  whoIndex: number;
  /** What was said, without the attribution and quotation marks. */
  content: string;
  form: "trailing" | "leading" | "according";
}

const TITLE =
  "Secretary|Minister|President|Premier|Ambassador|Representative|Spokesperson|Spokesman|Spokeswoman|Chancellor|Governor|Chairman|Chairwoman|Chair|Chief|Director|Commissioner|Senator|Envoy|Negotiator|Mayor|CEO|Adviser|Advisor|King|Queen|Prime Minister";
const CAP = "(?:[A-Z][\\w.'’-]*)";
const NAME = "(?:[A-Z][a-z'’-]+|[A-Z]\\.)(?:[ \\t]+(?:[A-Z][a-z'’-]+|[A-Z]\\.)){0,2}";
/** "U.S. Treasury Secretary Scott Bessent", "Premier Nikolai Pinky" */
const TITLED = new RegExp(`((?:${CAP}[ \\t]+){0,4}?(?:${TITLE}))[ \\t]+(${NAME})`, "g");
/** "Vera Trentino, Sylvania's ambassador," */
const APPOSITIVE = new RegExp(
  `(${NAME}),[ \\t]+((?:the|a|an|[A-Z][\\w.-]*['’]s)[ \\t]+(?:[\\w.'’-]+[ \\t]+){0,4}?(?:${TITLE.toLowerCase()}|${TITLE})),`,
  "g",
);
const VERB =
  'said|says|added|told [^,."“”]{1,40}?|warned|noted|stated|wrote|declared|insisted|argued|explained';
const TRAILING = new RegExp(
  `^(.+?)[,!?]["”’]?\\s+(?:([^,"“”]{1,60}?)\\s+(?:${VERB})|(?:said|says|added)\\s+([^,"“”]{1,60}?))\\b([^"“”]{0,40})$`,
);
const LEADING = new RegExp(
  `^((?:${CAP}|the|of|and)(?:\\s+(?:${CAP}|of|the|and|for)){0,7}?)\\s+(?:${VERB})\\b(.*)$`,
);
const ACCORDING = /,?\s*according to ((?:the\s+)?[^,.;]+?)(?=[,.;]|$)/;
const PRONOUN = /^(?:he|she|they)$/i;
const ORGANIZATION =
  /\b(?:Bureau|Ministry|Office|Agency|Department|Council|Commission|Bank|Association|Institute|Chamber|Federation|Union|Administration|Service|Statistics)\b/;
const ARTICLE = /^(?:the|a|an)\s+/i;

function tidy(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The people the article names with a role, first mention first; the same person once. */
export function findPeople(text: string): Person[] {
  const people: Person[] = [];
  const add = (name: string, role: string) => {
    const n = tidy(name);
    const r = tidy(role).replace(ARTICLE, "");
    const same = people.find(
      (p) => p.name === n || (n.includes(" ") ? false : p.name.split(" ").includes(n)),
    );
    if (same) {
      if (!same.role && r) same.role = r;
      return;
    }
    const shorter = people.find((p) => !p.name.includes(" ") && n.split(" ").includes(p.name));
    if (shorter) {
      shorter.name = n;
      if (r) shorter.role = r;
      return;
    }
    people.push({ name: n, role: r });
  };
  for (const m of text.matchAll(TITLED)) add(m[2] ?? "", (m[1] ?? "").replace(/^(?:The|A|An)\s+/, ""));
  for (const m of text.matchAll(APPOSITIVE)) add(m[1] ?? "", m[2] ?? "");
  return people;
}

/** The attribution of a sentence, if it reports what someone said. */
export function findAttribution(sentence: string): Attribution | undefined {
  const trailing = TRAILING.exec(sentence);
  if (trailing) {
    const who = (trailing[2] ?? trailing[3] ?? "").trim();
    const content = tidy((trailing[1] ?? "").replace(/["“”]/g, ""));
    if (who && content.split(" ").length >= 3 && !/["“”]/.test(trailing[4] ?? "")) {
      return { who, whoIndex: sentence.lastIndexOf(who), content: `${content}.`, form: "trailing" };
    }
  }
  const leading = LEADING.exec(sentence);
  if (leading?.[1]) {
    const said = (leading[2] ?? "").trim();
    // "said during a White House event that he will …": what was said starts after "that".
    const that = /^(.{0,60}?)\bthat\s+/.exec(said);
    const rest = that ? said.slice(that[0].length) : said.replace(/^(?:on|in|at)\s+\S+\s+/, "");
    if (rest.split(" ").length >= 3) {
      return { who: leading[1], whoIndex: 0, content: tidy(rest.replace(/["“”]/g, "")), form: "leading" };
    }
  }
  const according = ACCORDING.exec(sentence);
  if (according?.[1]) {
    const content = tidy(
      sentence.slice(0, according.index) + sentence.slice(according.index + according[0].length),
    );
    return {
      who: according[1].trim(),
      whoIndex: according.index + according[0].indexOf(according[1]),
      content,
      form: "according",
    };
  }
  return undefined;
}

/** Context for naming a speaker: who is who, who was mentioned last, which capitalised words are names. */
export interface SpeakerContext {
  people: readonly Person[];
  /** The person mentioned most recently before this sentence. */
  last?: Person;
  /** Words the article capitalises mid-sentence (proper nouns), lower-cased. */
  properNouns: ReadonlySet<string>;
}

/**
 * Who `who` refers to: a titled name, a known person by any part of the name, a role ("the Treasury
 * chief"), a pronoun (the last person mentioned) or an organisation. Undefined for groups like "Analysts".
 */
export function resolveSpeaker(who: string, ctx: SpeakerContext): Person | undefined {
  const phrase = tidy(who).replace(ARTICLE, "");
  if (PRONOUN.test(phrase)) return ctx.last;
  const titled = new RegExp(`^((?:${CAP}\\s+){0,4}?(?:${TITLE}))\\s+(${NAME})$`).exec(phrase);
  const tokens = phrase.split(" ");
  const known = ctx.people.find((p) =>
    titled ? p.name === titled[2] : tokens.some((t) => /^[A-Z]/.test(t) && p.name.split(" ").includes(t)),
  );
  if (titled) return { name: titled[2] ?? "", role: known?.role || (titled[1] ?? "") };
  if (known) return known;
  if (ORGANIZATION.test(phrase)) return { name: phrase, role: "organization" };
  if (new RegExp(`\\b(?:${TITLE}|official)\\b`, "i").test(phrase) && /^(?:the\s|[a-z])/i.test(who.trim())) {
    // A role in words: the person whose role shares the most words with it, the latest on a tie.
    const wanted = new Set(
      phrase
        .toLowerCase()
        .split(/\W+/)
        .filter((w) => w.length > 2),
    );
    let best: Person | undefined;
    let bestScore = 0;
    for (const p of ctx.people) {
      const score = p.role
        .toLowerCase()
        .split(/\W+/)
        .filter((w) => wanted.has(w)).length;
      if (score > bestScore || (score === bestScore && score > 0 && p === ctx.last)) {
        best = p;
        bestScore = score;
      }
    }
    if (best) return best;
  }
  const capitalised = tokens.filter((t) => /^[A-Z]/.test(t));
  if (capitalised.length === 0) return undefined;
  if (capitalised.length === 1 && !ctx.properNouns.has((capitalised[0] ?? "").toLowerCase()))
    return undefined;
  return { name: phrase, role: "" };
}

/** The people a sentence mentions, by any part of their name. */
export function mentionedPeople(sentence: string, people: readonly Person[]): Person[] {
  return people.filter((p) =>
    p.name
      .split(" ")
      .some((part) => part.length > 1 && !PRONOUN.test(part) && new RegExp(`\\b${part}\\b`).test(sentence)),
  );
}

/** Words the text capitalises other than at the start of a sentence: the proper nouns. */
export function properNouns(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![.!?"“]\s)(?<!^)(?<=\s)([A-Z][a-z'’-]+)/gm))
    found.add((m[1] ?? "").toLowerCase());
  return found;
}
