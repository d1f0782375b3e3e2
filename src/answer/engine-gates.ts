/**
 * Why the best claim may still not answer: the question asks what the claim does not say (a
 * hypothetical, someone else, named items, a count of something else, another unit, another
 * country, an age, a title). And the sentence that says what is missing.
 */
import type { Attribute, LoadedClaim } from "../knowledge/schema.js";
import { spellsAcronym } from "../search/concept-matcher.js";
import { FUNCTION_WORDS, keyOf, keysOf, stemOfKey } from "../search/keys.js";
import type { Reading } from "../search/reading.js";
import { theName } from "./citations.js";
import { formatDated } from "./dates.js";
import { EngineReading } from "./engine-reading.js";
import { type Candidate, SURE_THRESHOLD, UNIT_WORDS } from "./engine-shared.js";
import { agrees, valueInWords } from "./values.js";

/** Part of the answer engine (see engine.ts). */
export abstract class EngineGates extends EngineReading {
  /** "The sources don't give the date of …": what the question asked that no claim fills. */
  protected missingSentence(reading: Reading, known: LoadedClaim): string {
    const top = [...reading.asked.attributes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const subject = theName(this.kb, known.about[0] as string);
    const what: Partial<Record<Attribute, string>> = {
      when: "a date",
      start: "a start date",
      end: "an end date",
      where: "a place",
      who: "who takes part",
      role: "a title",
      amount: "a figure",
      duration: "how long",
      said: "those words",
      stance: "that view",
      reason: "a reason",
      outcome: "how it turned out",
      status: "where it stands",
      terms: "those terms",
      impact: "what it does",
    };
    return `My sources don't give ${top ? (what[top] ?? "that") : "that"} for that (about ${subject}).`;
  }

  /**
   * Questions a matching claim still does not answer: a hypothetical ("if they extend it…"), who
   * else takes part, a figure in another unit, the rate in force now of a measure not in force, an
   * earlier value the sources never gave, which of two options both of which the claim holds.
   */
  /**
   * Whether the claim's figure is one of a thing asked about, by its own words: "12 million metric
   * tons of US soybeans" is a figure of soybeans, though the claim's subject is the pledge.
   */
  private figureOf(claim: LoadedClaim, things: readonly string[]): boolean {
    const tail =
      /\d[\d,.]*\s*(?:%|percent|million|billion|trillion)?(?:\s+[a-z-]+){0,3}?\s+of\s+([^.,;:]{1,50})/i.exec(
        claim.answer,
      )?.[1];
    if (!tail) return false;
    const named = this.index.matcher.namedIn(tail);
    return things.some((t) => named.includes(t));
  }

  /** Whether a claim is about a concept, or something it is part of or that is part of it, or names it. */
  protected claimTouches(claim: LoadedClaim, concept: string): boolean {
    if (claim.about.includes(concept)) return true;
    if (claim.about.some((a) => this.index.ancestors(a).includes(concept))) return true;
    if (this.index.ancestors(concept).some((a) => claim.about.includes(a))) return true;
    return this.index.matcher.namedIn(`${claim.answer} ${claim.snippet}`).includes(concept);
  }

  protected beyondWhatClaimSays(
    reading: Reading,
    claim: LoadedClaim,
    candidates: Candidate[],
  ): string | undefined {
    const text = reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ");
    const lower = text.toLowerCase();
    if (
      /^\s*(?:if|what if|suppose|assuming|in case)\b|\b(?:what if|would happen if|will happen if|happens if|if (?:they|the talks|it|he|china|the us)\b.{0,40}\b(?:fail|collapse|extend|cancel|go ahead|break down))/.test(
        lower,
      ) &&
      claim.attribute !== "said" &&
      // "if they aren't meeting in Beijing, where then?" asks a plain where, not what would happen
      !/\b(?:where|when|who|which)\b(?:\s+\w+){0,2}\s*\??\s*$/.test(lower)
    ) {
      return "My sources don't say what would happen then.";
    }
    if (
      claim.attribute !== "said" &&
      /\bwho\b/.test(lower) &&
      /\b(?:else|besides|other than|apart from|except|in addition to|aside from|others|bring\w*|with (?:him|her|them))\b/.test(
        lower,
      )
    ) {
      const named = new Set(reading.mentions.map((m) => m.concept));
      const people = "people" in claim.value ? claim.value.people : [];
      let sides = [...named].filter((id) => this.kb.concepts.get(id)?.type === "country");
      // "Who else is on Bessent's delegation?": the side of the one named, not the other side.
      if (!sides.length && /\b(?:delegation|team|side|entourage|camp)\b/.test(lower))
        sides = [...named].flatMap((id) =>
          this.kb.concepts.get(id)?.type === "person"
            ? this.index.ancestors(id).filter((a) => this.kb.concepts.get(a)?.type === "country")
            : [],
        );
      const others = people.filter(
        (p) => !named.has(p) && (!sides.length || this.index.ancestors(p).some((a) => sides.includes(a))),
      );
      if (!others.length) return "My sources don't name anyone else.";
    }
    // "Did China hit the target by the end of 2025?" asked of sources written before then.
    // "How many tons did China buy in December 2025?" likewise.
    if (
      ((reading.form === "yesno" || reading.form === "belief") &&
        /^\s*(?:did|has|have|was|were)\b/i.test(lower)) ||
      (reading.form === "wh" && /\b(?:did|has|have)\b/i.test(lower))
    ) {
      const later = reading.claimed.find(
        (v) => v.kind === "date" && v.date && !v.date.relative && v.date.date > this.kb.newestSource,
      );
      if (later && !("date" in claim.value && agrees(this.kb, claim, later) === true)) {
        return `My sources, the newest from ${formatDated(this.kb.newestSource, "day")}, can't say what happened by then.`;
      }
    }
    // "When's the next round after Kuala Lumpur?", "which city will Trump visit?": asked of what is
    // to come, a claim about an event already past when the newest source was written says nothing.
    // (an event's, not a measure's: a tariff "declared" last week still starts later; and a belief
    // about the next round is answered with the latest one)
    if (
      reading.time === "next" &&
      reading.form === "wh" &&
      ["when", "where", "who"].includes(claim.attribute) &&
      this.kb.concepts.get(claim.about[0] as string)?.type === "event"
    ) {
      const held = this.eventDates.get(claim.about[0] as string);
      if (held && held < this.kb.newestSource)
        return `My sources don't report one after ${theName(this.kb, claim.about[0] as string)} (${formatDated(held, "day")}).`;
    }
    // "List the 13 chemicals", "which five subsidiaries": named items the claim does not name.
    if (
      /\b(?:list|names?)\b.{0,30}\b(?:the|all|each|every)\b|\bwhich (?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozen)\b/.test(
        lower,
      )
    ) {
      const v = claim.value;
      const names =
        "places" in v
          ? v.places.length
          : "people" in v
            ? v.people.length
            : "text" in v
              ? v.text.split(/,| and /).length
              : 0;
      if (names < 2) return "My sources don't name them.";
    }
    // "Who personally signed it?", "which official": a person, not the bodies the claim names.
    if (
      /\bwho personally\b|\bwhich (?:[\w-]+ ){0,2}(?:official|person|individual|officer)s?\b/.test(lower) &&
      "people" in claim.value &&
      claim.value.people.length &&
      claim.value.people.every((id) => this.kb.concepts.get(id)?.type === "organisation")
    )
      return "My sources don't name the person.";
    // "What did Xi say about soybeans?": what someone said about a thing, if the claim is about it.
    const speakerAsked = this.askedSpeaker(reading);
    if (speakerAsked && (claim.attribute === "said" || claim.attribute === "stance")) {
      const words = reading.english.words;
      const before = (m: { from: number }) =>
        (words[m.from - 1]?.lower === "the" ? words[m.from - 2] : words[m.from - 1])?.lower ?? "";
      const topic = reading.mentions.find(
        (m) =>
          /^(?:about|on|regarding)$/.test(before(m)) &&
          m.concept !== speakerAsked &&
          !["person", "country"].includes(this.kb.concepts.get(m.concept)?.type ?? ""),
      );
      // (unless the question fits the remark well on its own words: "what did Trump say about
      // relations with China" is his "we're getting along with China", filed under the talks)
      const sure = (candidates.find((c) => c.claim === claim)?.score ?? 0) >= SURE_THRESHOLD;
      if (topic && !sure && !this.claimTouches(claim, topic.concept))
        return `My sources don't report what ${theName(this.kb, speakerAsked)} said about ${theName(this.kb, topic.concept)}.`;
    }
    // "Which hotel", "which products": the claim must name that kind of thing, unless the kind is
    // what its attribute gives ("which city" → a place, "which outlet" → who said it).
    // "the EU-US steel tariff deal", "the US-vietnam deal": a pair of countries the claim is not about.
    const pair = this.otherPair(text, claim);
    if (pair) return `My sources don't cover ${pair}.`;
    const kind = this.whichKind(reading);
    if (kind && !this.claimNames(claim, kind) && !this.enumerates(claim))
      return `My sources don't say which ${kind}.`;
    // "Which specific rare earth elements?": the kind named ("critical rare-earth elements") is not
    // which ones; only a list of them answers.
    const specific =
      /\b(?:which|what)\s+(?:specific|particular|exact|individual)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})/.exec(
        lower,
      );
    if (specific && !this.enumerates(claim) && !("people" in claim.value) && !("places" in claim.value)) {
      const [what = ""] = (specific[1] ?? "").split(/\s+(?:in|of|for|on|at|is|are|was|were|do|does|did)\b/);
      if (/^(?:date|dates|day|days|time|hour)\b/.test(what)) {
        if (!("date" in claim.value) || claim.value.precision !== "day")
          return "My sources don't give the exact day.";
      } else return `My sources don't list which ${what}.`;
    }
    // "Who is China's commerce minister?": the claim must give that title, not another one.
    const title =
      /\bwho(?:'s| is| was| be)\s+(?:the\s+)?((?:[\w'’-]+\s+){0,4}?(?:minister|secretary|premier|ambassador|envoy|governor|spokes\w+|chair\w*|director|head|chief)\b(?:\s+of\s+[\w-]+)?)/.exec(
        lower,
      )?.[1];
    if (title && claim.attribute !== "said" && !/\b(?:with|to|for|at|in|from|\w+ing)\b/.test(title)) {
      const named = new Set(reading.mentions.flatMap((m) => keysOf(m.text)));
      const want = keysOf(title).filter((k) => !FUNCTION_WORDS.has(k) && !named.has(k) && k.length > 2);
      if (want.length && !want.every((k) => this.claimNames(claim, k)))
        return `My sources don't name ${/'s\b/.test(title) ? "" : "the "}${title.trim()}.`;
    }
    // "How much tariff revenue…?": a figure answers only for the thing whose figure it is.
    if (
      claim.attribute === "amount" &&
      (reading.asked.attributes.get("amount") ?? 0) >= 0.9 &&
      reading.asked.strength >= 1
    ) {
      // the thing right after "how much" ("how much tariff revenue"), not one in a clause after it
      const words = reading.english.words;
      const at = words.findIndex(
        (w, i) => w.lower === "how" && /^(?:much|many)$/.test(words[i + 1]?.lower ?? ""),
      );
      const things = reading.mentions
        .filter(
          (m) =>
            at >= 0 &&
            m.from >= at + 2 &&
            m.from <= at + 3 &&
            m.weight >= 0.85 &&
            ["measure", "topic"].includes(this.kb.concepts.get(m.concept)?.type ?? "") &&
            !this.isGeneral(m.concept),
        )
        .map((m) => m.concept);
      if (things.length && !this.subjectNamed(claim, things) && !this.figureOf(claim, things))
        return `My sources don't give a figure for ${theName(this.kb, things[0] as string)}.`;
    }
    // "How many tons of sorghum": a figure of soybeans is not one of sorghum.
    const of =
      /\b(?:how (?:many|much)|what (?:share|percentage|percent|portion|proportion|fraction|part)) (?:[a-z]+ ){0,2}of (?:us |u\.s\. |american |chinese |global |world |the world's |the )?([a-z]+)/.exec(
        lower,
      )?.[1];
    if (of && claim.attribute === "amount" && this.index.idfOfWord(stemOfKey(keyOf(of))) !== undefined) {
      const key = keyOf(of);
      if (!FUNCTION_WORDS.has(key) && !this.claimNames(claim, key))
        return `My sources don't give a figure for ${of}.`;
    }
    // "Canada's fentanyl tariff": a thing of another country than the one the claim's subject belongs to.
    const tokens = reading.english.words;
    for (const m of reading.mentions) {
      if (this.kb.concepts.get(m.concept)?.type !== "country") continue;
      const after = tokens[m.to + 1]?.lower ?? "";
      if (after !== "'s" && after !== "’s" && !/'s$/.test(tokens[m.to]?.lower ?? "")) continue;
      if (claim.about.includes(m.concept) || claim.speaker === m.concept) continue;
      // whose it is: the country its subject (or the person acting in it) belongs to
      const owners = claim.about
        .flatMap((a) => [a, ...this.index.ancestors(a)])
        .filter((a) => this.kb.concepts.get(a)?.type === "country");
      if (owners.length && !owners.includes(m.concept))
        return `My sources don't give that for ${theName(this.kb, m.concept)}.`;
    }
    // "How old is he?": only an age answers it.
    if (/\bhow old\b|\bage\b|\bborn\b|\bbirthday\b/.test(lower)) {
      const v = claim.value;
      if (!("figure" in v && /year|age/.test(`${v.unit} ${v.label ?? ""}`)))
        return "My sources don't give an age.";
    }
    // "How many ships…" answered by a figure of something else ("$50 per net ton").
    // (the head of what is counted: "how many gallium export licenses" counts licenses)
    const countedAt = tokens.findIndex((w, i) => w.lower === "how" && tokens[i + 1]?.lower === "many");
    let head = countedAt >= 0 ? countedAt + 2 : -1;
    while (
      head >= 0 &&
      ["NOUN", "PROPN", "ADJ"].includes(tokens[head + 1]?.pos ?? "") &&
      head - countedAt < 5
    )
      head++;
    // ("how many hanwha ocean units": a word that counts anything leaves the first word to say what)
    const headWord = tokens[head]?.lower ?? "";
    const counted =
      head >= 0 &&
      /^[a-z]+$/.test(headWord) &&
      !/^(?:units?|items?|entit(?:y|ies)|things?|ones|pieces?)$/.test(headWord)
        ? headWord
        : /\bhow many ([a-z]+)/.exec(lower)?.[1];
    if (
      counted &&
      claim.attribute === "amount" &&
      "figure" in claim.value &&
      !/^(?:of|more|times|more)$/.test(counted)
    ) {
      const unit = `${claim.value.unit} ${claim.value.label ?? ""}`.toLowerCase();
      const stem = counted.replace(/s$/, "").slice(0, 5);
      // "how many MMT": the unit's initials ("million metric tons") count as the unit.
      const inWords = keysOf(valueInWords(this.kb, claim.value)).filter((k) => !/\d/.test(k));
      const initials = spellsAcronym(counted.replace(/s$/, ""), inWords, true);
      if (!initials && !unit.includes(stem) && !claim.answer.toLowerCase().includes(`${stem}`)) {
        return `My sources don't give that number: they give ${valueInWords(this.kb, claim.value)}.`;
      }
    }
    if (claim.attribute === "amount" && "figure" in claim.value) {
      // The units the question asks in ("$100 per net ton" asks in dollars and tons): the claim's
      // unit must hold one of them ("USD per net ton per voyage" holds both).
      const unit = claim.value.unit;
      // ("price per ton" asks in dollars: the unit after "per" is what the price is of; a choice's
      // units are its options, checked as values)
      const perless = lower.replace(/\bper (?:net |metric |short )?\w+/g, " ");
      const units =
        reading.form === "choice" && reading.choices.some((v) => v.kind === "figure")
          ? []
          : UNIT_WORDS.filter(([re]) => re.test(perless)).map(([, u]) => u);
      const holds = (u: string) =>
        u === unit ||
        unit.startsWith(u) ||
        unit
          .toLowerCase()
          .split(/[\s/]+/)
          .includes(u) ||
        (u === "ton" && /\btons?\b|\btonnes?\b/i.test(unit)) ||
        (u === "percent" && unit === "%") ||
        (u === "day" && /^(?:day|week|month)/.test(unit));
      const first = units[0];
      if (first && !units.some(holds) && !(first === "percent" && unit === "USD" && !/%|percent/.test(lower)))
        return `My sources don't give that in those terms: they give ${valueInWords(this.kb, claim.value)}.`;
    }
    // (a rate or a price; a count, "5 subsidiaries", is not "in force")
    if (
      reading.time === "now" &&
      claim.attribute === "amount" &&
      "figure" in claim.value &&
      /%|percent|usd|yuan|dollar|\$/i.test(claim.value.unit)
    ) {
      const status = this.standing.statusOf.get(claim.about[0] as string);
      if (
        status &&
        "state" in status.value &&
        ["threatened", "suspended", "cancelled", "planned"].includes(status.value.state)
      ) {
        return `My sources don't give the rate in force now: the ${valueInWords(this.kb, claim.value)} was ${valueInWords(this.kb, status.value)}.`;
      }
    }
    if (
      reading.time === "before" &&
      this.standingIds.has(claim.id) &&
      !this.standing.replaced.get(claim.id)?.length
    ) {
      // (a date the claim is dated at says the question is about that time: "back in October")
      const putForward = reading.claimed.some(
        (v) => v.kind === "figure" && agrees(this.kb, claim, v) === true,
      );
      if (putForward) return "My sources don't give what it was before that.";
    }
    if (reading.form === "choice" && reading.choices.length >= 2) {
      const both = reading.choices.filter((v) => agrees(this.kb, claim, v) === true);
      if (both.length >= 2)
        return `My sources don't say which: they give ${valueInWords(this.kb, claim.value)}.`;
      // "One day or two?" of a claim that says neither yes nor no to any option, and gives no
      // value of their kind: it is not the answer.
      const options = reading.choices.filter((v) => v.kind === "figure" || v.kind === "date");
      const said = options.map((v) => agrees(this.kb, claim, v));
      const sameKind = options.every(
        (v) =>
          (v.kind === "figure" && "figure" in claim.value) ||
          (v.kind === "date" && "date" in claim.value) ||
          (v.kind === "place" && "places" in claim.value) ||
          (v.kind === "person" && "people" in claim.value),
      );
      const candidate = candidates.find((c) => c.claim === claim);
      // (unless the claim's own words give one: "bought three cargoes on Oct. 29")
      const written = this.writtenDates(claim, true);
      const writes = options.some(
        (v) =>
          (v.kind === "date" &&
            v.date !== undefined &&
            [...written.map((w) => w.date), claim.asOf].some(
              (d) => d.slice(5, 10) === v.date?.date.slice(5, 10),
            )) ||
          (v.kind === "figure" &&
            v.figure !== undefined &&
            new RegExp(`(?<![\\d.,])${v.figure.value}(?![\\d.,]\\d)`).test(claim.answer)),
      );
      if (
        options.length >= 2 &&
        said.every((x) => x === undefined) &&
        !sameKind &&
        !writes &&
        (candidate?.fit ?? 0) < 0.5
      )
        return "My sources don't say which.";
    }
    return undefined;
  }
}
