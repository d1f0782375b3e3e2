/**
 * Readability's article HTML to plain text in the shape of the knowledge's source files
 * (paragraphs separated by blank lines), and the hash that recognises the same text again.
 */
import { createHash } from "node:crypto";
import { parseHTML } from "linkedom";

const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "button", "form"]);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** The text of an HTML fragment: one paragraph per block, list items as "  • …". */
export function readableText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  let line = "";
  const flush = () => {
    const t = line
      .split("\n")
      .map((l) => l.replace(/[^\S\n]+/g, " ").trim())
      .filter(Boolean)
      .join("\n");
    if (t && t !== "•") paragraphs.push(t);
    line = "";
  };
  const walk = (node: NodeLike) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        line += child.textContent ?? "";
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.nodeName.toLowerCase();
      if (SKIP.has(tag)) continue;
      if (tag === "br") {
        line += "\n";
      } else if (BLOCKS.has(tag)) {
        flush();
        if (tag === "li") line = "  • ";
        walk(child);
        flush();
      } else {
        walk(child);
      }
    }
  };
  walk(document.body as unknown as NodeLike);
  flush();
  return paragraphs.map((p) => (p.startsWith("• ") ? `  ${p}` : p)).join("\n\n");
}

/**
 * A hash of the words of a text, ignoring case, spacing and punctuation, so the same article
 * re-published with other markup or whitespace hashes the same.
 */
export function textHash(text: string): string {
  const words =
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return createHash("sha256").update(words.join(" ")).digest("hex");
}
