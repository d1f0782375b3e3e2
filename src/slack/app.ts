/**
 * Builds the Bolt app: one place, whatever the transport. The receiver (HTTP, Socket Mode or the
 * local chat) is handed in; listeners and middleware never know which one delivered a request.
 */
import { App, LogLevel, type Receiver, type webApi } from "@slack/bolt";
import { observedSlackFetch } from "../telemetry/slack-fetch.js";
import { boltLogger } from "./bolt-logger.js";
import type { SlackDeps } from "./deps.js";
import { handleErrors } from "./errors.js";
import { Inflight } from "./inflight.js";
import { register as registerActions } from "./listeners/actions/index.js";
import { register as registerAssistant } from "./listeners/assistant/index.js";
import { register as registerCommands } from "./listeners/commands/index.js";
import { register as registerEvents } from "./listeners/events/index.js";
import { register as registerFunctions } from "./listeners/functions/index.js";
import { register as registerHome } from "./listeners/home/index.js";
import { register as registerShortcuts } from "./listeners/shortcuts/index.js";
import { register as registerViews } from "./listeners/views/index.js";
import { dedupeEvents } from "./middleware/dedupe.js";
import { logFields } from "./middleware/log-fields.js";
import { rememberOrgTeams } from "./middleware/org-teams.js";
import { trackInflight } from "./middleware/track.js";
import { ackUnhandled } from "./middleware/unhandled.js";
import { retryPolicy } from "./retry.js";

/** Who the bot is, from `auth.test` (or made up for the local chat). */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/** What it takes to build the app. */
export interface SlackAppOptions {
  deps: SlackDeps;
  receiver: Receiver;
  /** The one workspace's token; absent in OAuth mode, where the receiver's installer authorizes each request. */
  botToken?: string;
  bot?: BotIdentity;
  /** Web API base URL (`SLACK_API_URL`); Slack's own when unset. */
  apiUrl?: string;
  /** Overrides for the Web API retry policy (tests shorten the back-off). */
  retry?: Partial<webApi.RetryOptions>;
}

/** The built app and the counter shutdown waits on. */
export interface SlackApp {
  app: App;
  inflight: Inflight;
}

/** Builds the Bolt app with every listener registered on it. */
export function createSlackApp(o: SlackAppOptions): SlackApp {
  const { deps } = o;
  const level = deps.config.logLevel as LogLevel;
  const app = new App({
    receiver: o.receiver,
    ...(o.botToken ? { token: o.botToken } : {}),
    ...(o.bot ? { botId: o.bot.botId, botUserId: o.bot.botUserId } : {}),
    // The identity was checked once at start (or is the local chat's); no auth.test per request.
    tokenVerificationEnabled: false,
    logger: boltLogger(deps.logger, level ?? LogLevel.INFO),
    extendedErrorHandler: true,
    convoStore: false,
    clientOptions: {
      ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}),
      retryConfig: retryPolicy(o.retry),
      timeout: 15_000,
      rejectRateLimitedCalls: false,
      ...(deps.telemetry ? { fetch: observedSlackFetch(deps.telemetry.metrics) } : {}),
    },
  });
  const inflight = new Inflight();
  app.use(logFields(deps.core));
  app.use(trackInflight(inflight));
  app.use(dedupeEvents(deps));
  // The assistant panel's middleware takes its threads' messages before the DM listener sees them.
  registerAssistant(app, deps);
  if (deps.installations) app.use(rememberOrgTeams(deps.installations, deps.logger, deps.now));
  registerEvents(app, deps);
  registerFunctions(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerHome(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  handleErrors(app, deps.logger);
  ackUnhandled(app, deps.logger, (type) => deps.telemetry?.metrics.recordUnhandledRequest(type));
  return { app, inflight };
}
