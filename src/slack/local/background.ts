/**
 * What posts into the local chat on its own, as it would into Slack: the daily briefing scheduler
 * (src/briefing/scheduler.ts, with its exactly-once ledger in the store) and the watch notices
 * after each knowledge reload (src/slack/watch-notices.ts). Both are the Slack modes' own, started
 * with the loopback as their Slack: their `chat.postMessage` calls arrive at the loopback Web API
 * and the chat prints them.
 */
import type { BriefingScheduler, SchedulerClock } from "../../briefing/scheduler.js";
import { KnowledgeHolder } from "../../knowledge/holder.js";
import { startBriefings, systemClock } from "../briefings.js";
import type { SlackDeps } from "../deps.js";
import { startWatchNotices } from "../watch-notices.js";

/** The token the background posters use, so the chat can tell their posts from replies. */
export const BACKGROUND_TOKEN = "xoxb-local-background";

/** The running background posters. */
export interface LocalBackground {
  /** Stops the scheduler and the watch notices, after what they are posting now. */
  stop(): Promise<void>;
}

/**
 * Starts the briefing scheduler (when `deps.briefings` is set) and the watch notices (when
 * `deps.watches` is set; checked again after each swap when `deps.core` is a KnowledgeHolder),
 * posting to `apiUrl`. Resolves once the first briefing tick and watch check are done, so what
 * is due at start prints before the first typed line is answered.
 */
export async function startLocalBackground(o: {
  deps: SlackDeps;
  apiUrl: string;
  clock?: SchedulerClock;
  /** The gap between scheduler ticks (default 30 s). */
  tickMs?: number;
}): Promise<LocalBackground> {
  const { deps, apiUrl } = o;
  const clock = o.clock ?? systemClock;
  const b = deps.briefings;
  let scheduler: BriefingScheduler | undefined;
  if (b) {
    // The local chat's Slack is the loopback: the scheduler gets it as its bot token and API URL.
    const config = { ...deps.config, slack: { ...deps.config.slack, botToken: BACKGROUND_TOKEN, apiUrl } };
    scheduler = await startBriefings({
      config,
      store: b.store,
      knowledge: () => ({ kb: b.knowledge(), core: deps.core }),
      logger: deps.logger,
      clock,
      ...(o.tickMs ? { tickMs: o.tickMs } : {}),
    });
  }
  const w = deps.watches;
  const holder = deps.core instanceof KnowledgeHolder ? deps.core : undefined;
  const watches = w
    ? startWatchNotices({
        store: w.store,
        botToken: BACKGROUND_TOKEN,
        apiUrl,
        logger: deps.logger,
        knowledge: w.knowledge,
        onSwap: (listener) => (holder ? holder.onSwap(listener) : () => {}),
        now: () => clock.now(),
      })
    : undefined;
  // `tick` joins the tick `start` began; `check` queues behind the one started with the notices.
  // A failed first round is logged by them and retried on the next tick or reload.
  await Promise.all([scheduler?.tick(), watches?.check()]).catch(() => undefined);
  return {
    async stop() {
      await scheduler?.stop();
      await watches?.close();
    },
  };
}
