/**
 * What the engine reads into a question beyond the reading itself: the series of events it means,
 * whose words it asks for, the words no source holds, the kind of thing a "which" asks for.
 */
import type { LoadedClaim } from "../knowledge/schema.js";
import type { Word } from "../nlp/english.js";
import { regionNamed } from "../nlp/places.js";
import { parseDate } from "../search/claimed.js";
import { editDistance } from "../search/edit-distance.js";
import { GENERAL_WORDS } from "../search/general-words.js";
import { keyOf, keysOf } from "../search/keys.js";
import type { Reading } from "../search/reading.js";
import { EngineBase } from "./engine-base.js";
import { KIND_GIVEN } from "./engine-shared.js";

/** Part of the answer engine (see engine.ts). */
/** A month as news writes it: "Oct.", "October", "Sept.". */
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";

export abstract class EngineReading extends EngineBase {
  /** Whether the places a question puts forward are where some claim puts an event ("Madrid, Stockholm…?"). */
  protected namesPastPlaces(reading: Reading): boolean {
    const places = reading.claimed
      .filter((v) => v.kind === "place" && v.concept)
      .map((v) => v.concept as string);
    if (!places.length) return false;
    return places.some((p) =>
      this.lookups.whereClaimsAt(p).some((c) => {
        const event = this.kb.concepts.get(c.about[0] as string);
        if (event?.type !== "event" || !event.part_of.length) return false;
        return !event.part_of.some((series) => this.nextPart(series) === event.id);
      }),
    );
  }

  /** The event of a series the newest sources look ahead to (the first not before them), else the latest. */
  protected nextPart(series: string): string | undefined {
    if (this.nextParts.has(series)) return this.nextParts.get(series);
    const next = this.findNextPart(series);
    this.nextParts.set(series, next);
    return next;
  }

  protected findNextPart(series: string): string | undefined {
    if (this.eventDates.has(series)) return undefined; // one event, not a series
    const dated = this.lookups
      .partsOf(series)
      .filter((c) => c.type === "event" && this.eventDates.has(c.id))
      .map((c) => ({ id: c.id, date: this.eventDates.get(c.id) as string }))
      .sort((a, b) => a.date.localeCompare(b.date));
    return (dated.find((d) => d.date > this.kb.newestSource) ?? dated.at(-1))?.id;
  }

  /**
   * "The next talks": a named series of events stands for its next one, the first whose date is
   * not before the newest source (else the latest one).
   */
  protected nextOf(concepts: Map<string, number>): void {
    for (const [id, weight] of [...concepts]) {
      const next = this.nextPart(id);
      if (!next) continue;
      // "the earlier rounds": a part already named is the one meant.
      if ([...concepts.keys()].some((k) => this.kb.concepts.get(k)?.part_of.includes(id))) continue;
      concepts.set(next, Math.max(concepts.get(next) ?? 0, weight));
      concepts.set(id, weight * 0.5);
    }
  }

  /** "The rounds before Malaysia": a named series stands for its parts that are past or undated. */
  protected previousOf(concepts: Map<string, number>, reading?: Reading): void {
    for (const [id, weight] of [...concepts]) {
      const date = this.eventDates.get(id);
      if (date) {
        // "How many rounds before the KL round?": the rounds of its series held before it.
        const named = reading?.mentions.find((m) => m.concept === id);
        const before =
          named &&
          /^(?:before|prior|until)$/.test(
            reading?.english.words[named.from - 1]?.lower === "the"
              ? (reading.english.words[named.from - 2]?.lower ?? "")
              : (reading?.english.words[named.from - 1]?.lower ?? ""),
          );
        if (!before) continue;
        for (const up of this.kb.concepts.get(id)?.part_of ?? [])
          for (const c of this.lookups.partsOf(up)) {
            if (c.type !== "event" || c.id === id || concepts.has(c.id)) continue;
            const theirs = this.eventDates.get(c.id);
            if (!theirs || theirs < date) concepts.set(c.id, weight * (theirs ? 0.9 : 0.8));
          }
        // (the round named after "before" sets the time; the ones before it are asked about)
        concepts.set(id, weight * 0.4);
        continue;
      }
      const parts = this.lookups.partsOf(id).filter((c) => c.type === "event");
      const past = parts.filter(
        (c) => (this.eventDates.get(c.id) ?? "") < this.kb.newestSource && !concepts.has(c.id),
      );
      for (const c of past) concepts.set(c.id, weight * 0.8);
    }
  }

