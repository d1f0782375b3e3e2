/**
 * Answers from the frozen multi-article knowledge (seven articles, Oct. 17 to Nov. 14, 2025):
 * newer news replaces older and says what it replaced, "before" gives the older value, sources
 * that disagree on the same day are shown side by side, and a cancellation retires older dates.
 */
import { describe, expect, it } from "vitest";
import { AnswerEngine } from "../../src/answer/engine.js";
import { askMulti, citationProblems, MULTI_NOW, multi, seed } from "./support.js";

describe("newer news", () => {
  it("wins, and the answer says which report it replaces and what that said", () => {
    const a = askMulti("when does the truce expire");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(
      /^The US-China tariff truce now runs until 12:01 a\.m\. Eastern on Nov\. 10, 2026/,
    );
    expect(a.text).toMatch(/It replaces Nov\. 10, 2025, from the Oct\. 26, 2025 report\.$/);
    expect(a.citations.map((c) => c.source)).toEqual([
      "2025-11-05-tariff-truce-extended",
      "2025-10-26-kuala-lumpur-talks",
    ]);
    expect(citationProblems(multi.kb, a)).toEqual([]);
  });

  it("replaces a place with the finer one a later report gives", () => {
    const a = askMulti("where were the Malaysia talks held");
    expect(a.text).toMatch(/^The US and Chinese delegations held their talks at the Merdeka 118 tower/);
    expect(a.text).toMatch(/It replaces Malaysia, from the Oct\. 17, 2025 report\./);
  });

  it("corrects a belief in the old value with the new one", () => {
    const a = askMulti("the truce expires in November 2025, right?");
    expect(a.text).toMatch(/^No: Nov\. 10, 2026, 12:01 a\.m\. Eastern, not November 2025\. /);
  });

  it("says no to 'still happening' about a measure a newer report calls off", () => {
    const a = askMulti("is the 100% surtax still happening?");
    expect(a.text).toMatch(/^No: will not be imposed\. /);
    expect(a.factIds[0]).toBe("surtax-status-1102");
  });
});

describe("a question about before the change", () => {
  it("gives the older value first, then what the newer report says", () => {
    const a = askMulti("what was the truce expiry date before the extension?");
    expect(a.answered).toBe(true);
    const [before, after] = a.text.split(/ That was the /);
    expect(before).toMatch(/November 2025|Nov\. 10, 2025/);
    expect(before).not.toMatch(/2026/);
    expect(after).toMatch(/the Nov\. 5, 2025 report says: .*Nov\. 10, 2026/);
  });

  it("answers 'when was the truce due to expire before the extension' with the older value", () => {
    const a = askMulti("when was the truce due to expire before the extension");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^[^.]*(?:November 2025|Nov\. 10, 2025)/);
  });
});

describe("sources that disagree on the same day", () => {
  it("are shown side by side, each with its source and cited", () => {
    const a = askMulti("how long did the Trump-Xi meeting last");
    expect(a.text).toMatch(/^Sources differ\. /);
    expect(a.text).toMatch(/one hour and 40 minutes/);
    expect(a.text).toMatch(/nearly two hours/);
    expect(a.citations).toHaveLength(2);
    expect(citationProblems(multi.kb, a)).toEqual([]);
  });
});

describe("a newer cancelled or suspended status", () => {
  const beforeNov1 = new Date("2025-10-28T12:00:00Z");
  const surtaxDates = ["surtax-start", "surtax-start-1026"];

  it("retires the older start date from the status's coming-up list", () => {
    // Without the cancellation (the seed alone), the surtax's start is coming up.
    expect(seed.status(beforeNov1).upcoming.map((t) => t.entryId)).toContain("surtax-start");
    const upcoming = multi.status(beforeNov1).upcoming.map((t) => t.entryId);
    expect(upcoming.filter((id) => surtaxDates.includes(id))).toEqual([]);
    expect(upcoming.length).toBeGreaterThan(0);
  });

  it("retires the older start date from the timeline", () => {
    expect(seed.timeline(beforeNov1).map((t) => t.entryId)).toContain("surtax-start");
    const timeline = multi.timeline(MULTI_NOW).map((t) => t.entryId);
    expect(timeline.filter((id) => surtaxDates.includes(id))).toEqual([]);
    expect(timeline).toContain("truce-end-1105");
  });

  it("is mentioned when answering about the retired date", () => {
    const a = askMulti("when does the surtax start");
    expect(a.text).toMatch(/Nov\. 1, 2025/);
    expect(a.text).toMatch(/Since then, per the Nov\. 2, 2025 report: .*will not be imposed/);
    expect(a.factIds).toContain("surtax-status-1102");
  });

  it("is mentioned when asked when the 100% surtax takes effect", () => {
    expect(askMulti("when does the 100% surtax take effect").text).toMatch(/will not be imposed/);
  });
});

