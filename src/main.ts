/**
 * The one composition root: configuration → knowledge → core → store → Slack → start.
 *
 * - No Slack credentials: a local chat in the terminal, through the same Bolt app and listeners.
 * - SLACK_BOT_TOKEN + SLACK_APP_TOKEN: Socket Mode.
 * - SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (+ PORT): HTTP on /slack/events, health on /healthz.
 * - SLACK_CLIENT_ID + SLACK_CLIENT_SECRET (+ SLACK_SIGNING_SECRET, SLACK_STATE_SECRET,
 *   TOKEN_ENCRYPTION_KEY): HTTP for any workspace, installed on /slack/install (docs/slack.md).
 *
 * SIGTERM/SIGINT stop taking requests, let replies in progress finish, then exit.
 * With FEEDS set, new articles from those feeds are added to the knowledge folder as sources
 * with drafted claims (docs/feeds.md); polling stops before the store closes.
 * With CURATOR_CHANNEL_ID set (Slack modes), new drafts are posted there for review, and once a
 * day the claims whose review_by date has passed (docs/keeping-current.md).
 */
import { existsSync } from "node:fs";
import { webApi } from "@slack/bolt";
import { createCoreInSteps, createServedCore } from "./answer/core-steps.js";
import { type Config, ConfigError, configSecrets, loadConfig } from "./config.js";
import { knowledgeIngest } from "./feeds/ingest.js";
import type { FeedPoller } from "./feeds/poller.js";
import { feedPollerFor } from "./feeds/start.js";
import { KnowledgeHolder } from "./knowledge/holder.js";
import { KnowledgeError, loadKnowledge } from "./knowledge/index.js";
import { watchKnowledge } from "./knowledge/watch.js";
import { createLogger, type Logger } from "./log.js";
import { installProcessGuards } from "./process-guards.js";
import { startBriefings } from "./slack/briefings.js";
import { type CuratorNotices, createCuratorNotices } from "./slack/curator-notices.js";
import type { SlackDeps } from "./slack/deps.js";
import { escapeEntities } from "./slack/escape.js";
import { SlackStartError } from "./slack/identify.js";
import { runLocalChat } from "./slack/local/chat.js";
import { postMessage } from "./slack/post.js";
import { retryPolicy } from "./slack/retry.js";
import { startSlack } from "./slack/start.js";
import { startWatchNotices } from "./slack/watch-notices.js";
import { StoreError } from "./store/errors.js";
import { openConfiguredStore } from "./store/open.js";
import type { Store } from "./store/types.js";
import { createTelemetry, type Telemetry } from "./telemetry/index.js";
import { storeCheck } from "./telemetry/readiness.js";
import { observedSlackFetch } from "./telemetry/slack-fetch.js";

/** Milliseconds shutdown waits for replies in progress. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Set while serving: asks `serve` to drain and stop (an uncaught exception). */
let requestStop: ((reason: string) => void) | undefined;

