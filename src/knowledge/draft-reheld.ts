/**
 * Another occurrence of an event already held. When a sentence's facts put a round or meeting the
 * knowledge says took place ("the talks in Malaysia", held Oct. 25–26, 2025) on another day or at
 * another place ("the talks were held … on May 17", "met again in Seoul"), the sentence speaks of a
 * new round, not of the old one: its facts are moved to a proposed event in the same series, and the
 * old round's day and place are not replaced by it.
 */
import { capital, dateInWords, theName } from "./draft-answer.js";
import type { DraftConcepts } from "./draft-concepts.js";
import type { EventAt } from "./draft-mentions.js";
import type { DraftFact } from "./draft-unit.js";
import type { Concept } from "./schema.js";

/** Whether a known event can be the one a clause on that day, at those places, speaks of. */
type Fits = (event: Concept, at: EventAt) => boolean;

/** Moves a sentence's facts about an event held before, dated or placed elsewhere, to a new event. */
export function retargetReheld(facts: DraftFact[], concepts: DraftConcepts, fits: Fits): void {
  const moved = new Map<string, { date?: string; places: string[] }>();
  for (const f of facts) {
    const id = f.about[0] as string;
    const event = concepts.get(id);
    if (event?.type !== "event" || concepts.proposed.includes(event)) continue;
    const at: EventAt =
      f.attribute === "when" && "date" in f.value && f.value.precision === "day"
        ? { date: f.value.date }
        : f.attribute === "where" && "places" in f.value
          ? { places: f.value.places }
          : {};
    if ((!at.date && !at.places?.length) || fits(event, at)) continue;
    const had = moved.get(id) ?? { places: [] };
    if (at.date) had.date ??= at.date;
    had.places.push(...(at.places ?? []));
    moved.set(id, had);
  }
  for (const [id, at] of moved) {
    const old = concepts.get(id) as Concept;
    // The sentence's own new meeting, when it already proposed one in the same series.
    const own = facts
      .map((f) => concepts.get(f.about[0] as string))
      .find(
        (c) =>
          c?.type === "event" && concepts.proposed.includes(c) && c.part_of.join() === old.part_of.join(),
      );
    const fresh = own ?? occurrence(old, at, concepts);
    for (const f of facts) {
      if (!f.about.includes(id)) continue;
      f.about = [...new Set(f.about.map((x) => (x === id ? fresh.id : x)))];
      if (f.answer) f.answer = renamed(f.answer, old, fresh);
      if (f.title && f.title.toLowerCase() === old.name.toLowerCase()) f.title = capital(fresh.name);
    }
  }
}

/** The new round: named by its place ("talks in Seoul") or, failing that, its day, in the old one's series. */
function occurrence(old: Concept, at: { date?: string; places: string[] }, concepts: DraftConcepts): Concept {
  const place = at.places.map((p) => concepts.get(p)).find((c) => c !== undefined);
  // "US-China talks in Malaysia" → "US-China talks"; "Trump–Xi meeting" stays.
  const kind = old.name.replace(/\s+(?:in|at|of)\s+.*$/, "");
  const day = at.date ? dateInWords({ date: at.date, precision: "day" }) : undefined;
  // A name the knowledge already gives another event ("talks in Kuala Lumpur") takes the day too.
  const taken = (n: string) => {
    const had = concepts.named(n);
    return had !== undefined && !concepts.proposed.includes(had);
  };
  let name = place ? `${kind} in ${place.name}` : day ? `${kind} of ${day}` : `${kind}, another round`;
  if (taken(name) && day && place) name = `${name} of ${day}`;
  return concepts.propose({ name, type: "event", part_of: [...old.part_of] });
}

/** An answer written with the old event's name, with the new one's. */
function renamed(answer: string, old: Concept, fresh: Concept): string {
  const from = [theName(old), old.name];
  let out = answer;
  for (const f of from) {
    const at = out.toLowerCase().indexOf(f.toLowerCase());
    if (at < 0) continue;
    const to = f === old.name ? fresh.name : theName(fresh);
    const replaced = at === 0 ? capital(to) : to;
    out = out.slice(0, at) + replaced + out.slice(at + f.length);
    break;
  }
  return out;
}
