/**
 * `manifest.yml` against Slack's manifest schema, and against what the code really registers: every
 * command and event handled is declared, every one declared is handled, and every button the app
 * renders has a listener.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { App } from "@slack/bolt";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCore } from "../../src/answer/core.js";
import { loadConfig } from "../../src/config.js";
import { draftsOf } from "../../src/curation/review.js";
import { claimView } from "../../src/curation/review-view.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { silentLogger } from "../../src/log.js";
import { answerMessage } from "../../src/slack/blocks/answer.js";
import { homeView } from "../../src/slack/blocks/home.js";
import { draftMessage } from "../../src/slack/blocks/review.js";
import { sourcesMessage } from "../../src/slack/blocks/sources.js";
import { statusMessage } from "../../src/slack/blocks/status.js";
import { timelineMessage } from "../../src/slack/blocks/timeline.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import {
  ACTION_IDS,
  ACTIONS,
  CALLBACK_IDS,
  COMMAND,
  EVENT_TYPES,
  EVENTS,
  FUNCTIONS,
} from "../../src/slack/ids.js";
import { register as actions } from "../../src/slack/listeners/actions/index.js";
import { register as assistantPanel } from "../../src/slack/listeners/assistant/index.js";
import { register as commands } from "../../src/slack/listeners/commands/index.js";
import { register as events } from "../../src/slack/listeners/events/index.js";
import { THREAD_MESSAGE_EVENTS } from "../../src/slack/listeners/events/thread-message.js";
import { register as functions } from "../../src/slack/listeners/functions/index.js";
import { register as home } from "../../src/slack/listeners/home/index.js";
import { register as views } from "../../src/slack/listeners/views/index.js";
import { openStore } from "../../src/store/sqlite.js";

const root = join(import.meta.dirname, "../..");
const manifestText = readFileSync(join(root, "manifest.yml"), "utf8");
const manifest = parse(manifestText);
const schema = JSON.parse(readFileSync(join(root, "test/fixtures/slack/manifest.schema.json"), "utf8"));
const NOW = new Date("2025-10-25T12:00:00Z");
const reviewDrafts = draftsOf(join(root, "test/fixtures/review-kb"));

/** What the listeners register, recorded by an object standing in for the Bolt app. */
interface Registered {
  events: string[];
  commands: string[];
  actions: (string | RegExp)[];
  views: string[];
  functions: string[];
}

function recordRegistrations(deps: SlackDeps): Registered {
  const seen: Registered = { events: [], commands: [], actions: [], views: [], functions: [] };
  const recorder = {
    event: (name: string) => seen.events.push(name),
    message: () => seen.events.push("message"),
    command: (name: string) => seen.commands.push(name),
    action: (id: string | RegExp | { action_id: string | RegExp }) =>
      seen.actions.push(typeof id === "object" && "action_id" in id ? id.action_id : id),
    view: (id: string) => seen.views.push(id),
    // Bolt's Assistant takes the panel's two events and the messages of its threads (DMs).
    assistant: () =>
      seen.events.push(EVENTS.assistantThreadStarted, EVENTS.assistantThreadContextChanged, "message"),
    function: (callbackId: string) => {
      seen.functions.push(callbackId);
      seen.events.push(EVENTS.functionExecuted);
    },
    use: () => {},
    error: () => {},
  };
  for (const register of [assistantPanel, events, commands, actions, home, views, functions])
    register(recorder as unknown as App, deps);
  return seen;
}

/**
 * The Events API types a registration receives: `message` listeners take DMs (the DM listener,
 * `message.im`) and thread replies in channels, private channels and group DMs (the thread listener).
 */
const MESSAGE_TYPES = ["message.im", ...Object.values(THREAD_MESSAGE_EVENTS)];
const manifestNames = (event: string) => (event === "message" ? MESSAGE_TYPES : [event]);

let deps: SlackDeps;
let registered: Registered;
beforeAll(() => {
  const core = createCore(loadKnowledge(join(root, "test/fixtures/seed-kb")));
  deps = { core, store: openStore(":memory:"), logger: silentLogger, now: () => NOW, config: loadConfig({}) };
  registered = recordRegistrations(deps);
});

