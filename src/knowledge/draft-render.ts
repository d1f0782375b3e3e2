/** The files the drafter writes: the drafts file of a new source, and the source's metadata file. */
import { stringify } from "yaml";
import type { Drafted } from "./draft.js";
import type { Claim, Concept, Source } from "./schema.js";

/** A claim as the drafts file writes it: only the fields that say something (defaults left out). */
function written(c: Claim): Record<string, unknown> {
  const { quote, headline, phrasings, supersedes, disputes, ...rest } = c;
  return { ...rest, ...(quote ? { quote } : {}) };
}

/** A concept as the drafts file writes it, empty lists left out. */
function writtenConcept(c: Concept): Record<string, unknown> {
  const { aliases, roles, part_of, ...rest } = c;
  const { note, ...named } = rest;
  return {
    ...named,
    ...(aliases.length ? { aliases } : {}),
    ...(roles.length ? { roles } : {}),
    ...(part_of.length ? { part_of } : {}),
    ...(note ? { note } : {}),
  };
}

/** The drafts file: a header telling the curator what to do, then the proposed concepts and the claims. */
export function renderDrafts(drafted: Drafted, source: Source): string {
  const header = [
    `# Drafts for source ${source.id}: "${source.title}" (${source.publisher}, ${source.published}).`,
    "# Drafted by machine. NOTHING HERE IS SERVED: the bot answers only from claims/ and concepts/.",
    "#   1. Read each claim's snippet in the article; delete the claims that are not worth keeping.",
    "#   2. Fix each claim: about (its subject first), attribute, value, answer (a plain sentence), speaker.",
    "#   3. Check each proposed concept: if the knowledge already has it under another name, use that id.",
    "#   4. Move what you accept into a file in claims/ (and concepts/), then run `tradebot kb check`.",
    "#      A newer claim on the same subject and attribute replaces older ones by itself.",
    "#   See docs/keeping-current.md.",
    "",
  ].join("\n");
  const body = { concepts: drafted.concepts.map(writtenConcept), claims: drafted.claims.map(written) };
  return `${header}${stringify(body, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** The source metadata file's text; `addedBy` says how it came in, for the header line. */
export function renderSource(source: Source, addedBy = "`tradebot kb add-source`"): string {
  return `# Added with ${addedBy}. The article's text is ${source.text_file}, beside this file.\n${stringify(source, { lineWidth: 0 })}`;
}
