/**
 * Persistence behind a small interface. The default implementation is embedded SQLite
 * (`sqlite.ts`); tests use the same implementation on a temporary file or `:memory:`.
 * Surfaces (Slack, CLI, scheduler) depend on this interface, never on SQLite. Every method is
 * async so that a networked database (PostgreSQL) can stand behind the same interface.
 */
import type { AssistantThreadStore } from "./assistant.js";
import type { InstallationStore } from "./installations.js";
import type { ThreadStore } from "./threads.js";

import type { WatchStore } from "./watch-types.js";

/** A thumbs-up / thumbs-down on an answer. */
export interface FeedbackRecord {
  userId: string;
  channelId?: string;
  question: string;
  entryIds: string[];
  helpful: boolean;
  kbVersion: string;
  at: Date;
}

/** A question the bot could not answer. */
export interface UnansweredRecord {
  userId: string;
  question: string;
  kbVersion: string;
  at: Date;
}

/** The store operations the Slack surface needs; the briefing adds subscriptions and a ledger. */
export interface EventStore {
  /** Records an event id; true the first time it is seen, false for a re-delivery. Survives restarts. */
  claimEvent(eventId: string, at: Date): Promise<boolean>;
  recordFeedback(record: FeedbackRecord): Promise<void>;
  recordUnanswered(record: UnansweredRecord): Promise<void>;
}

/** Whether a subscription is served, or why not (set when Slack refuses a post to the channel). */
export type SubscriptionStatus = "active" | "not_in_channel" | "channel_not_found";

/** What `/tradetalks subscribe` (or the config default) sets. */
export interface SubscriptionInput {
  channelId: string;
  teamId?: string;
  /** Local time of day, HH:MM (24-hour). */
  time: string;
  /** IANA time zone the time is read in. */
  timeZone: string;
  weekdaysOnly: boolean;
  /** When nothing changed since the last briefing: post nothing (true) or a one-line "no change" (false). */
  quietWhenUnchanged: boolean;
  /** User id of whoever subscribed the channel, or "config" for the deploy-time default. */
  createdBy: string;
}

/** A channel's daily-briefing subscription: what was set, plus what the store keeps about it. */
export interface Subscription extends SubscriptionInput {
  status: SubscriptionStatus;
  createdAt: Date;
  /** When time, zone or weekdays were last set: slots before this are never due. */
  scheduleSince: Date;
}

/** One claim as a briefing covered it: its id and a hash of its content. */
export interface SnapshotEntry {
  id: string;
  hash: string;
}

/**
 * A briefing slot's state. `claimed`: an instance owns the slot and has not started posting.
 * `sending`: the post request may be on the wire (never re-sent: at-most-once). `posted`: done.
 * `failed`: Slack refused it; retried after `retryAt` unless `retryAt` is unset. `skipped`: no post
 * that day (missed the grace window, or quiet because nothing changed).
 */
export type BriefingState = "claimed" | "sending" | "posted" | "failed" | "skipped";

/** One row of the briefing ledger: at most one per channel and local date. */
export interface BriefingRecord {
  channelId: string;
  /** The channel's local date, YYYY-MM-DD. */
  localDate: string;
  state: BriefingState;
  claimedBy: string;
  claimedAt: Date;
  attempts: number;
  retryAt?: Date;
  postedAt?: Date;
  messageTs?: string;
  /** Why it failed or was skipped. */
  reason?: string;
  kbVersion?: string;
  /** The claims this briefing covered; empty unless posted or quiet. */
  snapshot: SnapshotEntry[];
}

/** Channel subscriptions. */
export interface SubscriptionStore {
  /** Creates or replaces a channel's subscription; status returns to active. */
  upsertSubscription(input: SubscriptionInput, at: Date): Promise<Subscription>;
  /** True when there was a subscription to remove. */
  removeSubscription(channelId: string): Promise<boolean>;
  getSubscription(channelId: string): Promise<Subscription | undefined>;
  listSubscriptions(): Promise<Subscription[]>;
  setSubscriptionStatus(channelId: string, status: SubscriptionStatus): Promise<void>;
}

/** The briefing ledger: claims before posting, so each channel gets at most one briefing a local day. */
export interface BriefingLedger {
  /** Inserts a `claimed` row; false when the slot already has a row (someone else owns or did it). */
  claimBriefing(channelId: string, localDate: string, instance: string, at: Date): Promise<boolean>;
  /**
   * Takes over a slot that may be retried: `failed` with `retryAt <= at`, or `claimed` (never
   * `sending`) with `claimedAt` before `staleBefore`. False when another instance got it first.
   */
  reclaimBriefing(
    channelId: string,
    localDate: string,
    instance: string,
    at: Date,
    staleBefore: Date,
  ): Promise<boolean>;
  /** Marks the slot `sending` just before the post request; only the claimer can. */
  markSending(channelId: string, localDate: string, instance: string): Promise<boolean>;
  markPosted(
    channelId: string,
    localDate: string,
    posted: { messageTs: string; snapshot: SnapshotEntry[]; kbVersion: string; at: Date },
  ): Promise<void>;
  /** Marks the slot failed; with `retryAt` it may be reclaimed then, without it never. */
  markFailed(
    channelId: string,
    localDate: string,
    failure: { reason: string; retryAt?: Date },
  ): Promise<void>;
  /** Records a day with no post (inserting or updating the row); a quiet day keeps its snapshot. */
  markSkipped(
    channelId: string,
    localDate: string,
    skip: { reason: string; instance: string; at: Date; snapshot?: SnapshotEntry[]; kbVersion?: string },
  ): Promise<void>;
  getBriefing(channelId: string, localDate: string): Promise<BriefingRecord | undefined>;
  /** The newest posted briefing of a channel, optionally strictly before a local date. */
  lastPostedBriefing(channelId: string, beforeLocalDate?: string): Promise<BriefingRecord | undefined>;
  listBriefings(channelId: string): Promise<BriefingRecord[]>;
}

