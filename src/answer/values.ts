/**
 * Claim values in words ("Malaysia", "Nov. 1, 2025", "100%", "$1.78 trillion"), and whether a
 * value the asker put forward agrees with a claim's: the same place, a date inside the claim's
 * period, the same figure. A value no source mentions simply does not agree.
 */

import { aliasKey } from "../knowledge/check.js";
import type { KnowledgeBase, LoadedClaim, Value } from "../knowledge/schema.js";
import type { ClaimedValue } from "../search/claimed.js";
import { keysOf } from "../search/keys.js";
import { formatDated, formatDay, period } from "./dates.js";

/** The kind of value a claim holds, in the terms a question's claimed values use. */
export type ValueKind = ClaimedValue["kind"];

/** What kind of value a claim holds. */
export function valueKind(v: Value): ValueKind {
  if ("date" in v) return "date";
  if ("places" in v) return "place";
  if ("people" in v) return "person";
  if ("figure" in v) return "figure";
  if ("state" in v) return "state";
  return "text";
}

/** "Madrid, Stockholm, London and Geneva". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const STATE_WORDS: Record<string, string> = {
  planned: "planned",
  threatened: "threatened, not in effect",
  agreed: "agreed",
  in_effect: "in effect",
  happened: "it took place",
  going_ahead: "going ahead",
  suspended: "suspended",
  extended: "extended",
  cancelled: "called off",
  ended: "ended",
};

/** A figure in words: 100 percent → "100%", 1.78e12 USD → "$1.78 trillion", 4 rounds → "4 rounds". */
export function figureInWords(value: number, unit: string): string {
  const scaled = (n: number) => {
    for (const [size, word] of [
      [1e12, "trillion"],
      [1e9, "billion"],
      [1e6, "million"],
    ] as const) {
      if (Math.abs(n) >= size) return `${+(n / size).toFixed(2)} ${word}`;
    }
    return n.toLocaleString("en-US");
  };
  if (unit === "percent" || unit === "%") return `${value}%`;
  if (unit === "USD") return `$${scaled(value)}`;
  if (unit === "percentage points") return `${value} percentage points`;
  return `${scaled(value)} ${unit}`;
}

/** A claim's value in a few words, for "No: Malaysia, not Bangkok". */
export function valueInWords(kb: KnowledgeBase, v: Value): string {
  const name = (id: string) => kb.concepts.get(id)?.name ?? id;
  if ("date" in v) {
    const at = v.until ? `${formatDay(v.date)} to ${formatDay(v.until)}` : formatDated(v.date, v.precision);
    return v.time ? `${at}, ${v.time}` : at;
  }
  if ("places" in v) return listInWords(v.places.map(name));
  if ("people" in v) return listInWords(v.people.map(name));
  if ("figure" in v) return figureInWords(v.figure, v.unit);
  if ("state" in v) return v.label ?? STATE_WORDS[v.state] ?? v.state;
  return v.text;
}

/** Whether states agree: "still on" agrees with going ahead, happened and in effect. */
const ON = new Set(["going_ahead", "happened", "in_effect", "agreed", "planned", "extended"]);
const OFF = new Set(["cancelled", "suspended", "ended"]);

/**
 * Whether a value the asker put forward agrees with the claim: true, false, or undefined when
 * the two can't be compared (another kind of value).
 */
