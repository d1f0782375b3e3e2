/**
 * Reviewing drafts in Slack, end to end: the app over a watched copy of a knowledge folder with
 * drafts waiting (test/fixtures/review-kb), real signed requests for the buttons and the modal, the
 * Web API faked at its HTTP boundary. What a curator notices: the drafts arrive in their channel
 * once, Accept puts the claim in the files as the terminal does and the bot answers from it, the
 * modal refuses a bad edit with the line at fault, and only curators can act.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../../src/cli/run.js";
import type { KnowledgeHolder } from "../../src/knowledge/holder.js";
import { type CuratorNotices, createCuratorNotices } from "../../src/slack/curator-notices.js";
import { ACTIONS, REVIEW_EDIT_INPUT, VIEWS } from "../../src/slack/ids.js";
import { eventually } from "../curation/support.js";
import { FakeSlack, type SlackCall } from "../support/fake-slack.js";
import { buttonClick, viewSubmission } from "../support/payloads.js";
import { startTestSlackApp, type TestSlackApp } from "../support/slack-app.js";
import { sendInteraction } from "../support/slack-requests.js";

const NOW = new Date("2031-03-21T12:00:00Z");
const CURATOR = "U0CURATOR";
const CHANNEL = "C0CURATORS";
const START = "sylvania-herald-postponed-start-1";
const DRAFTS = "drafts/sylvania-herald-postponed.yml";
const ACCEPTED = "claims/sylvania-herald-postponed.yml";

let slack: FakeSlack;
let app: TestSlackApp;
let dir: string;
let clock: Date;

beforeEach(async () => {
  slack = await FakeSlack.start();
  app = await startTestSlackApp(slack, {
    now: NOW,
    knowledge: "test/fixtures/review-kb",
    env: {
      CURATOR_USER_IDS: `U0OTHER, ${CURATOR}`,
      CURATOR_CHANNEL_ID: CHANNEL,
      REVIEW_REMINDER_TIME: "09:00",
    },
  });
  dir = app.knowledgeDir as string;
  clock = NOW;
});
afterEach(async () => {
  await app.close();
  await slack.close();
});

/** The curators' notices as main.ts starts them, on the app's store (a new one is a restart). */
function notices(): CuratorNotices {
  return createCuratorNotices({
    config: app.deps.config,
    store: app.store,
    client: new webApi.WebClient("xoxb-test-token", { slackApiUrl: slack.apiUrl }),
    logger: app.log.logger,
    dir,
    knowledge: () => (app.holder as KnowledgeHolder).snapshot().kb,
    now: () => clock,
  });
}

const read = (rel: string) => readFileSync(join(dir, rel), "utf8");
const text = (call: SlackCall | { body: Record<string, unknown> }) =>
  JSON.stringify("args" in call ? call.args : call.body);
type Button = { action_id: string; value: string; text: { text: string } };
const buttonsOf = (blocks: unknown) =>
  ((blocks ?? []) as { type: string; elements?: Button[] }[]).flatMap((b) =>
    b.type === "actions" ? (b.elements ?? []) : [],
  );

/** Posts the drafts and returns the message of one draft claim as it was posted. */
async function postedDraft(id: string): Promise<SlackCall> {
  await notices().postNewDrafts();
  const call = slack
    .callsTo("chat.postMessage")
    .find((c) => buttonsOf(c.args.blocks).some((b) => b.value === id));
  if (!call) throw new Error(`no message for ${id}`);
  return call;
}

