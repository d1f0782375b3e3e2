/**
 * English, read by wink-nlp with its bundled model: words with lemma, part of speech and whether
 * a negation covers them, the sentences, and the entities it recognises (dates, percentages,
 * money, counts). One instance per process, made the first time it is needed.
 */
import winkNLP from "wink-nlp";
import { englishModel, vocabularySize as modelVocabulary } from "./wink-model.js";

/** One word (or punctuation mark) as wink read it. */
export interface Word {
  /** As written. */
  text: string;
  /** Lower case. */
  lower: string;
  lemma: string;
  /** Universal Dependencies part of speech: NOUN, PROPN, VERB, AUX, ADP, PUNCT… */
  pos: string;
  /** Inside the scope of a negation ("isn't", "never", "no longer"). */
  negated: boolean;
  /** Not in the model's English vocabulary: a name, a typo, a foreign word. */
  unknown: boolean;
  /** Written with a capital first letter. */
  capital: boolean;
  /** Index of its sentence. */
  sentence: number;
  /** First word of its sentence. */
  first: boolean;
}

/** An entity wink recognised, over words `from`..`to` (inclusive). */
export interface Entity {
  type: string;
  value: string;
  from: number;
  to: number;
}

/** A sentence: its words `from`..`to` (inclusive) and its text. */
export interface Sentence {
  from: number;
  to: number;
  text: string;
}

/** A text read as English. */
export interface EnglishText {
  words: Word[];
  entities: Entity[];
  sentences: Sentence[];
}

type Wink = ReturnType<typeof winkNLP>;
let wink: Wink | undefined;
let vocabularySize = 0;

function instance(): Wink {
  if (!wink) {
    wink = winkNLP(englishModel(), ["sbd", "negation", "pos", "ner"]);
    vocabularySize = modelVocabulary();
  }
  return wink;
}

/** Loads the model now rather than at the first question (a server does this at start). */
export function warmEnglish(): void {
  instance();
}

/** Reads a text as English. */
export function readEnglish(text: string): EnglishText {
  const nlp = instance();
  // wink's typings want an `its` helper of the exact item type at each call; these are all plain getters.
  const its = nlp.its as unknown as Record<
    "lemma" | "pos" | "negationFlag" | "uniqueId" | "span" | "detail",
    never
  >;
  const doc = nlp.readDoc(text);
  const words: Word[] = [];
  const sentences: Sentence[] = [];
  doc.sentences().each((s: { out(f?: never): unknown }, si: number) => {
    const [from, to] = s.out(its.span) as unknown as [number, number];
    sentences.push({ from, to, text: String(s.out()) });
    for (let i = from; i <= to; i++) {
      const t = doc.tokens().itemAt(i);
      const raw = String(t.out());
      words.push({
        text: raw,
        lower: raw.toLowerCase(),
        lemma: String(t.out(its.lemma)).toLowerCase(),
        pos: String(t.out(its.pos)),
        negated: Boolean(t.out(its.negationFlag)),
        unknown: Number(t.out(its.uniqueId)) >= vocabularySize,
        capital: /^[A-Z]/.test(raw),
        sentence: si,
        first: i === from,
      });
    }
  });
  const entities: Entity[] = [];
  doc.entities().each((e: { out(f?: never): unknown }) => {
    const [from, to] = e.out(its.span) as unknown as [number, number];
    const detail = e.out(its.detail) as unknown as { type: string; value: string };
    entities.push({ type: detail.type, value: detail.value, from, to });
  });
  return { words, entities, sentences };
}
