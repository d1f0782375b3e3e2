/**
 * The daily briefing wired to Slack: composing content with Block Kit, the poster, the default
 * subscription from configuration, and the scheduler on the system clock. `main.ts` calls
 * `startBriefings` in socket/http mode and `stop()` on shutdown; the local chat calls it with its
 * loopback as the Slack API (local/background.ts).
 */
import { hostname } from "node:os";
import type { Core } from "../answer/types.js";
import { buildBriefing } from "../briefing/content.js";
import { applyDefaultSubscription } from "../briefing/defaults.js";
import {
  type BriefingScheduler,
  type ComposeBriefing,
  createScheduler,
  type SchedulerClock,
} from "../briefing/scheduler.js";
import type { Config } from "../config.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import type { Logger } from "../log.js";
import type { BriefingLedger, SubscriptionStore } from "../store/types.js";
import type { Telemetry } from "../telemetry/index.js";
import { recentCheck } from "../telemetry/readiness.js";
import { observedSlackFetch } from "../telemetry/slack-fetch.js";
import { briefingMessage } from "./blocks/briefing.js";
import { briefingAdminNotice } from "./briefing-admin.js";
import { createBriefingPoster } from "./briefing-poster.js";

/** The knowledge a briefing is built from: the current knowledge base and the core over it. */
export type BriefingKnowledge = () => { kb: KnowledgeBase; core: Core };

/** Composes a channel's briefing as a Slack message from the current knowledge. */
export function slackBriefingComposer(knowledge: BriefingKnowledge): ComposeBriefing {
  return ({ localDate, now, previous }) => {
    const { kb, core } = knowledge();
    const content = buildBriefing({ kb, core, now, localDate, ...(previous ? { previous } : {}) });
    return { content, message: briefingMessage(content) };
  };
}

/** The real clock, for production. */
export const systemClock: SchedulerClock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

/** Applies the default subscription and starts the scheduler; returns it so it can be stopped. */
export async function startBriefings(options: {
  config: Config;
  store: SubscriptionStore & BriefingLedger;
  knowledge: BriefingKnowledge;
  logger: Logger;
  clock?: SchedulerClock;
  /** Counts each tick's briefings and adds the "scheduler ticked recently" readiness check. */
  telemetry?: Telemetry;
  /** The gap between ticks (default 30 s); readiness allows four gaps without a tick. */
  tickMs?: number;
  /** OAuth mode: a workspace's bot token (each channel's briefing is posted with its team's). */
  botTokenForTeam?: (teamId: string) => Promise<string | undefined>;
}): Promise<BriefingScheduler> {
  const { config, store, logger, botTokenForTeam } = options;
  const clock = options.clock ?? systemClock;
  const botToken = config.slack.botToken;
  if (!botToken && !botTokenForTeam) throw new Error("briefings need SLACK_BOT_TOKEN");
  const tokenFor = botTokenForTeam
    ? async (channelId: string) => {
        const teamId = (await store.getSubscription(channelId))?.teamId;
        // A subscription without a team (DEFAULT_SUBSCRIPTION_CHANNEL) uses SLACK_BOT_TOKEN, if set.
        return teamId ? botTokenForTeam(teamId) : botToken;
      }
    : undefined;
  const def = await applyDefaultSubscription(store, config, clock.now());
  if (def) logger.info(`default briefing subscription: ${def.channelId} at ${def.time} ${def.timeZone}`);
  const { telemetry } = options;
  const fetch = telemetry ? observedSlackFetch(telemetry.metrics) : undefined;
  const apiUrl = config.slack.apiUrl;
  const tickMs = options.tickMs ?? 30_000;
  let lastTick: Date | undefined;
  telemetry?.readiness.add(
    "scheduler",
    recentCheck(
      "the briefing scheduler",
      () => lastTick,
      4 * tickMs + 60_000,
      () => clock.now(),
    ),
  );
  const scheduler = createScheduler({
    store,
    poster: createBriefingPoster({
      ...(tokenFor ? { tokenFor } : { botToken }),
      ...(apiUrl ? { apiUrl } : {}),
      ...(fetch ? { fetch } : {}),
      logger,
    }),
    tickMs,
    onTick: (report, at) => {
      lastTick = at;
      telemetry?.metrics.recordBriefingTick(report);
    },
    ...(config.adminChannelId && botToken
      ? {
          onGiveUp: briefingAdminNotice({
            botToken,
            channel: config.adminChannelId,
            logger,
            ...(apiUrl ? { apiUrl } : {}),
            ...(fetch ? { fetch } : {}),
          }),
        }
      : {}),
    compose: slackBriefingComposer(options.knowledge),
    clock,
    logger,
    instanceId: `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    graceMinutes: config.briefingGraceMinutes,
  });
  scheduler.start();
  return scheduler;
}
