/** `tradebot status`: what stands now, key numbers, dated events with countdowns, newest source. */
import { parseArgs } from "node:util";
import type { CliCommand } from "../command.js";
import { loadCoreFor } from "../knowledge.js";
import { renderStatus, renderTimeline } from "../render.js";

export const status: CliCommand = {
  name: "status",
  summary: "the latest status: what stands, key numbers, dates with countdowns",
  usage: "[--json]",
  async run(args, ctx) {
    const { values } = parseArgs({ args, strict: true, options: { json: { type: "boolean" } } });
    const core = await loadCoreFor(ctx);
    if (!core) return 1;
    const report = core.status(ctx.now());
    ctx.out(values.json ? JSON.stringify(report, null, 2) : renderStatus(report));
    return 0;
  },
};

export const timeline: CliCommand = {
  name: "timeline",
  summary: "dated events and deadlines, past and upcoming, with countdowns",
  usage: "",
  async run(args, ctx) {
    parseArgs({ args, strict: true, options: {} });
    const core = await loadCoreFor(ctx);
    if (!core) return 1;
    ctx.out(renderTimeline(core.timeline(ctx.now())));
    return 0;
  },
};
