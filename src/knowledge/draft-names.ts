/**
 * The people, organisations, places and countries an article names, read from how news English
 * introduces them: a title before a name ("U.S. Trade Representative Jamieson Greer"), a
 * description after it ("Cai Qi, a member of …"), a kind of business before it ("chipmaker
 * Nexperia"), an organisation's own head word ("Commerce Ministry", "Ministry of Transport"), a
 * dateline, a preposition of place, and the country names the runtime's ICU data knows.
 */
import { countryNamed } from "../nlp/places.js";
import { givenAbbreviations } from "./draft-aliases.js";
import { type Token, tokensOf } from "./draft-tokens.js";
import type { ConceptType } from "./schema.js";

/** Something the article names, with what the article says it is. */
export interface Named {
  name: string;
  type: ConceptType;
  /** Descriptions that pick it out, as the article gives them: "China's top trade negotiator". */
  roles: string[];
  /** The words of the article that give the role or description, verbatim. */
  roleSnippet?: string;
  /** Whether the role is a description ("the tallest building in Malaysia") rather than a title. */
  described?: boolean;
  /** Other names the article uses for it: "Li" for Li Chenggang, "U.S. Commerce Department". */
  aliases: string[];
  /** The country that owns it, as written ("China's Commerce Ministry" → "China"). */
  owner?: string;
}

const TITLE =
  "Secretary|Minister|Premier|President|Representative|Ambassador|Chancellor|Governor|Justice|Judge|Chairman|Chairwoman|Chair|Director|Commissioner|Senator|Sen\\.|Rep\\.|Gov\\.|Envoy|Mayor|CEO|Adviser|Advisor|Spokesperson|Spokesman|Spokeswoman|Negotiator|spokesperson|spokesman|spokeswoman|negotiator|secretary|minister|ambassador|envoy|chief";
