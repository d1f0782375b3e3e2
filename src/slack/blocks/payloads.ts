/**
 * What buttons carry in their `value`, encoded and decoded in one place. Values are capped at
 * 2,000 characters by Slack, so questions are shortened to fit.
 */

/** What a feedback click records. */
export interface FeedbackValue {
  question: string;
  entryIds: string[];
  kbVersion: string;
  /** Which of the native feedback buttons carries it; the old separate buttons leave it out. */
  helpful?: boolean;
}

/** What "Share in channel" re-renders for everyone. */
export type ShareValue =
  | { kind: "ask"; question: string }
  | { kind: "entry"; entryId: string; question: string }
  | { kind: "status" }
  | { kind: "timeline" }
  | { kind: "sources" };

const QUESTION_MAX = 1200;
/** Slack's limit on a button value. */
const VALUE_MAX = 2000;

/**
 * JSON with the question shortened until the whole value fits: escaping (quotes, backslashes,
 * control characters) can make the JSON much longer than the question, and a value cut by length
 * would no longer parse.
 */
function fitting(question: string, encode: (q: string) => string): string {
  let q = question.slice(0, QUESTION_MAX);
  let json = encode(q);
  while (json.length > VALUE_MAX && q.length > 0) {
    q = q.slice(0, Math.floor(q.length * 0.8));
    json = encode(q);
  }
  return json;
}

/** Encodes feedback for a button value. */
export function encodeFeedback(v: FeedbackValue): string {
  const h = v.helpful === undefined ? {} : { h: v.helpful ? 1 : 0 };
  return fitting(v.question, (q) => JSON.stringify({ q, e: v.entryIds.slice(0, 10), v: v.kbVersion, ...h }));
}

/** Decodes a feedback button value; undefined when it is not one of ours. */
export function decodeFeedback(value: string | undefined): FeedbackValue | undefined {
  const o = parse(value);
  if (!o || typeof o.q !== "string" || !Array.isArray(o.e) || typeof o.v !== "string") return undefined;
  return {
    question: o.q,
    entryIds: o.e.filter((x): x is string => typeof x === "string"),
    kbVersion: o.v,
    ...(o.h === 1 || o.h === 0 ? { helpful: o.h === 1 } : {}),
  };
}

/** Encodes what to share for a button value. */
export function encodeShare(v: ShareValue): string {
  if (v.kind === "ask") return fitting(v.question, (q) => JSON.stringify({ k: "ask", q }));
  if (v.kind === "entry") return fitting(v.question, (q) => JSON.stringify({ k: "entry", id: v.entryId, q }));
  return JSON.stringify({ k: v.kind });
}

/** Decodes a share button value; undefined when it is not one of ours. */
export function decodeShare(value: string | undefined): ShareValue | undefined {
  const o = parse(value);
  if (!o) return undefined;
  if (o.k === "ask" && typeof o.q === "string") return { kind: "ask", question: o.q };
  if (o.k === "entry" && typeof o.id === "string")
    return { kind: "entry", entryId: o.id, question: typeof o.q === "string" ? o.q : "" };
  if (o.k === "status" || o.k === "timeline" || o.k === "sources") return { kind: o.k };
  return undefined;
}

function parse(value: string | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  try {
    const o: unknown = JSON.parse(value);
    return o && typeof o === "object" ? (o as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
