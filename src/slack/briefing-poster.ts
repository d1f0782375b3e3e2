/**
 * Posts briefings with `chat.postMessage` through a Web API client of its own: no automatic
 * retries and rate limits rejected rather than waited out, so the scheduler — which owns the
 * ledger — decides every retry. Failures are classified for it (see `PostFailure`): only Slack's
 * own refusals count as "not posted"; a timeout, a dropped connection or a 5xx is an unknown
 * outcome, which the scheduler never re-sends.
 */
import { webApi } from "@slack/bolt";
import { type BriefingMessage, type BriefingPoster, PostError } from "../briefing/poster.js";
import type { Logger } from "../log.js";
import { boltLogger } from "./bolt-logger.js";

/** Errors that mean the request never left this machine, so nothing can have been posted. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/** Slack errors that mean "this channel will not take our message" until someone acts. */
const CHANNEL_GONE: Record<string, "not_in_channel" | "channel_not_found" | "archived"> = {
  not_in_channel: "not_in_channel",
  channel_not_found: "channel_not_found",
  is_archived: "archived",
};

/** Slack errors after which the message may exist anyway ("some aspect of the operation succeeded"). */
const MAYBE_POSTED = new Set(["fatal_error", "internal_error", "request_timeout", "service_unavailable"]);

/**
 * A poster for the bot token, or, in OAuth mode, for each channel's workspace token (`tokenFor`);
 * `apiUrl` points at a fake Slack in tests.
 */
export function createBriefingPoster(options: {
  botToken?: string;
  /** OAuth mode: the bot token of the channel's workspace; undefined when it is not installed there. */
  tokenFor?: (channelId: string) => Promise<string | undefined>;
  apiUrl?: string;
  logger: Logger;
  /** The fetch the client uses (the metrics' observed one); the global fetch by default. */
  fetch?: webApi.FetchFunction;
}): BriefingPoster {
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 30_000,
    logger: boltLogger(options.logger),
  });
  return {
    async post(channelId: string, message: BriefingMessage) {
      let token: string | undefined;
      if (options.tokenFor) {
        try {
          token = await options.tokenFor(channelId);
        } catch (err) {
          throw new PostError("rejected", `no usable token for ${channelId}: ${String(err)}`, undefined, {
            cause: err,
          });
        }
        // Never sent, so never posted: the workspace uninstalled the app.
        if (!token) throw new PostError("rejected", `the app is not installed in ${channelId}'s workspace`);
      }
      try {
        const res = await client.chat.postMessage({
          ...(token ? { token } : {}),
          channel: channelId,
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks as (webApi.KnownBlock | webApi.Block)[] } : {}),
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!res.ts) throw new PostError("unknown_outcome", "chat.postMessage returned no ts");
        return { ts: res.ts };
      } catch (err) {
        throw classify(err);
      }
    },
  };
}

/** Turns a Web API client error into a PostError. */
export function classify(err: unknown): PostError {
  if (err instanceof PostError) return err;
  const e = err as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    original?: unknown;
    message?: string;
  };
  const message = e?.message ?? String(err);
  switch (e?.code) {
    case "slack_webapi_rate_limited_error":
      return new PostError("rate_limited", message, e.retryAfter, { cause: err });
    case "slack_webapi_platform_error": {
      const code = e.data?.error ?? "unknown";
      const gone = CHANNEL_GONE[code];
      if (gone) return new PostError(gone, code, undefined, { cause: err });
      if (code === "ratelimited") return new PostError("rate_limited", code, 30, { cause: err });
      return new PostError(MAYBE_POSTED.has(code) ? "unknown_outcome" : "rejected", code, undefined, {
        cause: err,
      });
    }
    case "slack_webapi_http_error":
      return new PostError(
        (e.statusCode ?? 500) >= 500 ? "unknown_outcome" : "rejected",
        message,
        undefined,
        {
          cause: err,
        },
      );
    case "slack_webapi_request_error":
      return new PostError(
        NEVER_SENT.has(causeCode(e.original) ?? "") ? "rejected" : "unknown_outcome",
        message,
        undefined,
        {
          cause: err,
        },
      );
    default:
      return new PostError("unknown_outcome", message, undefined, { cause: err });
  }
}

function causeCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && !code.startsWith("slack_webapi")) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
