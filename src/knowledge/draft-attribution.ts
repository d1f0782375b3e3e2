/**
 * Who a sentence reports as saying something, read from its speech verb: "Li told reporters that
 * …", "…, Trump said", "China, he said, would …", "Xinhua quoted Vice Premier He as saying …",
 * "according to CCTV". The speaker is a concept mentioned in the sentence, or, for "he", "she",
 * "the ministry", "the spokesperson", the last one the article named that fits.
 */
import type { ConceptMention } from "./draft-concepts.js";
import { type Token, tokensOf } from "./draft-tokens.js";
import type { Concept } from "./schema.js";

/** A month's abbreviation with its period ("Dec.", "Sept."), which is no sentence's or clause's end. */
const MONTH_ABBREVIATION = /\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\./g;

/** A sentence's report of speech: who, and the words of the sentence that carry what they said. */
export interface Speech {
  speaker: Concept;
  /** The reported content as a slice of the sentence (no attribution, no "that"). */
  content: string;
  /** Offset of `content` in the sentence. */
  contentStart: number;
  /** The speech verb's lemma: say, tell, call, describe, quote… */
  verb: string;
  /** A stance rather than a statement: "called the position tough", "described it as". */
  stance: boolean;
  /** What was said, as parts of the sentence (characters from..to): one, or two around "…, the ministry said, …". */
  ranges: [number, number][];
  /** The speech verb as written: "said", "called", "told". */
  verbText: string;
  /** Where the speech verb is in the sentence (-1 for "according to"). */
  verbAt: number;
  /** A place said it ("The White House has said"): named in answers, not a speaker (a speaker is a person, body or country). */
  asSource?: boolean;
}

/** What the article has named so far, for "he", "the ministry" and "the official". */
export interface Recent {
  person?: Concept;
  organisation?: Concept;
  /** Every party named so far, latest last. */
  parties: Concept[];
}

const SPEECH = new Set([
  "say",
  "tell",
  "add",
  "call",
  "describe",
  "announce",
  "state",
  "warn",
  "note",
  "quote",
  "insist",
  "argue",
  "confirm",
  "characterize",
  "forecast",
]);
const STANCE = new Set(["call", "describe", "characterize"]);
const PARTY_TYPES = new Set(["person", "organisation", "country"]);

function pronounOrRole(words: string, recent: Recent): Concept | undefined {
  const w = words.toLowerCase().trim();
  if (/^(?:he|she)$/.test(w)) return recent.person;
  // "a ministry official", "an administration official": the body the official speaks for.
  const official =
    /^(?:the|a|an)\s+(?:[a-z]+\s+)?(ministry|office|department|commission|agency|bureau|administration|council)\s+(?:official|spokesperson|spokesman|spokeswoman)$/.exec(
      w,
    )?.[1];
  if (official) {
    const body = [...recent.parties]
      .reverse()
      .find((p) => p.type === "organisation" && p.name.toLowerCase().includes(official));
    if (body) return body;
  }
  const role = /^the\s+([a-z][a-z -]*)$/.exec(w)?.[1];
  // "the ministry", "the trade negotiator": a short description, its last word a noun of office.
  if (!role || role.split(" ").length > 3) return undefined;
  const noun = role.split(" ").at(-1) ?? "";
  if (noun.length < 4) return undefined; // "the spokesperson", "the official": the last person whose role has that word, else the last person.
  for (const p of [...recent.parties].reverse()) {
    const names = [p.name, ...p.aliases, ...p.roles]
      .join(" ")
      .toLowerCase()
      .split(/[^a-z]+/);
    if (names.includes(noun)) return p;
  }
  if (/ministry|office|commission|department|agency|bureau|administration|council/.test(noun))
    return recent.organisation;
  if (/official|spokesperson|spokesman|spokeswoman|minister|secretary|chief|negotiator/.test(noun))
    return recent.person;
  return undefined;
}

/** The speaker named in characters `from`..`to` of the sentence, a party concept. */
function partyIn(mentions: readonly ConceptMention[], from: number, to: number): Concept | undefined {
  const inside = mentions.filter((m) => m.start >= from && m.end <= to && PARTY_TYPES.has(m.concept.type));
  return inside.at(-1)?.concept;
}

/** The noun phrase that ends at `end` ("referred instead to the ministry's summary of …" → "the ministry's summary of …"). */
function antecedent(sentence: string, end: number): [number, number] | undefined {
  const tokens = tokensOf(sentence).filter((t) => t.end <= end);
  let i = tokens.length;
  while (i > 0) {
    const t = tokens[i - 1] as Token;
    if (t.pos === "VERB" || t.pos === "AUX" || /^[,;:]$/.test(t.text)) break;
    i--;
  }
  while (i < tokens.length && ["ADV", "ADP", "PART"].includes((tokens[i] as Token).pos)) i++;
  const first = tokens[i];
  if (!first || tokens.length - i < 2) return undefined;
  return [first.start, (tokens.at(-1) as Token).end];
}

