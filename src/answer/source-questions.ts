/**
 * Questions about a source itself rather than the news in it: its headline, subhead, photo
 * credit, publisher, publication date, author or link. Answered from the source's metadata, cited
 * with the line of its text that shows it; what the metadata does not hold is said to be missing.
 */
import type { KnowledgeBase, LoadedClaim, LoadedSource } from "../knowledge/schema.js";
import { keysOf } from "../search/keys.js";
import type { Reading } from "../search/reading.js";
import { ageOf, formatDay } from "./dates.js";
import { freshnessOf } from "./freshness.js";
import type { Answer, Citation } from "./types.js";

type Field = "subtitle" | "title" | "credit" | "publisher" | "published" | "author" | "url" | "list";

const FIELDS: [Field, RegExp][] = [
  [
    "subtitle",
    /\b(?:subhead|subheadline|subtitle|sub-headline|sub headline|dek|tagline|second headline|strapline)\b/,
  ],
  ["credit", /\b(?:photo|picture|image|caption|photographer|credit(?:ed)?|pic)\b/],
  ["author", /\b(?:author|byline|reporter|who wrote|written by|journalist|writer)\b/],
  ["url", /\b(?:link|url|web address|website address)\b/],
  [
    "published",
    /\b(?:when was (?:it|this|that|the)(?: \w+)? (?:published|written|posted|out)|publication date|date of (?:the|this) (?:article|story|piece|report)|published (?:on|when)|dated)\b|\bwhat (?:date|day) (?:is|are|was|were) (?:the |this |that |your |ur )?(?:source |news )?(?:article|piece|story|report|quotes?|remarks)\b/,
  ],
  [
    "publisher",
    /\b(?:publisher|outlet|publication|news site|which (?:paper|site|website|outlet)|who published|what (?:site|paper|website)|where (?:is|was) (?:this|it|the article|the story) from|media)\b/,
  ],
  ["title", /\b(?:headline|title of the (?:article|story|piece)|article(?:'s)? title|story(?:'s)? title)\b/],
  [
    "list",
    /\b(?:your sources|what sources|which sources|sources (?:do|are) you|where does (?:this|your) (?:info|information|data) come from|what (?:articles|reports) do you)\b/,
  ],
];

