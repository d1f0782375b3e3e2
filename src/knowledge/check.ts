/**
 * Integrity checks across the knowledge files, run after each file has passed the schema:
 * unique ids, references that resolve (and to the right type of concept), aliases that name one
 * concept, no `supersedes` or `part_of` cycles, dates that agree with their precision, and every
 * snippet found word for word in its source's text (inside quotation marks when it is a quote).
 */
import type { Problem } from "./problem.js";
import type { Claim, Concept, ConceptType, Precision, Source } from "./schema.js";
import type { NodePath } from "./yaml-file.js";

/** An item that passed the schema, with where it was read from. */
export interface Parsed<T> {
  value: T;
  file: string;
  line: number;
  /** The line of a field inside the item. */
  lineOf(path: NodePath): number;
}

/** Ids that were written but whose item failed the schema: not reported again as dangling. */
export interface BrokenIds {
  sources: Set<string>;
  concepts: Set<string>;
  claims: Set<string>;
}

/** What the checks look at. `known` holds concepts and claims that may be referred to but are checked elsewhere. */
export interface CheckInput {
  sources: readonly Parsed<Source & { text?: string }>[];
  concepts: readonly Parsed<Concept>[];
  claims: readonly Parsed<Claim>[];
  known?: { concepts: readonly Parsed<Concept>[]; claims: readonly Parsed<Claim>[] };
}

/** Which concept types may fill each kind of reference. */
const PLACE_TYPES: readonly ConceptType[] = ["place", "country", "organisation"];
const PARTY_TYPES: readonly ConceptType[] = ["person", "organisation", "country"];

/** The form aliases are compared in: case, accents, punctuation and spacing do not tell two names apart. */
export function aliasKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9%$]+/g, " ")
    .trim();
}

