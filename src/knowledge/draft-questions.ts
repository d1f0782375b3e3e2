/**
 * Topics and suggested question phrasings for drafted entries. They are starting points for the
 * curator, written the way people type questions (lower case, no question mark), like the
 * reviewed entries.
 */
import { describeDate } from "./draft-dates.js";
import type { DatedAs, Figure } from "./schema.js";

const TOPICS: Array<[string, RegExp]> = [
  ["tariffs", /\b(tariffs?|surtax|duty|duties|levy|levies)\b/i],
  ["truce", /\b(truce|ceasefire|pause[ds]?)\b/i],
  ["talks", /\b(talks|negotiat\w*|meet\w*|summit|round)\b/i],
  ["agreement", /\b(agreement|deal|accord|pact)\b/i],
  ["export-controls", /\bexport (?:controls?|bans?|curbs?)\b/i],
  ["rare-earths", /\brare[- ]earths?\b|\bmagnets?\b/i],
  ["agriculture", /\b(soybeans?|farm\w*|grain|wheat|corn|pork|cheese|wool|harvest|agricultur\w*)\b/i],
  ["shipping", /\b(port fees?|ports?|shipping|vessels?|border crossings?)\b/i],
  ["trade", /\b(trade[ds]?|exports?|imports?|goods)\b/i],
  ["economy", /\b(economy|economic|gdp|deficit|growth|inflation|markets?)\b/i],
  ["fentanyl", /\bfentanyl\b/i],
];

/** Topics a sentence is about (at least one: `news` when nothing more specific matches). */
export function topicsFor(text: string, extra: readonly string[] = []): string[] {
  const found = TOPICS.filter(([, re]) => re.test(text)).map(([t]) => t);
  const all = [...new Set([...found, ...extra.filter(Boolean)])].slice(0, 5);
  return all.length ? all : ["news"];
}

/** A lower-case kebab-case topic for a name: "Rufus T. Firefly" → "firefly". */
export function nameTopic(name: string): string {
  const last = name.split(" ").pop() ?? name;
  return last
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const EVENT_NOUNS =
  /\b(talks|meeting|summit|visit|vote|signing|hearing|round|deadline|arrival|deal|agreement)\b/i;
const EVENT_VERBS: Array<[RegExp, string]> = [
  [/\bmeet\b/i, "meet"],
  [/\barriv/i, "arrive"],
  [/\bsign\b/i, "sign"],
  [/\bvisit\b/i, "visit"],
  [/\btalk\b/i, "talk"],
];
const DEADLINE_THINGS = /\b(truce|tariffs?|duties|surtax|agreement|deal|pause|ban|controls|fees?)\b/i;
const SUBJECT_END =
  /^(?:has|have|had|is|are|was|were|will|would|said|says|did|does|do|can|could|may|might|must|should|to|took|takes|plans?|agreed)$/i;

function lower(qs: string[]): string[] {
  return [...new Set(qs.map((q) => q.toLowerCase().trim()))].filter((q) => q.length >= 3);
}

/** Suggested questions for a quote by `name` (a person or an organisation), on `topic`. */
export function quoteQuestions(name: string, role: string, topic: string): string[] {
  const who = role === "organization" ? `the ${name}` : (name.split(" ").pop() ?? name);
  const qs = [`what did ${who} say`];
  if (topic !== "news") qs.push(`what did ${who} say about ${topic}`);
  qs.push(role && role !== "organization" ? `what does the ${role} say` : `what does ${who} think`);
  return lower(qs);
}

/** Suggested questions for an event or deadline; `who` is the person it is about, if any. */
export function datedQuestions(
  kind: "event" | "deadline",
  text: string,
  when: DatedAs,
  who: string | undefined,
): string[] {
  const on = describeDate(when.date, when.precision);
  const at = when.precision === "day" ? `on ${on}` : when.precision === "week" ? on : `in ${on}`;
  if (kind === "deadline") {
    const thing = DEADLINE_THINGS.exec(text)?.[1] ?? "deadline";
    const verb = /expir/i.test(text)
      ? "expire"
      : /take[sn]? effect|postpon|delay|start|begin/i.test(text)
        ? "take effect"
        : "end";
    const does = /(?:ies|[^s]s)$/i.test(thing) ? "do" : "does";
    return lower([
      `when ${does} the ${thing} ${verb}`,
      `what is the deadline for the ${thing}`,
      `what happens ${at}`,
    ]);
  }
  const qs: string[] = [];
  const verb = EVENT_VERBS.find(([re]) => re.test(text))?.[1];
  if (verb) qs.push(who ? `when does ${who} ${verb}` : `when will they ${verb}`);
  const noun = EVENT_NOUNS.exec(text)?.[1];
  if (noun) qs.push(`when ${noun.endsWith("s") ? "are" : "is"} the ${noun}`);
  qs.push(`what happens ${at}`, `what is planned ${at}`);
  return lower(qs).slice(0, 3);
}

/** Suggested questions for a figure. */
export function figureQuestions(figure: Figure, topic: string): string[] {
  const label = figure.label;
  if (figure.unit === "%")
    return lower([`how high is the ${label}`, `what is the ${label} rate`, `how much ${topic}`]);
  if (/[$€£¥]/.test(figure.unit)) return lower([`how much is the ${label}`, `what is the value of ${topic}`]);
  return lower([`how many ${label}`, `what is the figure for ${label}`]);
}

/** Suggested questions for a plain fact: about its topic and about its subject ("the port fee dispute"). */
export function factQuestions(text: string, topic: string): string[] {
  const subject: string[] = [];
  for (const w of text
    .replace(/[^\w\s'’-]/g, " ")
    .split(/\s+/)
    .filter(Boolean)) {
    if (SUBJECT_END.test(w) || subject.length === 5) break;
    subject.push(w);
  }
  const qs = [`what is the latest on ${topic}`];
  if (subject.length >= 2) qs.push(`what about ${subject.join(" ")}`);
  qs.push(`${topic} news`);
  return lower(qs);
}
