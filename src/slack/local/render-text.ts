/**
 * Block Kit rendered as readable terminal text, from the same blocks Slack would show: headers
 * underlined, quotes indented with a bar, context lines dimmed into one line, buttons numbered so
 * the local chat can "click" them by number. Mentions read as names when `names` knows the id.
 */
import { type MentionNames, nameBareIds } from "./workspace.js";

/** A button as rendered, numbered from 1 within a message. */
export interface RenderedButton {
  n: number;
  actionId: string;
  value: string;
  text: string;
  /** The element type a click reports: `button`, or `feedback_buttons` for either of those two. */
  type?: "button" | "feedback_buttons";
}

/** A rendered message: the text and its buttons. */
export interface Rendered {
  text: string;
  buttons: RenderedButton[];
}

type Obj = Record<string, unknown>;

/** Renders a message's blocks (or its `text` when it has none) for the terminal. */
export function renderMessage(
  message: { text?: unknown; blocks?: unknown },
  firstButton = 1,
  names?: MentionNames,
): Rendered {
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Obj[]) : [];
  if (!blocks.length) return { text: mrkdwnToText(String(message.text ?? ""), names), buttons: [] };
  const text = (s: string) => mrkdwnToText(s, names);
  const buttons: RenderedButton[] = [];
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case "header": {
        const t = nameBareIds(plain(b.text), names);
        lines.push(t, "═".repeat(Math.min(t.length, 60)));
        break;
      }
      case "section": {
        const t = b.text as Obj | undefined;
        if (t) lines.push(text(String(t.text ?? "")));
        for (const f of (b.fields as Obj[] | undefined) ?? []) lines.push(text(String(f.text ?? "")));
        break;
      }
      case "context": {
        const parts = ((b.elements as Obj[] | undefined) ?? [])
          .map((e) =>
            e.type === "plain_text" ? nameBareIds(String(e.text ?? ""), names) : text(String(e.text ?? "")),
          )
          .filter(Boolean);
        // "@U1 asked:" and the question it introduces read as one phrase; other parts are separate.
        lines.push(
          `  ${parts.map((p, i) => (i === 0 ? p : parts[i - 1]?.endsWith(":") ? ` ${p}` : ` · ${p}`)).join("")}`,
        );
        break;
      }
      case "rich_text": {
        for (const el of (b.elements as Obj[] | undefined) ?? []) {
          const text = ((el.elements as Obj[] | undefined) ?? []).map((t) => String(t.text ?? "")).join("");
          const shown = stripEmoji(text).replace(/\u200b/g, "");
          lines.push(
            el.type === "rich_text_quote"
              ? shown
                  .split("\n")
                  .map((l) => `  │ ${l}`)
                  .join("\n")
              : shown,
          );
        }
        break;
      }
      case "context_actions": {
        const parts: string[] = [];
        for (const el of (b.elements as Obj[] | undefined) ?? []) {
          if (el.type !== "feedback_buttons") continue;
          for (const side of [el.positive_button, el.negative_button] as (Obj | undefined)[]) {
            if (!side) continue;
            const n = firstButton + buttons.length;
            const text = plain(side.text);
            const value = String(side.value ?? "");
            buttons.push({ n, actionId: String(el.action_id ?? ""), value, text, type: "feedback_buttons" });
            parts.push(`[${n}] ${text}`);
          }
        }
        if (parts.length) lines.push(`  ${parts.join("   ")}`);
        break;
      }
      case "divider":
        lines.push("─".repeat(40));
        break;
      case "actions": {
        const parts: string[] = [];
        for (const el of (b.elements as Obj[] | undefined) ?? []) {
          if (el.type !== "button") continue;
          const n = firstButton + buttons.length;
          const text = plain(el.text);
          buttons.push({ n, actionId: String(el.action_id ?? ""), value: String(el.value ?? ""), text });
          parts.push(`[${n}] ${text}`);
        }
        if (parts.length) lines.push(`  ${parts.join("   ")}`);
        break;
      }
      default:
        break;
    }
  }
  return { text: lines.join("\n"), buttons };
}

function plain(t: unknown): string {
  return stripEmoji(decode(String((t as Obj | undefined)?.text ?? "")));
}

/**
 * Slack mrkdwn as plain terminal text: links spelled out, markup and emoji codes dropped, mentions
 * as names (`names`, else the mention's own label, else the id) as Slack shows them.
 */
export function mrkdwnToText(s: string, names?: MentionNames): string {
  const mentioned = s
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/<(https?:[^>]+)>/g, "$1")
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, label?: string) => userName(id, label, names))
    .replace(/<#([A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, label?: string) =>
      channelName(id, label, names),
    )
    .replace(/<!([a-z]+)[^>]*>/g, "@$1");
  // After the mentions, so `<@U…>` is named once, not as a bare id inside its brackets.
  const linked = nameBareIds(mentioned, names);
  const unstyled = linked
    .replace(/(^|[\s(“"'])\*([^*\n]+)\*(?=$|[\s).,:;!?”"'])/g, "$1$2")
    .replace(/(^|[\s(“"'])_([^_\n]+)_(?=$|[\s).,:;!?”"'])/g, "$1$2")
    .replace(/`([^`\n]+)`/g, "$1");
  const quoted = unstyled
    .split("\n")
    .map((l) => l.replace(/^(?:>|&gt;) ?/, "  │ "))
    .join("\n");
  return stripEmoji(decode(quoted)).replace(/\u200b/g, "");
}

function userName(id: string, label: string | undefined, names: MentionNames | undefined): string {
  return names?.user(id) ?? `@${label ?? id}`;
}

function channelName(id: string, label: string | undefined, names: MentionNames | undefined): string {
  return names?.channel(id) ?? `#${label ?? id}`;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function stripEmoji(s: string): string {
  return s.replace(/:[a-z][a-z0-9_+-]*: ?/g, "");
}
