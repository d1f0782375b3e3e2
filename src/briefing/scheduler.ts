/**
 * The briefing scheduler: on each tick it finds subscriptions whose local slot has come round,
 * claims each slot in the ledger before posting, posts, and records the message ts.
 *
 * Exactly once, in detail (see also docs/briefing.md):
 * - The ledger row (channel, local date) is the lock. Only the instance whose INSERT, or whose
 *   conditional UPDATE of a retryable row, changed it may post — so two processes sharing one
 *   SQLite file, or a restart mid-round, never both post.
 * - Just before the request the row goes `claimed` → `sending` (only by its claimer). A process
 *   that dies in `claimed` never sent anything: after `staleClaimMinutes` another instance may
 *   take the slot over. A row left in `sending` is never re-sent: chat.postMessage has no
 *   idempotency key, so a crash between the post and recording its ts cannot be told apart from
 *   a crash before the post. We choose at-most-once — a rare lost briefing over a duplicate —
 *   and log it. An `unknown_outcome` failure (timeout, 5xx) is treated the same way.
 * - Slack's refusals (`rate_limited`, other errors) mean nothing was posted: the row becomes
 *   `failed` with a retry time, and a later tick reclaims it while still inside the grace window.
 * - `not_in_channel` / `channel_not_found` / archived: the subscription is marked and no longer
 *   served until someone subscribes again.
 */
import type { Logger } from "../log.js";
import { withLogFields } from "../log-context.js";
import type { BriefingLedger, Subscription, SubscriptionStore } from "../store/types.js";
import type { BriefingContent, PreviousBriefing } from "./content.js";
import { type DueSlot, slotsAt } from "./due.js";
import { type BriefingMessage, type BriefingPoster, PostError } from "./poster.js";

/** The scheduler's clock: the time, and a wait (both fake in tests). */
export interface SchedulerClock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/** Builds the briefing of one channel for one local date. */
export type ComposeBriefing = (request: {
  subscription: Subscription;
  localDate: string;
  now: Date;
  previous?: PreviousBriefing;
}) => { content: BriefingContent; message: BriefingMessage };

/** What the scheduler is given. */
export interface SchedulerDeps {
  store: SubscriptionStore & BriefingLedger;
  poster: BriefingPoster;
  compose: ComposeBriefing;
  clock: SchedulerClock;
  logger: Logger;
  /** Unique per process: recorded with each claim. */
  instanceId: string;
  /** How late a briefing may still go out (config `briefingGraceMinutes`). */
  graceMinutes: number;
  /** A claim this old that never reached `sending` belongs to a dead process. Default 10. */
  staleClaimMinutes?: number;
  /** The gap between two posts (chat.postMessage allows about one a second). Default 1100 ms. */
  postIntervalMs?: number;
  /** The wait before retrying a post Slack refused for another reason. Default 5 minutes. */
  retryDelayMinutes?: number;
  /** The gap between ticks when started. Default 30 s. */
  tickMs?: number;
  /** Told what each tick did, when it ends (metrics, the readiness check). */
  onTick?: (report: TickReport, at: Date) => void;
  /**
   * Told when a briefing will not be posted: the channel cannot take it, the outcome is unknown
   * (never re-sent), or it was still failing at the end of the grace window (the admin notice).
   */
  onGiveUp?: (failure: BriefingGiveUp) => void;
}

/** A briefing that will not be posted, and why. */
export interface BriefingGiveUp {
  channelId: string;
  localDate: string;
  /** `not_in_channel`, `channel_not_found`, `archived`, `unknown_outcome` or `past_grace`. */
  failure: string;
  detail?: string;
}

/** What a tick did, for logs and tests. */
export interface TickReport {
  posted: string[];
  failed: string[];
  skipped: string[];
}

/** A running scheduler. */
export interface BriefingScheduler {
  /** Looks at every subscription once and posts what is due. Never runs twice at once. */
  tick(): Promise<TickReport>;
  /** Ticks now and then every `tickMs` until stopped. */
  start(): void;
  /** Stops ticking and waits for the tick in flight. */
  stop(): Promise<void>;
}

const MINUTE = 60_000;

