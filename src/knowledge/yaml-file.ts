/**
 * A parsed YAML file that remembers where each value came from, so a problem found later
 * (by zod or by an integrity check) can point at the line of the offending node.
 */
import { type Document, isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from "yaml";
import type { Problem } from "./problem.js";

/** A path into the parsed value: map keys and sequence indexes, as zod reports them. */
export type NodePath = readonly PropertyKey[];

/** A YAML file parsed into plain data, with line lookup for any path inside it. */
export class YamlFile {
  readonly file: string;
  readonly value: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  private constructor(file: string, doc: Document, lines: LineCounter) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
    this.value = doc.toJS();
  }

  /** Parses `text`; on invalid YAML returns the problems, each at the line YAML reported. */
  static parse(file: string, text: string): YamlFile | Problem[] {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return doc.errors.map((e) => ({
        file,
        line: lines.linePos(e.pos[0]).line,
        field: "yaml",
        message: `not valid YAML: ${firstLine(e.message)}${hint(e.code)}`,
      }));
    }
    return new YamlFile(file, doc, lines);
  }

  /** True when the path names a node that is present in the file. */
  has(path: NodePath): boolean {
    return this.nodeAt(path).depth === path.length;
  }

  /** The line of the node at `path`, or of its nearest present ancestor when it is missing. */
  lineOf(path: NodePath): number {
    const { node } = this.nodeAt(path);
    return this.lineAtOffset(node);
  }

  /** The line of `key` inside the map at `path` (for keys that should not be there). */
  lineOfKey(path: NodePath, key: string): number {
    const { node, depth } = this.nodeAt(path);
    if (depth === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isNode(pair.key)) return this.lineAtOffset(pair.key);
    }
    return this.lineAtOffset(node);
  }

  /** Walks down the path as far as the document goes; returns the deepest node reached. */
  private nodeAt(path: NodePath): { node: unknown; depth: number } {
    let node: unknown = this.doc.contents;
    let depth = 0;
    for (const key of path) {
      if (!isNode(node) || !("items" in node)) break;
      const next = isMap(node)
        ? node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.value
        : typeof key === "number"
          ? (node.items as unknown[])[key]
          : undefined;
      if (!isNode(next)) {
        // A key written with no value (`snippet:`) is present: report its own line.
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
          if (pair && isNode(pair.key)) return { node: pair.key, depth: depth + 1 };
        }
        break;
      }
      node = next;
      depth++;
    }
    return { node, depth };
  }

  private lineAtOffset(node: unknown): number {
    if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    return 1;
  }
}

/** The usual cause of the usual errors, in a curator's terms. */
function hint(code: string): string {
  if (code === "BLOCK_AS_IMPLICIT_KEY" || code === "MULTILINE_IMPLICIT_KEY") {
    return ' (a value containing ": " must be written in double quotes)';
  }
  if (code === "TAB_AS_INDENT") return " (indent with spaces, not tabs)";
  if (code === "BAD_INDENT" || code === "MISSING_CHAR")
    return " (check the indentation and quotes on this line)";
  return "";
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}
