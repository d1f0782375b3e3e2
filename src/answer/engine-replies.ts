/**
 * Putting a reply together: questions in two parts, the lead of a belief check ("No: Malaysia, not
 * Bangkok."), the second claim a question needs, the refusal with what is known, suggestions and
 * the --explain record.
 */
import type { Attribute, LoadedClaim } from "../knowledge/schema.js";
import type { Word } from "../nlp/english.js";
import type { Reading } from "../search/reading.js";
import { suggestionOf } from "./citations.js";
import { claimAnswer } from "./compose.js";
import { EngineScoring } from "./engine-scoring.js";
import {
  ANSWER_THRESHOLD,
  type Candidate,
  claimedInWords,
  type Explanation,
  SPLIT_WH,
} from "./engine-shared.js";
import { freshnessOf, round } from "./freshness.js";
import type { Answer, Suggestion } from "./types.js";
import { agrees, listInWords, sameTitle, valueInWords, valueKind } from "./values.js";

/** Part of the answer engine (see engine.ts). */
export abstract class EngineReplies extends EngineScoring {
  /**
   * The questions a message holds, when it asks two ("when does the truce expire, and what was
   * paused?", "Is it still in force? When's it run out?"). A part that names nothing borrows the
   * names of the part before it.
   */
  protected partsOf(reading: Reading): string[] {
    const { words, sentences } = reading.english;
    const texts: { text: string; from: number; to: number }[] = [];
    for (const i of reading.focus) {
      const s = sentences[i];
      if (!s) continue;
      let start = s.from;
      for (let k = s.from + 1; k < s.to; k++) {
        const w = words[k] as Word;
        const next = words[k + 1] as Word;
        const joins =
          (w.lower === "and" || w.lower === "also" || w.text === ";" || w.lower === "plus") &&
          SPLIT_WH.has(next.lower);
        if (joins && k - start >= 3) {
          texts.push({
            text: words
              .slice(start, k)
              .map((x) => x.text)
              .join(" "),
            from: start,
            to: k - 1,
          });
          start = k + 1;
        }
      }
      texts.push({
        text: words
          .slice(start, s.to + 1)
          .map((x) => x.text)
          .join(" "),
        from: start,
        to: s.to,
      });
    }
    if (texts.length < 2) return [];
    const named = (t: { from: number; to: number }) =>
      reading.mentions.filter((m) => m.from >= t.from && m.to <= t.to && m.weight >= 0.85);
    return texts.map((t, k) => {
      if (named(t).length || k === 0) return t.text;
      const before = texts.slice(0, k).flatMap((p) => named(p).map((m) => m.text));
      return before.length ? `${t.text} (${before.join(", ")})` : t.text;
    });
  }

  /** A refusal of one part, with what the other parts' answers say, cited. */
  protected withKnown(refusal: Answer, answers: { answer: Answer }[], now: Date): Answer {
    const known = answers.map((a) => a.answer).find((a) => a.answered);
    if (!known) return refusal;
    const citations = [
      ...refusal.citations,
      ...known.citations.filter((c) => !refusal.citations.some((x) => x.snippet === c.snippet)),
    ].slice(0, 3);
    const lead = refusal.text.split(/\s+What they say:/)[0] as string;
    const text = `${lead} What they do say: ${known.text}`.slice(0, 780);
    return { ...refusal, text, citations, freshness: freshnessOf(this.kb, citations, now) };
  }

  /** One answer from the answers to the parts of a question: each part's answer in turn, cited. */
  protected merge(answers: Answer[], now: Date): Answer | undefined {
    const answered = answers.filter((a) => a.answered);
    if (!answered.length) return undefined;
    const first = answered[0] as Answer;
    if (answered.length === 1) return first;
    const citations: Answer["citations"] = [];
    const texts: string[] = [];
    for (const a of answered.slice(0, 3)) {
      const fresh = a.citations.find((c) => !citations.some((x) => x.snippet === c.snippet));
      if (fresh) citations.push(fresh);
      texts.push(a.text.split(/(?<=\.)\s+(?=It replaces|Since then|That was|Also:)/)[0] ?? a.text);
    }
    let text = texts.map((t, k) => (k === 0 ? t : `Also: ${t}`)).join(" ");
    if (text.length > 780) text = `${text.slice(0, 779).replace(/\s+\S*$/, "")}…`;
    return {
      ...first,
      text,
      citations: citations.slice(0, 3),
      factIds: [...new Set(answered.flatMap((a) => a.factIds))],
      confidence: Math.min(...answered.map((a) => a.confidence)),
      freshness: freshnessOf(this.kb, citations, now),
    };
  }