/** The speech a sentence reports, if any. */
export function findSpeech(
  sentence: string,
  mentions: readonly ConceptMention[],
  recent: Recent,
): Speech | undefined {
  const tokens = tokensOf(sentence);
  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i] as Token;
    if (v.pos !== "VERB" || !SPEECH.has(v.lemma)) continue;
    if (v.lemma === "forecast" || v.lemma === "announce" || v.lemma === "state") continue;
    // "the so-called fentanyl tariff": a name as others use it, not a report of speech.
    if (/\bso-$/i.test(sentence.slice(0, v.start))) continue;
    // "Bessent, who said he is a soybean farmer himself, said …": the relative clause is not the report.
    if (/\bwho\s+$/i.test(sentence.slice(0, v.start))) continue;
    // "what it says China agreed to": what a document says, inside a sentence about something else.
    if (/\bwhat\s+\w+\s+$/i.test(sentence.slice(0, v.start))) continue;
    // Who: the words just before the verb (back to a comma, quotation mark or clause start).
    const before = sentence.slice(0, v.start);
    const cut = Math.max(
      before.lastIndexOf(","),
      before.lastIndexOf("\u201d"),
      before.lastIndexOf('"'),
      before.lastIndexOf(";"),
      before.lastIndexOf(" that "),
    );
    const whoFrom = cut + 1;
    const who = before
      .slice(whoFrom)
      .trim()
      .replace(/\s+(?:also|later|then|again|earlier|separately|too)$/i, "")
      // "On Saturday the president said": when it was said is not who said it.
      .replace(
        /^(?:(?:on|by|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]{2,8}\.?\s+\d{1,2}|last\s+\w+|later|earlier|meanwhile|separately|in a statement)\s+/i,
        "",
      );
    // "Bessent gave on Thursday, when he said …": "he" is the person this sentence named last, else the article.
    const pronoun = /^(?:he|she)$/i.test(who.split(" ").at(-1) ?? "");
    const named = pronoun
      ? mentions.filter((m) => m.end <= v.start && m.concept.type === "person").at(-1)?.concept
      : undefined;
    let speaker = partyIn(mentions, whoFrom, v.start) ?? named ?? pronounOrRole(who, recent);
    // "The White House has said": a place that speaks for a government is the source, not a speaker.
    const place =
      !speaker && /^(?:the\s+)?[A-Z][\w ]+?(?:\s+(?:has|have|had))?$/.test(who)
        ? mentions.find((m) => m.start >= whoFrom && m.end <= v.start && m.concept.type === "place")?.concept
        : undefined;
    if (place) speaker = place;
    if (!speaker && pronoun) speaker = recent.person;
    // "Bessent, who said …, said", "Chen Chao, director general of …, said": the one the relative
    // clause or the appositive is about.
    let relative = false;
    if (!speaker && !who && !/["\u201d]\s*,?\s*$/.test(before)) {
      const rel = /([^,]*),\s+[^,]*,\s*$/.exec(before);
      if (rel) speaker = partyIn(mentions, rel.index, rel.index + (rel[1] ?? "").length);
      relative = Boolean(speaker);
    }
    // "…," said Trentino.
    if (!speaker && !who) speaker = partyIn(mentions, v.end, v.end + 40);
    if (!speaker) continue;
    let contentStart: number;
    let content: string;
    let ranges: [number, number][];
    const after = sentence.slice(v.end);
    // The report comes after what was said: "…," Trump said. / China, he said, would …
    const quotedHead = cut > 0 && /["\u201d]\s*$/.test(sentence.slice(0, cut + 1));
    const interrupted = cut > 0 && /^\s*,/.test(after);
    // Only when it was said may follow: "…, Kowalczyk said on Thursday." / "…, Bessent said Oct. 17."
    const onlyWhen =
      /^\s*(?:(?:on\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))|last \w+|yesterday|today|afterward|later|earlier)?\s*[.]?\s*$/.test(
        after,
      );
    const trailing = !relative && whoFrom > 3 && (onlyWhen || quotedHead || interrupted);
    // "China added the United States … to the list": "add" reports speech only as "added that …" or
    // after what was said ("…, he added").
    if (v.lemma === "add" && !trailing && !/^\s*(?:[^,.;]{0,25}?\s)?that\b|^\s*[,:"\u201c]/.test(after))
      continue;
    if (trailing) {
      const head = sentence.slice(0, cut).replace(/["\u201c\u201d]/g, "");
      const tail = after.replace(/^[\s,]+/, "");
      content = `${head}${/^\s*[.]?$/.test(tail) || onlyWhen ? "" : ` ${tail}`}`.trim();
      contentStart = 0;
      const tailStart = sentence.length - tail.length;
      ranges = [[0, cut]];
      // "\u201c…,\u201d Trump said after the talks": the quotation is what was said; the rest says when.
      if (!quotedHead && !onlyWhen && !/^\s*[.]?\s*$/.test(tail)) ranges.push([tailStart, sentence.length]);
    } else {
      // "X said (on Thursday) (that) …", "X told reporters (afterward) that …", "quoted Y as saying …"
      const told = v.lemma === "tell" ? "(?:(?:reporters|him|her|them|the \\w+)\\s+)?" : "";
      const when =
        "(?:afterward\\s+|on\\s+\\w+(?:\\s+\\w+)?\\s+|last week\\s+|on\\s+[\\w.]+\\s+\\d+\\s+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\s+|[A-Z][a-z]{2,4}\\.?\\s+\\d{1,2}\\s+)?";
      const m = new RegExp(`^\\s*${told}${when}(?:only\\s+)?(?:that\\s+)?`).exec(after);
      contentStart = v.end + (m?.[0].length ?? 0);
      // "told reporters on Air Force One on Friday that …", "said in a statement on Tuesday that …":
      // where and when it was said, before the "that" of what was said.
      const setting = (
        v.lemma === "tell"
          ? /^\s*(?:[^,.;"“”]{0,70}?)\s+that\s+/
          : /^\s*(?:on|in|at|after|before|during|aboard|from|to|via)\s+[^,.;"“”]{0,60}?\s+that\s+/
      ).exec(after);
      if (setting && v.end + setting[0].length > contentStart) contentStart = v.end + setting[0].length;
      // "told Trump the negotiating teams had …": the one told is not what was said.
      if (v.lemma === "tell") {
        const listener = mentions.find((x) => x.start === contentStart && PARTY_TYPES.has(x.concept.type));
        if (listener)
          contentStart = listener.end + (/^\s+that\s+/.exec(sentence.slice(listener.end))?.[0].length ?? 1);
      }
      content = sentence.slice(contentStart);
      // "…; it did not mention general licenses": after a semicolon the reporter speaks again.
      const semi = sentence.indexOf("; ", contentStart);
      ranges = [[contentStart, semi > 0 ? semi : sentence.length]];
      if (v.lemma === "quote") {
        const as = /\bas saying\s+(?:that\s+)?/.exec(content);
        const quoted = partyIn(mentions, contentStart, contentStart + (as?.index ?? 0));
        if (as && quoted) {
          speaker = quoted;
          contentStart += as.index + as[0].length;
          content = sentence.slice(contentStart);
          ranges = [[contentStart, sentence.length]];
        }
      }
      // "the ministry's earlier summary, which he said covered agricultural trade": what covered it is the summary.
      const ant = /^(?:which|that)\s+\S+$/i.test(who) ? antecedent(sentence, cut) : undefined;
      if (ant && ranges[0]) {
        ranges = [ant, ranges[0]];
        content = `${sentence.slice(ant[0], ant[1])} ${content}`;
      }
    }
    content = content.replace(/[.\s]+$/, "").trim();
    if (content.split(" ").length < 3) continue;
    return {
      speaker,
      content,
      contentStart,
      verb: v.lemma,
      stance: STANCE.has(v.lemma),
      ranges,
      verbText: v.text,
      verbAt: v.start,
      ...(place ? { asSource: true } : {}),
    };
  }
  // "By his account, the agenda covered …": the one the article last named.
  const account = /^(?:By|In)\s+(his|her|its|their)\s+(?:account|view|words),\s*/i.exec(sentence);
  if (account) {
    const who = (account[1] ?? "").toLowerCase();
    const speaker = who === "his" || who === "her" ? recent.person : recent.organisation;
    if (speaker) {
      const start = account[0].length;
      return {
        speaker,
        content: sentence.slice(start).replace(/[.\s]+$/, ""),
        contentStart: start,
        verb: "say",
        stance: false,
        ranges: [[start, sentence.length]],
        verbText: "said",
        verbAt: -1,
      };
    }
  }
  // ("according to Reuters on Dec. 18, …": a month's abbreviation does not end the source's words)
  const according = /,?\s*\baccording to ((?:the\s+)?[^,.;]+?)(?=[,.;]|$)/i.exec(
    sentence.replace(MONTH_ABBREVIATION, (m) => `${m.slice(0, -1)}\u2024`),
  );
  if (according) {
    const at = according.index + according[0].indexOf(according[1] ?? "");
    const to = at + (according[1] ?? "").length;
    // "According to the White House": a place that speaks for a government is the source.
    const place = partyIn(mentions, at, to)
      ? undefined
      : mentions.find((m) => m.start >= at && m.end <= to && m.concept.type === "place")?.concept;
    const speaker = partyIn(mentions, at, to) ?? place;
    if (speaker) {
      const content = (
        sentence.slice(0, according.index) + sentence.slice(according.index + according[0].length)
      ).replace(/[.\s]+$/, "");
      // What the source is given for is the clause before "according to"; what follows is the reporter's.
      // "According to the White House, China committed …": what follows it.
      const ranges: [number, number][] =
        according.index === 0
          ? [
              [
                according[0].length + (/^,\s*/.exec(sentence.slice(according[0].length))?.[0].length ?? 0),
                sentence.length,
              ],
            ]
          : [[0, according.index]];
      return {
        speaker,
        content,
        contentStart: 0,
        verb: "say",
        stance: false,
        ranges,
        verbText: "according to",
        verbAt: -1,
        ...(place ? { asSource: true } : {}),
      };
    }
  }
  return undefined;
}