describe("figures asked in their units", () => {
  it("corrects a fee put forward in dollars per ton with the fee the source gives in those units", () => {
    const a = askMulti("US port fee on chinese-owned ships was $100 per net ton per voyage right");
    expect(a.text).toMatch(/^No: 50 USD per net ton per voyage, not \$100\. /);
    expect(a.factIds[0]).toBe("us-port-fees-amount-1110");
  });

  it("answers 'how many MMT' from a figure in million metric tons (the rules, before any model)", () => {
    const rules = new AnswerEngine(multi.kb, undefined, { arbiter: null });
    const a = rules.answer("how many mmt of soybeans did china pledge for the end of 2025", MULTI_NOW);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/12 million metric tons/);
  });

  it("does not give one crop's figure for another: tons of sorghum are not tons of soybeans", () => {
    const a = askMulti("how many tons of sorghum did china commit to buy");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't give a figure for sorghum\. What they say: .*soybeans/);
  });

  it("takes a figure 'of soybeans' for soybeans, though the claim's subject is the pledge", () => {
    const a = askMulti("how much soy is china supposed to buy");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/million metric tons of US soybeans/);
  });

  it("does not answer what happened after the newest source from an older promise", () => {
    const a = askMulti("how many tons of US soybeans did china buy in december 2025");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources, the newest from Nov\. 14, 2025, can't say what happened by then\./);
  });
});

describe("names and clauses the reader must not mistake", () => {
  it("reads 'the WH' as the White House though no alias says so", () => {
    const { explanation } = multi.engine.explain("what does the WH say china will buy", MULTI_NOW);
    expect(explanation.reading.concepts.map((c) => c.id)).toContain("white-house");
  });

  it("does not take 'the building where they met' for a where-question", () => {
    const { explanation } = multi.engine.explain(
      "the merdeka 118 building where they met in KL, what's notable about it",
      MULTI_NOW,
    );
    expect(explanation.reading.asked.map((a) => a.attribute)).not.toContain("where");
  });
});

describe("a status that holds for a period", () => {
  it("says when it ends, though no claim fills the end on its own", () => {
    const a = askMulti("until when are the graphite end-user checks dropped?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/until Nov\. 27, 2026/);
    expect(a.factIds[0]).toBe("graphite-checks-status-1110");
  });

  it("is China's, though the question names the US as where the exports go", () => {
    const a = askMulti("the ban on gallium exports to the US is suspended until when?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/until Nov\. 27, 2026/);
  });
});

describe("a date put forward with a change", () => {
  it("checks a wrong end date against the pause it names ('the pause ends Nov. 27, right?')", () => {
    const a = askMulti("the rare earth pause ends nov 27 2026 right?");
    expect(a.text).toMatch(/^No: Nov\. 10, 2026, not Nov\. 27, 2026\. /);
  });

  it("says yes when the extension is to the date the source gives, and reads 'to' as the end", () => {
    const a = askMulti("was the truce extended to nov 10 2026?");
    expect(a.text).toMatch(/^Yes: Nov\. 10, 2026/);
    expect(a.factIds[0]).toBe("truce-end-1105");
  });

  it("does not take 'past November 2026' for November 2026, and says so in good English", () => {
    const a = askMulti("has the truce been extended past november 2026?");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't say whether the US-China trade truce was extended\. /);
  });
});

describe("the kind a question asks for", () => {
  it("is not a word the answer must hold: 'what kind of entity is COFCO'", () => {
    const a = askMulti("what kind of entity is COFCO");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/state-owned/);
  });

  it("asks who when it is a body, however many words stand between ('which two chinese agencies')", () => {
    const a = askMulti("which two chinese agencies issued announcement no. 70");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/Commerce Ministry and the General Administration of Customs/);
  });
});

describe("the latest on something, no attribute asked", () => {
  it("is the newest report's claim of those that fit about as well", () => {
    const a = askMulti("latest on the fentanyl tariff?");
    expect(a.factIds[0]).toBe("fentanyl-tariff-amount-1105");
    expect(a.text).toMatch(/to 10% from 20%/);
  });
});

describe("details the sources lack, though a claim on the topic is near", () => {
  it("a next round when the latest they report is already past", () => {
    const a = askMulti("when's the next bessent-he round after kuala lumpur");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(
      /^My sources don't report one after the US-China talks in Malaysia \(Oct\. 26, 2025\)\./,
    );
  });

  it("a price, asked of a purchase given in tons ('price per ton' asks in dollars)", () => {
    const a = askMulti("what price per ton did COFCO pay for the oct 29 soybean cargoes");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't give that in those terms: they give 180,000 tons\./);
  });

  it("a share of one metal, when the source gives another's", () => {
    const a = askMulti("what share of global antimony does china produce");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't give a figure for antimony\./);
  });

  it("the names of five subsidiaries, when the source counts them and names none", () => {
    const a = askMulti("names of the five hanwha ocean US subsidiaries china sanctioned?");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't name them\./);
  });

  it("the person who signed, when the source names the bodies that issued it", () => {
    const a = askMulti("who personally signed announcement 70");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(
      /^My sources don't name the person\. What they say: .*General Administration of Customs/,
    );
  });

  it("what someone said about a thing, when what they said was about something else", () => {
    const a = askMulti("what did xi say about soybeans in the meeting");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't report what Xi Jinping said about the soybeans\./);
  });
});