  /** For a belief check or a choice: "Yes: …", "No: Malaysia, not Bangkok.", "Malaysia (not Thailand)." */
  protected lead(reading: Reading, claim: LoadedClaim): string | undefined {
    if (reading.form !== "belief" && reading.form !== "yesno" && reading.form !== "choice") return undefined;
    const kind = valueKind(claim.value);
    const value = valueInWords(this.kb, claim.value);
    if (claim.attribute === "role" && "text" in claim.value) {
      const put = reading.claimed.find(
        (v) => v.kind === "title" && v.concept !== undefined && claim.about.includes(v.concept),
      );
      if (!put) return undefined;
      return sameTitle(claim.value.text, put.text) ? `Yes: ${value}.` : `No: ${value}, not ${put.text}.`;
    }
    const about = new Set(claim.about);
    const asks = (a: Attribute) => (reading.asked.attributes.get(a) ?? 0) >= 0.5;
    const putForward = (
      reading.form === "choice" && reading.choices.length ? reading.choices : reading.claimed
    ).filter(
      (v) =>
        (v.kind === kind ||
          (!v.concept &&
            !v.slot &&
            (v.kind === "place" || v.kind === "person") &&
            (kind === "place" || kind === "person"))) &&
        !(v.concept && about.has(v.concept) && agrees(this.kb, claim, v) !== true) &&
        // A person or place named is put forward as the value only where the question is about who or where.
        (reading.form === "choice" ||
          (v.kind !== "person" && v.kind !== "place") ||
          v.slot ||
          (v.kind === "person"
            ? asks("who") || (reading.form === "belief" && !v.concept && claim.attribute === "who")
            : asks("where"))),
    );
    // "Trump told CNBC…?": a name put forward against the outlet or place the claim names.
    const outlet = () => {
      const named = this.orgOrPlaceOf(claim);
      const names = reading.claimed.filter((v) => (v.kind === "place" || v.kind === "person") && !v.concept);
      if (!named.length || !names.length) return undefined;
      const theirs = named.map((id) => this.kb.concepts.get(id)?.name ?? id);
      return `No: ${listInWords(theirs)}, not ${names.map((n) => n.text).join(" or ")}.`;
    };
    if (!putForward.length) {
      const told = reading.english.words.some((w) => w.lemma === "tell" && w.pos === "VERB");
      return told && claim.speaker && reading.form === "belief" ? outlet() : undefined;
    }
    const verdicts = putForward.map((v) => ({ v, ok: agrees(this.kb, claim, v) }));
    if (verdicts.every((x) => x.ok === undefined)) return outlet();
    const right = verdicts.filter((x) => x.ok === true);
    const wrong = verdicts.filter((x) => x.ok === false).map((x) => claimedInWords(x.v));
    if (reading.form === "choice") {
      if (right.length) return wrong.length ? `${value} (not ${wrong.join(" or ")}).` : `${value}.`;
      return `Neither: ${value}.`;
    }
    if (reading.negated) return `It's ${value}.`;
    if (right.length && !wrong.length) return `Yes: ${value}.`;
    if (kind === "state") return `No: ${value}.`;
    if (kind === "person" && right.length) return `No: ${value}, not ${wrong.join(" or ")}.`;
    return `No: ${value}, not ${wrong.join(" or ")}.`;
  }

