import { describe, expect, it } from "vitest";
import { parseSubscribeArgs, parseTime, resolveTimeZone } from "../../src/briefing/parse.js";

describe("reading a subscribe time", () => {
  it.each([
    ["7:30", "07:30"],
    ["07:30", "07:30"],
    ["7am", "07:00"],
    ["7:30pm", "19:30"],
    ["12am", "00:00"],
    ["12pm", "12:00"],
    ["23:59", "23:59"],
  ])("reads %s as %s", (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });

  it.each(["25:00", "7:75", "13pm", "7", "seven", "0am"])("refuses %s", (input) => {
    expect(parseTime(input)).toBeUndefined();
  });
});

describe("reading a time zone", () => {
  it("accepts IANA names in any case and common aliases", () => {
    expect(resolveTimeZone("Europe/London")).toBe("Europe/London");
    expect(resolveTimeZone("america/new_york")).toBe("America/New_York");
    expect(resolveTimeZone("Beijing")).toBe("Asia/Shanghai");
    expect(resolveTimeZone("new york")).toBe("America/New_York");
  });

  it("refuses names it does not know", () => {
    expect(resolveTimeZone("Mars/Olympus_Mons")).toBeUndefined();
    expect(resolveTimeZone("Springfield")).toBeUndefined();
  });
});

describe("reading subscribe arguments", () => {
  it("reads time, zone and weekdays in one go", () => {
    expect(parseSubscribeArgs("07:30 Europe/London weekdays")).toEqual({
      ok: true,
      request: { time: "07:30", timeZone: "Europe/London", weekdaysOnly: true, quietWhenUnchanged: false },
    });
  });

  it("leaves time and zone unset when none are given, so the defaults apply", () => {
    expect(parseSubscribeArgs("")).toEqual({
      ok: true,
      request: { weekdaysOnly: false, quietWhenUnchanged: false },
    });
  });

  it("reads a spaced am/pm time and a two-word alias", () => {
    expect(parseSubscribeArgs("7 am hong kong quiet")).toEqual({
      ok: true,
      request: { time: "07:00", timeZone: "Asia/Hong_Kong", weekdaysOnly: false, quietWhenUnchanged: true },
    });
  });

  it("explains a bad time with an example", () => {
    const result = parseSubscribeArgs("25:99 Europe/London");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/couldn't read "25:99" as a time.*subscribe 07:30/);
  });

  it("reports an unknown option after a zone as an option, suggesting the one it looks like", () => {
    const result = parseSubscribeArgs("07:30 Europe/London weekends");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatch(/^I don't know the option "weekends" — did you mean weekdays\?/);
      expect(result.problem).not.toMatch(/time zone/);
    }
    const alone = parseSubscribeArgs("07:30 weekends");
    expect(alone.ok || alone.problem).toMatch(/option "weekends" — did you mean weekdays\?/);
    const other = parseSubscribeArgs("new york hourly");
    expect(other.ok || other.problem).toMatch(
      /^I don't know the option "hourly"\. Options are weekdays, daily, quiet/,
    );
  });

  it("takes 'daily' as every day", () => {
    expect(parseSubscribeArgs("daily 08:00")).toEqual({
      ok: true,
      request: { time: "08:00", weekdaysOnly: false, quietWhenUnchanged: false },
    });
  });

  it("explains an unknown zone with an example", () => {
    const result = parseSubscribeArgs("08:00 Narnia");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/don't know the time zone "Narnia".*Europe\/London/);
  });
});
