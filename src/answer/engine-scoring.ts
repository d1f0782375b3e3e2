/**
 * Finding and scoring the claims a question could rest on: by the concepts it names, the values it
 * puts forward, the words it quotes and curated phrasings; then by the attribute asked, the words
 * shared, the nouns it is about, time and standing.
 */
import type { Attribute, LoadedClaim } from "../knowledge/schema.js";
import type { ConceptHit } from "../search/claim-index.js";
import { GENERAL_WORDS } from "../search/general-words.js";
import { stemsOf } from "../search/keys.js";
import type { Reading } from "../search/reading.js";
import { EngineChecks } from "./engine-checks.js";
import {
  type Candidate,
  KIND_ATTRIBUTES,
  KIND_NOUNS,
  PEOPLE_NOUNS,
  PHRASING_MATCH,
  SINGLE_VALUED_ASKED,
} from "./engine-shared.js";
import { squash } from "./lookups.js";
import { agrees } from "./values.js";

/** Part of the answer engine (see engine.ts). */
export abstract class EngineScoring extends EngineChecks {
  /** Claims found through the question's concepts, scored, best first. */
  protected candidates(reading: Reading): Candidate[] {
    const concepts = new Map<string, number>();
    for (const m of reading.mentions)
      concepts.set(m.concept, Math.max(concepts.get(m.concept) ?? 0, m.weight));
    // A country named beside something more specific ("the china ceasefire") only sets the scene.
    const other = [...concepts.keys()].some((id) => this.kb.concepts.get(id)?.type !== "country");
    if (other)
      for (const [id, w] of concepts)
        if (this.kb.concepts.get(id)?.type === "country") concepts.set(id, w * 0.4);
    // A value put forward is not what the question is about: "in Bangkok" narrows nothing.
    if (reading.form === "belief" || reading.form === "yesno" || reading.form === "choice") {
      for (const v of reading.claimed) {
        if (
          v.concept &&
          (v.kind === "place" || v.kind === "person") &&
          concepts.has(v.concept) &&
          concepts.size > 1
        ) {
          concepts.set(v.concept, (concepts.get(v.concept) ?? 0) * 0.6);
        }
      }
    }
    // "Did he cancel the meeting?": what an event or measure is part of is asked about too, a little.
    for (const [id, w] of [...concepts]) {
      const c = this.kb.concepts.get(id);
      if (c?.type !== "event" && c?.type !== "measure") continue;
      for (const up of c.part_of) if (!concepts.has(up)) concepts.set(up, w * 0.25);
    }
    // "The talks", with no time: the round the newest sources speak of, the next one or else the latest.
    // A belief about "the talks" ("are in Bangkok, right?") checks the current round, not the past ones.
    // "Where are the talks?", "when is the round?": asked in the present, about the current round.
    const presentWh =
      reading.time === undefined &&
      reading.form === "wh" &&
      /^\s*(?:where|when|who)\s+(?:are|is|'re|'s)\s+(?:the|their)\b/i.test(
        reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" "),
      );
    if (
      reading.time === "next" ||
      reading.time === "now" ||
      presentWh ||
      (reading.time !== "before" &&
        ["belief", "yesno", "choice"].includes(reading.form) &&
        reading.claimed.some((v) => v.kind === "place" || v.kind === "date") &&
        !this.namesPastPlaces(reading))
    )
      this.nextOf(concepts);
    if (reading.time === "before") this.previousOf(concepts, reading);
    let hits = this.index.byConcepts(concepts);
    const valueHits = new Set<number>();
    // A date or figure alone ("nov 1 - what happens then?", "what's the 145 about") finds the claims that give it.
    const seen = this.claimSeen;
    for (const h of hits) seen[h.index] = 1;
    // Words the asker quotes find the claims whose snippet holds them.
    const quoted = new Set<number>();
    for (const q of reading.quotes) {
      for (const i of this.lookups.quoting(squash(q))) {
        quoted.add(i);
        if (!seen[i]) {
          seen[i] = 1;
          hits.push({ index: i, coverage: 0.85 });
        }
      }
    }
    // "as of the Oct. 17 piece", "in the Oct. 26 article": a date that names a report, not a value.
    const reportDay = this.reportDayAsked(reading);
    const claimed = reportDay ? reading.claimed.filter((v) => v !== reportDay.value) : reading.claimed;
    for (const v of claimed) {
      const found =
        v.kind === "figure" && v.figure
          ? this.index.byValue({ figure: v.figure.value })
          : v.kind === "date" && v.date && !v.date.relative
            ? this.index.byValue({ date: v.date.date, precision: v.date.precision })
            : [];
      for (const i of found) {
        if (seen[i]) continue;
        seen[i] = 1;
        hits.push({ index: i, coverage: concepts.size ? 0.5 : 0.8 });
        valueHits.add(i);
      }
    }
    // A curated phrasing close to the question (an idiom the concepts and attribute don't carry)
    // points at its claim.
    const focusText = reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ");
    const phrased = this.index.phrasingMatches(stemsOf(focusText), PHRASING_MATCH);
    for (const [i, sim] of phrased) {
      if (seen[i]) continue;
      seen[i] = 1;
      hits.push({ index: i, coverage: 0.6 * sim });
    }
    for (const h of hits) seen[h.index] = 0;
    const wordKeys = reading.content.map((c) => c.stem).filter((k) => this.index.idfOfWord(k) !== undefined);
    const words = this.index.wordCoverage(wordKeys);
    // The nouns a question is about, beyond the concepts it names ("how big is the chinese
    // delegation"): a claim that mentions none of them is about something else.
    // ("before the extension" dates the question: the older value is asked, not a claim naming the extension)
    const tokens = reading.english.words;
    const timeRef = (i: number) =>
      /^before$/.test(tokens[i - 1]?.lower ?? "") ||
      (/^(?:the|a|an|this|that)$/.test(tokens[i - 1]?.lower ?? "") &&
        /^before$/.test(tokens[i - 2]?.lower ?? ""));
    // "Which chinese body…", "what materials…": the kind asked is what the claim's value is an
    // instance of, so the claim need not hold the word.
    // ("which two chinese agencies", "what kind of entity")
    const kindAsked = (i: number) => {
      if (!KIND_NOUNS.has(tokens[i]?.lemma ?? "")) return false;
      let k = i - 1;
      while (k >= 0 && ["ADJ", "NUM", "PROPN", "NOUN"].includes(tokens[k]?.pos ?? "") && i - k <= 3) k--;
      if (tokens[k]?.lower === "of" && /^(?:kind|type|sort)$/.test(tokens[k - 1]?.lemma ?? "")) k -= 2;
      return /^(?:which|what)$/.test(tokens[k]?.lower ?? "");
    };
    // ("when did the talks wrap up?": a word before a particle is the verb of a phrasal verb,
    // whatever the tagger says)
    const phrasal = (i: number) =>
      /^(?:up|out|off|down|back|over)$/.test(tokens[i + 1]?.lower ?? "") &&
      ["ADP", "PART", "ADV"].includes(tokens[i + 1]?.pos ?? "");
    const nounKeys = reading.content
      .filter(
        (c) =>
          (c.word.pos === "NOUN" || c.word.pos === "PROPN") &&
          !phrasal(c.index) &&
          !timeRef(c.index) &&
          !kindAsked(c.index) &&
          (!c.cue || PEOPLE_NOUNS.has(c.key)) &&
          !GENERAL_WORDS.has(c.key),
      )
      .map((c) => c.stem)
      .filter((k) => this.index.idfOfWord(k) !== undefined);
    const nouns = nounKeys.length ? this.index.wordCoverage(nounKeys) : undefined;
    // A rare noun ("sorghum") that a claim lacks counts against it more than a common one.
    const maxIdf = Math.log(1 + this.index.claims.length);
    const rarest = Math.max(0, ...nounKeys.map((k) => this.index.idfOfWord(k) ?? 0));
    const nounFloor = rarest > 0.75 * maxIdf ? 0.45 : 0.6;
    // A country that owns what is asked ("China's deficit", "the US deficit"), not one after a
    // preposition: "the ban on exports to the US" is China's ban, "tariffs on China" the US's.
    const countries = reading.mentions
      .filter(
        (m) =>
          m.weight >= 0.85 &&
          this.kb.concepts.get(m.concept)?.type === "country" &&
          !/^(?:to|from|into|onto|on|against|with|for|at|in|by|toward|towards|between|versus|vs)$/.test(
            (tokens[m.from - 1]?.lower === "the" ? tokens[m.from - 2] : tokens[m.from - 1])?.lower ?? "",
          ),
      )
      .map((m) => m.concept);
    const thingsNamed = [...concepts.entries()]
      .filter(
        ([id, w]) => w >= 0.5 && ["measure", "event", "topic"].includes(this.kb.concepts.get(id)?.type ?? ""),
      )
      .map(([id]) => id);
    const stateClaimed =
      (reading.form === "belief" || reading.form === "yesno") &&
      reading.claimed.some((v) => v.kind === "state");
    const asked = new Map(reading.asked.attributes);
    const putForward =
      reading.form === "belief" ||
      reading.form === "yesno" ||
      reading.form === "choice" ||
      (reading.form === "fragment" && /\?\s*$/.test(reading.text));
    if (putForward) {
      // "Will the talks in Malaysia last one day or two?": a choice asks for the kind of its options;
      // the other values it names set the scene.
      const options = reading.choices.filter((v) => v.kind === "figure" || v.kind === "date");
      const offered = reading.form === "choice" && options.length >= 2 ? options : reading.claimed;
      for (const v of offered) {
        // A value in its slot ("in Tokyo", "at the G20") says what the question is about.
        const weight =
          v.slot && (v.kind === "place" || v.kind === "date" || v.kind === "figure")
            ? 1
            : asked.size
              ? 0.6
              : 0.9;
        // "extended to Nov. 10, 2026?", "paused until March": a date after "to" or "until" is an end.
        const before = reading.english.words[v.from - 1]?.lower ?? "";
        if (v.kind === "date" && /^(?:to|until|till|til|through|thru)$/.test(before)) {
          asked.set("end", Math.max(asked.get("end") ?? 0, 1));
          for (const a of ["when", "start"] as const) asked.set(a, Math.max(asked.get(a) ?? 0, weight * 0.5));
          continue;
        }
        const kinds =
          v.kind === "figure" && v.figure && /^(?:day|week|month|year|hour)s?$/.test(v.figure.unit)
            ? (["duration"] as Attribute[])
            : KIND_ATTRIBUTES[v.kind];
        for (const a of kinds) asked.set(a, Math.max(asked.get(a) ?? 0, weight));
      }
    }
    // "The related story says…": words of a report, not of a person, when no one is named.
    const someone = reading.mentions.some((m) =>
      ["person", "organisation", "country"].includes(this.kb.concepts.get(m.concept)?.type ?? ""),
    );
    if (!someone || this.reportSays(reading))
      for (const a of ["said", "stance"] as const) if (asked.has(a)) asked.set(a, (asked.get(a) ?? 0) * 0.3);
    const strong = reading.asked.strength >= 1;
    const subjects = new Set(
      [...concepts.entries()]
        .filter(([id, w]) => w >= 0.85 && !this.isGeneral(id) && this.kb.concepts.get(id)?.type !== "person")
        .map(([id]) => id),
    );
    const speaker = this.askedSpeaker(reading);
    // ("Trump told CNBC …, right?": telling is saying, though no cue word asks for it)
    const saying =
      reading.asked.cues.some((c) =>
        /\b(?:say|said|describe|characteri[sz]e|comment|quote|word|remark|statement|call (?:it|them|the)|line)\b/.test(
          c,
        ),
      ) || reading.english.words.some((w) => w.lemma === "tell" && w.pos === "VERB");
    const named = new Set(concepts.keys());
    // A month or day a question asks about, not one it puts forward for checking.
    const askedDate = putForward
      ? undefined
      : reading.claimed.find((v) => v.kind === "date" && v.date && !v.date.relative)?.date;
    const onlyGeneral = [...concepts.keys()].every((id) => this.isGeneral(id));
    // Thousands of claims about what the question names (a large knowledge base, a common concept):
    // only the best `maxScored` by a rough score (what they are about, the question's words and
    // nouns, the attribute asked) are scored in full; the rest are far below any threshold a reply
    // uses. Claims met through a quote, a phrasing or a value are always scored.
    if (hits.length > this.maxScored) {
      const rough = new Float64Array(hits.length);
      const anyTime = reading.time === "before" || reportDay !== undefined;
      const askedOf = new Float64Array(this.attributeNumber.size);
      for (const [a, w] of asked) {
        const n = this.attributeNumber.get(a);
        if (n !== undefined) askedOf[n] = w;
      }
      const subjectNos = new Set([...subjects].map((id) => this.conceptNumber.get(id) ?? -1));
      for (let k = 0; k < hits.length; k++) {
        const h = hits[k] as ConceptHit;
        const i = h.index;
        if (!anyTime && this.claimState[i] === 0) {
          rough[k] = -1;
          continue;
        }
        const fit = asked.size === 0 ? 1 : 0.5 + 0.5 * (askedOf[this.claimAttribute[i] as number] as number);
        const noun = nouns ? nounFloor + (1 - nounFloor) * nouns.get(i) : 1;
        const coverage = subjectNos.has(this.claimSubject[i] as number)
          ? Math.max(h.coverage, 0.7)
          : h.coverage;
        rough[k] = coverage * (0.7 + 0.3 * words.get(i)) * fit * noun;
      }
      hits = this.roughBest(hits, rough, (i) => quoted.has(i) || phrased.has(i) || valueHits.has(i));
    }
    const out: Candidate[] = [];
    for (const h of hits) {
      const claim = this.index.claims[h.index] as LoadedClaim;
      const standing = this.claimState[h.index] === 1;
      // An older claim a newer one confirms still holds; one a newer one replaced only answers "before".
      const confirmed = this.claimState[h.index] === 2;
      const fromReport = reportDay !== undefined && this.publishedOn(claim, reportDay.day);
      if (!standing && !confirmed && reading.time !== "before" && !fromReport) continue;
      let fit =
        asked.size === 0 ? (this.claimDefaultFit[h.index] as number) : (asked.get(claim.attribute) ?? 0);
      // What someone said (quoted or reported) answers "what did they say", whatever else it is about,
      // and who said it, when (the day it was said) and where (the outlet or place it names).
      if (claim.speaker) {
        fit = Math.max(fit, (asked.get("said") ?? 0) * 0.85);
        if (saying) {
          fit = Math.max(fit, (asked.get("who") ?? 0) * 0.8, (asked.get("when") ?? 0) * 0.75);
          if (
            claim.about.some((a) => ["organisation", "place"].includes(this.kb.concepts.get(a)?.type ?? ""))
          )
            fit = Math.max(fit, (asked.get("where") ?? 0) * 0.8);
        }
      }
      // "Is He Lifeng still the one negotiating?": where a person stands is their role.
      if (claim.attribute === "role" && this.kb.concepts.get(claim.about[0] as string)?.type === "person")
        fit = Math.max(fit, (asked.get("status") ?? 0) * 0.6);
      // "Who …?" wants people: words like "many leaders" answer it only loosely; a claim about an
      // event that names its people answers it well enough.
      if (claim.attribute === "who" && "text" in claim.value) fit *= strong ? 0.35 : 0.6;
      if ((asked.get("who") ?? 0) >= 0.9 && fit < 0.5 && this.namesOthers(claim, named))
        fit = Math.max(fit, 0.5);
      // "Where were the talks held?": a claim about them that names a place says where, loosely.
      if ((asked.get("where") ?? 0) >= 0.9 && fit < 0.5 && this.namesOtherPlace(claim, named))
        fit = Math.max(fit, 0.5);
      // "Paused until when?": a status that holds for a period says when it ends (and begins).
      if (claim.attribute === "status" && claim.holds) {
        if (claim.holds.until) fit = Math.max(fit, (asked.get("end") ?? 0) * 0.85);
        if (claim.holds.from) fit = Math.max(fit, (asked.get("start") ?? 0) * 0.8);
      }
      // "Was the truce extended?" is answered by the truce's own status, not another measure's.
      if (stateClaimed && claim.attribute === "status" && !this.isAboutNamed(claim, named)) fit = 0;
      const fitFactor = asked.size === 0 ? 0.92 : fit > 0 ? 0.5 + 0.5 * fit : strong ? 0.45 : 0.7;
      const w = wordKeys.length ? (words.get(h.index) ?? 0) : 0.5;
      // A claim whose subject is a specific concept the question names is about what it asks, though
      // the question names more around it ("the fentanyl tariff before the deal").
      const coverage = subjects.has(claim.about[0] as string) ? Math.max(h.coverage, 0.7) : h.coverage;
      // When the question names only what sets the scene (China, tariffs), its own rarer words say
      // which claim it is about ("the duty on chicken, wheat, corn and cotton").
      const base = coverage * (0.7 + 0.3 * w);
      let score =
        (onlyGeneral && wordKeys.length >= 2 ? Math.max(base, 0.5 * coverage + 0.5 * w) : base) * fitFactor;
      if (nouns) score *= nounFloor + (1 - nounFloor) * (nouns.get(h.index) ?? 0);
      // A date, place or figure belongs to the claim's subject: "how much tariff revenue" is not
      // answered by the deficit's figure, though that claim mentions the revenue.
      if (
        thingsNamed.length &&
        SINGLE_VALUED_ASKED.has(claim.attribute) &&
        !this.subjectNamed(claim, thingsNamed) &&
        this.sameClass(claim, thingsNamed)
      )
        score *= 0.55;
      // "China's deficit" is not the US deficit: a claim whose subject belongs to another country.
      if (countries.length && this.belongsElsewhere(claim, countries)) score *= 0.45;
      if (speaker && (claim.attribute === "said" || claim.attribute === "stance")) {
        score *= this.spokeFor(claim, speaker) ? 1.05 : claim.speaker ? 0.55 : 0.75;
      }
      if (confirmed) score *= reading.time === "before" ? 0.9 : 0.97;
      else if (!standing) score *= 1.02 + (this.claimRecency[h.index] as number);
      else if (reading.time === "before") score *= 0.9;
      if (reading.time === "next") score *= this.claimUpcoming[h.index] as number;
      else if (reading.time !== "before" && (this.claimUpcoming[h.index] as number) < 1) score *= 0.96;
      if (reading.asked.exact && fit > 0 && this.concernsExactness(reading, claim)) {
        score *= this.finerThanKnown(reading, claim) ? 0.85 : 1.25;
      }
      if (claim.headline) score *= 1.01;
      if (quoted.has(h.index)) score *= 1.3;
      const sim = phrased.get(h.index);
      if (sim !== undefined) score *= 1 + sim;
      // A value the question gives ("truce 145", "did they meet in Stockholm?") points at the claim that holds it.
      if (reportDay) score *= fromReport ? 1.5 : 0.7;
      if (
        claimed.some(
          (v) =>
            v.kind !== "state" &&
            agrees(this.kb, claim, v) === true &&
            !(v.concept && claim.about.includes(v.concept)),
        )
      )
        score *= 1.2;
      // "Where did Bessent and He meet in May?": the meeting held in the month asked.
      if (askedDate && !("date" in claim.value) && this.heldIn(claim, askedDate)) score *= 1.15;
      out.push({ claim, score, coverage: h.coverage, words: w, fit, standing, phrased: sim ?? 0 });
    }
    // "Latest on the soybean pledge?": no attribute asked, so of the claims near the best, the
    // newest report's says what is latest.
    if (
      reading.time === "now" &&
      reading.asked.strength < 1 &&
      /\b(?:latest|newest|most recent|news|update)\b/i.test(reading.text)
    ) {
      const best = Math.max(0, ...out.map((c) => c.score));
      const near = out.filter((c) => c.score >= best * 0.7);
      const newest =
        near
          .map((c) => c.claim.asOf)
          .sort()
          .at(-1) ?? "";
      for (const c of near) if (c.claim.asOf === newest) c.score *= 1.3;
    }
    const order = (a: Candidate, b: Candidate) =>
      b.score - a.score || b.fit - a.fit || (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0);
    // Only the best are read in order (every rule looks near the top): with hundreds of candidates,
    // the best 64 sorted, then the rest as they came, all below them.
    const TOP = 64;
    if (out.length <= TOP * 1.5) return out.sort(order);
    const cut = nthSmallest(
      Float64Array.from(out, (c) => c.score),
      out.length - TOP,
    );
    const top = out.filter((c) => c.score >= cut).sort(order);
    return [...top, ...out.filter((c) => c.score < cut)];
  }

  /**
   * The `maxScored` hits of best `rough` score (ties in the order met), and every hit `kept` keeps,
   * in the order met.
   */
  private roughBest(hits: ConceptHit[], rough: Float64Array, kept: (index: number) => boolean): ConceptHit[] {
    const cut = nthSmallest(Float64Array.from(rough), hits.length - this.maxScored);
    let atCut = this.maxScored;
    for (const x of rough) if (x > cut) atCut--;
    const out: ConceptHit[] = [];
    for (let k = 0; k < hits.length; k++) {
      const x = rough[k] as number;
      const h = hits[k] as ConceptHit;
      if (x > cut || kept(h.index)) out.push(h);
      else if (x === cut && atCut > 0) {
        atCut--;
        out.push(h);
      }
    }
    return out;
  }
}

/**
 * The k-th smallest value (0-based) of `values`, which it reorders: quickselect, linear on average,
 * where sorting every hit of a common concept for one threshold cost most of a question's time.
 */
export function nthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}
