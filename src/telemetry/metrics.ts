/**
 * The app's Prometheus metrics (prom-client), on a registry of its own per app instance (so two
 * apps in one process, as in tests, never collide), served as `GET /metrics`. Every counter is
 * moved by what the app does — a question asked, a briefing posted, a reload refused, a Slack API
 * call failing — through the small `record*` functions here, so callers never touch prom-client.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { TickReport } from "../briefing/scheduler.js";
import type { PollReport } from "../feeds/types.js";

/** The path the metrics are served on. */
export const METRICS_PATH = "/metrics";

/** The metrics of one running app. */
export interface Metrics {
  readonly registry: Registry;
  /** One question answered through the core: whether it was answered, and how long it took. */
  recordQuestion(answered: boolean, seconds: number): void;
  /** What one scheduler tick did. */
  recordBriefingTick(report: TickReport): void;
  /** A knowledge reload served, or a change refused. */
  recordKnowledge(outcome: "reloaded" | "refused"): void;
  /** One Web API response (or failure to get one). */
  recordSlackCall(method: string, outcome: SlackCallOutcome): void;
  /** What one poll over the feeds found. */
  recordFeedPoll(report: PollReport): void;
  /** A request refused before Bolt (`future_timestamp`, `not_an_object`, `unreadable`). */
  recordRefusedRequest(reason: string): void;
  /** A request no listener acknowledged, by its type (`block_actions`, `view_submission`, `shortcut`…). */
  recordUnhandledRequest(type: string): void;
  /** An unhandled rejection or an uncaught exception. */
  recordProcessFault(fault: string): void;
  /** The Prometheus text exposition, and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** How a Web API call ended: `ok`, Slack's `error` code, `rate_limited`, `http_<status>`, `network`. */
export type SlackCallOutcome = string;

/** Creates the metrics on a fresh registry, with Node's default process metrics. */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "tradebot_" });
  const registers = [registry];
  const questions = new Counter({
    name: "tradebot_questions_total",
    help: "Questions asked of the core, by outcome (answered: a cited answer; refused: no sourced answer)",
    labelNames: ["outcome"] as const,
    registers,
  });
  const latency = new Histogram({
    name: "tradebot_answer_duration_seconds",
    help: "Time the core took to answer one question",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const briefings = new Counter({
    name: "tradebot_briefings_total",
    help: "Daily briefings by outcome: posted, skipped (missed or unchanged), failed",
    labelNames: ["outcome"] as const,
    registers,
  });
  const lastTick = new Gauge({
    name: "tradebot_briefing_scheduler_last_tick_seconds",
    help: "Unix time of the briefing scheduler's last finished tick",
    registers,
  });
  const knowledge = new Counter({
    name: "tradebot_knowledge_changes_total",
    help: "Knowledge changes: reloaded (now served) or refused (bad edit; the last good knowledge stays)",
    labelNames: ["outcome"] as const,
    registers,
  });
  const slackCalls = new Counter({
    name: "tradebot_slack_api_calls_total",
    help: "Slack Web API calls by method and outcome (ok, a Slack error code, rate_limited, http_<status>, network)",
    labelNames: ["method", "outcome"] as const,
    registers,
  });
  const slackErrors = new Counter({
    name: "tradebot_slack_api_errors_total",
    help: "Slack Web API calls that did not succeed, rate limits included, by method",
    labelNames: ["method"] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: "tradebot_slack_api_rate_limited_total",
    help: "Slack Web API calls answered 429 (rate limited), by method",
    labelNames: ["method"] as const,
    registers,
  });
  const feedPolls = new Counter({
    name: "tradebot_feed_polls_total",
    help: "Feed polls by status: polled, unchanged (304), failed (not_due checks are not counted)",
    labelNames: ["status"] as const,
    registers,
  });
  const feedItems = new Counter({
    name: "tradebot_feed_items_total",
    help: "Feed items handled, by outcome: ingested, duplicate, failed, gave_up",
    labelNames: ["outcome"] as const,
    registers,
  });
  const refusedRequests = new Counter({
    name: "tradebot_requests_refused_total",
    help: "Signed requests refused before Bolt, by reason: future_timestamp, not_an_object, unreadable",
    labelNames: ["reason"] as const,
    registers,
  });
  const unhandledRequests = new Counter({
    name: "tradebot_requests_unhandled_total",
    help: "Requests no listener acknowledged (acknowledged by the catch-all), by payload type",
    labelNames: ["type"] as const,
    registers,
  });
  const faults = new Counter({
    name: "tradebot_process_faults_total",
    help: "Unhandled promise rejections and uncaught exceptions",
    labelNames: ["fault"] as const,
    registers,
  });
  for (const outcome of ["answered", "refused"]) questions.inc({ outcome }, 0);
  for (const outcome of ["posted", "skipped", "failed"]) briefings.inc({ outcome }, 0);
  for (const outcome of ["reloaded", "refused"]) knowledge.inc({ outcome }, 0);

  return {
    registry,
    recordQuestion(answered, seconds) {
      questions.inc({ outcome: answered ? "answered" : "refused" });
      latency.observe(seconds);
    },
    recordBriefingTick(report) {
      if (report.posted.length) briefings.inc({ outcome: "posted" }, report.posted.length);
      if (report.skipped.length) briefings.inc({ outcome: "skipped" }, report.skipped.length);
      if (report.failed.length) briefings.inc({ outcome: "failed" }, report.failed.length);
      lastTick.set(Date.now() / 1000);
    },
    recordKnowledge(outcome) {
      knowledge.inc({ outcome });
    },
    recordSlackCall(method, outcome) {
      slackCalls.inc({ method, outcome });
      if (outcome === "ok") return;
      slackErrors.inc({ method });
      if (outcome === "rate_limited") rateLimited.inc({ method });
    },
    recordFeedPoll(report) {
      for (const feed of report.feeds) {
        if (feed.status !== "not_due") feedPolls.inc({ status: feed.status });
        for (const item of feed.items) feedItems.inc({ outcome: item.outcome });
      }
    },
    recordRefusedRequest(reason) {
      refusedRequests.inc({ reason });
    },
    recordUnhandledRequest(type) {
      unhandledRequests.inc({ type });
    },
    recordProcessFault(fault) {
      faults.inc({ fault });
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