describe("manifest.yml", () => {
  it("is valid against Slack's app manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("declares exactly the slash commands the code handles", () => {
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command).sort();
    expect(declared).toEqual([...registered.commands].sort());
    expect(declared).toEqual([COMMAND]);
  });

  it("declares exactly the bot events the code handles", () => {
    const handled = [...new Set(registered.events.flatMap(manifestNames))].sort();
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(handled);
    expect(handled).toEqual([...EVENT_TYPES].sort());
  });

  it("enables interactivity, the Home tab, the messages tab and Socket Mode, as the listeners need", () => {
    expect(registered.actions.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("asks for the scope each handled event and the command need", () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    const needs: Record<string, string> = {
      app_mention: "app_mentions:read",
      "message.im": "im:history",
      "message.channels": "channels:history",
      "message.groups": "groups:history",
      "message.mpim": "mpim:history",
      [COMMAND]: "commands",
    };
    for (const thing of [...registered.events.flatMap(manifestNames), ...registered.commands]) {
      if (needs[thing]) expect(scopes).toContain(needs[thing]);
    }
    expect(scopes).toContain("chat:write");
  });

  it("declares exactly the Workflow Builder steps the code handles, each with its parameters", () => {
    const declared = manifest.functions as Record<
      string,
      { input_parameters: object; output_parameters: object }
    >;
    expect(Object.keys(declared).sort()).toEqual([...registered.functions].sort());
    expect(Object.keys(declared).sort()).toEqual(Object.values(FUNCTIONS).sort());
    expect(Object.keys(declared[FUNCTIONS.ask]?.input_parameters ?? {})).toEqual(["question"]);
    expect(Object.keys(declared[FUNCTIONS.ask]?.output_parameters ?? {}).sort()).toEqual([
      "answer",
      "quote",
      "source",
    ]);
    expect(Object.keys(declared[FUNCTIONS.status]?.output_parameters ?? {})).toEqual(["status"]);
    // Slack runs an app's functions only when it is org-ready and says they run on its own server.
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    expect(manifest.settings.function_runtime).toBe("remote");
  });

  it("turns on the assistant panel and asks for the scope its API calls need", () => {
    expect(manifest.features.assistant_view.assistant_description).toMatch(/trade talks/);
    expect(manifest.oauth_config.scopes.bot).toContain("assistant:write");
  });

  it("asks for the history scopes only for the message events it subscribes to", () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    const history: Record<string, string> = {
      "channels:history": "message.channels",
      "groups:history": "message.groups",
      "im:history": "message.im",
      "mpim:history": "message.mpim",
    };
    for (const scope of scopes.filter((s) => s.endsWith(":history")))
      expect(events).toContain(history[scope]);
    expect(events.filter((e) => e.startsWith("message.")).sort()).toEqual([...MESSAGE_TYPES].sort());
  });
});

/** The ids a comment under `interactivity` lists (`#   action_ids: a, b,` continued on `#     c` lines). */
function listedInManifest(name: string): string[] {
  const m = new RegExp(`#\\s+${name}:([^\\n]*(?:\\n\\s*#\\s{4,}[^\\n]*)*)`).exec(manifestText);
  return (m?.[1] ?? "")
    .replace(/\n\s*#/g, " ")
    .split(/[\s,]+/)
    .filter(Boolean);
}

describe("action and callback ids", () => {
  it("lists in manifest.yml exactly the action ids and modal callback ids src/slack/ids.ts defines", () => {
    expect(listedInManifest("action_ids").sort()).toEqual([...ACTION_IDS].sort());
    expect(listedInManifest("callback_ids").sort()).toEqual([...CALLBACK_IDS].sort());
  });

  it("has a listener for every id it defines, and defines every id a listener is registered for", () => {
    const heard = (id: string) =>
      registered.actions.some((m) => (typeof m === "string" ? m === id : m.test(id)));
    for (const id of ACTION_IDS) expect(heard(id), `no listener for ${id}`).toBe(true);
    for (const m of registered.actions) {
      const known = ACTION_IDS.some((id) => (typeof m === "string" ? m === id : m.test(id)));
      expect(known, `listener for ${String(m)} is not in ids.ts`).toBe(true);
    }
    expect([...registered.views].sort()).toEqual([...CALLBACK_IDS].sort());
  });
});

describe("buttons", () => {
  it("has a listener for every action id the app renders", () => {
    const { core } = deps;
    const offered = core.answer("bananas in Peru?", NOW);
    const answered = core.answer("when does the truce expire?", NOW);
    const messages = [
      answerMessage(offered, { question: "bananas", now: NOW, share: { kind: "ask", question: "bananas" } }),
      answerMessage(answered, { question: "q", now: NOW, feedback: { kbVersion: "v" } }),
      statusMessage(core.status(NOW), { share: true }),
      timelineMessage(core.timeline(NOW), { share: true }),
      sourcesMessage(core.sources(), { share: true }),
      homeView(core.status(NOW), core.timeline(NOW)),
      ...reviewDrafts.entries
        .filter((e) => e.kind === "claim")
        .map((e) => draftMessage(claimView(reviewDrafts.kb as KnowledgeBase, e, reviewDrafts.entries))),
    ];
    const ids = new Set(
      messages.flatMap((m) =>
        m.blocks.flatMap((b) =>
          b.type === "actions" || b.type === "context_actions"
            ? b.elements.map((e) => ("action_id" in e ? String(e.action_id) : ""))
            : [],
        ),
      ),
    );
    expect(ids.size).toBeGreaterThanOrEqual(6);
    expect(ids).toContain(ACTIONS.feedback);
    for (const id of ids) {
      const heard = registered.actions.some((m) => (typeof m === "string" ? m === id : m.test(id)));
      expect(heard, `no listener for ${id}`).toBe(true);
    }
  });
});