  /** The person whose words the question asks for ("what did Trump say"), if it asks for someone's words. */
  protected askedSpeaker(reading: Reading): string | undefined {
    if (this.reportSays(reading)) return undefined;
    const a = reading.asked.attributes;
    if ((a.get("said") ?? 0) < 0.9 && (a.get("stance") ?? 0) < 0.9) return undefined;
    const person = reading.mentions.find(
      (m) => m.weight >= 0.5 && this.kb.concepts.get(m.concept)?.type === "person",
    );
    if (person) return person.concept;
    // "What did China's commerce ministry say": a government speaks through its people.
    const body = reading.mentions.find(
      (m) =>
        m.weight >= 0.5 && ["organisation", "country"].includes(this.kb.concepts.get(m.concept)?.type ?? ""),
    );
    return body?.concept;
  }

  /** "What does the piece say…", "is that what the article says?": the report's words, not a person's. */
  protected reportSays(reading: Reading): boolean {
    const text = reading.focus
      .map((i) => reading.english.sentences[i]?.text ?? "")
      .join(" ")
      .toLowerCase();
    return /\b(?:article|piece|story|report|reporting|source|sources|coverage)(?:'s)? (?:say|says|said|describe|describes|report|reports|claim|claims|put it)\b/.test(
      text,
    );
  }

  /** Whether a claim's speaker is the one asked for, or speaks for it (a minister for a government). */
  protected spokeFor(claim: LoadedClaim, speaker: string): boolean {
    if (!claim.speaker) return false;
    return claim.speaker === speaker || this.index.ancestors(claim.speaker).includes(speaker);
  }

  protected asksSpeakerNotFound(reading: Reading, claim: LoadedClaim): boolean {
    const speaker = this.askedSpeaker(reading);
    if (!speaker || reading.asked.strength < 0.6) return false;
    if (
      !reading.asked.cues.some((c) =>
        /\b(?:say|said|tell|told|describe|characteri[sz]e|comment|quote|word|remark|statement|react|respond)\b/.test(
          c,
        ),
      )
    )
      return false;
    return !this.spokeFor(claim, speaker);
  }

  /** Content words of the question that no source holds and English does not make general. */
  protected unknownWords(reading: Reading): string[] {
    return this.unknownContent(reading).map((c) => c.word.text);
  }

  protected unknownContent(reading: Reading): Reading["content"] {
    // A value put forward is not a topic ("in Bangkok, right?"), but an unknown name that stands
    // where the topic goes is ("is India facing a 50% tariff?").
    const claimedSpans = new Set<number>();
    for (const v of reading.claimed)
      if (v.kind === "date" || v.kind === "figure") for (let i = v.from; i <= v.to; i++) claimedSpans.add(i);
    const whoAsked = reading.asked.cues.some((c) =>
      /\b(?:who|whom|meet|lead|attend|accompany|join|negotiat|counterpart|delegation|travel)/.test(c),
    );
    // "Yellen is the one meeting He?" puts a name forward; "did Greer attend?" asks about someone unknown.
    if (reading.form === "belief" || reading.form === "yesno" || reading.form === "choice") {
      for (const v of reading.claimed) {
        if (v.kind === "state") continue;
        // In a statement put up for checking, a name no source has is the value being checked.
        const person =
          (v.kind === "person" && (reading.form === "belief" || (whoAsked && reading.form !== "yesno"))) ||
          (v.kind === "place" && reading.form === "belief");
        const exempt =
          v.concept !== undefined ||
          v.kind === "title" ||
          v.kind === "date" ||
          v.kind === "figure" ||
          v.slot ||
          person ||
          reading.form === "choice";
        if (exempt) for (let i = v.from; i <= v.to; i++) claimedSpans.add(i);
      }
    }
    const out: Reading["content"] = [];
    const words = reading.english.words;
    // "when did they roll out the controls", "wrap up": the verb of a phrasal verb is how one asks.
    const phrasal = (i: number) =>
      /^(?:up|out|off|down|back|over)$/.test(words[i + 1]?.lower ?? "") &&
      ["ADP", "PART", "ADV"].includes(words[i + 1]?.pos ?? "") &&
      ["VERB", "NOUN"].includes(words[i]?.pos ?? "");
    for (const c of reading.content) {
      if (claimedSpans.has(c.index) || c.cue || !c.core || phrasal(c.index)) continue;
      // Things, names and doings carry a topic; adjectives and adverbs of chat do not ("curious"),
      // except a capitalised adjective of a name ("Brazilian").
      const thing =
        c.word.pos === "NOUN" ||
        c.word.pos === "PROPN" ||
        c.word.pos === "VERB" ||
        (c.word.pos === "ADJ" && c.word.capital && !c.word.first);
      if (!thing && !(c.word.unknown && c.word.pos !== "ADJ" && c.word.pos !== "ADV")) continue;
      if (c.word.unknown && c.word.pos === "VERB") continue; // a misspelt verb is more likely a typo than a topic
      if (
        c.corrected ||
        this.index.knowsWord(c.key) ||
        this.index.knowsWord(c.stem) ||
        GENERAL_WORDS.has(c.key) ||
        GENERAL_WORDS.has(c.stem)
      )
        continue;
      if (this.index.knowsPrefix(c.stem)) continue;
      // A misspelling of a word the knowledge holds ("novmber", "negociate") is that word.
      if (c.word.unknown && !c.word.capital && this.index.nearWord(c.key)) continue;
      if (!/^[a-z][a-z0-9-]*$/i.test(c.word.text) || c.word.text.length < 2) continue;
      if (c.word.unknown && this.misspeltBesideName(reading, c.index)) continue;
      out.push(c);
    }
    // A word English does not know, modifying a noun no source has ("boeing airplanes"), is a name too.
    for (const c of reading.content) {
      if (!c.word.unknown || !["ADJ", "VERB"].includes(c.word.pos) || c.cue || !c.core || c.corrected)
        continue;
      if (!out.some((o) => o.index === c.index + 1)) continue;
      if (this.index.knowsWord(c.key) || this.index.nearWord(c.key) || c.word.text.length < 3) continue;
      out.push(c);
    }
    out.sort((a, b) => a.index - b.index);
    return out;
  }

