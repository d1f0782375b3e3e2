/**
 * What the app posts to the curators' channel (CURATOR_CHANNEL_ID): each new article's drafts (a
 * digest, then one message per draft claim in its thread, with Accept, Edit and Reject), and once
 * a day, after REVIEW_REMINDER_TIME, the claims whose review_by date has passed. Each notice is
 * claimed in the store before it is posted, so a restart or a second instance never posts it
 * again (at most once: a post that may or may not have arrived is not repeated; one Slack refused
 * is released and tried at the next chance).
 */
import type { webApi } from "@slack/bolt";
import { formatDay } from "../answer/dates.js";
import { standingOf } from "../answer/standing.js";
import { localDate, slotInstant } from "../briefing/time.js";
import type { Config } from "../config.js";
import type { DraftEntry } from "../curation/drafts.js";
import { draftsOf } from "../curation/review.js";
import { overdueReviews } from "../curation/review-dates.js";
import { claimView } from "../curation/review-view.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import type { Logger } from "../log.js";
import type { NoticeKind, NoticeStore } from "../store/types.js";
import type { Message } from "./blocks/message.js";
import { draftMessage, draftsDigest, overdueMessage } from "./blocks/review.js";
import { platformError } from "./post.js";

/** What the notices need. */
export interface CuratorNoticeDeps {
  config: Config;
  store: NoticeStore;
  client: webApi.WebClient;
  logger: Logger;
  /** The knowledge folder the drafts are in. */
  dir: string;
  /** The knowledge being served (review dates are read from it). */
  knowledge: () => KnowledgeBase;
  now: () => Date;
  /** How often a started notifier looks whether the day's reminder is due. Default one minute. */
  tickMs?: number;
}

/** The running notices. */
export interface CuratorNotices {
  /** Posts the drafts not posted before; resolves to how many draft claims it posted. */
  postNewDrafts(): Promise<number>;
  /** Posts today's overdue reviews if it is time, there are some, and they were not posted today. */
  postOverdue(): Promise<boolean>;
  /** Posts what is waiting now, then looks for the day's reminder every `tickMs`. */
  start(): void;
  stop(): Promise<void>;
}

/** Creates the notices; nothing is posted until called or started. */
export function createCuratorNotices(deps: CuratorNoticeDeps): CuratorNotices {
  const { config, store, client, logger } = deps;
  const channel = config.curators.channelId;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch((err: unknown) => logger.error("curator notice failed", err));
    return next;
  };

  /** Posts to the channel; undefined (logged) when Slack refused it. Other failures throw: the post may have arrived. */
  const send = async (message: Message, threadTs?: string): Promise<string | undefined> => {
    try {
      const res = await client.chat.postMessage({
        channel: channel as string,
        ...message,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      return res.ts ?? "";
    } catch (err) {
      const code = platformError(err);
      if (!code) throw err;
      logger.warn(
        `could not post to the curators' channel ${channel}: ${code}${code === "not_in_channel" ? " (invite the bot)" : ""}`,
      );
      return undefined;
    }
  };

  /** Posts a notice it claimed: recorded when posted, released (to be tried again) when refused. */
  const post = async (kind: NoticeKind, key: string, message: Message, threadTs?: string) => {
    const ts = await send(message, threadTs);
    if (ts === undefined) await store.releaseNotice(kind, key);
    else await store.markNoticePosted(kind, key, { channelId: channel as string, ts, at: deps.now() });
    return ts;
  };

  const postNewDrafts = () =>
    serial(async () => {
      if (!channel) return 0;
      const drafts = draftsOf(deps.dir);
      const kb = drafts.kb;
      if (!kb) return 0;
      const standing = standingOf(kb);
      const bySource = new Map<string, DraftEntry[]>();
      for (const e of drafts.entries) {
        if (e.kind !== "claim" || !e.id) continue;
        bySource.set(e.sourceId, [...(bySource.get(e.sourceId) ?? []), e]);
      }
      let posted = 0;
      for (const [sourceId, claims] of bySource) {
        const now = deps.now();
        const fresh: DraftEntry[] = [];
        for (const e of claims) if (await store.claimNotice("draft", e.id, now)) fresh.push(e);
        if (!fresh.length) continue;
        const s = kb.sources.get(sourceId);
        const digest = draftsDigest({
          source: s ? `“${s.title}” (${s.publisher}, ${formatDay(s.published)})` : sourceId,
          sourceId,
          claims: fresh.length,
          concepts: drafts.entries.filter((e) => e.kind === "concept" && e.sourceId === sourceId).length,
        });
        const thread = await send(digest);
        if (thread === undefined) {
          for (const e of fresh) await store.releaseNotice("draft", e.id);
          continue;
        }
        for (const e of fresh) {
          if (await post("draft", e.id, draftMessage(claimView(kb, e, drafts.entries, standing)), thread))
            posted++;
        }
      }
      if (posted) logger.info(`posted ${posted} draft(s) for review to ${channel}`);
      return posted;
    });

  const postOverdue = () =>
    serial(async () => {
      if (!channel) return false;
      const now = deps.now();
      const tz = config.defaultTimeZone;
      const today = localDate(now, tz);
      if (now < slotInstant(today, config.curators.reminderTime, tz)) return false;
      if (await store.getNotice("overdue", today)) return false;
      const list = overdueReviews(deps.knowledge(), today);
      if (!list.length || !(await store.claimNotice("overdue", today, now))) return false;
      const ts = await post("overdue", today, overdueMessage(list, today));
      if (ts !== undefined) logger.info(`posted ${list.length} overdue review(s) to ${channel}`);
      return ts !== undefined;
    });

  return {
    postNewDrafts,
    postOverdue,
    start() {
      if (!channel || timer) return;
      void postNewDrafts();
      void postOverdue();
      timer = setInterval(() => void postOverdue(), deps.tickMs ?? 60_000);
      timer.unref?.();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await queue;
    },
  };
}
