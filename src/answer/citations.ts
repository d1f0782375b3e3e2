/** Citations (of claims, or of a source's own words) and suggestions: the only way an answer refers to a source. */
import type { KnowledgeBase, LoadedClaim } from "../knowledge/schema.js";
import type { Citation, Suggestion } from "./types.js";

/** The citation of a claim: its verbatim snippet and its source's metadata. */
export function citationOf(kb: KnowledgeBase, claim: LoadedClaim): Citation {
  if (!kb.sources.has(claim.source))
    throw new Error(`claim ${claim.id} cites unknown source ${claim.source}`);
  return sourceCitation(kb, claim.source, claim.snippet);
}

/** The citation of words of a source (a claim's snippet, or a sentence quoted as it stands). */
export function sourceCitation(kb: KnowledgeBase, sourceId: string, snippet: string): Citation {
  const source = kb.sources.get(sourceId);
  if (!source) throw new Error(`cites unknown source ${sourceId}`);
  return {
    snippet,
    source: source.id,
    title: source.title,
    publisher: source.publisher,
    published: source.published,
    ...(source.url ? { url: source.url } : {}),
  };
}

const QUESTION_START =
  /^(?:when|where|who|what|whats|what's|how|why|which|is|are|did|does|do|will|was|were|can)\b/i;

/** A concept's name as it reads inside a sentence: "the US-China trade truce", but "Scott Bessent". */
export function theName(kb: KnowledgeBase, id: string): string {
  const c = kb.concepts.get(id);
  if (!c) return id;
  if (c.type === "person" || c.type === "country" || c.type === "place" || c.type === "organisation")
    return c.name;
  return /^the\b/i.test(c.name) ? c.name : `the ${c.name}`;
}

/**
 * A question a button can show for a claim: a curated phrasing when there is one, else one made
 * from what the claim is about and the attribute it fills.
 */
export function suggestionOf(kb: KnowledgeBase, claim: LoadedClaim): Suggestion {
  const phrased = claim.phrasings.find((x) => QUESTION_START.test(x) && x.split(/\s+/).length >= 3);
  const subject = claim.about[0] as string;
  const name = theName(kb, subject);
  const speaker = claim.speaker ? (kb.concepts.get(claim.speaker)?.name ?? claim.speaker) : undefined;
  const made: Record<LoadedClaim["attribute"], string> = {
    when: `When is ${name}?`,
    start: `When does ${name} take effect?`,
    end: `When does ${name} end?`,
    where: `Where is ${name}?`,
    who: `Who takes part in ${name}?`,
    role: `Who is ${name}?`,
    amount: `How much is ${name}?`,
    duration: `How long does ${name} last?`,
    said: `What did ${speaker ?? name} say?`,
    stance: `What does ${speaker ?? name} think?`,
    reason: `Why ${claim.title ? `: ${claim.title}` : `${name}`}?`,
    outcome: `How did ${name} turn out?`,
    status: `What is the status of ${name}?`,
    terms: `What are the terms of ${name}?`,
    impact: `What is the impact of ${name}?`,
    description: `What is ${name}?`,
  };
  let q = (phrased ?? made[claim.attribute]).trim();
  if (claim.attribute === "reason" && !phrased) q = `What is the reason for ${name}?`;
  const tidy = q.charAt(0).toUpperCase() + q.slice(1);
  return { entryId: claim.id, question: /[?.!]$/.test(tidy) ? tidy : `${tidy}?` };
}