  /**
   * "hee lifeng", "scot bessent": a word one letter off the rest of the name written beside it is
   * that name misspelt, not something the sources lack.
   */
  private misspeltBesideName(reading: Reading, index: number): boolean {
    const word = reading.english.words[index]?.lower ?? "";
    return reading.mentions.some((m) => {
      if (m.from !== index + 1 && m.to !== index - 1) return false;
      const c = this.kb.concepts.get(m.concept);
      const parts = [c?.name ?? "", ...(c?.aliases ?? [])].flatMap((n) => n.toLowerCase().split(/[\s-]+/));
      return parts.some((p) => p.length >= 2 && p !== word && editDistance(p, word, 1) <= 1);
    });
  }

  /** The word a wh-question asks about: the first noun after "what is (the)", "how is the", "which". */
  protected headWord(reading: Reading): number | undefined {
    const words = reading.english.words;
    for (const i of reading.focus) {
      const s = reading.english.sentences[i];
      if (!s) continue;
      for (let k = s.from; k <= s.to; k++) {
        if (!/^(?:what|whats|which|how|who|whos)$/.test((words[k] as Word).lower)) continue;
        for (let j = k + 1; j <= Math.min(s.to, k + 5); j++) {
          const w = words[j] as Word;
          if (w.pos === "NOUN" || w.pos === "PROPN") return j;
          if (!["AUX", "DET", "ADJ", "PART", "PRON"].includes(w.pos) && w.lower !== "'s") break;
        }
        break;
      }
    }
    return undefined;
  }

  /** The kind of thing a "which N" or "what N" question asks for, when it is not a kind every claim of its attribute gives. */
  protected whichKind(reading: Reading): string | undefined {
    const words = reading.english.words;
    for (const i of reading.focus) {
      const s = reading.english.sentences[i];
      if (!s) continue;
      for (let k = s.from; k < s.to; k++) {
        if (!/^(?:which|what)$/.test((words[k] as Word).lower)) continue;
        let j = k + 1;
        while (j <= s.to && ["ADJ", "NUM"].includes((words[j] as Word).pos) && j - k <= 3) j++;
        if (KIND_GIVEN.has((words[j] as Word | undefined)?.lemma ?? "")) return undefined;
        // The head of the noun phrase: "which rare earth elements" asks for elements.
        while (j < s.to && (words[j + 1] as Word).pos === "NOUN") j++;
        const w = words[j];
        if (w?.pos !== "NOUN" || w.unknown) return undefined;
        if (reading.mentions.some((m) => m.from <= j && j <= m.to)) return undefined;
        // Words that name no kind: "what kind", "which part", "what other stuff".
        if (/^(?:kind|type|sort|part|bit|stuff|thing|item|one|lot|way|aspect|detail)$/.test(w.lemma))
          return undefined;
        if (KIND_GIVEN.has(w.lemma)) return undefined;
        return w.lower;
      }
    }
    return undefined;
  }

