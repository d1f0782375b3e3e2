/**
 * A source's stored text by id, from the knowledge the app serves (the deps that carry it), so an
 * answer's quote can be shown in its whole sentence. Undefined when no knowledge is at hand: the
 * quote is then the snippet alone.
 */
import type { SlackDeps } from "./deps.js";

/** Looks up source texts in the knowledge currently served. */
export function sourceTexts(deps: SlackDeps): (sourceId: string) => string | undefined {
  return (id) => {
    const kb = deps.watches?.knowledge() ?? deps.briefings?.knowledge() ?? deps.review?.served();
    return kb?.sources.get(id)?.text;
  };
}
