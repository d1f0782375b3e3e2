/**
 * What a drafted claim says, from the words of its sentence: the attribute a date fills (something
 * happens, starts or ends on it), the attribute nearest to a plain sentence, and a figure as the
 * article writes it ("$4.2 billion") as a claim's figure value (4.2e9 USD).
 */
import type { DateMention } from "./draft-dates.js";
import type { Figure } from "./draft-figures.js";
import type { Attribute, Value } from "./schema.js";

const DEADLINE = /\b(expir\w*|deadline|takes? effect|took effect|due|until|lapses?|ends?)\b/i;
/** A deadline that starts something rather than ends it. */
const STARTS = /\b(takes? effect|took effect|begins?|began|starts?|kicks? in)\b/i;

/** The attribute nearest to what a plain sentence says, for a claim with a text value. */
const TEXT_ATTRIBUTES: [RegExp, Attribute][] = [
  [/\b(because|aims? to|in order to|so that|to (?:ease|prevent|avoid|prepare|discuss)|amid)\b/i, "reason"],
  [/\b(agreed|pledged?|promised?|terms|under the (?:deal|agreement|truce))\b/i, "terms"],
  [/\b(closed|shut|hit|hurt|cost|disrupt\w*|could have|effect on)\b/i, "impact"],
  [/\b(resulted|outcome|turned out|ended with)\b/i, "outcome"],
];

/** The attribute of a claim resting on a plain sentence: `description` unless its words say more. */
export function textAttribute(text: string): Attribute {
  return TEXT_ATTRIBUTES.find(([re]) => re.test(text))?.[1] ?? "description";
}

const CURRENCIES: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "¥" };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** A figure as the article writes it ("$ billion") to a claim's figure value (figure 4.2e9, unit USD). */
export function figureValue(f: Figure): Value {
  const [first = "", scaleWord = ""] = f.unit.split(" ");
  if (f.unit === "%") return { figure: f.value, unit: "percent", label: f.label };
  const currency = CURRENCIES[first];
  const scale = SCALES[currency ? scaleWord : first] ?? 1;
  const unit = currency ?? (SCALES[first] ? f.unit.split(" ").slice(1).join(" ") : f.unit);
  return { figure: Math.round(f.value * scale * 1000) / 1000, unit, label: f.label };
}

/** Which claim a date says: something starts or ends on it, or happens on it. */
export function dateAttribute(unitText: string, mention: DateMention): Attribute {
  const near = unitText.slice(Math.max(0, mention.index - 40), mention.index);
  if (!DEADLINE.test(near)) return "when";
  return STARTS.test(near) ? "start" : "end";
}
