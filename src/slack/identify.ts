/**
 * Checks the bot token once at start with `auth.test`, so a wrong token is one clear line at
 * start-up, not a failure on the first question.
 */
import { webApi } from "@slack/bolt";
import type { BotIdentity } from "./app.js";
import { platformError } from "./post.js";

/** Thrown when Slack rejects the token or cannot be reached. */
export class SlackStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SlackStartError";
  }
}

/** Who the token belongs to; throws `SlackStartError` with a readable reason. */
export async function identifyBot(botToken: string, apiUrl?: string): Promise<BotIdentity> {
  const client = new webApi.WebClient(botToken, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 2, minTimeout: 500 },
    timeout: 15_000,
  });
  try {
    const res = await client.auth.test();
    if (!res.user_id || !res.bot_id)
      throw new SlackStartError("SLACK_BOT_TOKEN: is not a bot token (auth.test returned no bot id)");
    return { botId: res.bot_id, botUserId: res.user_id };
  } catch (err) {
    if (err instanceof SlackStartError) throw err;
    const code = platformError(err);
    if (code) throw new SlackStartError(`SLACK_BOT_TOKEN: Slack rejected it (${code})`);
    throw new SlackStartError(
      `could not reach Slack at ${apiUrl ?? "https://slack.com/api/"}: ${(err as Error).message}`,
    );
  }
}
