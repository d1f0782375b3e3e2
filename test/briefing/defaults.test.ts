import { describe, expect, it } from "vitest";
import { applyDefaultSubscription } from "../../src/briefing/defaults.js";
import { openStore } from "../../src/store/sqlite.js";

const config = {
  defaultSubscription: {
    channel: "CDEFAULT",
    time: "07:00",
    timeZone: "America/New_York",
    weekdaysOnly: true,
  },
};
const t0 = new Date("2026-03-02T05:00:00Z");
const later = new Date("2026-03-02T12:30:00Z");

describe("the configured default subscription", () => {
  it("is created at start and re-applied without moving its schedule, so a restart still posts today", async () => {
    const store = openStore(":memory:");
    expect(await applyDefaultSubscription(store, config, t0)).toMatchObject({
      channelId: "CDEFAULT",
      time: "07:00",
      timeZone: "America/New_York",
      weekdaysOnly: true,
      createdBy: "config",
    });
    expect((await applyDefaultSubscription(store, config, later))?.scheduleSince).toEqual(t0);
    await store.close();
  });

  it("does nothing when none is configured", async () => {
    const store = openStore(":memory:");
    expect(await applyDefaultSubscription(store, {}, t0)).toBeUndefined();
    expect(await store.listSubscriptions()).toEqual([]);
    await store.close();
  });

  it("leaves alone a channel someone re-subscribed from Slack with their own settings", async () => {
    const store = openStore(":memory:");
    await applyDefaultSubscription(store, config, t0);
    await store.upsertSubscription(
      {
        channelId: "CDEFAULT",
        time: "09:15",
        timeZone: "Europe/London",
        weekdaysOnly: false,
        quietWhenUnchanged: true,
        createdBy: "U42",
      },
      t0,
    );
    expect(await applyDefaultSubscription(store, config, later)).toMatchObject({
      time: "09:15",
      createdBy: "U42",
    });
    await store.close();
  });

  it("re-activates a default channel that was marked not_in_channel, so inviting the bot and restarting works", async () => {
    const store = openStore(":memory:");
    await applyDefaultSubscription(store, config, t0);
    await store.setSubscriptionStatus("CDEFAULT", "not_in_channel");
    expect((await applyDefaultSubscription(store, config, later))?.status).toBe("active");
    await store.close();
  });
});
