/**
 * Making text safe to post. Slack delivers user text already encoded (`&amp;`, `&lt;`) with
 * mentions as `<!here>`, `<@U123>`; echoing that back would ping people again. User text is first
 * made plain with `slackToPlain`; then everything the app posts, user text or the core's, goes
 * through `safeMrkdwn` (mrkdwn fields) or `safePlain` (plain_text fields).
 */

const ZWSP = "\u200b";

/** Turns Slack-encoded user text into plain, readable, non-pinging text (no `<…>` tokens, entities decoded). */
export function slackToPlain(encoded: string): string {
  const plain = encoded.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = "", label] = splitToken(inner);
    if (target.startsWith("!subteam^")) return `@${stripAt(label ?? "group")}`;
    if (target.startsWith("!date^")) return label ?? "";
    if (target.startsWith("!")) return `@${target.slice(1).split("^")[0]}`;
    if (target.startsWith("@")) return `@${stripAt(label ?? target.slice(1))}`;
    if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
    return label ?? target;
  });
  return decodeEntities(plain);
}

/**
 * Plain text for a mrkdwn field: `&`, `<`, `>` escaped, so no `<!channel>` or link can form, and a
 * plain `@here`/`@channel`/`@everyone` defused too.
 */
export function safeMrkdwn(plain: string): string {
  return defuseAt(escapeEntities(plain));
}

/** Plain text for a plain_text field (button labels, headers): nothing in it can ping. */
export function safePlain(plain: string): string {
  return defuseAt(plain);
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** A zero-width space after `@` keeps `@here` readable but stops any client from linking it. */
function defuseAt(text: string): string {
  return text.replace(/@(?=(?:here|channel|everyone)\b)/gi, `@${ZWSP}`);
}

function splitToken(inner: string): [string, string | undefined] {
  const bar = inner.indexOf("|");
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

function stripAt(label: string): string {
  return label.replace(/^@/, "");
}
