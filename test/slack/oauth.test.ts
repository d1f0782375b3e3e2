/**
 * Installing in any workspace, end to end over real HTTP: /slack/install redirects to Slack's
 * authorize page with a signed state, /slack/oauth_redirect exchanges the code with the fake
 * Slack's oauth.v2.access and stores the tokens encrypted, and each workspace's events are then
 * answered with that workspace's own token. Uninstalling deletes the tokens and stops briefings.
 */
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startBriefings } from "../../src/slack/briefings.js";
import { startWatchNotices } from "../../src/slack/watch-notices.js";
import { FakeClock, knowledge, memoryLogger } from "../briefing/harness.js";
import { type FakeInstall, FakeSlack } from "../support/fake-slack.js";
import {
  type OAuthTestApp,
  startOAuthTestApp,
  TEST_AUTHORIZE_URL,
  TEST_CLIENT,
} from "../support/oauth-app.js";
import { appMention } from "../support/payloads.js";
import { startTestSlackApp } from "../support/slack-app.js";
import { sendEvent } from "../support/slack-requests.js";

const NOW = new Date("2026-03-02T07:00:00Z");

const TEAM_A: FakeInstall = {
  teamId: "TAAAA0001",
  botToken: "xoxb-team-a-0001-secretpart",
  botUserId: "UBOTA",
  botId: "BBOTA",
  userId: "UINSTALLA",
  userToken: "xoxp-team-a-user-0001-secretpart",
};
const TEAM_B: FakeInstall = {
  teamId: "TBBBB0002",
  botToken: "xoxb-team-b-0002-secretpart",
  botUserId: "UBOTB",
  botId: "BBOTB",
  userId: "UINSTALLB",
  refreshToken: "xoxe-1-team-b-refresh-secretpart",
  expiresIn: 43_200,
};
const ORG: FakeInstall = {
  enterpriseId: "EORG0001",
  isEnterpriseInstall: true,
  botToken: "xoxb-org-0001-secretpart",
  botUserId: "UBOTORG",
  botId: "BBOTORG",
  userId: "UADMINORG",
};

let slack: FakeSlack;
let app: OAuthTestApp;
beforeAll(async () => {
  slack = await FakeSlack.start({ clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret });
  app = await startOAuthTestApp(slack, { now: NOW });
});
afterEach(() => slack.reset());
afterAll(async () => {
  await app?.close();
  await slack?.close();
});

/** GET /slack/install: the redirect to Slack, its state and the state cookie. */
async function startInstall() {
  const res = await fetch(`${app.baseUrl}/slack/install`, { redirect: "manual" });
  const location = new URL(res.headers.get("location") ?? "about:blank");
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { res, location, state: location.searchParams.get("state") ?? "", cookie };
}

/** The browser coming back from Slack with `code` and `state`. */
function redirectBack(params: Record<string, string>, cookie: string) {
  const q = new URLSearchParams(params).toString();
  return fetch(`${app.baseUrl}/slack/oauth_redirect?${q}`, { redirect: "manual", headers: { cookie } });
}

/** A full install of `install` with a fresh code. */
async function install(code: string, who: FakeInstall) {
  slack.addInstall(code, who);
  const { state, cookie } = await startInstall();
  const res = await redirectBack({ code, state }, cookie);
  await res.text();
  return res;
}

