/**
 * What the Slack surface is given by `main.ts`: the core, the store, the clock, the log and the
 * configuration. Listeners receive these; they never construct them. Helpers that need more (the
 * briefing's subscription store) widen these types additively.
 */
import type { Core } from "../answer/types.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { AssistantThreadStore } from "../store/assistant.js";
import type { InstallationStore } from "../store/installations.js";
import type { ThreadStore } from "../store/threads.js";
import type { CurationStore, EventStore } from "../store/types.js";
import type { Telemetry } from "../telemetry/index.js";
import type { ReviewSlackDeps } from "./review-deps.js";
import type { BriefingSlackDeps } from "./subcommands/briefing-deps.js";
import type { WatchSlackDeps } from "./subcommands/watch-deps.js";

/** The dependencies every Slack listener may use. */
export interface SlackDeps {
  core: Core;
  /** Records events and feedback; `/tradetalks gaps` reads the curation lists back; threads keep their context. */
  store: EventStore & CurationStore & ThreadStore & AssistantThreadStore;
  logger: Logger;
  /** The clock; injected so tests can pin it. */
  now: () => Date;
  config: Config;
  /** Subscriptions and the briefing ledger; absent when the deployment has no database. */
  briefings?: BriefingSlackDeps;
  /** The knowledge folder the curators review drafts in; absent where drafts are not reviewed in Slack. */
  review?: ReviewSlackDeps;
  /** `/tradetalks watch`: the watches and the knowledge; absent when the deployment has no database. */
  watches?: WatchSlackDeps;
  /** OAuth mode: each workspace's installation (tokens sealed); removed when the app is uninstalled. */
  installations?: InstallationStore;
  /** Metrics and readiness checks; `startSlack` creates them when absent (the local chat has none). */
  telemetry?: Telemetry;
}
