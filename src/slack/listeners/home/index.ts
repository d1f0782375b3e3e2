/** `app_home_opened`: publish the Home tab with the current status and upcoming dates. */
import type { App } from "@slack/bolt";
import { homeView } from "../../blocks/home.js";
import type { SlackDeps } from "../../deps.js";
import { EVENTS } from "../../ids.js";

/** Registers the Home tab listener. */
export function register(app: App, deps: SlackDeps): void {
  app.event(EVENTS.appHomeOpened, async ({ event, client }) => {
    if (event.tab !== "home") return;
    const now = deps.now();
    await client.views.publish({
      user_id: event.user,
      view: homeView(deps.core.status(now), deps.core.timeline(now)),
    });
  });
}
