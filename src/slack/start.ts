/**
 * Connects the app to Slack in the configured mode: HTTP (Events API on `/slack/events`, with the
 * signature check and `/healthz`) or Socket Mode (with `/healthz` on PORT). Returns how to stop it:
 * stop taking requests, let replies in progress finish, then close.
 */

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type App, HTTPReceiver, SocketModeReceiver, type webApi } from "@slack/bolt";
import { createTelemetry, type Telemetry } from "../telemetry/index.js";
import { createSlackApp } from "./app.js";
import { boltLogger } from "./bolt-logger.js";
import type { SlackDeps } from "./deps.js";
import { identifyBot } from "./identify.js";
import type { Inflight } from "./inflight.js";
import { installerOptions } from "./oauth/installer.js";
import { guardReceiver } from "./receivers/guard.js";
import { healthRoutes } from "./receivers/routes.js";
import { telemetryRoutes } from "./receivers/telemetry-routes.js";

/** A running Slack connection. */
export interface RunningSlack {
  /** The HTTP port actually bound (HTTP mode; useful with PORT=0). */
  port?: number;
  /** Metrics and readiness (`deps.telemetry`, created here when `main.ts` did not pass one). */
  telemetry: Telemetry;
  /** OAuth mode: a workspace's bot token, as `authorize` finds it (refreshed when it rotates). */
  botTokenForTeam?: (teamId: string) => Promise<string | undefined>;
  /** Stops taking requests, waits up to `graceMs` for replies in progress, then closes. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts the Slack app in `deps.config.mode` ("http" or "socket"). */
export async function startSlack(
  deps: SlackDeps,
  opts: { retry?: Partial<webApi.RetryOptions> } = {},
): Promise<RunningSlack> {
  const { config, logger } = deps;
  const { botToken, appToken, signingSecret, apiUrl, oauth } = config.slack;
  if (oauth) return startOAuthSlack(deps, opts);
  if (!botToken) throw new Error("startSlack needs SLACK_BOT_TOKEN");
  const bot = await identifyBot(botToken, apiUrl);
  const blog = boltLogger(logger);
  deps.telemetry ??= createTelemetry();
  const telemetry = deps.telemetry;
  const routes = [...healthRoutes(deps.core), ...telemetryRoutes(telemetry, logger)];
  if (config.mode === "socket") {
    if (!appToken) throw new Error("Socket Mode needs SLACK_APP_TOKEN");
    const receiver = new SocketModeReceiver({
      appToken,
      logger: blog,
      customRoutes: routes,
      installerOptions: { port: config.port, ...(apiUrl ? { clientOptions: { slackApiUrl: apiUrl } } : {}) },
    });
    let connected = false;
    receiver.client.on("connected", () => {
      connected = true;
    });
    // "close" is the WebSocket closing (the client then waits before "reconnecting").
    for (const state of ["close", "disconnected", "reconnecting", "disconnecting"])
      receiver.client.on(state, () => {
        connected = false;
      });
    telemetry.readiness.add("socket", () => (connected ? undefined : "Socket Mode is not connected"));
    const { app, inflight } = createSlackApp({ deps, receiver, botToken, bot, apiUrl, retry: opts.retry });
    await app.start();
    logger.info(
      `connected to Slack in Socket Mode as ${bot.botUserId}; health check on :${config.port}/healthz`,
    );
    return {
      port: config.port,
      telemetry,
      stop: async (graceMs = 10_000) => {
        await inflight.drain(graceMs);
        await app.stop();
      },
    };
  }
  if (!signingSecret) throw new Error("HTTP mode needs SLACK_SIGNING_SECRET");
  const receiver = new HTTPReceiver({
    signingSecret,
    logger: blog,
    customRoutes: routes,
    processBeforeResponse: false,
  });
  guardReceiver(receiver, {
    signingSecret,
    logger,
    onRefused: (why) => telemetry.metrics.recordRefusedRequest(why),
  });
  const { app, inflight } = createSlackApp({ deps, receiver, botToken, bot, apiUrl, retry: opts.retry });
  return listen(app, inflight, deps, `as ${bot.botUserId}`);
}

/** HTTP mode for any workspace: Bolt's installer on `/slack/install`, tokens from the database. */
async function startOAuthSlack(
  deps: SlackDeps,
  opts: { retry?: Partial<webApi.RetryOptions> },
): Promise<RunningSlack> {
  const { config, logger } = deps;
  const { signingSecret, apiUrl, oauth } = config.slack;
  if (!oauth || !signingSecret) throw new Error("OAuth mode needs SLACK_CLIENT_ID and SLACK_SIGNING_SECRET");
  if (!deps.installations) throw new Error("OAuth mode needs a store for installations");
  deps.telemetry ??= createTelemetry();
  const telemetry = deps.telemetry;
  const receiver = new HTTPReceiver({
    signingSecret,
    logger: boltLogger(logger),
    customRoutes: [...healthRoutes(deps.core), ...telemetryRoutes(telemetry, logger)],
    processBeforeResponse: false,
    ...installerOptions(oauth, deps.installations, apiUrl),
  });
  guardReceiver(receiver, {
    signingSecret,
    logger,
    onRefused: (why) => telemetry.metrics.recordRefusedRequest(why),
  });
  const installer = receiver.installer;
  if (!installer) throw new Error("Bolt did not set up its installer");
  const installations = deps.installations;
  const { app, inflight } = createSlackApp({ deps, receiver, apiUrl, retry: opts.retry });
  const running = await listen(app, inflight, deps, "for any workspace (install on /slack/install)");
  return {
    ...running,
    // Not installed (or uninstalled): no token. Anything else (a wrong TOKEN_ENCRYPTION_KEY) throws.
    botTokenForTeam: async (teamId) => {
      if (await installations.getInstallation({ teamId, isEnterpriseInstall: false }))
        return (await installer.authorize({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }))
          .botToken;
      // A workspace of an org-wide install: the org's token.
      const enterpriseId = await installations.orgOfTeam(teamId);
      if (
        !enterpriseId ||
        !(await installations.getInstallation({ enterpriseId, isEnterpriseInstall: true }))
      )
        return undefined;
      return (await installer.authorize({ teamId, enterpriseId, isEnterpriseInstall: true })).botToken;
    },
  };
}

/** Starts the HTTP server and returns how to stop it. */
async function listen(app: App, inflight: Inflight, deps: SlackDeps, as: string): Promise<RunningSlack> {
  const telemetry = deps.telemetry ?? createTelemetry();
  const server = (await app.start(deps.config.port)) as Server;
  const port = (server.address() as AddressInfo).port;
  deps.logger.info(
    `listening for Slack on http://0.0.0.0:${port}/slack/events ${as}; health check on /healthz`,
  );
  return {
    port,
    telemetry,
    stop: async (graceMs = 10_000) => {
      // Stop accepting connections first; requests already received run to the end.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await inflight.drain(graceMs);
      server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
      server.closeAllConnections?.();
    },
  };
}