  /**
   * For a question in two parts ("when … and what …", "the 145% or the 100%?", "Malaysia talks
   * then the leaders meeting"), the best claim for the part the first leaves out; for a status,
   * the date it stands to change on.
   */
  protected secondPart(reading: Reading, candidates: Candidate[], top: Candidate): LoadedClaim | undefined {
    if (top.claim.attribute === "status") {
      const subject = top.claim.about[0];
      const dated = this.lookups.startOrEndOf(subject as string);
      if (dated && dated.asOf >= top.claim.asOf) return dated;
    }
    const named = [
      ...new Set(
        reading.mentions.filter((m) => m.weight >= 0.85 && !this.isGeneral(m.concept)).map((m) => m.concept),
      ),
    ];
    const missing = named.filter(
      (id) =>
        !top.claim.about.includes(id) && !this.index.ancestors(top.claim.about[0] as string).includes(id),
    );
    if (named.length >= 2 && missing.length) {
      for (const c of candidates.slice(1, 12)) {
        if (!missing.some((id) => c.claim.about.includes(id)) || c.fit < 0.5 || c.score < top.score * 0.45)
          continue;
        if (c.claim.snippet === top.claim.snippet) continue;
        return c.claim;
      }
    }
    const strong = [...reading.asked.attributes.entries()].filter(([, w]) => w >= 0.95).map(([a]) => a);
    const sentences = reading.focus.length;
    if (strong.length < 2 && sentences < 2) return undefined;
    for (const c of candidates.slice(1, 8)) {
      if (c.claim.attribute === top.claim.attribute && sentences < 2) continue;
      if (c.fit < 0.9 || c.score < Math.max(ANSWER_THRESHOLD, top.score * 0.7)) continue;
      if (c.claim.snippet === top.claim.snippet) continue;
      return c.claim;
    }
    return undefined;
  }

  /** The answer of one claim, as a "did you mean" button gives it; follows what replaced it. */
  answerEntry(claimId: string, now: Date): Answer | undefined {
    const claim = this.standing.current.get(claimId);
    if (!claim) return undefined;
    return claimAnswer({ kb: this.kb, standing: this.standing, now }, claim, { confidence: 1 });
  }

  /** "I don't know", with what it can answer instead. */
  protected dontKnow(candidates: Candidate[], lead?: string): Answer {
    const suggestions = this.suggestions(candidates);
    return {
      answered: false,
      text: lead ?? "I don't know: my sources don't cover that.",
      citations: [],
      confidence: round(candidates[0]?.score ?? 0),
      factIds: [],
      suggestions: suggestions.length ? suggestions : this.headlineSuggestions(),
    };
  }

  protected suggestions(candidates: Candidate[]): Suggestion[] {
    const seen = new Set<string>();
    const out: Suggestion[] = [];
    for (const c of candidates) {
      if (c.score < 0.15 || !c.standing || out.length >= 3) continue;
      const s = suggestionOf(this.kb, c.claim);
      if (seen.has(s.question)) continue;
      seen.add(s.question);
      out.push(s);
    }
    return out;
  }

  protected headlineSuggestions(): Suggestion[] {
    const pool = this.lookups.headlines;
    return (pool.length ? pool : this.standing.claims).slice(0, 3).map((c) => suggestionOf(this.kb, c));
  }

  protected explanation(
    reading: Reading | undefined,
    candidates: Candidate[],
    decision: string,
  ): Explanation {
    return {
      reading: {
        text: reading?.text ?? "",
        form: reading?.form ?? "",
        concepts: (reading?.mentions ?? []).map((m) => ({
          id: m.concept,
          words: m.text,
          via: m.via + (m.corrected ? " (typo corrected)" : ""),
          weight: round(m.weight),
        })),
        asked: [...(reading?.asked.attributes ?? new Map())].map(([attribute, fit]) => ({ attribute, fit })),
        cues: reading?.asked.cues ?? [],
        ...(reading?.asked.exact ? { exact: reading.asked.exact } : {}),
        claimed: (reading?.claimed ?? []).map((v) => ({
          kind: v.kind,
          text: v.text,
          ...(v.concept ? { concept: v.concept } : {}),
        })),
        choices: (reading?.choices ?? []).map((v) => v.text),
        negated: reading?.negated ?? false,
        ...(reading?.time ? { time: reading.time } : {}),
        unknownWords: reading ? this.unknownWords(reading) : [],
      },
      candidates: candidates.slice(0, 8).map((c) => ({
        id: c.claim.id,
        attribute: c.claim.attribute,
        score: round(c.score),
        coverage: round(c.coverage),
        words: round(c.words),
        fit: c.fit,
        standing: c.standing,
      })),
      decision,
    };
  }
}