/** Creates a scheduler; nothing runs until `tick` or `start`. */
export function createScheduler(deps: SchedulerDeps): BriefingScheduler {
  const { store, poster, clock, logger, instanceId } = deps;
  const staleMs = (deps.staleClaimMinutes ?? 10) * MINUTE;
  const intervalMs = deps.postIntervalMs ?? 1100;
  const retryMs = (deps.retryDelayMinutes ?? 5) * MINUTE;
  let lastPostAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
  /** When a rate-limited post is due again: the next tick is brought forward to it. */
  let retryDueAt = Number.POSITIVE_INFINITY;
  let running: Promise<TickReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  const warnedSending = new Set<string>();

  /** Tells `onGiveUp`; its failure never disturbs the tick. */
  function giveUp(g: BriefingGiveUp): void {
    try {
      deps.onGiveUp?.(g);
    } catch (err) {
      logger.warn(`briefing ${g.channelId} ${g.localDate}: the give-up notice failed`, err);
    }
  }

  async function waitTurn(): Promise<void> {
    const wait = Math.max(lastPostAt + intervalMs, pausedUntil) - clock.now().getTime();
    if (wait > 0) await clock.sleep(wait);
  }

  async function handleSlot(sub: Subscription, slot: DueSlot, report: TickReport): Promise<void> {
    const key = `${sub.channelId} ${slot.localDate}`;
    const now = clock.now();
    if (slot.kind === "missed") {
      if (await store.claimBriefing(sub.channelId, slot.localDate, instanceId, now)) {
        await store.markSkipped(sub.channelId, slot.localDate, {
          reason: "missed",
          instance: instanceId,
          at: now,
        });
        logger.warn(
          `briefing ${key} skipped: not posted by ${slot.at.toISOString()} + ${deps.graceMinutes} min grace`,
        );
        report.skipped.push(key);
        return;
      }
      const row = await store.getBriefing(sub.channelId, slot.localDate);
      if (row?.state === "failed" && row.retryAt) {
        await store.markFailed(sub.channelId, slot.localDate, {
          reason: `${row.reason ?? "failed"}; past grace`,
        });
        logger.warn(`briefing ${key} given up: still failing at the end of the grace window`, row.reason);
        giveUp({
          channelId: sub.channelId,
          localDate: slot.localDate,
          failure: "past_grace",
          detail: row.reason,
        });
      }
      return;
    }
    const owned =
      (await store.claimBriefing(sub.channelId, slot.localDate, instanceId, now)) ||
      (await store.reclaimBriefing(
        sub.channelId,
        slot.localDate,
        instanceId,
        now,
        new Date(now.getTime() - staleMs),
      ));
    if (!owned) {
      const row = await store.getBriefing(sub.channelId, slot.localDate);
      if (
        row?.state === "sending" &&
        now.getTime() - row.claimedAt.getTime() > staleMs &&
        !warnedSending.has(key)
      ) {
        warnedSending.add(key);
        logger.warn(
          `briefing ${key} may not have been posted: ${row.claimedBy} stopped while sending (not re-sent)`,
        );
      }
      return;
    }
    await postSlot(sub, slot.localDate, key, report);
  }

  async function postSlot(
    sub: Subscription,
    localDate: string,
    key: string,
    report: TickReport,
  ): Promise<void> {
    const ch = sub.channelId;
    let composed: ReturnType<ComposeBriefing>;
    try {
      const last = await store.lastPostedBriefing(ch, localDate);
      const previous = last ? { localDate: last.localDate, snapshot: last.snapshot } : undefined;
      composed = deps.compose({
        subscription: sub,
        localDate,
        now: clock.now(),
        ...(previous ? { previous } : {}),
      });
    } catch (err) {
      await store.markFailed(ch, localDate, {
        reason: "compose failed",
        retryAt: new Date(clock.now().getTime() + retryMs),
      });
      logger.error(`briefing ${key}: could not compose`, err);
      report.failed.push(key);
      return;
    }
    const { content, message } = composed;
    if (content.unchanged && sub.quietWhenUnchanged) {
      await store.markSkipped(ch, localDate, {
        reason: "unchanged",
        instance: instanceId,
        at: clock.now(),
        snapshot: content.snapshot,
        kbVersion: content.kbVersion,
      });
      logger.info(`briefing ${key}: nothing changed, quiet subscription, no post`);
      report.skipped.push(key);
      return;
    }
    await waitTurn();
    if (!(await store.markSending(ch, localDate, instanceId))) {
      logger.warn(`briefing ${key}: claim taken over while waiting; not posting`);
      return;
    }
    let ts: string;
    try {
      ({ ts } = await poster.post(ch, message));
    } catch (err) {
      lastPostAt = clock.now().getTime();
      await recordFailure(sub, localDate, key, err);
      report.failed.push(key);
      return;
    }
    // Outside the try: if recording fails, the row stays `sending` and is never re-sent.
    const at = clock.now();
    lastPostAt = at.getTime();
    await store.markPosted(ch, localDate, {
      messageTs: ts,
      snapshot: content.snapshot,
      kbVersion: content.kbVersion,
      at,
    });
    logger.info(`briefing ${key} posted`, { ts });
    report.posted.push(key);
  }

  async function recordFailure(
    sub: Subscription,
    localDate: string,
    key: string,
    err: unknown,
  ): Promise<void> {
    const ch = sub.channelId;
    const now = clock.now().getTime();
    const failure = err instanceof PostError ? err.failure : "unknown_outcome";
    const detail = err instanceof Error ? err.message : String(err);
    switch (failure) {
      case "rate_limited": {
        const waitMs = Math.max(1, (err as PostError).retryAfterSeconds ?? 30) * 1000;
        pausedUntil = Math.max(pausedUntil, now + waitMs);
        retryDueAt = Math.min(retryDueAt, now + waitMs);
        await store.markFailed(ch, localDate, { reason: "rate_limited", retryAt: new Date(now + waitMs) });
        logger.warn(`briefing ${key}: rate limited, retrying in ${waitMs / 1000} s`);
        return;
      }
      case "not_in_channel":
      case "channel_not_found":
      case "archived":
        await store.setSubscriptionStatus(ch, failure === "archived" ? "channel_not_found" : failure);
        await store.markFailed(ch, localDate, { reason: failure });
        logger.warn(`briefing ${key}: ${failure}; subscription paused until the channel subscribes again`);
        giveUp({ channelId: ch, localDate, failure });
        return;
      case "rejected":
        await store.markFailed(ch, localDate, { reason: detail, retryAt: new Date(now + retryMs) });
        logger.warn(`briefing ${key}: Slack refused the post; retrying later`, detail);
        return;
      default:
        await store.markFailed(ch, localDate, { reason: `outcome unknown: ${detail}` });
        logger.error(
          `briefing ${key}: the post may or may not have arrived; not re-sending (at-most-once)`,
          err,
        );
        giveUp({ channelId: ch, localDate, failure: "unknown_outcome", detail });
    }
  }

  async function runTick(): Promise<TickReport> {
    const report: TickReport = { posted: [], failed: [], skipped: [] };
    for (const sub of await store.listSubscriptions()) {
      if (sub.status !== "active") continue;
      for (const slot of slotsAt(sub, clock.now(), deps.graceMinutes)) {
        try {
          // JSON log lines about this briefing carry its channel.
          await withLogFields({ channel: sub.channelId }, () => handleSlot(sub, slot, report));
        } catch (err) {
          logger.error(`briefing ${sub.channelId} ${slot.localDate}: tick failed`, err);
        }
      }
    }
    try {
      deps.onTick?.(report, clock.now());
    } catch (err) {
      logger.warn("briefing scheduler: the tick report hook failed", err);
    }
    return report;
  }

  function tick(): Promise<TickReport> {
    running ??= runTick().finally(() => {
      running = undefined;
    });
    return running;
  }

  function tickLogged(): Promise<unknown> {
    return tick().catch((err: unknown) => logger.error("briefing scheduler: tick failed", err));
  }

  /** The wait before the next tick: the tick interval, or less when a rate-limited retry is due sooner. */
  function nextTickIn(): number {
    const tickMs = deps.tickMs ?? 30_000;
    // A little after the retry time, so the ledger's `retry_at <= now` holds when the tick looks.
    const untilRetry = retryDueAt - clock.now().getTime() + 50;
    return Math.max(0, Math.min(tickMs, untilRetry));
  }

  function schedule(): void {
    if (stopped) return;
    const wait = nextTickIn();
    if (retryDueAt - clock.now().getTime() + 50 <= wait) retryDueAt = Number.POSITIVE_INFINITY;
    timer = setTimeout(() => {
      void tickLogged().finally(schedule);
    }, wait);
    timer.unref?.();
  }

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      void tickLogged().finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
