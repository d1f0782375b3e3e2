/**
 * A `fetch` for the Slack Web API clients that counts every call by method and outcome, so
 * `/metrics` shows Slack API errors and 429s whichever client made the call (Bolt's, the briefing
 * poster's, the curators' notices). It only reads a copy of the answer; the client gets it intact.
 */
import type { webApi } from "@slack/bolt";
import type { Metrics } from "./metrics.js";

/** Wraps `base` (the global fetch by default) to record each Web API call in `metrics`. */
export function observedSlackFetch(
  metrics: Pick<Metrics, "recordSlackCall">,
  base: webApi.FetchFunction = globalThis.fetch as unknown as webApi.FetchFunction,
): webApi.FetchFunction {
  return async (url, init) => {
    const method = methodOf(url);
    let res: Awaited<ReturnType<webApi.FetchFunction>>;
    try {
      res = await base(url, init);
    } catch (err) {
      metrics.recordSlackCall(method, "network");
      throw err;
    }
    if (res.status === 429) metrics.recordSlackCall(method, "rate_limited");
    else if (res.status !== 200) metrics.recordSlackCall(method, `http_${res.status}`);
    else metrics.recordSlackCall(method, await outcomeOf(res));
    return res;
  };
}

/** `chat.postMessage` from `https://slack.com/api/chat.postMessage`. */
function methodOf(url: string | URL): string {
  const path = new URL(String(url), "http://localhost").pathname;
  const method = path.slice(path.lastIndexOf("/") + 1);
  return /^[A-Za-z][\w.]*$/.test(method) ? method : "unknown";
}

async function outcomeOf(res: Awaited<ReturnType<webApi.FetchFunction>>): Promise<string> {
  const copy = res as unknown as Partial<Pick<Response, "clone">>;
  if (typeof copy.clone !== "function") return "unreadable";
  try {
    const body = (await copy.clone().json()) as { ok?: boolean; error?: unknown };
    if (body.ok) return "ok";
    return typeof body.error === "string" && /^[a-z_]+$/.test(body.error) ? body.error : "error";
  } catch {
    return "unreadable";
  }
}
