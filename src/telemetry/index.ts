/** Metrics and readiness for one running app, created once in `main.ts` (or by `startSlack`). */
import { createMetrics, type Metrics } from "./metrics.js";
import { Readiness } from "./readiness.js";

/** What the app reports about itself: counters for `/metrics`, checks for `/readyz`. */
export interface Telemetry {
  metrics: Metrics;
  readiness: Readiness;
}

/** A fresh set: a registry of its own and no readiness checks yet. */
export function createTelemetry(options: { defaultMetrics?: boolean } = {}): Telemetry {
  return { metrics: createMetrics(options), readiness: new Readiness() };
}

export type { Metrics } from "./metrics.js";
export { Readiness } from "./readiness.js";
