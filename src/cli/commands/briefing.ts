/**
 * `tradebot briefing --preview [--channel C] [--at ISO-TIME]`: the daily briefing in the terminal.
 * With --channel, "what changed" is relative to that channel's last posted briefing in the
 * database (DATABASE_PATH) and the date is the channel's local date; nothing is written.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildBriefing, type PreviousBriefing } from "../../briefing/content.js";
import { renderBriefingText } from "../../briefing/text.js";
import { localDate } from "../../briefing/time.js";
import { type Config, loadConfig } from "../../config.js";
import { ConfigError } from "../../config-error.js";
import { StoreError } from "../../store/errors.js";
import { CLI_DATABASE_WAIT_MS, openConfiguredStore } from "../../store/open.js";
import { type CliCommand, UsageError } from "../command.js";
import { loadCoreFor } from "../knowledge.js";

/** The channel's subscription zone and previous briefing, read without creating a database. */
async function channelHistory(
  channel: string,
  config: Pick<Config, "databasePath" | "databaseUrl">,
  now: Date,
  fallbackZone: string,
): Promise<{ zone: string; previous?: PreviousBriefing; note?: string }> {
  if (!config.databaseUrl && !existsSync(config.databasePath)) {
    return {
      zone: fallbackZone,
      note: `No database at ${config.databasePath} yet: this is the channel's first briefing.`,
    };
  }
  const store = await openConfiguredStore(config, { waitForMs: CLI_DATABASE_WAIT_MS });
  try {
    const sub = await store.getSubscription(channel);
    const zone = sub?.timeZone ?? fallbackZone;
    const last = await store.lastPostedBriefing(channel, localDate(now, zone));
    const note = sub ? undefined : `${channel} has no subscription; using ${zone}.`;
    return {
      zone,
      ...(last ? { previous: { localDate: last.localDate, snapshot: last.snapshot } } : {}),
      ...(note ? { note } : {}),
    };
  } finally {
    await store.close();
  }
}

export const briefing: CliCommand = {
  name: "briefing",
  summary: "preview the daily briefing (what changed, dates ahead, a quote), with citations",
  usage: "--preview [--channel C] [--at ISO-TIME]",
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { preview: { type: "boolean" }, channel: { type: "string" }, at: { type: "string" } },
    });
    if (!values.preview) {
      throw new UsageError("only --preview is supported here; briefings are posted by the running app");
    }
    let now = ctx.now();
    if (values.at !== undefined) {
      now = new Date(values.at);
      if (Number.isNaN(now.getTime())) {
        throw new UsageError(
          `--at: "${values.at}" is not a date-time; use ISO 8601 like 2025-10-20T08:00:00Z`,
        );
      }
    }
    let config: Config;
    try {
      config = loadConfig(ctx.env);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      ctx.err(err.message);
      return 2;
    }
    let history: Awaited<ReturnType<typeof channelHistory>> = { zone: config.defaultTimeZone };
    if (values.channel) {
      try {
        history = await channelHistory(values.channel, config, now, config.defaultTimeZone);
      } catch (err) {
        if (!(err instanceof StoreError)) throw err;
        ctx.err(err.message);
        return 1;
      }
    }
    const core = await loadCoreFor(ctx);
    if (!core) return 1;
    if (history.note) ctx.err(history.note);
    const content = buildBriefing({
      kb: core.kb,
      core,
      now,
      localDate: localDate(now, history.zone),
      ...(history.previous ? { previous: history.previous } : {}),
    });
    ctx.out(renderBriefingText(content));
    return 0;
  },
};
