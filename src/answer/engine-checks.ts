/**
 * More reasons the best claim may not answer: a belief it can neither confirm nor refute, a time
 * it does not speak for, a change it does not report, someone it does not cover, an outcome after
 * the report, a finer grain than it gives.
 */
import type { LoadedClaim } from "../knowledge/schema.js";
import type { ClaimedValue } from "../search/claimed.js";
import { stemsOf } from "../search/keys.js";
import type { Reading } from "../search/reading.js";
import { theName } from "./citations.js";
import { formatDated } from "./dates.js";
import { EngineGates } from "./engine-gates.js";
import { ACTUALLY, CHANGES, ON_OFF, PRECISION_RANK, periodEnd } from "./engine-shared.js";
import { agrees, valueInWords, valueKind } from "./values.js";

/** Part of the answer engine (see engine.ts). */
export abstract class EngineChecks extends EngineGates {
  /**
   * Whether a claim can choose between the options offered: it gives a value of their kind, or
   * names one of them. "Is Xi or Li Qiang going?" is not decided by where the summit is.
   */
  private decides(claim: LoadedClaim, options: readonly ClaimedValue[]): boolean {
    const kind = valueKind(claim.value);
    const said = new Set(stemsOf(`${claim.snippet} ${claim.answer}`));
    const holds = (text: string) => {
      const stems = stemsOf(text);
      return stems.length > 0 && stems.every((st) => said.has(st));
    };
    return options.some(
      (o) =>
        (o.kind === kind && agrees(this.kb, claim, o) !== undefined) ||
        (o.concept !== undefined && this.claimTouches(claim, o.concept)) ||
        holds(o.text),
    );
  }

