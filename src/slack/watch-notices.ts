/**
 * The posts of `/tradetalks watch`: after each knowledge reload (and once at start), every watch is
 * compared with what it has seen (src/briefing/watch.ts), and each change is posted to the
 * watching channel once: the notice is claimed in the store (watch, change) before posting, marked
 * `sending` just before the request and `posted` after, as the briefing ledger does. A post whose
 * outcome is unknown (a timeout, a dropped connection) stays `sending` and is never sent again; one
 * Slack refused is `failed` and logged. Only then does the watch record the claims as seen.
 */
import { hostname } from "node:os";
import { webApi } from "@slack/bolt";
import { changeText, seenNow, type WatchChange, watchChanges } from "../briefing/watch.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import type { Logger } from "../log.js";
import type { Watch, WatchStore } from "../store/watch-types.js";
import { citationContext, quote } from "./blocks/citation.js";
import { LIMITS, sections, truncate } from "./blocks/limits.js";
import type { Message } from "./blocks/message.js";
import { safeMrkdwn } from "./escape.js";
import { platformError } from "./post.js";
import { retryPolicy } from "./retry.js";

/** A claim older than this whose instance never marked it sending is taken over. */
const STALE_CLAIM_MS = 10 * 60 * 1000;

/** What the watch notices need. */
export interface WatchNoticeDeps {
  store: WatchStore;
  client: webApi.WebClient;
  logger: Logger;
  /** The knowledge being served now. */
  knowledge: () => KnowledgeBase;
  now: () => Date;
  /** This process, in the ledger; unique per instance. */
  instanceId?: string;
  /** OAuth mode: the bot token of the watch's workspace; undefined when the app is not installed there. */
  tokenFor?: (watch: Watch) => Promise<string | undefined>;
}

/** The running notices. */
export interface WatchNotices {
  /** Posts every watch's changes not posted before; resolves to how many it posted. */
  check(): Promise<number>;
  /** Waits for a check in progress. */
  stop(): Promise<void>;
}

/** The post of one change. */
export function watchMessage(kb: KnowledgeBase, watch: Watch, change: WatchChange, now: Date): Message {
  const topic = safeMrkdwn(truncate(watch.topic, 150));
  const what = safeMrkdwn(changeText(kb, change));
  const head = `:eyes: *Watched: ${topic}*\n${what}`;
  const blocks = [
    ...sections(truncate(head, LIMITS.sectionText)),
    ...sections(quote(change.citation.snippet, 1500)),
    citationContext(change.citation, now),
  ];
  const credit = `${change.citation.publisher}, ${change.citation.published}`;
  return {
    text: truncate(`Watched: ${watch.topic}: ${changeText(kb, change)} (${credit})`, LIMITS.fallbackText),
    blocks,
  };
}

/** Creates the notices; nothing is posted until `check` is called. */
export function createWatchNotices(deps: WatchNoticeDeps): WatchNotices {
  const { store, client, logger } = deps;
  const instance =
    deps.instanceId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch((err: unknown) => logger.error("watch notices failed", err));
    return next;
  };

  /** Posts one claimed change; true when Slack took it. */
  const post = async (kb: KnowledgeBase, watch: Watch, change: WatchChange): Promise<boolean> => {
    if (!(await store.markWatchNoticeSending(watch.id, change.key, instance))) return false;
    const token = deps.tokenFor ? await deps.tokenFor(watch) : undefined;
    if (deps.tokenFor && !token) {
      await store.markWatchNoticeFailed(watch.id, change.key, "not_installed");
      logger.warn(`watch ${watch.id} (${watch.channelId}): the app is not installed in its workspace`);
      return false;
    }
    try {
      const res = await client.chat.postMessage({
        ...(token ? { token } : {}),
        channel: watch.channelId,
        ...watchMessage(kb, watch, change, deps.now()),
        unfurl_links: false,
        unfurl_media: false,
      });
      await store.markWatchNoticePosted(watch.id, change.key, { messageTs: res.ts ?? "", at: deps.now() });
      return true;
    } catch (err) {
      const code = platformError(err);
      if (code) {
        await store.markWatchNoticeFailed(watch.id, change.key, code);
        logger.warn(
          `watch ${watch.id} (${watch.channelId}): Slack refused the post of ${change.key}: ${code}`,
        );
      } else {
        // The message may be in the channel: at most once, so it is not sent again.
        logger.warn(
          `watch ${watch.id} (${watch.channelId}): ${change.key} may not have been posted (not re-sent)`,
          err,
        );
      }
      return false;
    }
  };

  const check = () =>
    serial(async () => {
      const kb = deps.knowledge();
      let posted = 0;
      for (const watch of await store.listWatches()) {
        const changes = watchChanges(kb, watch.concepts, watch.seen);
        for (const change of changes) {
          const now = deps.now();
          const stale = new Date(now.getTime() - STALE_CLAIM_MS);
          if (!(await store.claimWatchNotice(watch.id, change.key, instance, now, stale))) continue;
          if (await post(kb, watch, change)) posted++;
        }
        if (changes.length) await store.addWatchSeen(watch.id, seenNow(kb, watch.concepts));
      }
      if (posted) logger.info(`posted ${posted} watch notice(s)`);
      return posted;
    });

  return {
    check,
    async stop() {
      await queue;
    },
  };
}

/**
 * The watch notices of a running app: checked once now and after every knowledge swap.
 * `onSwap` is the knowledge holder's; returns the notices and how to stop listening.
 */
export function startWatchNotices(o: {
  store: WatchStore;
  botToken?: string;
  /** OAuth mode: each workspace's bot token (a watch without a team uses `botToken`). */
  botTokenForTeam?: (teamId: string) => Promise<string | undefined>;
  apiUrl?: string;
  logger: Logger;
  knowledge: () => KnowledgeBase;
  onSwap: (listener: () => void) => () => void;
  now?: () => Date;
  instanceId?: string;
}): WatchNotices & { close(): Promise<void> } {
  const client = new webApi.WebClient(o.botToken, {
    ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}),
    retryConfig: retryPolicy(),
  });
  const notices = createWatchNotices({
    store: o.store,
    client,
    logger: o.logger,
    knowledge: o.knowledge,
    now: o.now ?? (() => new Date()),
    ...(o.instanceId ? { instanceId: o.instanceId } : {}),
    ...(o.botTokenForTeam
      ? {
          tokenFor: async (w: Watch) => (w.teamId ? o.botTokenForTeam?.(w.teamId) : o.botToken),
        }
      : {}),
  });
  const off = o.onSwap(() => void notices.check());
  void notices.check();
  return {
    ...notices,
    async close() {
      off();
      await notices.stop();
    },
  };
}