export function agrees(kb: KnowledgeBase, claim: LoadedClaim, claimed: ClaimedValue): boolean | undefined {
  const v = claim.value;
  if (claimed.kind === "date" && "date" in v && claimed.date) {
    const asked = claimed.date;
    const mine = period(v.date, v.precision);
    const mineEnd = v.until ? period(v.until, "day").end : mine.end;
    const theirs = period(asked.date, asked.precision);
    const theirsEnd = asked.until ? period(asked.until, "day").end : theirs.end;
    if (!asked.yearGiven) {
      // "dec 1": month and day, in whatever year the claim says.
      const md = (d: string) => d.slice(5);
      const sameYear = (d: string) => `${v.date.slice(0, 4)}-${md(d)}`;
      const s = period(sameYear(asked.date), asked.precision);
      return !(s.end.isBefore(mine.start) || s.start.isAfter(mineEnd));
    }
    return !(theirsEnd.isBefore(mine.start) || theirs.start.isAfter(mineEnd));
  }
  if (claimed.kind === "figure" && "figure" in v && claimed.figure) {
    const sameUnit =
      !claimed.figure.unit ||
      claimed.figure.unit === v.unit ||
      (claimed.figure.unit === "percent" && v.unit === "%") ||
      v.unit.startsWith(claimed.figure.unit) ||
      claimed.figure.unit.startsWith(v.unit.replace(/s$/, ""));
    if (!sameUnit) return undefined;
    return Math.abs(claimed.figure.value - v.figure) < 1e-9 * Math.max(1, Math.abs(v.figure));
  }
  // A name no source has may be a place or a person: it is compared with whichever the claim holds.
  if (!claimed.concept && !claimed.slot && (claimed.kind === "place" || claimed.kind === "person")) {
    if ("places" in v) return namedBy(kb, v.places, claimed.text);
    if ("people" in v) return namedBy(kb, v.people, claimed.text);
  }
  if (claimed.kind === "place" && "places" in v) {
    if (claimed.concept) {
      if (v.places.includes(claimed.concept)) return true;
      // Kuala Lumpur is in Malaysia: a claimed city inside the claimed country agrees.
      return v.places.some(
        (p) => isWithin(kb, p, claimed.concept as string) || isWithin(kb, claimed.concept as string, p),
      );
    }
    return namedBy(kb, v.places, claimed.text);
  }
  if (claimed.kind === "person" && "people" in v) {
    if (claimed.concept) return v.people.includes(claimed.concept);
    return namedBy(kb, v.people, claimed.text);
  }
  if (claimed.kind === "text" && "text" in v) {
    // An option of a choice: its words are among the claim's ("rare earths" in "…rare-earth elements").
    const mine = new Set(keysOf(`${v.text} ${claim.answer}`).map((k) => k.slice(0, 5)));
    const theirs = keysOf(claimed.text).filter((k) => k.length > 2);
    return theirs.length > 0 && theirs.every((k) => mine.has(k.slice(0, 5)));
  }
  if (claimed.kind === "state" && "state" in v && claimed.state) {
    if (claimed.state === v.state) return true;
    if (ON.has(claimed.state) && ON.has(v.state)) return true;
    if (OFF.has(claimed.state) && OFF.has(v.state)) return true;
    return false;
  }
  return undefined;
}

/** Whether concept `inner` is part of `outer`, directly or through others. */
function isWithin(kb: KnowledgeBase, inner: string, outer: string): boolean {
  const seen = new Set<string>();
  const walk = (id: string): boolean => {
    if (seen.has(id)) return false;
    seen.add(id);
    const c = kb.concepts.get(id);
    return c ? c.part_of.some((p) => p === outer || walk(p)) : false;
  };
  return walk(inner);
}

/** Whether words typed by the asker name one of the concepts (for names the matcher did not find). */
function namedBy(kb: KnowledgeBase, ids: readonly string[], text: string): boolean {
  const typed = aliasKey(text);
  return ids.some((id) => {
    const c = kb.concepts.get(id);
    return c ? [c.name, ...c.aliases].some((n) => aliasKey(n) === typed) : false;
  });
}

/** Whether a claimed title agrees with the title a role claim gives ("foreign minister" vs "Vice Premier"). */
export function sameTitle(claimText: string, claimed: string): boolean {
  const mine = new Set(keysOf(claimText));
  const theirs = keysOf(claimed).filter(
    (k) => !["china", "chinese", "us", "american", "the", "a", "an"].includes(k),
  );
  return theirs.length > 0 && theirs.every((k) => mine.has(k));
}