/** Runs every cross-file check; returns the problems. Items with a problem are added to `bad` when given. */
export function checkIntegrity(input: CheckInput, broken: BrokenIds, bad?: Set<Parsed<unknown>>): Problem[] {
  const problems: Problem[] = [];
  const at = (item: Parsed<unknown>, path: NodePath, field: string) => {
    bad?.add(item);
    return { file: item.file, line: item.lineOf(path), field };
  };
  const dup = (item: Parsed<unknown>, what: string, id: string, first: Parsed<unknown>) =>
    problems.push({
      ...at(item, ["id"], "id"),
      message: `duplicate id ${id}: also used by the ${what} at ${first.file}:${first.line}`,
    });

  const sourceById = new Map<string, Parsed<Source & { text?: string }>>();
  for (const s of input.sources) {
    const first = sourceById.get(s.value.id);
    if (input.known) {
      sourceById.set(s.value.id, s); // checked with the reviewed knowledge already
      continue;
    }
    if (first) {
      dup(s, "source", s.value.id, first);
      continue;
    }
    sourceById.set(s.value.id, s);
    const name = s.file.split("/").pop() ?? "";
    if (name !== `${s.value.id}.yml` && name !== `${s.value.id}.yaml`) {
      problems.push({
        ...at(s, ["id"], "id"),
        message: `should match the file name: this file should be called ${s.value.id}.yml`,
      });
    }
  }

  const conceptById = new Map<string, Parsed<Concept>>();
  for (const c of input.known?.concepts ?? []) conceptById.set(c.value.id, c);
  const aliasOwner = new Map<string, Parsed<Concept>>();
  for (const c of input.known?.concepts ?? [])
    for (const n of namesOf(c.value)) aliasOwner.set(aliasKey(n), c);
  for (const c of input.concepts) {
    const first = conceptById.get(c.value.id) ?? (sourceById.get(c.value.id) as Parsed<unknown> | undefined);
    if (first) {
      dup(c, sourceById.has(c.value.id) ? "source" : "concept", c.value.id, first);
      continue;
    }
    conceptById.set(c.value.id, c);
    namesOf(c.value).forEach((name, i) => {
      const key = aliasKey(name);
      const owner = aliasOwner.get(key);
      const path = i === 0 ? ["name"] : ["aliases", i - 1];
      if (owner && owner !== c) {
        problems.push({
          ...at(c, path, i === 0 ? "name" : `aliases[${i - 1}]`),
          message: `"${name}" already names concept ${owner.value.id} (${owner.file}:${owner.line}); a name or alias must pick out one concept (put descriptions several share under roles)`,
        });
      } else aliasOwner.set(key, c);
    });
  }
  const conceptRef = (
    item: Parsed<unknown>,
    path: NodePath,
    field: string,
    id: string,
    types?: readonly ConceptType[],
  ) => {
    const target = conceptById.get(id);
    if (!target) {
      if (!broken.concepts.has(id)) {
        problems.push({
          ...at(item, path, field),
          message: `no concept with id ${id} (concepts are in concepts/*.yml)`,
        });
      }
    } else if (types && !types.includes(target.value.type)) {
      problems.push({
        ...at(item, path, field),
        message: `${id} is a ${target.value.type}; this needs a ${types.join(" or ")}`,
      });
    }
  };
  for (const c of input.concepts) {
    c.value.part_of.forEach((id, i) => {
      if (id === c.value.id)
        problems.push({
          ...at(c, ["part_of", i], `part_of[${i}]`),
          message: "a concept cannot be part of itself",
        });
      else conceptRef(c, ["part_of", i], `part_of[${i}]`, id);
    });
    const cycle = chainCycle(c.value.id, (id) => conceptById.get(id)?.value.part_of ?? []);
    if (cycle)
      problems.push({
        ...at(c, ["part_of"], "part_of"),
        message: `part_of goes round in a circle: ${cycle.join(" → ")}`,
      });
  }

  const claimById = new Map<string, Parsed<Claim>>();
  for (const c of input.known?.claims ?? []) claimById.set(c.value.id, c);
  for (const item of input.claims) {
    const claim = item.value;
    const first = claimById.get(claim.id) ?? conceptById.get(claim.id) ?? sourceById.get(claim.id);
    if (first)
      dup(
        item,
        claimById.has(claim.id) ? "claim" : conceptById.has(claim.id) ? "concept" : "source",
        claim.id,
        first as Parsed<unknown>,
      );
    else claimById.set(claim.id, item);

    claim.about.forEach((id, i) => {
      conceptRef(item, ["about", i], `about[${i}]`, id);
    });
    const v = claim.value;
    if ("places" in v)
      v.places.forEach((id, i) => {
        conceptRef(item, ["value", "places", i], `value.places[${i}]`, id, PLACE_TYPES);
      });
    if ("people" in v)
      v.people.forEach((id, i) => {
        conceptRef(item, ["value", "people", i], `value.people[${i}]`, id, PARTY_TYPES);
      });
    if (claim.speaker) conceptRef(item, ["speaker"], "speaker", claim.speaker, PARTY_TYPES);
    if ("date" in v) {
      const message = precisionProblem(v.date, v.precision);
      if (message) problems.push({ ...at(item, ["value", "date"], "value.date"), message });
      if (v.until && v.until < v.date) {
        problems.push({
          ...at(item, ["value", "until"], "value.until"),
          message: `${v.until} is before the date ${v.date}`,
        });
      }
    }
    const holds = claim.holds;
    if (holds?.from && holds.until && holds.until < holds.from) {
      problems.push({
        ...at(item, ["holds", "until"], "holds.until"),
        message: `${holds.until} is before holds.from ${holds.from}`,
      });
    }

    const source = sourceById.get(claim.source);
    if (!source) {
      if (!broken.sources.has(claim.source)) {
        problems.push({
          ...at(item, ["source"], "source"),
          message: `no source with id ${claim.source} (sources are the sources/*.yml files)`,
        });
      }
    } else if (source.value.text !== undefined) {
      const text = source.value.text;
      const snippetProblem = findSnippetProblem(claim.snippet, text, claim.source);
      if (snippetProblem) problems.push({ ...at(item, ["snippet"], "snippet"), message: snippetProblem });
      else if (claim.quote && !insideQuotationMarks(claim.snippet, text)) {
        problems.push({
          ...at(item, ["quote"], "quote"),
          message: `the snippet is not inside quotation marks in source ${claim.source}: only words the source quotes are a quote (use quote: false for reported speech)`,
        });
      }
      for (const words of quotedWords(claim.answer)) {
        if (!text.includes(words) || !insideQuotationMarks(words, text)) {
          problems.push({
            ...at(item, ["answer"], "answer"),
            message: `the words in quotation marks, "${words}", are not in quotation marks word for word in the text of source ${claim.source}`,
          });
        }
      }
      if (holds?.as_of && holds.as_of > source.value.published) {
        problems.push({
          ...at(item, ["holds", "as_of"], "holds.as_of"),
          message: `${holds.as_of} is after the source was published (${source.value.published})`,
        });
      }
    }
  }

  for (const item of input.claims) {
    for (const field of ["supersedes", "disputes"] as const) {
      item.value[field].forEach((target, i) => {
        // `at` marks the item as having a problem: call it only when there is one.
        const f = () => at(item, [field, i], `${field}[${i}]`);
        if (target === item.value.id)
          problems.push({
            ...f(),
            message: `a claim cannot ${field === "supersedes" ? "supersede" : "dispute"} itself`,
          });
        else if (!claimById.has(target)) {
          if (!broken.claims.has(target)) problems.push({ ...f(), message: `no claim with id ${target}` });
        }
      });
    }
    const cycle = chainCycle(item.value.id, (id) => claimById.get(id)?.value.supersedes ?? []);
    if (cycle)
      problems.push({
        ...at(item, ["supersedes"], "supersedes"),
        message: `supersedes goes round in a circle: ${cycle.join(" → ")}`,
      });
  }
  return problems;
}