function rawRows(): Record<string, unknown>[] {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare("SELECT * FROM installations ORDER BY install_key").all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** An app_mention from a workspace (or an org-installed workspace), as Slack sends it. */
function mentionFrom(eventId: string, team: string, enterprise?: string) {
  const env = appMention(eventId, {
    text: "<@UBOT> what is the tariff truce?",
    channel: `C${team}`,
    user: "UASKER",
    ts: "1700000001.000100",
  });
  return {
    ...env,
    team_id: team,
    ...(enterprise ? { enterprise_id: enterprise, is_ext_shared_channel: false } : {}),
    authorizations: [
      {
        team_id: team,
        ...(enterprise ? { enterprise_id: enterprise } : {}),
        user_id: "UBOT",
        is_bot: true,
        is_enterprise_install: enterprise !== undefined,
      },
    ],
  };
}

function uninstalledFrom(eventId: string, team: string, enterprise?: string) {
  return {
    token: "XXYYZZ",
    team_id: team,
    ...(enterprise ? { enterprise_id: enterprise } : {}),
    api_app_id: "A0FAKE",
    type: "event_callback",
    event_id: eventId,
    event_time: 1_700_000_000,
    event: { type: "app_uninstalled" },
    authorizations: [
      {
        team_id: team,
        ...(enterprise ? { enterprise_id: enterprise } : {}),
        user_id: "UBOT",
        is_bot: true,
        is_enterprise_install: enterprise !== undefined,
      },
    ],
  };
}

describe("GET /slack/install", () => {
  it("redirects to Slack's authorize page with the client id, the manifest's scopes and a state", async () => {
    const { res, location, state, cookie } = await startInstall();
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(TEST_AUTHORIZE_URL);
    expect(location.searchParams.get("client_id")).toBe(TEST_CLIENT.id);
    expect(location.searchParams.get("scope")?.split(",")).toContain("chat:write");
    expect(location.searchParams.get("scope")?.split(",")).toContain("app_mentions:read");
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  });
});

describe("GET /slack/oauth_redirect", () => {
  it("stores the workspace's tokens encrypted: the raw row holds no plaintext token", async () => {
    const res = await install("code-a", TEAM_A);
    expect(res.status).toBe(200);
    const [access] = slack.callsTo("oauth.v2.access");
    expect(access?.args.code).toBe("code-a");
    const row = rawRows().find((r) => r.install_key === `T:${TEAM_A.teamId}`);
    expect(row).toBeDefined();
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(TEAM_A.botToken);
    expect(raw).not.toContain("team-a-0001");
    expect(raw).not.toContain(TEAM_A.userToken);
    expect(String(row?.bot_token)).toMatch(/^v1\./);
    expect(String(row?.user_token)).toMatch(/^v1\./);
    expect(row?.team_id).toBe(TEAM_A.teamId);
    expect(row?.is_enterprise_install).toBe(0);
    // Nothing on the way logged a token.
    expect(app.log.text()).not.toContain("team-a-0001");
  });

  it("answers each workspace's events with that workspace's own bot token", async () => {
    await install("code-b", TEAM_B);
    const refresh = JSON.stringify(rawRows().find((r) => r.install_key === `T:${TEAM_B.teamId}`));
    expect(refresh).not.toContain("team-b-refresh");
    slack.reset();
    expect((await sendEvent(app.target, mentionFrom("EvOA1", "TAAAA0001"))).status).toBe(200);
    const [a] = await slack.waitForCalls("chat.postMessage", 1);
    expect(a?.token).toBe(TEAM_A.botToken);
    expect(a?.args.channel).toBe("CTAAAA0001");
    expect((await sendEvent(app.target, mentionFrom("EvOA2", "TBBBB0002"))).status).toBe(200);
    const posts = await slack.waitForCalls("chat.postMessage", 2);
    expect(posts[1]?.token).toBe(TEAM_B.botToken);
    expect(posts[1]?.args.channel).toBe("CTBBBB0002");
  });

  it("refreshes a rotating token about to expire, stores the new pair sealed, and answers with the new token", async () => {
    const rotating: FakeInstall = {
      teamId: "TROTATE01",
      botToken: "xoxe.xoxb-1-rotating-old-secretpart",
      botUserId: "UBOTR",
      botId: "BBOTR",
      userId: "UINSTALLR",
      refreshToken: "xoxe-1-rotate-refresh-secretpart",
      expiresIn: 60, // inside Bolt's two-hour margin: refreshed on the next request
      refreshedBotToken: "xoxe.xoxb-1-rotating-new-secretpart",
    };
    await install("code-rotate", rotating);
    slack.reset();
    await sendEvent(app.target, mentionFrom("EvRotate", "TROTATE01"));
    const [post] = await slack.waitForCalls("chat.postMessage", 1);
    expect(slack.callsTo("oauth.v2.access")[0]?.args.grant_type).toBe("refresh_token");
    expect(post?.token).toBe("xoxe.xoxb-1-rotating-new-secretpart");
    const row = JSON.stringify(rawRows().find((r) => r.team_id === "TROTATE01"));
    expect(row).not.toMatch(/rotating-new|rotating-old|rotate-refresh/);
    expect(await app.running.botTokenForTeam?.("TROTATE01")).toBe("xoxe.xoxb-1-rotating-new-secretpart");
  });

  it("refuses a forged state: an error page, no code exchanged, nothing stored", async () => {
    slack.addInstall("code-forged", { ...TEAM_A, teamId: "TFORGED01" });
    const { cookie } = await startInstall();
    const res = await redirectBack({ code: "code-forged", state: "forged-state" }, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Something Went Wrong/i);
    expect(slack.callsTo("oauth.v2.access")).toHaveLength(0);
    expect(rawRows().some((r) => r.team_id === "TFORGED01")).toBe(false);
  });

  it("refuses a missing state, and a valid state without the browser's state cookie", async () => {
    slack.addInstall("code-nostate", { ...TEAM_A, teamId: "TNOSTATE1" });
    const { state } = await startInstall();
    const missing = await redirectBack({ code: "code-nostate" }, "");
    expect(missing.status).toBe(400);
    const noCookie = await redirectBack({ code: "code-nostate", state }, "");
    expect(noCookie.status).toBe(400);
    expect(slack.callsTo("oauth.v2.access")).toHaveLength(0);
    expect(rawRows().some((r) => r.team_id === "TNOSTATE1")).toBe(false);
  });

  it("stores an Enterprise Grid org-wide install under its enterprise and answers its workspaces with it", async () => {
    expect((await install("code-org", ORG)).status).toBe(200);
    const row = rawRows().find((r) => r.install_key === "E:EORG0001");
    expect(row?.is_enterprise_install).toBe(1);
    expect(row?.enterprise_id).toBe("EORG0001");
    expect(row?.team_id).toBeNull();
    expect(JSON.stringify(row)).not.toContain(ORG.botToken);
    slack.reset();
    await sendEvent(app.target, mentionFrom("EvOrg1", "TORGWS001", "EORG0001"));
    const [post] = await slack.waitForCalls("chat.postMessage", 1);
    expect(post?.token).toBe(ORG.botToken);
  });

  it("posts a due briefing in an org workspace with the org's token, and stops it when the org uninstalls", async () => {
    // The workspace was seen using the org install (the mention above), so its briefing finds the token.
    expect(await app.running.botTokenForTeam?.("TORGWS001")).toBe(ORG.botToken);
    expect(await app.running.botTokenForTeam?.("TNEVERSEEN")).toBeUndefined();
    const since = new Date("2026-03-01T00:00:00Z");
    const sub = {
      time: "08:00",
      timeZone: "UTC",
      weekdaysOnly: false,
      quietWhenUnchanged: false,
      createdBy: "U1",
    };
    await app.store.upsertSubscription({ ...sub, channelId: "CORGBRIEF", teamId: "TORGWS001" }, since);
    const posted = await briefingTick("2026-03-02T08:01:00Z");
    expect(posted.map((p) => [p.args.channel, p.token])).toEqual([["CORGBRIEF", ORG.botToken]]);

    expect((await sendEvent(app.target, uninstalledFrom("EvOrgUn", "TORGWS001", "EORG0001"))).status).toBe(
      200,
    );
    await app.log.waitFor(/uninstalled from enterprise EORG0001/);
    expect(rawRows().some((r) => r.install_key === "E:EORG0001")).toBe(false);
    expect(await app.store.getSubscription("CORGBRIEF")).toBeUndefined();
    expect(await app.running.botTokenForTeam?.("TORGWS001")).toBeUndefined();
  });
});

/** Runs one briefing tick at `iso` with the running app's per-workspace tokens; returns the posts. */
async function briefingTick(iso: string) {
  slack.reset();
  const botTokenForTeam = app.running.botTokenForTeam;
  const scheduler = await startBriefings({
    config: app.deps.config,
    store: app.store,
    knowledge,
    logger: memoryLogger(),
    clock: FakeClock.at(iso),
    ...(botTokenForTeam ? { botTokenForTeam } : {}),
  });
  await scheduler.tick();
  await scheduler.stop();
  return slack.callsTo("chat.postMessage");
}

describe("uninstalling", () => {
  it("deletes the workspace's tokens and its due briefing is not posted; other workspaces' still are", async () => {
    const store = app.store;
    const since = new Date("2026-03-01T00:00:00Z");
    const sub = {
      time: "08:00",
      timeZone: "UTC",
      weekdaysOnly: false,
      quietWhenUnchanged: false,
      createdBy: "U1",
    };
    await store.upsertSubscription({ ...sub, channelId: "CBRIEFA", teamId: TEAM_A.teamId }, since);
    await store.upsertSubscription({ ...sub, channelId: "CBRIEFB", teamId: TEAM_B.teamId }, since);
    expect(rawRows().some((r) => r.team_id === TEAM_A.teamId)).toBe(true);

    expect((await sendEvent(app.target, uninstalledFrom("EvUnA", "TAAAA0001"))).status).toBe(200);
    await app.log.waitFor(/uninstalled from team TAAAA0001/);
    expect(rawRows().some((r) => r.team_id === TEAM_A.teamId)).toBe(false);
    expect(await store.getSubscription("CBRIEFA")).toBeUndefined();
    expect(await store.getSubscription("CBRIEFB")).toBeDefined();

    expect(app.running.botTokenForTeam).toBeDefined();
    expect(await app.running.botTokenForTeam?.(TEAM_A.teamId as string)).toBeUndefined();
    const posts = await briefingTick("2026-03-02T08:01:00Z");
    expect(posts.map((p) => p.args.channel)).toEqual(["CBRIEFB"]);
    expect(posts[0]?.token).toBe(TEAM_B.botToken);
  });

  it("tokens_revoked for users only drops the user tokens and keeps the bot's", async () => {
    await install("code-a2", TEAM_A);
    expect(String(rawRows().find((r) => r.team_id === TEAM_A.teamId)?.user_token)).toMatch(/^v1\./);
    const envelope = {
      ...uninstalledFrom("EvRevoke", "TAAAA0001"),
      event: { type: "tokens_revoked", tokens: { oauth: [TEAM_A.userId] } },
    };
    expect((await sendEvent(app.target, envelope)).status).toBe(200);
    await app.log.waitFor(/user tokens revoked in TAAAA0001/);
    const row = rawRows().find((r) => r.team_id === TEAM_A.teamId);
    expect(row?.user_token).toBeNull();
    expect(String(row?.bot_token)).toMatch(/^v1\./);
  });

  it("acknowledges an event from a workspace without an install and answers nothing there", async () => {
    slack.reset();
    const res = await sendEvent(app.target, mentionFrom("EvNoInstall", "TNOTINST1"));
    expect(res.status).toBe(200);
    await app.log.waitFor(/not answering event_callback: .*no installation for team TNOTINST1/);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("tokens_revoked for the bot is an uninstall", async () => {
    const envelope = {
      ...uninstalledFrom("EvRevokeBot", "TAAAA0001"),
      event: { type: "tokens_revoked", tokens: { bot: [TEAM_A.botUserId] } },
    };
    expect((await sendEvent(app.target, envelope)).status).toBe(200);
    await app.log.waitFor(/uninstalled from team TAAAA0001: tokens deleted/);
    expect(rawRows().some((r) => r.team_id === TEAM_A.teamId)).toBe(false);
  });
});

describe("watch notices", () => {
  it("are posted with the watch's workspace token, and not at all in a workspace without an install", async () => {
    const watch = { topic: "the truce", concepts: ["truce"], createdBy: "U1", seen: {} };
    await app.store.addWatch({ ...watch, channelId: "CWATCHB", teamId: TEAM_B.teamId }, NOW);
    await app.store.addWatch({ ...watch, channelId: "CWATCHGONE", teamId: "TGONE0001" }, NOW);
    slack.reset();
    const botTokenForTeam = app.running.botTokenForTeam;
    const notices = startWatchNotices({
      store: app.store,
      ...(botTokenForTeam ? { botTokenForTeam } : {}),
      apiUrl: slack.apiUrl,
      logger: app.log.logger,
      knowledge: () => knowledge().kb,
      onSwap: () => () => {},
      now: () => NOW,
    });
    await notices.check();
    await notices.close();
    const posts = slack.callsTo("chat.postMessage");
    expect(posts.length).toBeGreaterThan(0);
    expect(new Set(posts.map((p) => p.args.channel))).toEqual(new Set(["CWATCHB"]));
    expect(new Set(posts.map((p) => p.token))).toEqual(new Set([TEAM_B.botToken]));
    expect(app.log.text()).toMatch(/CWATCHGONE\): the app is not installed in its workspace/);
  });
});

describe("single-workspace token mode", () => {
  it("is unchanged: no install path, and events use SLACK_BOT_TOKEN", async () => {
    const fake = await FakeSlack.start();
    const single = await startTestSlackApp(fake, { now: NOW });
    try {
      expect(
        loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).slack.oauth,
      ).toBeUndefined();
      const res = await fetch(`${single.baseUrl}/slack/install`, { redirect: "manual" });
      expect(res.status).toBe(404);
      await sendEvent(single.target, mentionFrom("EvSingle", "TAAAA0001"));
      const [post] = await fake.waitForCalls("chat.postMessage", 1);
      expect(post?.token).toBe("xoxb-test-token");
    } finally {
      await single.close();
      await fake.close();
    }
  });
});