describe("a measure whose name names its country", () => {
  it("is that country's, though the claim's text names only the measure", () => {
    const a = askMulti("what rate did china put on US chicken");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/15% on chicken/);
  });
});

describe("a figure and a date put forward together", () => {
  it("is answered no when the claim refutes the figure, though it gives no date", () => {
    const a = askMulti(
      "fwd from our customs broker: 'reciprocal rate on CN origin goes to 34% on nov 10'. true??",
    );
    expect(a.text).toMatch(/^No: 10%, not 34%\. /);
  });

  it("a count asked about 'now' is not a rate in force", () => {
    const a = askMulti(
      "how many US subsidiaries of hanwha ocean got the chinese sanctions that are now paused",
    );
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/five US subsidiaries/);
  });

  it("counts what the question counts: 'how many gallium export licenses' is not China's share of gallium", () => {
    const a = askMulti("how many gallium export licenses for US buyers has china approved since the pause?");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^My sources don't give that number: they give 94%\./);
  });

  it("'the total tonnage' of cargoes asks for tons, not the number of cargoes", () => {
    const a = askMulti("what's the total tonnage of the ~20 brazilian cargoes chinese importers booked?");
    expect(a.answered).toBe(false);
  });
});

describe("where something stands", () => {
  it("asks for its status, not a place", () => {
    const a = askMulti("where do china's oct 9 rare earth controls stand now?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/suspended its Oct\. 9 rare earth export controls until Nov\. 10, 2026/);
  });
});

describe("where, from a claim filed under another attribute", () => {
  it("is answered by a claim that names a place the question does not ('greeted Trump at the airport in Kuala Lumpur')", () => {
    const a = askMulti("where did trump greet anwar");
    expect(a.answered).toBe(true);
    expect(a.factIds[0]).toBe("trump-kl-arrival-who-1026");
    expect(a.text).toMatch(/Kuala Lumpur/);
  });
});

describe("a question about an article named by what it is about", () => {
  it("picks the article whose headline holds the words, names included, not one whose subhead has 'the'", () => {
    expect(askMulti("what's the headline on the piece about the soybean purchases?").text).toContain(
      "Beijing Won't Confirm Soybean Numbers",
    );
    expect(askMulti("what's the headline on the story about rare earth licenses").text).toContain(
      "Rare Earth Licenses",
    );
  });
});

describe("a date that sets the scene", () => {
  it("'before the Nov. 10 cut' asks for what an earlier report gave, not for a report of Nov. 10", () => {
    const a = askMulti("before the nov 10 cut, what was the fentanyl tariff");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("20%");
  });

  it("'as of Oct. 20 it was 20%: still the rate?' is answered from the newer report", () => {
    const a = askMulti("as of oct 20 the fentanyl tariff was 20%. is that still the rate?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/10 percentage points|10%/);
  });
});

describe("a belief dated by an event", () => {
  it("'the day before the summit' is checked against the figure, not refused as asking what came before", () => {
    const a = askMulti("cofco bought about 180,000 tons the day before the summit, right?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^Yes: 180,000 tons/);
  });
});

describe("a phrasal verb", () => {
  it("is how the question asks, not a topic no source has: 'wrap up', 'roll out'", () => {
    const wrap = askMulti("when did the KL talks wrap up?");
    expect(wrap.answered).toBe(true);
    expect(wrap.text).toContain("Oct. 26, 2025");
    const roll = askMulti("when did china roll out the rare earth controls that set off the tariff scare");
    expect(roll.answered).toBe(true);
    expect(roll.text).toContain("Oct. 9, 2025");
  });
});

describe("a report named by its date", () => {
  it("'as of the Oct. 17 piece' is answered from that report, though newer ones replaced it", () => {
    const a = askMulti("as of the oct 17 piece, when was the truce set to expire?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("November 2025");
    expect(a.citations[0]?.source).toBe("us-china-malaysia-talks");
  });
});

describe("'before' a named event", () => {
  it("asks about the events of its series held before it, not about that event", () => {
    const a = askMulti("bessent and he met in tokyo before the busan summit, right?");
    expect(a.text).toMatch(/^No: (?:Malaysia|Kuala Lumpur)/);
  });
});