/** The answer to a question about a source, or undefined when the question is about the news. */
export function aboutSourceAnswer(
  kb: KnowledgeBase,
  reading: Reading,
  now: Date,
): { answer: Answer; decision: string } | undefined {
  const text = reading.focus
    .map((i) => reading.english.sentences[i]?.text ?? "")
    .join(" ")
    .toLowerCase();
  const field = FIELDS.find(([, re]) => re.test(text))?.[0];
  if (!field) return undefined;
  const personNamed = reading.mentions.some(
    (m) => kb.concepts.get(m.concept)?.type === "person" && m.weight >= 0.5,
  );
  if (field === "title" && personNamed) return undefined;
  const sources = lookupsOf(kb).newestFirst;
  if (field === "list")
    return { answer: listAnswer(kb, sources, now), decision: "asks what the sources are" };
  const source = pickSource(kb, sources, reading);
  if (!source) return undefined;
  const line = (want: string | undefined) =>
    want
      ? source.text
          .split("\n")
          .find((l) => l.includes(want.replace(/\s*\(photo\)\s*$/i, "")))
          ?.trim()
      : undefined;
  const titleLine =
    line(source.title) ??
    source.text
      .split("\n")
      .find((l) => l.trim().length >= 12)
      ?.trim();
  const answered = (t: string, snippet: string | undefined): { answer: Answer; decision: string } => ({
    answer: cite(kb, source, t, snippet ?? titleLine ?? source.title, now, true),
    decision: `asks about the source's ${field}`,
  });
  const missing = (t: string) => ({
    answer: { ...cite(kb, source, t, titleLine ?? source.title, now, false) },
    decision: `asks for the source's ${field}, which it does not give`,
  });
  const name = `the ${formatDay(source.published)} article`;
  switch (field) {
    case "subtitle":
      return source.subtitle
        ? answered(`The subhead of ${name} reads: ${source.subtitle}.`, line(source.subtitle))
        : missing(`${cap(name)} has no subhead on file.`);
    case "title":
      return answered(`The headline of ${name} is: ${source.title}.`, titleLine);
    case "credit":
      return source.credit
        ? answered(
            `The photo credit in ${name}: ${source.credit}.`,
            line(source.credit.replace(/\s*\(.*\)\s*$/, "")),
          )
        : missing(`${cap(name)} gives no photo credit.`);
    case "publisher":
      return answered(`${cap(name)} (${source.title}) is from: ${source.publisher}.`, titleLine);
    case "published":
      return answered(
        `${cap(name)}, ${source.title}, was published ${formatDay(source.published)}${source.published_note ? ` (${source.published_note})` : ""}.`,
        titleLine,
      );
    case "url":
      return source.url
        ? answered(`${cap(name)} is at ${source.url}.`, titleLine)
        : missing(`I have no link for ${name}: none came with it.`);
    case "author":
      return missing(`${cap(name)} names no author; it is from ${source.publisher}.`);
  }
  return undefined;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Per knowledge base: its sources newest first, and each concept's claims (by `about`). */
interface SourceLookups {
  newestFirst: readonly LoadedSource[];
  claimsAbout: Map<string, LoadedClaim[]>;
}

const lookups = new WeakMap<KnowledgeBase, SourceLookups>();

function lookupsOf(kb: KnowledgeBase): SourceLookups {
  let found = lookups.get(kb);
  if (!found) {
    const claimsAbout = new Map<string, LoadedClaim[]>();
    for (const c of kb.claims) {
      for (const a of new Set(c.about)) {
        const list = claimsAbout.get(a);
        if (list) list.push(c);
        else claimsAbout.set(a, [c]);
      }
    }
    const newestFirst = [...kb.sources.values()].sort((a, b) => b.published.localeCompare(a.published));
    found = { newestFirst, claimsAbout };
    lookups.set(kb, found);
  }
  return found;
}

/** The source the question is about: the one whose claims its concepts are most about, else the newest. */
function pickSource(
  kb: KnowledgeBase,
  sources: readonly LoadedSource[],
  reading: Reading,
): LoadedSource | undefined {
  if (sources.length <= 1) return sources[0];
  const named = new Set(reading.mentions.map((m) => m.concept));
  // How many claims of each source are about a concept the question names.
  const counts = new Map<string, number>();
  const counted = new Set<LoadedClaim>();
  for (const id of named) {
    for (const c of lookupsOf(kb).claimsAbout.get(id) ?? []) {
      if (counted.has(c)) continue;
      counted.add(c);
      counts.set(c.source, (counts.get(c.source) ?? 0) + 1);
    }
  }
  // "the Busan article", "the 'preliminary consensus' story": words of its headline pick it first,
  // the names in it included ("the piece about china confirming the boeing order").
  const asked = new Set([
    ...reading.content.map((c) => c.key),
    ...reading.mentions.flatMap((m) =>
      reading.english.words.slice(m.from, m.to + 1).flatMap((w) => keysOf(w.text)),
    ),
  ]);
  const perSource = new Map<string, number>();
  for (const c of kb.claims) perSource.set(c.source, (perSource.get(c.source) ?? 0) + 1);
  // the words just before "article", "story", "piece" name it ("the busan article")
  const words = reading.english.words;
  const naming = new Set<string>();
  const dated = new Set(
    reading.claimed
      .filter((v) => v.kind === "date" || v.kind === "figure")
      .flatMap((v) => Array.from({ length: v.to - v.from + 1 }, (_, k) => v.from + k)),
  );
  words.forEach((w, i) => {
    if (!/^(?:article|story|piece|report)$/.test(w.lower)) return;
    for (let k = Math.max(0, i - 3); k < i; k++) {
      const w = words[k];
      // ("the headline on the piece": neither "the" nor what is asked for names it)
      if (!w || dated.has(k) || ["DET", "ADP", "PRON", "AUX", "CCONJ", "PART", "PUNCT"].includes(w.pos))
        continue;
      if (/^(?:headline|title|subtitle|subhead|photo|caption|credit|date|publisher)s?$/.test(w.lower))
        continue;
      naming.add(keysOf(w.text)[0] ?? "");
    }
  });
  // "the latest piece": the newest (sources come newest first)
  if (["latest", "newest", "recent", "last"].some((k) => naming.has(k))) return sources[0];
  let best: LoadedSource | undefined;
  let bestCount = 0;
  for (const s of sources) {
    const inTitle = keysOf(`${s.title} ${s.subtitle ?? ""}`).filter(
      (k) => k.length > 2 && asked.has(k),
    ).length;
    // "the Nov. 14 article": the source published that day.
    const onDay = reading.claimed.some(
      (v) => v.kind === "date" && v.date?.date.slice(5) === s.published.slice(5),
    );
    const titleKeys = keysOf(`${s.title} ${s.subtitle ?? ""}`);
    const named = titleKeys.some((k) => k.length > 2 && naming.has(k));
    // Claims about what it names, as a share of the source's claims: a long source is not about everything.
    const about = (counts.get(s.id) ?? 0) / Math.sqrt(Math.max(1, perSource.get(s.id) ?? 0));
    const count = about + 5 * inTitle + (onDay || named ? 1000 : 0);
    if (count > bestCount) {
      best = s;
      bestCount = count;
    }
  }
  return best ?? sources[0];
}

function cite(
  kb: KnowledgeBase,
  s: LoadedSource,
  text: string,
  snippet: string,
  now: Date,
  answered: boolean,
): Answer {
  const citations: Citation[] = [
    { snippet, source: s.id, title: s.title, publisher: s.publisher, published: s.published },
  ];
  return {
    answered,
    text,
    citations,
    confidence: answered ? 0.85 : 0.4,
    factIds: [],
    suggestions: [],
    freshness: freshnessOf(kb, citations, now),
  };
}

function listAnswer(kb: KnowledgeBase, sources: readonly LoadedSource[], now: Date): Answer {
  const shown = sources.slice(0, 3);
  const citations: Citation[] = shown.map((s) => ({
    snippet:
      s.text
        .split("\n")
        .find((l) => l.trim().length >= 12)
        ?.trim() ?? s.title,
    source: s.id,
    title: s.title,
    publisher: s.publisher,
    published: s.published,
  }));
  const lines = shown.map(
    (s) => `${s.title} (${s.publisher}, ${formatDay(s.published)}, ${ageOf(s.published, now)})`,
  );
  const more = sources.length > shown.length ? ` and ${sources.length - shown.length} older` : "";
  return {
    answered: true,
    text: `My sources (${sources.length}): ${lines.join("; ")}${more}.`,
    citations,
    confidence: 0.8,
    factIds: [],
    suggestions: [],
    freshness: freshnessOf(kb, citations, now),
  };
}