async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      return 2;
    }
    throw err;
  }
  // In the local chat, log lines are printed around the prompt rather than over it.
  let printer: ((write: () => void) => void) | undefined;
  // Every line carries the knowledge version being served, once there is one.
  let servedVersion: (() => string) | undefined;
  const logger = createLogger(
    config.logLevel,
    (line) => {
      const write = () => process.stderr.write(`${line}\n`);
      if (printer) printer(write);
      else write();
    },
    {
      format: config.logFormat,
      fields: () => ({ kbVersion: servedVersion?.() }),
      secrets: configSecrets(config),
    },
  );
  const telemetry = createTelemetry();
  installProcessGuards({
    logger,
    count: (fault) => telemetry.metrics.recordProcessFault(fault),
    stop: (reason) => (requestStop ? requestStop(reason) : process.exit(1)),
  });
  let kb: ReturnType<typeof loadKnowledge>;
  try {
    kb = loadKnowledge(config.knowledgeDir);
  } catch (err) {
    if (err instanceof KnowledgeError) {
      process.stderr.write(`The knowledge base in ${config.knowledgeDir} has problems:\n${err.format()}\n`);
      return 1;
    }
    throw err;
  }
  // One Core for every surface; hot reload swaps the knowledge behind it in one assignment.
  const core = new KnowledgeHolder(kb, createServedCore, createCoreInSteps);
  let store: Store;
  try {
    // With PostgreSQL, waits (logging why) until the server can be reached.
    store = await openConfiguredStore(config, { logger });
  } catch (err) {
    if (err instanceof StoreError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  servedVersion = () => core.kbVersion();
  // The probe is one indexed lookup; it throws (or, with an async store, rejects) when the database does not answer.
  telemetry.readiness.add(
    "store",
    storeCheck(() => store.getSubscription("readiness-probe")),
  );
  const refusedNotice = adminNotice(config, core, logger, telemetry);
  // Started once nothing else can fail, so a failed start never leaves a watcher holding the process open.
  const watcher = config.watchKnowledge
    ? watchKnowledge({
        dir: config.knowledgeDir,
        holder: core,
        log: logger,
        ...(refusedNotice ? { onRejected: refusedNotice } : {}),
        // Every reload that served new knowledge, and every change refused (the notice is sent once per problem set).
        onReload: (result) => {
          if (result.outcome === "reloaded") telemetry.metrics.recordKnowledge("reloaded");
          if (result.outcome === "rejected") telemetry.metrics.recordKnowledge("refused");
        },
      })
    : undefined;
  const notices = curatorNotices(config, store, core, logger, telemetry);
  // Drafts reach the folder from `kb add-source` or the feeds; each reload (and each ingest) posts the new ones.
  core.onSwap(() => void notices?.postNewDrafts());
  const ingest = knowledgeIngest(config.knowledgeDir);
  const feeds = config.feeds.urls.length
    ? feedPollerFor({
        config,
        store,
        logger,
        onPoll: (report) => telemetry.metrics.recordFeedPoll(report),
        ingest: async (article) => {
          const added = await ingest(article);
          void notices?.postNewDrafts();
          return added;
        },
      })
    : undefined;
  const deps: SlackDeps = {
    core,
    store,
    logger,
    now: () => new Date(),
    config,
    telemetry,
    briefings: { store, knowledge: () => core.snapshot().kb },
    watches: { store, knowledge: () => core.snapshot().kb },
    ...(config.slack.oauth ? { installations: store } : {}),
    review: {
      dir: config.knowledgeDir,
      ...(watcher ? { reload: () => void watcher.reload() } : {}),
      served: () => core.snapshot().kb,
    },
  };
  logger.info(
    `knowledge ${kb.version}: ${kb.claims.length} claims from ${kb.sources.size} sources; mode ${config.mode}`,
  );
  feeds?.start();
  try {
    if (config.mode === "local") {
      await runLocalChat({
        deps,
        input: process.stdin,
        output: process.stdout,
        onPrinter: (p) => {
          printer = p;
        },
      });
      return 0;
    }
    return await serve(deps, logger, feeds, notices);
  } finally {
    // Already stopped in the SIGTERM drain; here for the local chat and for a failed start.
    await feeds?.stop();
    await notices?.stop();
    watcher?.close();
    await store.close();
  }
}

/** Posts a refused knowledge change to ADMIN_CHANNEL_ID, when one is configured (the log has it either way). */
function adminNotice(config: Config, core: KnowledgeHolder, logger: Logger, telemetry: Telemetry) {
  const { botToken, apiUrl } = config.slack;
  const channel = config.adminChannelId;
  if (!botToken || !channel) return undefined;
  const client = new webApi.WebClient(botToken, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    fetch: observedSlackFetch(telemetry.metrics),
  });
  return async (problems: string[]) => {
    const text = `A knowledge change was refused; I keep answering from version ${core.kbVersion()}. Fix these and save again:\n\`\`\`\n${escapeEntities(problems.join("\n"))}\n\`\`\``;
    await postMessage(client, { channel, text }, logger);
  };
}

/** The curators' channel notices, in the Slack modes when CURATOR_CHANNEL_ID is set. */
function curatorNotices(
  config: Config,
  store: Store,
  core: KnowledgeHolder,
  logger: Logger,
  telemetry: Telemetry,
): CuratorNotices | undefined {
  const { botToken, apiUrl } = config.slack;
  if (config.mode === "local" || !botToken || !config.curators.channelId) return undefined;
  const client = new webApi.WebClient(botToken, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: retryPolicy(),
    fetch: observedSlackFetch(telemetry.metrics),
  });
  return createCuratorNotices({
    config,
    store,
    client,
    logger,
    dir: config.knowledgeDir,
    knowledge: () => core.snapshot().kb,
    now: () => new Date(),
  });
}

/** Runs until SIGTERM or SIGINT, then drains and returns the exit code. */
async function serve(
  deps: SlackDeps,
  logger: Logger,
  feeds?: FeedPoller,
  notices?: CuratorNotices,
): Promise<number> {
  let slack: Awaited<ReturnType<typeof startSlack>>;
  try {
    slack = await startSlack(deps);
  } catch (err) {
    if (err instanceof SlackStartError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const b = deps.briefings;
  const briefings = b
    ? await startBriefings({
        config: deps.config,
        store: b.store,
        knowledge: () => ({ kb: b.knowledge(), core: deps.core }),
        logger,
        ...(deps.telemetry ? { telemetry: deps.telemetry } : {}),
        ...(slack.botTokenForTeam ? { botTokenForTeam: slack.botTokenForTeam } : {}),
      })
    : undefined;
  notices?.start();
  // Each knowledge reload (and this start) posts what changed about the watched topics, once.
  const { botToken, apiUrl } = deps.config.slack;
  const holder = deps.core instanceof KnowledgeHolder ? deps.core : undefined;
  const w = deps.watches;
  const watches =
    (botToken || slack.botTokenForTeam) && holder && w
      ? startWatchNotices({
          store: w.store,
          ...(botToken ? { botToken } : {}),
          ...(slack.botTokenForTeam ? { botTokenForTeam: slack.botTokenForTeam } : {}),
          ...(apiUrl ? { apiUrl } : {}),
          logger,
          knowledge: () => holder.snapshot().kb,
          onSwap: (listener) => holder.onSwap(listener),
        })
      : undefined;
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
    requestStop = resolve;
  });
  logger.info(`${signal}: finishing replies in progress, then exiting`);
  await briefings?.stop();
  await watches?.close();
  await feeds?.stop();
  await notices?.stop();
  await slack.stop(SHUTDOWN_GRACE_MS);
  logger.info("stopped");
  return signal.startsWith("SIG") ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tradebot failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