/** A concept's name and aliases, the words that must each name it alone. */
export function namesOf(c: Concept): string[] {
  return [c.name, ...c.aliases];
}

/** Undefined when the snippet is in the text; otherwise what is wrong, with a hint when it nearly matches. */
function findSnippetProblem(snippet: string, text: string, sourceId: string): string | undefined {
  if (text.includes(snippet)) return undefined;
  const base = `not found word for word in the text of source ${sourceId}`;
  const squash = (s: string) => s.replace(/\s+/g, " ").trim();
  if (squash(text).includes(squash(snippet))) return `${base} (it differs only in spaces or line breaks)`;
  if (text.toLowerCase().includes(snippet.toLowerCase()))
    return `${base} (it differs only in capital letters)`;
  const curly = snippet.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  if (curly !== snippet && text.includes(curly))
    return `${base} (use straight quotes ' and " as the text does)`;
  return `${base}; copy it exactly from the .txt file`;
}

/** Whether every occurrence check passes: some occurrence of `words` sits inside a quotation in its paragraph. */
export function insideQuotationMarks(words: string, text: string): boolean {
  const bare = words.replace(/^["“”]+|["“”]+$/g, "");
  let from = 0;
  for (;;) {
    const i = text.indexOf(bare, from);
    if (i < 0) return false;
    const paraStart = text.lastIndexOf("\n\n", i) + 1;
    const before = text.slice(paraStart, i);
    const opens = (before.match(/["“”]/g) ?? []).length;
    if (opens % 2 === 1) return true;
    from = i + 1;
  }
}

/** Words an answer puts in quotation marks claim to be the source's own words. */
function quotedWords(answer: string): string[] {
  // A full stop or comma inside the closing quote mark is punctuation of our sentence, not the source's.
  return [...answer.matchAll(/["“]([^"“”]{3,})["”]/g)]
    .map((m) => (m[1] ?? "").replace(/[.,;:!?]+$/, ""))
    .filter(Boolean);
}

/** Week dates are Mondays, month dates the 1st, year dates January 1st, so timelines sort and count right. */
function precisionProblem(date: string, p: Precision): string | undefined {
  const day = new Date(`${date}T00:00:00Z`);
  if (p === "week" && day.getUTCDay() !== 1) {
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
    return `for precision week, the date must be the Monday of that week (${monday.toISOString().slice(0, 10)})`;
  }
  if (p === "month" && !date.endsWith("-01")) {
    return `for precision month, the date must be the 1st of the month (${date.slice(0, 8)}01)`;
  }
  if (p === "year" && !date.endsWith("-01-01")) {
    return `for precision year, the date must be January 1st (${date.slice(0, 5)}01-01)`;
  }
  return undefined;
}

/** The ids round a cycle through `start` following `next`, or undefined when every path ends. */
function chainCycle(start: string, next: (id: string) => readonly string[]): string[] | undefined {
  const done = new Set<string>();
  const walk = (id: string, path: string[]): string[] | undefined => {
    for (const n of next(id)) {
      if (n === start) return [...path, start];
      if (done.has(n) || path.includes(n)) continue; // a cycle further on: reported at its own items
      const found = walk(n, [...path, n]);
      if (found) return found;
      done.add(n);
    }
    return undefined;
  };
  return walk(start, [start]);
}