  /**
   * Beliefs a claim can neither confirm nor refute: a day inside the month or week the claim gives
   * ("starts Oct. 26?" of "the week of Oct. 20"), a date for something the sources do not date,
   * someone joining ("Wang Yi is joining He?") where the sources name only some who take part.
   */
  protected beliefBeyondClaim(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form === "choice" && reading.choices.length >= 2 && !this.decides(claim, reading.choices))
      return "My sources don't say which.";
    if (reading.form !== "belief" && reading.form !== "yesno") return undefined;
    const v = claim.value;
    const dates = reading.claimed.filter((c) => c.kind === "date" && c.date && !c.date.relative);
    if (dates.length && "date" in v) {
      for (const d of dates) {
        const finer = PRECISION_RANK[d.date?.precision ?? "day"] < PRECISION_RANK[v.precision];
        if (finer && agrees(this.kb, claim, d) === true) {
          return `My sources don't give the exact day: they say ${valueInWords(this.kb, v)}.`;
        }
      }
    } else if (dates.length && !("date" in v)) {
      // ("goes to 34% on Nov. 10?": a figure the claim says no to is answered, whatever the date)
      const refuted = reading.claimed.some((c) => c.kind === "figure" && agrees(this.kb, claim, c) === false);
      const dated = this.lookups.datedOf(claim.about[0] as string).length > 0;
      if (!dated && !refuted) return `My sources don't give a date for that.`;
    }
    // A name put forward that this claim cannot be compared with, and no source has: neither yes nor no.
    const comparable = reading.claimed.filter(
      (c) => (c.kind === "place" || c.kind === "person") && !c.concept && !this.orgOrPlaceOf(claim),
    );
    if (
      comparable.length &&
      comparable.every((c) => agrees(this.kb, claim, c) === undefined) &&
      reading.form === "belief"
    ) {
      return "My sources don't say that either way.";
    }
    // "At the Shangri-La": a venue the sources don't name may well be inside the place they do.
    const words = reading.english.words;
    const venue = reading.claimed.find(
      (c) =>
        c.kind === "place" &&
        !c.concept &&
        words[c.from - 1]?.lower === "the" &&
        words[c.from - 2]?.lower === "at",
    );
    // Unless they do name one: a place inside a city inside a country ("the Merdeka 118 tower").
    const namesVenue = "places" in v && v.places.some((p) => this.index.ancestors(p).length >= 2);
    // ("at the G20 in Japan?": a country put forward beside the venue is refuted by the claim's own)
    const refutedPlace = reading.claimed.some(
      (c) => c !== venue && c.kind === "place" && agrees(this.kb, claim, c) === false,
    );
    if (venue && "places" in v && !namesVenue && !refutedPlace)
      return `My sources don't name the venue: they say ${valueInWords(this.kb, v)}.`;
    const text = reading.focus
      .map((i) => reading.english.sentences[i]?.text ?? "")
      .join(" ")
      .toLowerCase();
    if (
      claim.attribute === "who" &&
      /\b(?:join|joining|joins|also|too|as well|among|accompan\w*|bring\w*|in the delegation|part of the delegation)\b/.test(
        text,
      )
    ) {
      const unknownPerson = reading.claimed.some((c) => c.kind === "person" && !c.concept);
      if (unknownPerson) return "My sources don't say who else takes part.";
    }
    return undefined;
  }

  /**
   * "Tariff revenue in August 2025?", "what will tariffs be in 2026?": a time asked about that the
   * claim neither dates nor was written in.
   */
  protected outsideTimeAsked(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form === "belief" || reading.form === "choice") return undefined;
    const v = claim.value;
    for (const asked of reading.claimed) {
      if (asked.kind !== "date" || !asked.date) continue;
      if ("date" in v) return undefined; // a date claim is checked against the date, as a belief
      const d = asked.date;
      const start = d.date;
      const end = d.until ?? periodEnd(d.date, d.precision);
      const written = claim.asOf;
      if (written >= start && written <= end) return undefined;
      // "As of Nov. 14 it was 232,000 tons: still the number?", "before his Dec. 3 comments, …": the
      // date sets the scene for a newer, or an earlier, report.
      if (reading.time === "now" && written > end) return undefined;
      const lead = reading.english.words
        .slice(Math.max(0, asked.from - 3), asked.from)
        .map((w) => w.lower)
        .join(" ");
      if (reading.time === "before" && /\bbefore\b/.test(lead) && written < start) return undefined;
      // "Trump announced $12 billion in aid on Monday (Dec. 8, 2025)": the claim's own words date it.
      if (
        this.writtenDates(claim).some(
          (x) => x.date <= end && (x.until ?? periodEnd(x.date, x.precision)) >= start,
        )
      )
        return undefined;
      // "Last week", "next week": the news's own words; fine when the thing is dated then, or not dated at all.
      const dates = this.lookups
        .datedOf(claim.about[0] as string)
        .map((c) => c.value as { date: string; precision: string; until?: string });
      if (dates.some((x) => x.date <= end && (x.until ?? periodEnd(x.date, x.precision)) >= start))
        return undefined;
      if (d.relative && !dates.length) return undefined;
      // "Oct. 17" when the claim was said that day, or "this year" in the same year, is fine.
      if (d.precision === "year" && written.slice(0, 4) === start.slice(0, 4)) return undefined;
      const label = formatDated(start, d.precision);
      return `My sources don't give that for ${label}: what they have is as of ${formatDated(written, "day")}.`;
    }
    return undefined;
  }

  /**
   * "Was the truce extended?", "was the 100% tariff cancelled in the end?": a change of state that
   * no claim reports. The sources say what stood; they don't say it changed.
   */
  protected unconfirmedChange(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form !== "yesno" && reading.form !== "belief" && reading.form !== "choice") return undefined;
    const change = reading.claimed.find((v) => v.kind === "state" && v.state && CHANGES.has(v.state));
    if (!change) return undefined;
    // "Still in force?" asks whether what stood still stands: the newest claim answers it. A date
    // put forward ("apply from November 1?") is checked against the claim's date instead.
    const words = reading.focus
      .map((i) => reading.english.sentences[i]?.text ?? "")
      .join(" ")
      .toLowerCase();
    if (/\bstill\b/.test(words)) return undefined;
    if (reading.time === "now" && (change.state === "in_effect" || change.state === "going_ahead"))
      return undefined;
    // "nearly called off", "threatened to cancel": a change only contemplated.
    if (/\b(?:nearly|almost|threaten\w*|consider\w*|prospect|think\w* about|close to)\b/.test(words))
      return undefined;
    // "The rare earth pause ends Nov. 27, right?": the change named as a noun is the subject,
    // and the date put forward is what is asked.
    const words_ = reading.english.words;
    const at = words_.findIndex(
      (w, i) => i >= change.from && i <= change.to && (w.lower === change.text || w.lemma === change.text),
    );
    const asNoun = at >= 0 && words_[at]?.pos === "NOUN";
    // "Was the truce extended to Nov. 10, 2026?": the claim's date, if it is the one put forward, says yes.
    // ("extended past November?" asks for a later date than November, not November)
    const plainDate = (v: ClaimedValue) =>
      v.kind === "date" &&
      !/^(?:past|after|before|beyond|later|earlier|since)\b/i.test(v.text) &&
      !/^(?:past|after|before|beyond|since)$/.test(words_[v.from - 1]?.lower ?? "");
    if (reading.claimed.some((v) => plainDate(v) && agrees(this.kb, claim, v) === true)) return undefined;
    if (
      "date" in claim.value &&
      (asNoun || !["extended", "cancelled", "suspended"].includes(change.state as string)) &&
      reading.claimed.some((v) => v.kind === "date")
    )
      return undefined;
    if (
      "state" in claim.value &&
      agrees(this.kb, claim, change) !== undefined &&
      claim.attribute === "status"
    ) {
      // A status claim can answer it, if its state is comparable: going ahead vs called off.
      const comparable = ON_OFF.has(claim.value.state) && ON_OFF.has(change.state as string);
      if (comparable || claim.value.state === change.state) return undefined;
    }
    const name = theName(this.kb, claim.about[0] as string);
    // "was extended", not "was extend": the state's own participle where it has one
    const done = /ed$/.test(change.state ?? "")
      ? (change.state as string)
      : change.text.replace(/^(?:be|get)\s+/, "");
    return `My sources don't say whether ${name} was ${done.replace(/_/g, " ")}.`;
  }

  /**
   * "Did Trump attend the ASEAN summit?": a yes/no question naming someone or something the best
   * claim is not about cannot be answered yes or no from it.
   */
  protected uncoveredInYesNo(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form !== "yesno") return undefined;
    const values =
      "places" in claim.value ? claim.value.places : "people" in claim.value ? claim.value.people : [];
    const covered = new Set([...claim.about, ...values, ...(claim.speaker ? [claim.speaker] : [])]);
    for (const id of claim.about) for (const up of this.index.ancestors(id)) covered.add(up);
    for (const id of [...covered]) for (const c of this.lookups.partsOf(id)) covered.add(c.id);
    const missing = reading.mentions.filter(
      (m) =>
        m.weight >= 0.85 &&
        !covered.has(m.concept) &&
        !this.isGeneral(m.concept) &&
        this.kb.concepts.get(m.concept)?.type !== "place",
    );
    if (!missing.length) return undefined;
    const names = missing.map((m) => this.kb.concepts.get(m.concept)?.name ?? m.text);
    return `My sources don't say that about ${names.join(" and ")}.`;
  }

  /**
   * "Did the surtax actually take effect Nov. 1?" asked of a report written before Nov. 1: the
   * sources can say what was planned, not whether it happened.
   */
  protected happenedAfterReport(reading: Reading, claim: LoadedClaim): string | undefined {
    const v = claim.value;
    const text = reading.focus.map((i) => reading.english.sentences[i]?.text ?? "").join(" ");
    const asksOutcome =
      reading.form === "wh" &&
      (reading.asked.attributes.get("outcome") ?? 0) >= 0.9 &&
      /\b(?:happened|came out|come out|agreed|turn(?:ed)? out|went|go|result|outcome|decided|end(?:ed)? up)\b/i.test(
        text,
      );
    if (
      !asksOutcome &&
      ((reading.form !== "yesno" && reading.form !== "belief" && reading.form !== "choice") ||
        !ACTUALLY.test(text))
    )
      return undefined;
    if (!("date" in v)) {
      // A status claim says itself whether it happened.
      if (
        claim.attribute === "status" &&
        "state" in v &&
        !["planned", "threatened", "going_ahead"].includes(v.state)
      )
        return undefined;
      // "Did Trump and Xi actually meet?": about an event the sources saw ahead of them.
      const eventDate = this.eventDates.get(claim.about[0] as string);
      if (!eventDate || eventDate <= claim.asOf) return undefined;
      const newer = this.standing.statusOf.get(claim.about[0] as string);
      if (newer && newer.asOf >= eventDate) return undefined;
      return `My sources, the newest from ${formatDated(claim.asOf, "day")}, describe it as planned; they don't say whether it happened.`;
    }
    if ((v.until ?? v.date) <= claim.asOf) return undefined;
    const newer = this.standing.statusOf.get(claim.about[0] as string);
    if (newer && newer.asOf > claim.asOf) return undefined;
    return `My sources, the newest from ${formatDated(claim.asOf, "day")}, only say it was set for ${valueInWords(this.kb, v)}; they don't say whether it happened.`;
  }

  /** When the question asks for a finer grain than the claim has: the exact day, the hour, the venue. */
  protected finerThanKnown(reading: Reading, claim: LoadedClaim): string | undefined {
    const v = claim.value;
    const exact = reading.asked.exact;
    if (!exact) return undefined;
    if ((exact === "month" || exact === "year") && "date" in v) {
      const need = exact === "month" ? 2 : 3;
      if (PRECISION_RANK[v.precision] > need)
        return `My sources don't give the ${exact}: they say ${formatDated(v.date, v.precision)}.`;
    }
    if ((exact === "day" || exact === "time") && "date" in v) {
      if (exact === "day" && v.precision !== "day") {
        return `My sources don't give the exact day: they say ${formatDated(v.date, v.precision)}.`;
      }
      if (exact === "time" && !v.time)
        return `My sources don't give the time: they say ${valueInWords(this.kb, v)}.`;
    }
    if ((exact === "venue" || exact === "city") && "places" in v) {
      const depth = Math.max(...v.places.map((p) => this.placeDepth(p)));
      if ((exact === "venue" && depth < 2) || (exact === "city" && depth < 1)) {
        return `My sources don't name the ${exact === "venue" ? "venue" : "city"}: they say ${valueInWords(this.kb, v)}.`;
      }
    }
    return undefined;
  }
}
