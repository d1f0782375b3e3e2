/** The health endpoint load balancers and orchestrators probe: `GET /healthz`. */
import type { CustomRoute } from "@slack/bolt";
import type { Core } from "../../answer/types.js";

/** The path of the health endpoint. */
export const HEALTH_PATH = "/healthz";

/** Custom routes served next to `/slack/events`: the health check, answering with the knowledge version. */
export function healthRoutes(core: Core): CustomRoute[] {
  return [
    {
      path: HEALTH_PATH,
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ ok: true, kbVersion: core.kbVersion() }));
      },
    },
  ];
}
