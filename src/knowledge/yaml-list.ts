/**
 * Editing the lists of a knowledge file (`claims:`, `concepts:`) as text: take an item out, put one
 * in, replace one, set a few of an item's fields. Every other line of the file stays exactly as the
 * curator wrote it (comments, quoting, spacing, `1.78e12`); the parsed document only says where each
 * item starts and ends. An item moves between files as its own lines, re-indented.
 *
 * An item's text is written with its dash at column 0 (`- id: x\n  about: [a]`), the form
 * `itemText` returns and `appendItem` / `replaceItem` take.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify } from "yaml";

/** Which list of a file. */
export type ListKey = "claims" | "concepts";

/** One item of a list: where its lines are, its indentation, its line and its plain value. */
export interface ItemSpan {
  /** Offsets of the item's lines in the text: its comment lines above it, then it, to the next item. */
  start: number;
  end: number;
  /** The column of its dash. */
  indent: number;
  /** The 1-based line of its dash. */
  line: number;
  value: unknown;
}

/** The list of a file as found: its items, or where an empty list goes. */
interface FoundList {
  items: ItemSpan[];
  /** Offset just after the key's line (`claims:`), and whether it is written `[]` there. */
  afterKeyLine: number;
  flowEmpty: boolean;
  keyLineStart: number;
}

/** Thrown when a file's list is not written the way these edits can change it (a flow list with items). */
export class ListShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListShapeError";
  }
}

const lineStart = (text: string, at: number) => text.lastIndexOf("\n", at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const nl = text.indexOf("\n", at);
  return nl < 0 ? text.length : nl + 1;
};

/** The items of `key` in a YAML text; undefined when the file has no such list. */
function findList(text: string, key: ListKey): FoundList | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) throw new ListShapeError(`not valid YAML: ${doc.errors[0]?.message.split("\n")[0]}`);
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const keyAt = pair.key.range[0];
  const afterKeyLine = lineEnd(text, keyAt);
  const seq = pair.value;
  if (!isSeq(seq) || seq.items.length === 0) {
    return { items: [], afterKeyLine, flowEmpty: isSeq(seq) && seq.flow === true, keyLineStart: keyAt };
  }
  if (seq.flow) throw new ListShapeError(`the ${key} list is written in brackets; write one item per line`);
  const starts = seq.items.map((node) => {
    const at = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    const dash = text.lastIndexOf("-", at);
    let start = lineStart(text, dash);
    // Comment lines right above the dash belong to the item.
    while (start > 0) {
      const prev = lineStart(text, start - 1);
      if (!/^\s*#/.test(text.slice(prev, start))) break;
      start = prev;
    }
    return { start, indent: dash - lineStart(text, dash), line: lines.linePos(dash).line };
  });
  const last = seq.items.at(-1) as { range?: [number, number, number] };
  const lastEnd = lineEnd(text, Math.max((last.range?.[1] ?? text.length) - 1, starts.at(-1)?.start ?? 0));
  const values = seq.toJSON() as unknown[];
  const items = starts.map((s, i) => ({
    ...s,
    end: starts[i + 1]?.start ?? lastEnd,
    value: values[i],
  }));
  return { items, afterKeyLine, flowEmpty: false, keyLineStart: keyAt };
}

/** The items of `key` in `text` (none when the file has no such list). */
export function listItems(text: string, key: ListKey): ItemSpan[] {
  return findList(text, key)?.items ?? [];
}

/** Re-indents an item's lines: each non-blank line gains `by` spaces (or loses up to `-by`). */
function shift(item: string, by: number): string {
  return item
    .split("\n")
    .map((l) => {
      if (l.trim() === "") return "";
      if (by >= 0) return " ".repeat(by) + l;
      const lead = l.length - l.trimStart().length;
      return l.slice(Math.min(lead, -by));
    })
    .join("\n");
}