/** A curator's (or anyone's) click on a button of a posted draft message. */
async function click(actionId: string, id: string, userId = CURATOR) {
  const posted = await postedDraft(id);
  const ts = `${Date.now()}.000100`;
  const payload = {
    ...buttonClick(
      { action_id: actionId, value: id, text: actionId },
      { responseUrl: slack.responseUrl(), ephemeral: false, message: { ts, blocks: posted.args.blocks } },
    ),
    user: { id: userId, username: "margaret.dumont", name: "margaret.dumont", team_id: "T111" },
    container: { type: "message", message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
    channel: { id: CHANNEL, name: "curators" },
  };
  const res = await sendInteraction(app.target, payload);
  expect(res.status).toBe(200);
  return ts;
}

describe("drafts in the curators' channel", () => {
  it("posts each new draft once, in the thread of a digest, with what it changes and Accept, Edit, Reject", async () => {
    expect(await notices().postNewDrafts()).toBe(4);
    const posts = slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(5);
    const [digest, ...drafts] = posts as [SlackCall, ...SlackCall[]];
    expect(digest.args.channel).toBe(CHANNEL);
    expect(digest.args.text).toBe(
      "New drafts to review: 4 draft claims and 1 proposed concept from “Freedonia Postpones Wool Duties as Talks Make Progress” (The Sylvania Herald, March 20, 2031)",
    );
    // All in one thread: the digest's (the fake numbers its messages' ts in order).
    expect(new Set(drafts.map((d) => d.args.thread_ts)).size).toBe(1);
    expect(drafts[0]?.args.thread_ts).toMatch(/^\d+\.000100$/);
    const start = drafts.find((d) => text(d).includes(START)) as SlackCall;
    expect(text(start)).toContain("*start* of *Freedonian duties on Sylvanian wool*");
    expect(text(start)).toContain("Replaces `wool-duties` (The Freedonia Ledger, March 12, 2031)");
    expect(text(start)).toContain("> *Freedonia has postponed its duties on Sylvanian wool until July 1,");
    expect(buttonsOf(start.args.blocks).map((b) => [b.text.text, b.action_id])).toEqual([
      ["Accept", ACTIONS.reviewAccept],
      ["Edit", ACTIONS.reviewEdit],
      ["Reject", ACTIONS.reviewReject],
    ]);
    const brasch = drafts.find((d) => text(d).includes("sylvania-herald-postponed-said-2")) as SlackCall;
    expect(text(brasch)).toContain(
      "Accepting it also accepts the proposed concept *Ilona Brasch* (`ilona-brasch`).",
    );

    slack.reset();
    // As after a restart: the store remembers what was posted.
    expect(await notices().postNewDrafts()).toBe(0);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("posts the drafts of an article added while the app runs, once the watcher has reloaded", async () => {
    const n = notices();
    await n.postNewDrafts();
    slack.reset();
    app.holder?.onSwap(() => void n.postNewDrafts());
    const article = join(mkdtempSync(join(tmpdir(), "tradebot-article-")), "article.txt");
    cpSync("test/fixtures/fictional-kb-update/sources/sylvania-herald-postponed.txt", article);
    const added = await runCli(
      [
        "kb",
        "add-source",
        article,
        "--title",
        "Wool Duties Postponed Again",
        "--publisher",
        "The Ledger",
        "--published",
        "2031-03-21",
        "--id",
        "ledger-again",
      ],
      { out: () => {}, err: () => {}, stdin: Readable.from([""]), env: { KNOWLEDGE_DIR: dir } },
    );
    expect(added).toBe(0);
    const [digest] = await slack.waitForCalls("chat.postMessage", 2);
    expect(digest?.args.text).toMatch(
      /^New drafts to review: \d+ draft claims? .*from “Wool Duties Postponed Again”/,
    );
    rmSync(join(article, ".."), { recursive: true, force: true });
  });
});

describe("the review buttons", () => {
  it("accept: a curator's click writes the claim into the files as the terminal does, and the bot answers from it", async () => {
    await click(ACTIONS.reviewAccept, START);
    const [reply] = await slack.waitForResponses(1);
    expect(reply?.body.replace_original).toBe(true);
    expect(text(reply as { body: Record<string, unknown> })).toContain(`*Accepted* by <@${CURATOR}>`);
    expect(text(reply as { body: Record<string, unknown> })).toContain("the bot answers from it now");
    expect(buttonsOf(reply?.body.blocks)).toEqual([]);

    const claim = parse(read(ACCEPTED)).claims[0];
    expect(claim).toMatchObject({ id: START, verified_by: "margaret.dumont", verified_on: "2031-03-21" });
    expect(parse(read(DRAFTS)).claims.map((c: { id: string }) => c.id)).not.toContain(START);
    const answer = app.holder?.answer("when do the wool duties take effect", NOW);
    expect(answer?.text).toContain("July 1, 2031");
    expect(answer?.factIds[0]).toBe(START);

    // The same claim, accepted in a terminal from the same drafts, is written byte for byte the same.
    const other = mkdtempSync(join(tmpdir(), "tradebot-cli-review-"));
    try {
      cpSync("test/fixtures/review-kb", other, { recursive: true });
      await runCli(["kb", "review", "--by", "margaret.dumont"], {
        out: () => {},
        err: () => {},
        stdin: Readable.from(["a\nq\n"]),
        env: { KNOWLEDGE_DIR: other, TRADEBOT_NOW: NOW.toISOString() },
      });
      expect(readFileSync(join(other, ACCEPTED), "utf8")).toBe(read(ACCEPTED));
      expect(readFileSync(join(other, DRAFTS), "utf8")).toBe(read(DRAFTS));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("accept: a draft accepted in a terminal is served by the running app within seconds (the watcher)", async () => {
    await runCli(["kb", "review", "--by", "Margaret Dumont", "--accept-all"], {
      out: () => {},
      err: () => {},
      stdin: Readable.from([""]),
      env: { KNOWLEDGE_DIR: dir, TRADEBOT_NOW: NOW.toISOString() },
    });
    const answer = await eventually(
      () => app.holder?.answer("when do the wool duties take effect", NOW).text ?? "",
      (t) => t.includes("July 1, 2031"),
    );
    expect(answer).toContain("July 1, 2031");
  });

  it("refuses anyone who is not a curator, privately, and changes nothing", async () => {
    const before = read(DRAFTS);
    await click(ACTIONS.reviewAccept, START, "U0SOMEONE");
    const [reply] = await slack.waitForResponses(1);
    expect(reply?.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: "Only curators can review drafts.",
    });
    await click(ACTIONS.reviewEdit, START, "U0SOMEONE");
    await slack.waitForResponses(2);
    expect(slack.callsTo("views.open")).toHaveLength(0);
    expect(read(DRAFTS)).toBe(before);
  });

  it("takes the buttons off a draft's message once the draft was decided elsewhere, saying so", async () => {
    await postedDraft(START);
    await runCli(["kb", "review", "--by", "Margaret Dumont"], {
      out: () => {},
      err: () => {},
      stdin: Readable.from(["r\nq\n"]),
      env: { KNOWLEDGE_DIR: dir, TRADEBOT_NOW: NOW.toISOString() },
    });
    await click(ACTIONS.reviewAccept, START);
    const [reply] = await slack.waitForResponses(1);
    expect(reply?.body.replace_original).toBe(true);
    expect(String(reply?.body.text)).toMatch(
      /is no longer in drafts\/: it was accepted, rejected or changed elsewhere/,
    );
    expect(buttonsOf(reply?.body.blocks)).toEqual([]);
    expect(text(reply as { body: Record<string, unknown> })).toContain("Replaces `wool-duties`");
    expect(() => read(ACCEPTED)).toThrow();
  });

  it("reject: the draft leaves the drafts and the message says who rejected it", async () => {
    await click(ACTIONS.reviewReject, "sylvania-herald-postponed-said-1");
    const [reply] = await slack.waitForResponses(1);
    expect(text(reply as { body: Record<string, unknown> })).toContain(`*Rejected* by <@${CURATOR}>`);
    expect(parse(read(DRAFTS)).claims.map((c: { id: string }) => c.id)).not.toContain(
      "sylvania-herald-postponed-said-1",
    );
  });
});

describe("the edit modal", () => {
  async function openEditor(): Promise<{ yaml: string; meta: string }> {
    await click(ACTIONS.reviewEdit, START);
    const [open] = await slack.waitForCalls("views.open", 1);
    const view = open?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe(VIEWS.reviewEdit);
    const input = (view.blocks as { type: string; element?: { initial_value?: string } }[]).find(
      (b) => b.type === "input",
    );
    return { yaml: input?.element?.initial_value ?? "", meta: view.private_metadata };
  }

  const submit = (yaml: string, meta: string, userId = CURATOR) =>
    sendInteraction(
      app.target,
      viewSubmission({
        userId,
        callbackId: VIEWS.reviewEdit,
        privateMetadata: meta,
        values: { [REVIEW_EDIT_INPUT.block]: { [REVIEW_EDIT_INPUT.action]: yaml } },
      }),
    );

  it("opens with the draft's YAML, refuses a bad value with the line at fault, and writes nothing", async () => {
    const before = read(DRAFTS);
    const { yaml, meta } = await openEditor();
    expect(yaml).toMatch(/^id: sylvania-herald-postponed-start-1\nabout:\n {2}- sylvanian-wool-duties\n/);
    const bad = yaml.replace("date: 2031-07-01", "date: 2031-02-30");
    const line = bad.split("\n").indexOf("  date: 2031-02-30") + 1;
    const res = await submit(bad, meta);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({
      response_action: "errors",
      errors: { [REVIEW_EDIT_INPUT.block]: `line ${line}: value.date: is not a real calendar date` },
    });
    expect(read(DRAFTS)).toBe(before);
  });

  it("saves a good edit into the drafts and shows it in the draft's message", async () => {
    const { yaml, meta } = await openEditor();
    const res = await submit(yaml.replace("attribute: start", "attribute: end"), meta);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(parse(read(DRAFTS)).claims[0]).toMatchObject({ id: START, attribute: "end" });
    const [update] = await slack.waitForCalls("chat.update", 1);
    expect(update?.args.channel).toBe(CHANNEL);
    expect(text(update as SlackCall)).toContain("*end* of *Freedonian duties on Sylvanian wool*");
    expect(text(update as SlackCall)).toContain("Nothing the bot says now: a new claim.");
  });

  it("refuses a submission from anyone who is not a curator", async () => {
    const { yaml, meta } = await openEditor();
    const res = await submit(yaml, meta, "U0SOMEONE");
    expect(JSON.parse(res.text).errors[REVIEW_EDIT_INPUT.block]).toBe("Only curators can review drafts.");
  });
});

describe("review dates", () => {
  it("posts the claims whose review_by has passed once a day, after the reminder time, across restarts", async () => {
    clock = new Date("2031-03-21T08:59:00Z");
    expect(await notices().postOverdue()).toBe(false);
    clock = new Date("2031-03-21T09:30:00Z");
    expect(await notices().postOverdue()).toBe(true);
    const [post] = slack.callsTo("chat.postMessage");
    expect(post?.args.channel).toBe(CHANNEL);
    expect(text(post as SlackCall)).toMatch(
      /`claims\/freedonia\.yml:\d+` `firefly-role`: review by March 19, 2031 \(2 days ago\); verified by Margaret Dumont on March 12, 2031/,
    );
    expect(await notices().postOverdue()).toBe(false);
    clock = new Date("2031-03-21T18:00:00Z");
    expect(await notices().postOverdue()).toBe(false);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    clock = new Date("2031-03-22T09:01:00Z");
    expect(await notices().postOverdue()).toBe(true);
    expect(text(slack.callsTo("chat.postMessage")[1] as SlackCall)).toContain("(3 days ago)");
  });
});
