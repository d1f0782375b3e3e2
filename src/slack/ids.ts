/**
 * Every Slack identifier the app uses, defined once. `manifest.yml` declares the same ones, and
 * `test/slack/manifest.test.ts` checks the two against each other in both directions.
 */

/** The one slash command. */
export const COMMAND = "/tradetalks";

/** Block Kit action ids the app listens for. */
export const ACTIONS = {
  /** A "did you mean" button: its value is a claim id; clicking answers from that claim. */
  suggestion: "tradetalks_suggestion",
  /** Slack's native feedback buttons (👍/👎) on an answer; each value carries the question, claim ids, knowledge version and which it is. */
  feedback: "tradetalks_feedback",
  /** The separate helpful / not helpful buttons answers had before; still heard on messages already posted. */
  helpful: "tradetalks_helpful",
  notHelpful: "tradetalks_not_helpful",
  /** Re-posts an ephemeral reply for the whole channel. */
  share: "tradetalks_share",
  /** Posts a fact-check (shown privately) in the checked message's channel or thread. */
  shareFactCheck: "tradetalks_share_fact_check",
  /** A draft's review buttons in the curators' channel; the value is the draft claim's id. */
  reviewAccept: "tradetalks_review_accept",
  reviewEdit: "tradetalks_review_edit",
  reviewReject: "tradetalks_review_reject",
} as const;

/** The action ids as a list, for registration and the manifest check. */
export const ACTION_IDS: readonly string[] = Object.values(ACTIONS);

/** Modal callback ids the app listens for (view submissions). */
export const VIEWS = {
  /** The modal a curator edits a draft claim's YAML in. */
  reviewEdit: "tradetalks_review_edit_modal",
} as const;

/** The callback ids as a list, for the manifest check. */
export const CALLBACK_IDS: readonly string[] = Object.values(VIEWS);

/** Shortcut callback ids; `manifest.yml` declares each under `features.shortcuts`. */
export const SHORTCUTS = {
  /** "Fact-check this" on any message: its claims checked against the sources. */
  factCheck: "tradetalks_fact_check",
} as const;

/** The block and action id of the edit modal's one input. */
export const REVIEW_EDIT_INPUT = { block: "draft_yaml", action: "yaml" } as const;

/**
 * Slack wants action ids unique within a block, so repeated buttons (several suggestions) get a
 * `:n` suffix; listeners match the base id with or without it.
 */
export function actionId(base: string, n?: number): string {
  return n === undefined ? base : `${base}:${n}`;
}

/** The matcher a listener registers for a base action id. */
export function actionMatcher(base: string): RegExp {
  return new RegExp(`^${base}(?::\\d+)?$`);
}

/** Events API event types, spelled as `manifest.yml` spells them (`message.im`, not `message`). */
export const EVENTS = {
  appMention: "app_mention",
  messageIm: "message.im",
  /** Thread replies in public channels, private channels and group DMs (threads the bot is in). */
  messageChannels: "message.channels",
  messageGroups: "message.groups",
  messageMpim: "message.mpim",
  appHomeOpened: "app_home_opened",
  /** The assistant panel: a thread opened (suggested prompts), the user moved to another channel. */
  assistantThreadStarted: "assistant_thread_started",
  assistantThreadContextChanged: "assistant_thread_context_changed",
  /** A Workflow Builder step of ours ran (see FUNCTIONS). */
  functionExecuted: "function_executed",
  /** The app was removed from a workspace (or an org): its tokens and briefings go. */
  appUninstalled: "app_uninstalled",
  /** Tokens were revoked: the bot's means uninstalled; only users' drops those. */
  tokensRevoked: "tokens_revoked",
} as const;

/** The event types as a list, for the manifest check. */
export const EVENT_TYPES: readonly string[] = Object.values(EVENTS);

/** Workflow Builder steps (custom functions); `manifest.yml` declares each under `functions`. */
export const FUNCTIONS = {
  /** "Ask Trade Talk Bot": input `question`; outputs `answer` (text) and `source`. */
  ask: "tradetalks_ask",
  /** "Trade talks status": output `status` (text). */
  status: "tradetalks_status",
} as const;
