/**
 * Watches: a channel (or DM) that asked to hear when what the sources say about a topic changes,
 * and the ledger of change notices, each claimed before it is posted so it is posted at most once
 * across restarts and instances (the briefing ledger's design: claimed → sending → posted). Every
 * method returns a Promise, so another store (PostgreSQL) can implement the same interface.
 */

/** What `/tradetalks watch <topic>` sets. */
export interface WatchInput {
  channelId: string;
  teamId?: string;
  /** The topic as the person typed it (plain text). */
  topic: string;
  /** The concepts it resolved to (sorted). */
  concepts: string[];
  createdBy: string;
  /** The standing claims about the concepts when the watch was set: claim id → content hash. */
  seen: Record<string, string>;
}

/** A watch as the store keeps it. */
export interface Watch extends WatchInput {
  id: number;
  createdAt: Date;
}

/**
 * A change notice's state. `claimed`: an instance owns it and has not sent it. `sending`: the post
 * may be on the wire (never re-sent). `posted`: done. `failed`: Slack refused it (not retried).
 */
export type WatchNoticeState = "claimed" | "sending" | "posted" | "failed";

/** One change notice: at most one per watch and change. */
export interface WatchNoticeRecord {
  watchId: number;
  /** The change: the claim id and the hash of its content. */
  changeKey: string;
  state: WatchNoticeState;
  claimedBy: string;
  claimedAt: Date;
  messageTs?: string;
  reason?: string;
}

/** The watches and their notice ledger. */
export interface WatchStore {
  /** Adds a watch; undefined when the channel already watches the same concepts. */
  addWatch(input: WatchInput, at: Date): Promise<Watch | undefined>;
  /** A channel's watches (every watch without one), oldest first. */
  listWatches(channelId?: string): Promise<Watch[]>;
  /** Ends a watch (and its notices); false when it was not this channel's. */
  removeWatch(channelId: string, id: number): Promise<boolean>;
  /** Adds claims to what a watch has seen (claim id → hash); ids already seen take the new hash. */
  addWatchSeen(id: number, seen: Record<string, string>): Promise<void>;
  /**
   * Claims the notice of one change: inserts a `claimed` row, or takes over a `claimed` one older
   * than `staleBefore` (its process died before sending). False when another has it or did it.
   */
  claimWatchNotice(
    watchId: number,
    changeKey: string,
    instance: string,
    at: Date,
    staleBefore: Date,
  ): Promise<boolean>;
  /** `claimed` → `sending`, right before the post; only the claimer can. */
  markWatchNoticeSending(watchId: number, changeKey: string, instance: string): Promise<boolean>;
  markWatchNoticePosted(
    watchId: number,
    changeKey: string,
    posted: { messageTs: string; at: Date },
  ): Promise<void>;
  markWatchNoticeFailed(watchId: number, changeKey: string, reason: string): Promise<void>;
  getWatchNotice(watchId: number, changeKey: string): Promise<WatchNoticeRecord | undefined>;
  listWatchNotices(watchId: number): Promise<WatchNoticeRecord[]>;
}
