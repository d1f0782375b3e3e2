/**
 * Hiding secrets in feed addresses before they are logged or printed: a `user:password@` part and
 * the values of query parameters that look like credentials (token, key, secret, signature …).
 */

/** Query parameter names whose values are treated as secrets. */
const SECRET_PARAM = /token|key|secret|pass|auth|sig|session|sid|credential|jwt|bearer|code/i;
const HIDDEN = "[redacted]";

/** The address with credentials and secret-looking query values replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL we can take apart: still hide anything shaped like user:password@.
    return url.replace(/\/\/[^/@\s]*@/g, `//${HIDDEN}@`);
  }
  const hadCredentials = parsed.username !== "" || parsed.password !== "";
  parsed.username = "";
  parsed.password = "";
  let query = "";
  if (parsed.search) {
    query = `?${parsed.search
      .slice(1)
      .split("&")
      .map((pair) => {
        const eq = pair.indexOf("=");
        const name = eq < 0 ? pair : pair.slice(0, eq);
        return eq >= 0 && SECRET_PARAM.test(decodeURIComponentSafe(name)) ? `${name}=${HIDDEN}` : pair;
      })
      .join("&")}`;
    parsed.search = "";
  }
  const text = parsed.toString();
  const at = text.indexOf("//") + 2;
  const withAuth = hadCredentials ? `${text.slice(0, at)}${HIDDEN}@${text.slice(at)}` : text;
  const hash = withAuth.indexOf("#");
  return hash < 0 ? withAuth + query : withAuth.slice(0, hash) + query + withAuth.slice(hash);
}

/** Every http(s) address in a piece of text (an error message, say), redacted. */
export function redactUrlsIn(text: string): string {
  return text.replace(/https?:\/\/[^\s"'<>]+/gi, (u) => redactUrl(u));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
