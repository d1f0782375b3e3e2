/**
 * `GET /metrics` (Prometheus text format) and `GET /readyz` (200 when ready, 503 with a JSON reason
 * otherwise), served next to `/healthz` on the HTTP server of either mode.
 */
import type { CustomRoute } from "@slack/bolt";
import type { Logger } from "../../log.js";
import type { Telemetry } from "../../telemetry/index.js";
import { METRICS_PATH } from "../../telemetry/metrics.js";
import { READY_PATH } from "../../telemetry/readiness.js";

/** The two routes over `telemetry`. */
export function telemetryRoutes(telemetry: Telemetry, logger: Logger): CustomRoute[] {
  return [
    {
      path: METRICS_PATH,
      method: ["GET"],
      handler: (_req, res) => {
        telemetry.metrics.scrape().then(
          ({ contentType, body }) => {
            res.writeHead(200, { "Content-Type": contentType });
            res.end(body);
          },
          (err: unknown) => {
            logger.error("could not collect the metrics", err);
            res.writeHead(500);
            res.end();
          },
        );
      },
    },
    {
      path: READY_PATH,
      method: ["GET"],
      handler: (_req, res) => {
        void telemetry.readiness.report().then((report) => {
          res.writeHead(report.ready ? 200 : 503, { "Content-Type": "application/json" });
          res.end(JSON.stringify(report));
        });
      },
    },
  ];
}