/** What curators read for `tradebot kb gaps`. */
export interface CurationStore {
  /** Unanswered questions, newest first. */
  listUnanswered(options?: { since?: Date; limit?: number }): Promise<UnansweredRecord[]>;
  /** Feedback records, newest first. */
  listFeedback(options?: { since?: Date; limit?: number }): Promise<FeedbackRecord[]>;
}

/** What the store keeps about one feed between polls. */
export interface FeedState {
  url: string;
  /** The validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  lastPolledAt: Date;
  /** The feed is not polled again before this (the minimum interval, or the backoff after a failure). */
  nextPollAt: Date;
  /** Failed polls in a row; 0 after a good one. */
  failures: number;
  lastError?: string;
}

/**
 * An item's state. `ingested`: handed over and stored. `duplicate`: its text was already ingested
 * (a re-published item). `failed`: to be tried again next poll. `gave_up`: failed too often.
 */
export type FeedItemState = "failed" | "ingested" | "duplicate" | "gave_up";

/** One feed item the poller has seen, keyed by its GUID (or link). */
export interface FeedItemRecord {
  feedUrl: string;
  key: string;
  state: FeedItemState;
  /** Tries so far (fetching, extracting and ingesting count as one). */
  attempts: number;
  textHash?: string;
  url?: string;
  lastError?: string;
  firstSeenAt: Date;
  updatedAt: Date;
}

/** How one try at an item ended. */
export type FeedItemOutcome =
  | { state: "ingested" | "duplicate"; at: Date; textHash: string; url: string }
  | { state: "failed" | "gave_up"; at: Date; reason: string; url?: string };

/** The feed poller's memory: poll times, validators, backoff and the items seen. */
export interface FeedStore {
  /**
   * Takes the feed's next poll if it is due (`nextPollAt <= at`, or never polled): records `at` as
   * the last poll and `nextPollAt` as the next. False when it is not due (or another process took it).
   */
  claimFeedPoll(url: string, at: Date, nextPollAt: Date): Promise<boolean>;
  getFeedState(url: string): Promise<FeedState | undefined>;
  /** A good poll: failures back to 0; the validators to send next time (none: fetch it whole). */
  recordFeedSuccess(url: string, validators: { etag?: string; lastModified?: string }): Promise<void>;
  /** A failed poll: counts it, keeps the reason and moves the next poll out; returns failures in a row. */
  recordFeedFailure(url: string, failure: { reason: string; nextPollAt: Date }): Promise<number>;
  getFeedItem(feedUrl: string, key: string): Promise<FeedItemRecord | undefined>;
  /** An item of any feed whose extracted text had this hash and was ingested. */
  findIngestedText(textHash: string): Promise<FeedItemRecord | undefined>;
  /** Records a try at an item (counting it) and returns the record as it now is. */
  recordFeedItem(feedUrl: string, key: string, outcome: FeedItemOutcome): Promise<FeedItemRecord>;
}

/** What is posted to the curators: a draft for review, or a day's reminder of overdue reviews. */
export type NoticeKind = "draft" | "overdue";

/** One notice as the store keeps it. */
export interface NoticeRecord {
  kind: NoticeKind;
  /** The draft's id, or the local date of the reminder. */
  key: string;
  state: "claimed" | "posted";
  claimedAt: Date;
  channelId?: string;
  messageTs?: string;
}

/**
 * The curator notices: each is claimed before it is posted, so it is posted at most once, across
 * restarts and instances sharing the database. A post Slack refused is released to be tried again.
 */
export interface NoticeStore {
  /** Claims a notice; false when it was claimed before (posted, or being posted elsewhere). */
  claimNotice(kind: NoticeKind, key: string, at: Date): Promise<boolean>;
  /** Records where a claimed notice was posted. */
  markNoticePosted(
    kind: NoticeKind,
    key: string,
    posted: { channelId: string; ts: string; at: Date },
  ): Promise<void>;
  /** Forgets a claim whose post Slack refused, so a later try may post it. */
  releaseNotice(kind: NoticeKind, key: string): Promise<void>;
  getNotice(kind: NoticeKind, key: string): Promise<NoticeRecord | undefined>;
}

/** The whole store, as opened by `openStore`. */
export interface Store
  extends EventStore,
    SubscriptionStore,
    BriefingLedger,
    CurationStore,
    FeedStore,
    NoticeStore,
    WatchStore,
    ThreadStore,
    AssistantThreadStore,
    InstallationStore {
  /** The database file path (or `:memory:`). */
  readonly path: string;
  close(): Promise<void>;
}
