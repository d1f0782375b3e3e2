/**
 * The concepts drafted claims are about: concepts the knowledge already has, found by their names
 * and aliases in a sentence, and proposed concepts for the people (and organisations) an article
 * names that the knowledge does not have yet. Proposals never reuse a taken id or a name or alias
 * another concept already has, so the drafts file passes the checks.
 */
import { aliasKey } from "./check.js";
import type { Concept, ConceptType } from "./schema.js";

/** A person or organisation the article names: the drafter's speakers and people mentioned. */
export interface NamedParty {
  name: string;
  /** The role the article gives them; "organization" for a body like a statistics bureau; empty when none. */
  role: string;
}

/** Roles that are not titles: the drafter's markers, not the article's words. */
const NOT_A_ROLE = new Set(["", "organization"]);
const PARTIES: readonly ConceptType[] = ["person", "organisation", "country"];
/** Aliases that are English words before they are names ("He" for He Lifeng): not looked for in drafted text. */
const PRONOUNS = new Set(["he", "she", "it", "they", "we", "us", "i", "you", "him", "her", "them"]);

/** Lower-case kebab-case: "Rufus T. Firefly" → "rufus-t-firefly". */
function idFrom(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .filter(Boolean)
      .slice(0, 6)
      .join("-") || "concept"
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The concepts of one drafts file: known ones found in sentences, and new ones proposed. */
export class DraftConcepts {
  /** Concepts proposed for this source, in the order they were first needed. */
  readonly proposed: Concept[] = [];
  private readonly byName = new Map<string, Concept>();
  private readonly patterns: { concept: Concept; re: RegExp }[] = [];

  /**
   * `known`: the concepts of the knowledge folder (reviewed and drafted); `takenIds`: every id in
   * use (sources, concepts, claims), which a proposal must not take.
   */
  constructor(
    known: readonly Concept[],
    private readonly takenIds: Set<string>,
    private readonly sourceId: string,
  ) {
    for (const c of known) this.remember(c);
  }

  private remember(c: Concept): void {
    for (const n of [c.name, ...c.aliases]) {
      const key = aliasKey(n);
      if (!this.byName.has(key)) this.byName.set(key, c);
      if (PRONOUNS.has(key) || n.length < 2) continue;
      // Case matters: "Trade" is not the alias "trade talks"' business, and "US" is not "us".
      this.patterns.push({ concept: c, re: new RegExp(`(?<![\\w-])${escapeRegExp(n)}(?![\\w-])`) });
    }
  }

  /** Whether `name` is free to be a new concept's name or alias. */
  private free(name: string): boolean {
    return !this.byName.has(aliasKey(name));
  }

  private newId(name: string): string {
    const base = idFrom(name);
    let id = base;
    for (let n = 2; this.takenIds.has(id); n++) id = `${base}-${n}`;
    this.takenIds.add(id);
    return id;
  }

  /**
   * The concept for a party the article names: a known person, organisation or country with that
   * name or alias, else a proposed one. Undefined when the name belongs to a concept that cannot
   * speak (an event, a place), so the caller drafts no speaker rather than a wrong one.
   */
  party(p: NamedParty): Concept | undefined {
    const known = this.byName.get(aliasKey(p.name));
    if (known) return PARTIES.includes(known.type) ? known : undefined;
    const organisation = p.role === "organization";
    const surname = p.name.split(" ").at(-1) ?? "";
    const aliases =
      !organisation && surname !== p.name && surname.length > 2 && this.free(surname) ? [surname] : [];
    const concept: Concept = {
      id: this.newId(p.name),
      type: organisation ? "organisation" : "person",
      name: p.name,
      aliases,
      roles: NOT_A_ROLE.has(p.role) ? [] : [p.role],
      part_of: [],
      note: `Proposed by the drafter from source ${this.sourceId}: check it is not already a concept under another name.`,
    };
    this.proposed.push(concept);
    this.remember(concept);
    return concept;
  }

  /** The placeholder subject for claims that name no concept: what the article is about. */
  subject(title: string): Concept {
    const id = `${this.sourceId}-subject`;
    const existing = this.proposed.find((c) => c.id === id);
    if (existing) return existing;
    const name = this.free(`${title} (story)`) ? `${title} (story)` : `${title} (story ${this.sourceId})`;
    const concept: Concept = {
      id: this.takenIds.has(id) ? this.newId(id) : id,
      type: "topic",
      name,
      aliases: [],
      roles: [],
      part_of: [],
      note: "Proposed by the drafter for claims that name no known concept: replace it in each claim's about with the concept the claim is about, then delete it.",
    };
    this.takenIds.add(concept.id);
    this.proposed.push(concept);
    this.remember(concept);
    return concept;
  }

  /** The concepts a sentence names (by name or alias), in the order it first names them. */
  mentionedIn(text: string): Concept[] {
    const at = new Map<Concept, number>();
    for (const { concept, re } of this.patterns) {
      const m = re.exec(text);
      if (m && (at.get(concept) ?? Number.POSITIVE_INFINITY) > m.index) at.set(concept, m.index);
    }
    return [...at].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  }
}