  /**
   * Whether a claim lists things ("gallium, germanium, antimony and graphite", two agencies): a list
   * answers "which minerals" though it never says "minerals"; a figure or a date does not.
   */
  protected enumerates(claim: LoadedClaim): boolean {
    const v = claim.value;
    // (places are not a list of things: "Kuala Lumpur, Malaysia" is one place)
    // (bodies: "which two agencies"; people are asked for by "who", or a kind every claim gives)
    if (
      "people" in v &&
      v.people.filter((id) => this.kb.concepts.get(id)?.type === "organisation").length >= 2
    )
      return true;
    if (claim.attribute === "where" || claim.attribute === "role") return false;
    const text = `${"text" in v ? v.text : ""} ${claim.answer}`;
    return /\b[\w-]+, [\w-]+(?:, [\w-]+)*,? (?:and|or) [\w-]+/.test(text);
  }

  /**
   * A pair of countries the question joins with a hyphen ("EU-US", "US-vietnam"), one of them
   * neither the US nor China, that the claim is not about: the question is about their dealings.
   */
  protected otherPair(text: string, claim: LoadedClaim): string | undefined {
    for (const m of text.matchAll(/(?<![\w-])([A-Za-z][A-Za-z.]*)[-–]([A-Za-z][A-Za-z.]*)(?![\w-])/g)) {
      const sides = [m[1] ?? "", m[2] ?? ""].map((x) => regionNamed(x));
      if (sides.some((x) => !x)) continue;
      const at = (sides as string[]).findIndex((x) => !/^(?:United States|China)$/.test(x));
      if (at < 0) continue;
      const other = sides[at] as string;
      const written = ((at === 0 ? m[1] : m[2]) ?? "").toLowerCase().replace(/\./g, "");
      const names = claim.about
        .flatMap((id) => {
          const c = this.kb.concepts.get(id);
          return c ? [c.name, ...c.aliases] : [];
        })
        .join(" ")
        .toLowerCase();
      if (!names.includes(other.toLowerCase()) && !new RegExp(`\\b${written}\\b`).test(names))
        return `${sides.join("–")} dealings`;
    }
    return undefined;
  }

  /** A date the question gives to name a report ("as of the Oct. 17 piece"), as month-day. */
  protected reportDayAsked(reading: Reading): { value: Reading["claimed"][number]; day: string } | undefined {
    const words = reading.english.words;
    for (const v of reading.claimed) {
      if (v.kind !== "date" || !v.date || v.date.precision !== "day") continue;
      const next = words[v.to + 1]?.lower ?? "";
      if (!/^(?:piece|article|story|report|reporting|coverage|source|update|edition)s?$/.test(next)) continue;
      // ("… only 'planned' in the Oct. 17 story. Did it go ahead?": the report sets the scene for a
      // question about what came after; only a sentence that asks makes it the report asked about)
      const sentence = reading.english.sentences[(words[v.from] as Word).sentence];
      if (!sentence || !/\?|\b(?:what|when|where|who|which|how)\b/i.test(sentence.text)) continue;
      return { value: v, day: v.date.date.slice(5, 10) };
    }
    return undefined;
  }

  /** Whether a claim's report was published on a month-day ("10-17"). */
  protected publishedOn(claim: LoadedClaim, day: string): boolean {
    return (this.kb.sources.get(claim.source)?.published ?? "").slice(5, 10) === day;
  }

  /**
   * The dates a claim's words write out, at their precision, in the year of its report when they give
   * none: the answer's "on Monday (Dec. 8, 2025)", "in August 2025", and with `snippet` the source's
   * "on Oct. 29" too.
   */
  protected writtenDates(
    claim: LoadedClaim,
    snippet = false,
  ): { date: string; precision: string; until?: string }[] {
    const out: { date: string; precision: string; until?: string }[] = [];
    const reference = new Date(`${claim.asOf}T12:00:00Z`);
    const read = (text: string, pattern: RegExp, dayOnly: boolean) => {
      for (const m of text.matchAll(pattern)) {
        const d = parseDate(m[0], reference);
        if (!d || (dayOnly && d.precision !== "day")) continue;
        out.push({ date: d.date, precision: d.precision, ...(d.until ? { until: d.until } : {}) });
      }
    };
    read(claim.answer, new RegExp(`\\b${MONTH}\\s+(?:\\d{1,2},\\s+)?20\\d\\d\\b`, "g"), false);
    if (snippet) read(claim.snippet, new RegExp(`\\b${MONTH}\\s+\\d{1,2}\\b`, "g"), true);
    return out;
  }

  /** Whether a claim's words name a kind of thing ("hotel" in "the Merdeka hotel"). */
  protected claimNames(claim: LoadedClaim, kind: string): boolean {
    const stem = keyOf(kind).slice(0, 5);
    const v = claim.value;
    const text = `${claim.answer} ${claim.snippet} ${"label" in v ? (v.label ?? "") : ""} ${"text" in v ? v.text : ""}`;
    return keysOf(text).some((k) => k.startsWith(stem));
  }
}
