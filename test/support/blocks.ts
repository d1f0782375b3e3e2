/** Reading posted Block Kit back in tests: the text of each rich_text quote, as a reader sees it. */

type Obj = Record<string, unknown>;

/** The text of every `rich_text_quote` in `blocks`, each joined from its text elements. */
export function quotes(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as Obj[])
    .filter((b) => b.type === "rich_text")
    .flatMap((b) => (b.elements as Obj[]) ?? [])
    .filter((e) => e.type === "rich_text_quote")
    .map((e) => ((e.elements as Obj[]) ?? []).map((t) => String(t.text ?? "")).join(""));
}

/** The quotes as one text, one quote a line, each line starting "> " as a quote reads. */
export function quoted(blocks: unknown): string {
  return quotes(blocks)
    .map((q) => `> ${q}`)
    .join("\n");
}
