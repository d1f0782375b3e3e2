import { describe, expect, it } from "vitest";
import { nextSlot, slotsAt } from "../../src/briefing/due.js";
import { localDate, slotInstant } from "../../src/briefing/time.js";

const since = new Date("2026-01-01T00:00:00Z");
const sub = (time: string, timeZone: string, weekdaysOnly = false) => ({
  time,
  timeZone,
  weekdaysOnly,
  scheduleSince: since,
});

describe("briefing slots", () => {
  it("puts 08:00 in Shanghai, New York and Auckland at the right UTC instants", () => {
    expect(slotInstant("2026-03-02", "08:00", "Asia/Shanghai").toISOString()).toBe(
      "2026-03-02T00:00:00.000Z",
    );
    expect(slotInstant("2026-03-02", "08:00", "America/New_York").toISOString()).toBe(
      "2026-03-02T13:00:00.000Z",
    );
    expect(slotInstant("2026-03-02", "08:00", "Pacific/Auckland").toISOString()).toBe(
      "2026-03-01T19:00:00.000Z",
    );
  });

  it("follows daylight saving time: New York 08:00 moves an hour earlier in UTC after the March change", () => {
    expect(slotInstant("2026-03-07", "08:00", "America/New_York").toISOString()).toBe(
      "2026-03-07T13:00:00.000Z",
    );
    expect(slotInstant("2026-03-08", "08:00", "America/New_York").toISOString()).toBe(
      "2026-03-08T12:00:00.000Z",
    );
    expect(slotInstant("2026-04-05", "08:00", "Pacific/Auckland").toISOString()).toBe(
      "2026-04-04T20:00:00.000Z",
    );
  });

  it("moves a time that does not exist on the spring-forward day to just after the gap", () => {
    expect(slotInstant("2026-03-08", "02:30", "America/New_York").toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
  });

  it("uses the channel's local date, which in Auckland is already tomorrow", () => {
    const now = new Date("2026-03-02T12:00:00Z");
    expect(localDate(now, "Pacific/Auckland")).toBe("2026-03-03");
    expect(localDate(now, "America/New_York")).toBe("2026-03-02");
  });

  it("is not due before the local time, due within the grace window, and missed after it", () => {
    const s = sub("08:00", "Asia/Shanghai");
    expect(
      slotsAt(s, new Date("2026-03-01T23:59:00Z"), 120).filter((x) => x.localDate === "2026-03-02"),
    ).toEqual([]);
    expect(slotsAt(s, new Date("2026-03-02T01:59:00Z"), 120).at(-1)).toMatchObject({
      localDate: "2026-03-02",
      kind: "due",
    });
    expect(slotsAt(s, new Date("2026-03-02T02:01:00Z"), 120).at(-1)).toMatchObject({
      localDate: "2026-03-02",
      kind: "missed",
    });
  });

  it("still serves a late-evening slot whose grace window runs past local midnight", () => {
    const slots = slotsAt(sub("23:30", "America/New_York"), new Date("2026-03-03T05:15:00Z"), 120);
    expect(slots).toContainEqual(expect.objectContaining({ localDate: "2026-03-02", kind: "due" }));
  });

  it("skips Saturdays and Sundays for a weekdays-only subscription", () => {
    const saturday = new Date("2026-03-07T09:00:00Z");
    expect(slotsAt(sub("08:00", "UTC", true), saturday, 120).map((x) => x.localDate)).toEqual(["2026-03-06"]);
    expect(slotsAt(sub("08:00", "UTC"), saturday, 120).at(-1)?.localDate).toBe("2026-03-07");
    expect(nextSlot(sub("08:00", "UTC", true), saturday).localDate).toBe("2026-03-09");
  });

  it("never counts a slot from before the subscription was made", () => {
    const s = { ...sub("08:00", "UTC"), scheduleSince: new Date("2026-03-02T08:30:00Z") };
    expect(slotsAt(s, new Date("2026-03-02T09:00:00Z"), 120)).toEqual([]);
    expect(nextSlot(s, new Date("2026-03-02T09:00:00Z")).at.toISOString()).toBe("2026-03-03T08:00:00.000Z");
  });
});