/** An item's text, dash at column 0, ending with one newline. */
export function itemText(text: string, key: ListKey, index: number): string {
  const span = listItems(text, key)[index];
  if (!span) throw new RangeError(`no item ${index} in ${key}`);
  return `${shift(text.slice(span.start, span.end), -span.indent).trimEnd()}\n`;
}

/** The text with item `index` of `key` taken out; an emptied list is written `key: []`. */
export function removeItem(text: string, key: ListKey, index: number): string {
  const list = findList(text, key);
  const span = list?.items[index];
  if (!list || !span) throw new RangeError(`no item ${index} in ${key}`);
  if (list.items.length === 1) {
    const keyLineEnd = list.afterKeyLine;
    const keyLine = text
      .slice(lineStart(text, list.keyLineStart), keyLineEnd)
      .replace(/\s+#.*$|\s*\n?$/, "")
      .trimEnd();
    return `${text.slice(0, lineStart(text, list.keyLineStart))}${keyLine} []\n${text.slice(span.end)}`;
  }
  let start = span.start;
  if (index === list.items.length - 1) {
    // The last item: take the blank lines that separated it from the one before, too.
    while (start > 0 && text.slice(lineStart(text, start - 1), start).trim() === "") {
      start = lineStart(text, start - 1);
    }
  }
  return text.slice(0, start) + text.slice(span.end);
}

/** Whether a list's items are separated by blank lines (unknown with fewer than two: yes). */
function blankSeparated(text: string, items: readonly ItemSpan[]): boolean {
  const [first] = items;
  if (!first || items.length < 2) return true;
  return /\n[ \t]*\n[\s\S]*$/.test(text.slice(first.start, first.end));
}

/**
 * The text with `item` added at the end of the list `key`, indented like the list's other items;
 * a missing file (`text` undefined) is started with `header` (comment lines) and the list.
 */
export function appendItem(text: string | undefined, key: ListKey, item: string, header = ""): string {
  const body = `${item.trimEnd()}\n`;
  if (text === undefined || text.trim() === "") return `${header}${key}:\n${shift(body, 2)}`;
  const list = findList(text, key);
  const ended = text.endsWith("\n") ? text : `${text}\n`;
  if (!list) return `${ended}${key}:\n${shift(body, 2)}`;
  if (list.items.length === 0) {
    const from = lineStart(text, list.keyLineStart);
    const keyLine = text
      .slice(from, list.afterKeyLine)
      .replace(/\s*\[\s*\]\s*$/, "")
      .replace(/\s*\n?$/, "");
    return `${text.slice(0, from)}${keyLine}\n${shift(body, 2)}${text.slice(list.afterKeyLine)}`;
  }
  const last = list.items.at(-1) as ItemSpan;
  const at = last.end;
  const before = text.slice(0, at).endsWith("\n") ? text.slice(0, at) : `${text.slice(0, at)}\n`;
  const gap = blankSeparated(text, list.items) && !/\n[ \t]*\n$/.test(before) ? "\n" : "";
  return `${before}${gap}${shift(body, last.indent)}${text.slice(at)}`;
}

/** The text with item `index` of `key` replaced by `item` (its lines, re-indented). */
export function replaceItem(text: string, key: ListKey, index: number, item: string): string {
  const span = listItems(text, key)[index];
  if (!span) throw new RangeError(`no item ${index} in ${key}`);
  const old = text.slice(span.start, span.end);
  const trailing = old.slice(old.trimEnd().length).replace(/^[^\n]*\n?/, "");
  return `${text.slice(0, span.start)}${shift(`${item.trimEnd()}\n`, span.indent)}${trailing}${text.slice(span.end)}`;
}

/** A field's value as YAML at its key: scalars and bracketed lists on the key's line, a block scalar below it. */
function fieldLines(key: string, value: unknown): string {
  const rendered = stringify(value, {
    lineWidth: 0,
    collectionStyle: Array.isArray(value) ? "flow" : "any",
    flowCollectionPadding: false,
  }).trimEnd();
  const [first = "", ...rest] = rendered.split("\n");
  if (!rest.length) return `  ${key}: ${first}\n`;
  // `|-` or `>` stays on the key's line; its lines (and any other block value) go deeper than the key.
  if (/^[|>]/.test(first)) return `  ${key}: ${first}\n${shift(rest.join("\n"), 4)}\n`;
  return `  ${key}:\n${shift(rendered, 4)}\n`;
}

/**
 * An item's text with some of its fields set (undefined removes one): a field it has is rewritten
 * where it is, a new one is added at the end. The item's other lines are untouched.
 */
export function setFields(item: string, fields: Readonly<Record<string, unknown>>): string {
  const lines = new LineCounter();
  const doc = parseDocument(item, { lineCounter: lines });
  const seq = doc.contents;
  const map = isSeq(seq) ? seq.items[0] : undefined;
  if (doc.errors.length || !isMap(map) || map.flow) {
    // Not a block map we can edit line by line: write the item afresh from its value.
    const value = { ...((isSeq(seq) ? (seq.toJSON() as unknown[])[0] : {}) as object), ...fields };
    for (const [k, v] of Object.entries(fields))
      if (v === undefined) delete (value as Record<string, unknown>)[k];
    return stringify([value], { lineWidth: 0, flowCollectionPadding: false });
  }
  let out = item.endsWith("\n") ? item : `${item}\n`;
  const pairs = map.items.map((p) => ({
    key: isScalar(p.key) ? String(p.key.value) : "",
    start: lineStart(out, (p.key as { range?: [number, number, number] }).range?.[0] ?? 0),
  }));
  /** Where a field's lines end: at the next field, less the comment lines right above it. */
  const endBefore = (next: number | undefined) => {
    if (next === undefined) return out.trimEnd().length + 1;
    let end = next;
    while (end > 0 && /^\s*#/.test(out.slice(lineStart(out, end - 1), end))) end = lineStart(out, end - 1);
    return end;
  };
  const spans = pairs.map((p, i) => ({ ...p, end: endBefore(pairs[i + 1]?.start) }));
  const toAdd = Object.keys(fields).filter((k) => !pairs.some((p) => p.key === k));
  // From the last field up, so the offsets of those above stay valid.
  for (const span of [...spans].reverse()) {
    if (!(span.key in fields)) continue;
    const value = fields[span.key];
    const first = span.start === 0 && out.startsWith("- ");
    let replacement = value === undefined ? "" : fieldLines(span.key, value);
    if (first && replacement) replacement = `- ${replacement.slice(2)}`;
    else if (first) throw new ListShapeError(`cannot remove the first field (${span.key}) of an item`);
    out = out.slice(0, span.start) + replacement + out.slice(Math.min(span.end, out.length));
  }
  const added = toAdd
    .filter((k) => fields[k] !== undefined)
    .map((k) => fieldLines(k, fields[k]))
    .join("");
  return `${out.trimEnd()}\n${added}`;
}

/** An item's text as a curator edits it on its own: without the dash, keys at column 0. */
export function itemToMapping(item: string): string {
  let seen = false;
  return item
    .split("\n")
    .map((l) => {
      if (!seen && /^- /.test(l)) {
        seen = true;
        return l.slice(2);
      }
      return seen && l.startsWith("  ") ? l.slice(2) : l;
    })
    .join("\n");
}

/** The reverse of `itemToMapping`: a mapping written on its own as a list item, line for line. */
export function mappingToItem(mapping: string): string {
  let seen = false;
  return mapping
    .split("\n")
    .map((l) => {
      if (l.trim() === "") return l;
      if (!seen && !/^\s*#/.test(l)) {
        seen = true;
        return `- ${l}`;
      }
      return seen ? `  ${l}` : l;
    })
    .join("\n");
}
