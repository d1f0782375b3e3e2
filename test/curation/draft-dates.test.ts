import { describe, expect, it } from "vitest";
import { findDates, resolveDatesIn } from "../../src/knowledge/draft-dates.js";

/** The first date a sentence mentions, resolved against `published`, as [date, precision]. */
function first(sentence: string, published: string): [string, string] | undefined {
  const [m] = findDates(sentence, published);
  return m ? [m.when.date, m.when.precision] : undefined;
}

describe("resolving the dates a news sentence mentions", () => {
  it.each([
    // published Wednesday 2031-03-12
    ["The envoys will meet next week.", "2031-03-12", "2031-03-17", "week"],
    ["The envoys met last week.", "2031-03-12", "2031-03-03", "week"],
    ["Talks continue this week.", "2031-03-12", "2031-03-10", "week"],
    ["A deal is expected this month.", "2031-03-12", "2031-03-01", "month"],
    ["A deal is expected next month.", "2031-03-12", "2031-04-01", "month"],
    ["The minister will arrive tomorrow.", "2031-03-12", "2031-03-13", "day"],
    ["The minister arrived yesterday.", "2031-03-12", "2031-03-11", "day"],
    ["The minister will arrive on Friday.", "2031-03-12", "2031-03-14", "day"],
    ["The minister arrived on Monday.", "2031-03-12", "2031-03-10", "day"],
    ["The minister will arrive next Monday.", "2031-03-12", "2031-03-17", "day"],
    ["Results are due in two weeks.", "2031-03-12", "2031-03-24", "week"],
    // Around the turn of the year the tense decides the year.
    ["The duties take effect Jan. 5.", "2031-12-20", "2032-01-05", "day"],
    ["The duties took effect Dec. 1.", "2032-01-10", "2031-12-01", "day"],
    ["The truce is set to expire in January.", "2031-12-20", "2032-01-01", "month"],
    ["The truce was agreed in November.", "2032-01-10", "2031-11-01", "month"],
    // A year in the text wins.
    ["The pact was signed Nov. 1, 2029.", "2031-03-12", "2029-11-01", "day"],
  ])("%s (published %s) → %s, precision %s", (sentence, published, date, precision) => {
    expect(first(sentence, published)).toEqual([date, precision]);
  });

  it("marks the date a statement was made as such, not as an event", () => {
    const [said, event] = findDates(
      "Firefly said on Tuesday that talks will resume next week.",
      "2031-03-12",
    );
    expect(said).toMatchObject({ saidOn: true, when: { date: "2031-03-11" } });
    expect(event).toMatchObject({ saidOn: false, when: { date: "2031-03-17", precision: "week" } });
  });

  it("writes relative dates out in the drafted answer and adds the year to bare ones", () => {
    const sentence = "Talks resume next week, and the duties take effect April 2.";
    expect(resolveDatesIn(sentence, findDates(sentence, "2031-03-12"))).toBe(
      "Talks resume next week (the week of March 17, 2031), and the duties take effect April 2, 2031.",
    );
  });

  it("dates a span of months by its last month, the nearest one, and starts it before", () => {
    const months = (sentence: string, published: string) =>
      findDates(sentence, published).map((d) => d.when.date.slice(0, 7));
    // A December report: January through November is this year's, not next.
    expect(months("The surplus for January through November reached $1 trillion.", "2031-12-10")).toEqual([
      "2031-01",
      "2031-11",
    ]);
    // A November report: cargoes booked for December through February run into next year.
    expect(months("Traders booked cargoes for December through February.", "2031-11-14")).toEqual([
      "2031-12",
      "2032-02",
    ]);
  });

  it("ignores words that only look like dates", () => {
    expect(findDates("Officials may decide to march on.", "2031-03-12")).toEqual([]);
    expect(findDates("Trade fell 3% on Feb. 30 estimates.", "2031-03-12")).toEqual([]);
  });
});