const NAME_WORD = "(?:[A-Z][a-z'’-]+|[A-Z]\\.)";
const NAME = `(${NAME_WORD}(?:[ ]${NAME_WORD}){1,2})`;
const ROLE_WORD = "(?:[A-Z][\\w.'’-]*|[a-z][a-z-]+)";
const TITLED = new RegExp(
  `((?:${ROLE_WORD}[ ]){0,4}?(?:${TITLE})(?:[ ]of[ ][A-Z][a-z]+)?)[ ]${NAME}(?![\\w'’-]|[ ][A-Z])`,
  "g",
);
const DESCRIBED =
  /(?:^|[\s(])((?:[A-Z][\w'’.-]+[ ]){0,3}[A-Z][\w'’.-]+(?:[ ]\d+(?:[ ][a-z]+)?)?),[ ]((?:a|an|the|[A-Z][a-z]+['’]s)[ ][^,.;]{3,90}|(?:director|head|chief|member|spokesperson|spokesman)[ ][^,.;]{3,90})(?=[,.;]|$)/g;
const BUSINESS =
  /((?:(?:[A-Z][\w-]*|state|[a-z]+-owned)[ ]){0,3}(?:chipmaker|shipbuilder|broadcaster|carrier|automaker|company|firm|lender|exporter|importer|trader|stockpiler|buyer|producer|manufacturer|supplier|processor|refiner|miner|-owned)|State-owned|state-owned)[ ]((?:[A-Z][\w-]+)(?:[ ][A-Z][\w-]+)?)/g;
const AGENCY = /((?:[A-Z][\w-]+[ ]){1,2})(news agency)/g;
const ORG_HEAD =
  "Ministry|Department|Commission|Office|Administration|Agency|Council|Board|Bureau|Party|Union|Customs|Service|Court|Protection|Reserve|Corporation";
const ORGANISATION = new RegExp(
  `((?:[A-Z][\\w.&'’-]*[ ](?:and[ ](?=[A-Z]))?){0,4}(?:${ORG_HEAD})(?:[ ]of[ ](?:the[ ])?(?:U\\.S\\.[ ]|U\\.K\\.[ ])?[A-Z][\\w'’-]*(?:[ ](?:and[ ])?[A-Z][\\w'’-]*){0,2})?)`,
  "g",
);
/** A law by its name: "the International Emergency Economic Powers Act", "the Trade Act of 1974". */
/** A programme by its name: "a new Farmer Bridge Assistance program". */
const PROGRAM = /\b((?:[A-Z][\w'’-]*[ ]){1,4}(?:program|programme|initiative|fund|scheme))\b/g;
const LAW = /\b((?:[A-Z][\w'’-]*[ ]){1,5}(?:Act|Law|Treaty|Accord|Convention)(?:[ ]of[ ]\d{4})?)(?![\w'’-])/g;
const PLACE_HEAD =
  /\b(?:Airport|Air Base|Base|Port|Tower|tower|Building|building|Palace|Hall|Square|Island|Province|County|City|Strait)\b/;
const PLACE_WORDS =
  /\b(?:airfield|airport|building|tower|venue|city|capital|port|base|town|province|region|island)\b/;
const ORG_WORDS =
  /\b(?:company|shipbuilder|chipmaker|maker|firm|broadcaster|agency|ministry|department|body|bank|group)\b/;
// ("according to Reuters", "told to", "spoke to Bloomberg": who says it, not a place)
const AFTER_PREPOSITION =
  /(?:\b(?:in|at|(?<!\b(?:[Aa]ccording|[Ss]poke|[Ss]peaking|[Tt]alked|[Tt]alking|said|says|explained|wrote|reported|reporting)[ ])to|from|near|outside|toward|towards|south of|north of|east of|west of)|^In|^At)[ ]((?:[A-Z][\w'’-]+)(?:[ ][A-Z][\w'’-]+){0,3})/g;
const DATELINE = /^([A-Z][A-Z .'-]+?)(?:,[ ]([A-Z][\w .]+?))?[ ]+[—–-]{1,2}[ ]/;
const NOT_NAMES =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec|The|A|An|This|That|These|Those|Eastern|Western|Section|No|Nos|Announcement)\b/;
const COUNTRY_PREFIX =
  /^(?:(?:the[ ])?(?:U\.S\.|US|China['’]s|Chinese|American|Beijing['’]s|Washington['’]s)[ ])/;

/** Words a title may be made of: names, nouns, adjectives and possessives ("China's top trade"), not verbs or links. */
const ROLE_POS = new Set(["PROPN", "NOUN", "ADJ", "PART", "NUM"]);

/** The role before a name, trimmed on the left to the words that can make up a title. */
function roleWords(sentence: string, at: number, role: string): string {
  const tokens = tokensOf(sentence).filter((t) => t.start >= at && t.end <= at + role.length);
  let from = tokens.length;
  while (from > 0) {
    const t = tokens[from - 1] as Token;
    const ofState = t.lower === "of" && from < tokens.length;
    if (!ROLE_POS.has(t.pos) && !ofState && !/^[A-Z]/.test(t.text)) break;
    if (["and", "with", "by", "the", "a", "an"].includes(t.lower)) break;
    if (t.pos === "VERB" || t.pos === "AUX") break;
    from--;
  }
  const first = tokens[from];
  return first ? sentence.slice(first.start, at + role.length) : "";
}

function titleCase(caps: string): string {
  return caps.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

/** Everything named in the article's sentences, first mention first; one entry per name. */
export function findNamed(sentences: readonly string[]): Named[] {
  const found = new Map<string, Named>();
  const text = sentences.join(" ");
  const add = (n: Named) => {
    const name = n.name.trim().replace(/['’]s$/, "");
    if (!name || NOT_NAMES.test(name) || name.length < 2) return;
    const key = name.toLowerCase();
    const had = found.get(key);
    if (had) {
      if (!had.roles.length && n.roles.length)
        Object.assign(had, { roles: n.roles, roleSnippet: n.roleSnippet, described: n.described });
      for (const a of n.aliases) if (!had.aliases.includes(a)) had.aliases.push(a);
      had.owner ??= n.owner;
      return;
    }
    found.set(key, { ...n, name });
  };
  for (const s of sentences) {
    for (const m of s.matchAll(TITLED)) {
      const written = roleWords(s, m.index, m[1] ?? "");
      if (!written) continue;
      // "Sen. Elizabeth Warren" is a senator: the title in full, the snippet as written
      const role = written
        .replace(/\bSen\.$/, "Senator")
        .replace(/\bRep\.$/, "Representative")
        .replace(/\bGov\.$/, "Governor");
      add({
        name: m[2] ?? "",
        type: "person",
        roles: [role],
        roleSnippet: `${written} ${m[2]}`,
        aliases: [],
      });
    }
    for (const m of s.matchAll(DESCRIBED)) {
      const name = m[1] ?? "";
      const desc = m[2] ?? "";
      // "Alibaba, the search company Baidu and electric-car maker BYD": a list, not a description.
      if (
        /^(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,3}[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:and|or)\s+(?:[a-z][\w-]*\s+){0,3}[A-Z]/.test(
          desc,
        )
      )
        continue;
      if (/^(?:The|A|An)[ ]/.test(name) && !PLACE_HEAD.test(name)) continue;
      const type: ConceptType =
        PLACE_HEAD.test(name) || PLACE_WORDS.test(desc)
          ? "place"
          : new RegExp(
                `^(?:(?:a|an|the)[ ])?(?:[\\w'’-]+[ ]){0,3}(?:${TITLE}|member|director|head|official)\\b`,
                "i",
              ).test(desc) && /^[A-Z][a-z]+[ ][A-Z][a-z]+$/.test(name)
            ? "person"
            : ORG_WORDS.test(desc)
              ? "organisation"
              : "topic";
      if (type === "topic") continue;
      add({
        name: name.replace(/^the[ ]/i, ""),
        type,
        roles: [desc],
        roleSnippet: `${name}, ${desc}`,
        described: true,
        aliases: [],
      });
    }
    for (const m of s.matchAll(BUSINESS)) {
      const role = (m[1] ?? "").trim();
      add({
        name: m[2] ?? "",
        type: "organisation",
        // "the search company Baidu": a bare "company" or "firm" picks out no one, so it is no role.
        roles: /owned$|^(?:company|firm)$/i.test(role) ? [] : [role],
        roleSnippet: `${role} ${m[2]}`,
        aliases: [],
      });
    }
    // "the U.S. Trade Representative's office": the office of a title, a body of its own.
    for (const m of s.matchAll(/\b((?:U\.S\.\s+|US\s+)?(?:[A-Z][a-z]+\s+){1,3}[A-Z][a-z]+)['’]s\s+office\b/g))
      add({
        name: `${m[1]}'s office`,
        type: "organisation",
        roles: [],
        aliases: [],
        owner: /^U\.?S\.?\s/.test(m[1] ?? "") ? "U.S." : undefined,
      });
    for (const m of s.matchAll(AGENCY))
      add({
        name: (m[1] ?? "").trim().replace(/^The[ ]/, ""),
        type: "organisation",
        roles: [m[2] ?? ""],
        roleSnippet: m[0],
        aliases: [],
      });
    for (const m of s.matchAll(ORGANISATION)) {
      const full = (m[1] ?? "").trim();
      const parts = full.split(/['’]s[ ]/);
      parts.forEach((part, i) => {
        // "China's Commerce Ministry": the country before the possessive owns the body.
        const before = i > 0 ? (parts[i - 1] ?? "") : "";
        const owner =
          COUNTRY_PREFIX.exec(`${part} `)?.[0] ??
          (i === 1 && /^[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?$/.test(before) ? before : undefined);
        let name = part.replace(COUNTRY_PREFIX, "").replace(/^(?:The|the)[ ]/, "");
        if (i < parts.length - 1 && !new RegExp(`(?:${ORG_HEAD})$`).test(name)) return;
        name = name.replace(/['’]s$/, "");
        if (!new RegExp(`(?:${ORG_HEAD})`).test(name) || name.split(" ").length < 2) return;
        const alias = owner && /U\.S\.|US/.test(owner) ? [`U.S. ${name}`] : [];
        add({
          name,
          type: "organisation",
          roles: [],
          aliases: alias,
          owner: owner?.replace(/['’]s[ ]$|[ ]$/g, "").replace(/^the[ ]/, ""),
        });
      });
    }
    // "according to Reuters", "according to the Financial Times": who reports it, a body (not a
    // place); a surname alone ("according to Li") is the person named in full elsewhere.
    for (const m of s.matchAll(
      /\b[Aa]ccording to (?:the[ ])?([A-Z][\w'’-]+(?:[ ](?:(?:of|for|and|the)[ ])*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)[A-Z][\w'’-]+){0,4})/g,
    )) {
      const name = m[1] ?? "";
      if (countryNamed(name) || (!name.includes(" ") && new RegExp(`\\b[A-Z][a-z]+[ ]${name}\\b`).test(text)))
        continue;
      add({ name, type: "organisation", roles: [], aliases: [] });
    }
    for (const m of s.matchAll(PROGRAM)) {
      const name = (m[1] ?? "").replace(/^(?:The|A|An|This|That)[ ]/, "");
      if (name.split(" ").length < 2 || NOT_NAMES.test(name)) continue;
      add({ name, type: "measure", roles: [], aliases: [] });
    }
    for (const m of s.matchAll(LAW)) {
      const name = (m[1] ?? "").replace(/^(?:The|A|An|This|That)[ ]/, "");
      if (name.split(" ").length < 2) continue;
      add({ name, type: "measure", roles: [], aliases: [] });
    }
    const dl = DATELINE.exec(s);
    if (dl) {
      add({
        name: titleCase(dl[1] ?? ""),
        type: countryNamed(titleCase(dl[1] ?? "")) ? "country" : "place",
        roles: [],
        aliases: [],
        owner: dl[2],
      });
    }
    for (const m of s.matchAll(AFTER_PREPOSITION)) {
      for (const part of (m[1] ?? "").split(/['’]s[ ]/)) {
        const name = part.replace(/['’]s$/, "");
        // "would apply to AMD and Intel", "exports to QX Metals": letters in capitals are a body, not a place
        if (/^[A-Z]{2,}(?:\s|$)/.test(name)) continue;
        if (countryNamed(name))
          add({ name: countryNamed(name) as string, type: "country", roles: [], aliases: [] });
        else if (!new RegExp(`(?:${ORG_HEAD})\\b`).test(name))
          add({ name, type: "place", roles: [], aliases: [] });
      }
    }
    for (const m of s.matchAll(/\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?\b/g)) {
      const c = countryNamed(m[0]);
      if (c) add({ name: c, type: "country", roles: [], aliases: [] });
    }
    for (const m of s.matchAll(/(?<![A-Z][ ])\b[A-Z]{3,}\b(?![ ][A-Z]{2})/g)) {
      if (/^(?:EST|EDT|GMT|UTC|CEO|GDP|USD|LNG)$/.test(m[0])) continue;
      add({ name: m[0], type: "organisation", roles: [], aliases: [] });
    }
  }
  // "MP Materials operates …", "USA Rare Earth is developing …": two or three words in capitals (or
  // letters) that the article uses twice or more and lets act, named by nothing above, are a company
  // (a place, when a word for one follows: "the Round Top deposit").
  const phrases = new Set<string>();
  for (const s of sentences)
    for (const m of s.matchAll(
      /(?<=(?:^|[a-z,;:]\s))((?:[A-Z][a-z]+|[A-Z]{2,})(?:\s(?:[A-Z][a-z]+|[A-Z]{2,})){1,2})(?=['’]s?\b|[\s,.;:])/g,
    ))
      phrases.add(m[1] as string);
  const fullNames = new Set([...found.values()].flatMap((n) => [n.name, ...n.aliases]));
  for (const phrase of phrases) {
    const words = phrase.split(/\s/);
    if (NOT_NAMES.test(phrase) || words.some((w) => new RegExp(`^(?:${TITLE}|${ORG_HEAD})$`).test(w)))
      continue;
    if ([...fullNames].some((n) => n.includes(phrase)) || countryNamed(phrase)) continue;
    if (words.some((w) => countryNamed(w) && !/^[A-Z]{2,}$/.test(w))) continue;
    const at = new RegExp(`\\b${phrase}\\b(['’]s?)?(\\s+[a-z]+)?`, "g");
    const uses = sentences.flatMap((s) => [...s.matchAll(at)]);
    if (uses.length < 2) continue;
    const acts = uses.some(
      (u) => u[1] || /^\s+(?:[a-z]+(?:s|ed)|is|was|has|had|will|would|may|can)$/.test(u[2] ?? ""),
    );
    if (!acts) continue;
    const place = uses.some((u) =>
      /^\s+(?:mine|deposit|plant|field|site|port|terminal|project)$/.test(u[2] ?? ""),
    );
    add({ name: phrase, type: place ? "place" : "organisation", roles: [], aliases: [] });
  }
  // "Nvidia may sell its H200 …", "Nvidia said …": a word in capitals mid-sentence that the article
  // uses twice or more and nothing above named is a company or body (a product, if it has digits).
  // (seen mid-sentence at least once, where a capital is a name's; counted wherever it stands)
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const m of s.matchAll(
      /(?<=[a-z,;:]\s)([A-Z][a-z]*[A-Z0-9][\w]*|[A-Z][a-z]{2,})(?=['’]s\b|[\s,.;:])/g,
    ))
      counts.set(m[1] as string, 0);
  for (const word of counts.keys())
    counts.set(
      word,
      sentences.reduce((n, s) => n + (s.match(new RegExp(`\\b${word}\\b`, "g"))?.length ?? 0), 0),
    );
  const inNames = new Set(
    [...found.values()].flatMap((n) => [n.name, ...n.aliases]).flatMap((n) => n.split(/\s+/)),
  );
  for (const [word, n] of counts) {
    if (n < 2 || inNames.has(word) || NOT_NAMES.test(word) || countryNamed(word)) continue;
    if (new RegExp(`^(?:${TITLE}|${ORG_HEAD})$`).test(word)) continue;
    if (
      !sentences.some((s) =>
        new RegExp(
          `\\b${word}\\b(?:['’]s\\b|\\s+(?:said|says|may|will|would|won|has|had|is|was|[a-z]+ed|(?:on|in|last|this)\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)\\s+[a-z]+ed)\\b)`,
        ).test(s),
      )
    )
      continue;
    add({ name: word, type: /\d/.test(word) ? "topic" : "organisation", roles: [], aliases: [] });
  }
  // "the U.S. Trade Representative (USTR)": the abbreviation is another name of what it follows,
  // not a body of its own.
  for (const s of sentences)
    for (const { name, short } of givenAbbreviations(s)) {
      const long = [...found.values()]
        .filter((n) => n.name !== short && (name === n.name || name.endsWith(` ${n.name}`)))
        .sort((a, b) => b.name.length - a.name.length)[0];
      const alone = found.get(short.toLowerCase());
      if (long) {
        if (!long.aliases.includes(short)) long.aliases.push(short);
        if (alone && !alone.roles.length) found.delete(short.toLowerCase());
      } else if (alone && !alone.roles.length && name.split(" ").length > 1) {
        // "the Freedonian Cheese Board (FCB)": the body goes by its full name, the letters an alias.
        found.delete(short.toLowerCase());
        if (!found.has(name.toLowerCase()))
          found.set(name.toLowerCase(), { ...alone, name, aliases: [short, ...alone.aliases] });
      }
    }
  // "the CHIPS Act" is not also a body called "CHIPS": a bare word of a longer name found, given no role, goes.
  const longer = [...found.values()].filter((n) => n.name.includes(" "));
  for (const [key, n] of found)
    if (!n.roles.length && !n.name.includes(" ") && longer.some((l) => l.name.split(" ").includes(n.name)))
      found.delete(key);
  return [...found.values()];
}
