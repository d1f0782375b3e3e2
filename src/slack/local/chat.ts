/**
 * The local chat: talk to the bot in a terminal with no Slack at all, through the same Bolt app
 * and listeners. Typed lines become `message.im` events; `/thread <question>` mentions the bot in a
 * channel and the lines after it are replies in that thread (`message.channels`) until `/dm`;
 * `/tradetalks …` (any case; `/help` is
 * `/tradetalks help`) a slash command, a number clicks that button of the last reply (or says there
 * is no such button; a bare number is never asked as a question), `/home` opens the Home tab. What the app posts arrives at
 * a loopback Web API and is printed from the same blocks Slack would show.
 *
 * The daily briefing and watch notices post into the chat when due, through the Slack modes'
 * scheduler and notices (./background.ts). Mentions and the local ids print as the local
 * workspace's names ("@you", "#local"; ./workspace.ts).
 *
 * With piped input it answers each line in order and returns at the end of input.
 */
import { clearLine, createInterface, cursorTo } from "node:readline";
import type { SchedulerClock } from "../../briefing/scheduler.js";
import { createSlackApp } from "../app.js";
import type { SlackDeps } from "../deps.js";
import { COMMAND } from "../ids.js";
import { BACKGROUND_TOKEN, type LocalBackground, startLocalBackground } from "./background.js";
import { type Loopback, type Posted, startLoopback } from "./loopback.js";
import { LocalReceiver } from "./receiver.js";
import { type RenderedButton, renderMessage } from "./render-text.js";
import {
  type ButtonPlace,
  buttonClick,
  channelMention,
  directMessage,
  homeOpened,
  LOCAL_IDS,
  nextTs,
  slashCommand,
  threadReply,
} from "./requests.js";
import { type LocalWorkspace, localWorkspace, mentionNames } from "./workspace.js";

/** Where the chat reads and writes. */
export interface LocalChatOptions {
  deps: SlackDeps;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Prompt and greet (a terminal); otherwise echo each line (a transcript). Defaults to input.isTTY. */
  interactive?: boolean;
  /**
   * Given, while the chat runs, a way to print something else (a log line) without garbling the
   * prompt: the prompt line is cleared, the text printed, and the prompt redrawn with what was typed.
   */
  onPrinter?: (print: ((write: () => void) => void) | undefined) => void;
  /** The briefing scheduler's clock (tests pin it; `deps.now` should read the same time). Default: the system's. */
  clock?: SchedulerClock;
  /** The gap between the scheduler's ticks (default 30 s). */
  tickMs?: number;
}

const BOT = { botId: "BLOCAL0001", botUserId: "ULOCALBOT1" };

/** Runs the chat until the input ends (or `/quit`). */
export async function runLocalChat(o: LocalChatOptions): Promise<void> {
  const interactive = o.interactive ?? Boolean((o.input as { isTTY?: boolean }).isTTY);
  const write = (s: string) => o.output.write(s);
  let buttons: { button: RenderedButton; place: ButtonPlace }[] = [];
  let responses = 0;
  /** The thread typed lines go to, after `/thread`; undefined: the DM. */
  let thread: string | undefined;
  const workspace = localWorkspace(LOCAL_IDS, BOT.botUserId);
  const names = mentionNames(workspace);
  /** Set while a typed line is being answered; a post outside that is printed around the prompt. */
  let answering = false;
  let printAround: ((write: () => void) => void) | undefined;

  const show = (label: string, message: Record<string, unknown>, place: ButtonPlace, background = false) => {
    const rendered = renderMessage(message, 1, names);
    // A briefing or watch notice without buttons leaves the last reply's buttons clickable.
    if (!background || rendered.buttons.length)
      buttons = rendered.buttons.map((button) => ({ button, place }));
    const text = `${label}\n${indent(rendered.text)}\n\n`;
    if (printAround && !answering) printAround(() => write(text));
    else write(text);
  };

  const onPost = (p: Posted): Record<string, unknown> | undefined => {
    if (p.kind === "response") {
      if (p.body.delete_original) return undefined;
      const inChannel = p.body.response_type === "in_channel";
      show(inChannel ? "tradebot (shared in the channel):" : "tradebot (only visible to you):", p.body, {
        ephemeral: !inChannel,
        messageTs: nextTs(),
      });
      return undefined;
    }
    return answerApi(p, show, workspace, o.deps.config.defaultTimeZone);
  };

  const loop: Loopback = await startLoopback(onPost);
  const receiver = new LocalReceiver();
  const { app, inflight } = createSlackApp({
    deps: o.deps,
    receiver,
    botToken: "xoxb-local",
    bot: BOT,
    apiUrl: loop.apiUrl,
  });
  await app.start();
  // Greeted first, so a briefing due at start prints below the greeting.
  if (interactive) {
    write(
      `Trade Talk Bot, local chat (no Slack). Ask a question, or try ${COMMAND} status, ${COMMAND} help, /home.\n/thread <question> asks in a channel thread, where follow-ups need no mention; /dm goes back.\nA number clicks that button of the last reply. ${COMMAND} subscribe and ${COMMAND} watch post here when due.\n/quit, Ctrl-C or Ctrl-D ends.\n\n`,
    );
  }
  const background: LocalBackground = await startLocalBackground({
    deps: o.deps,
    apiUrl: loop.apiUrl,
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.tickMs ? { tickMs: o.tickMs } : {}),
  }).catch(async (err: unknown) => {
    await app.stop();
    await loop.close();
    throw err;
  });

  // A terminal gets line editing and a prompt; piped input is read plainly and echoed as a transcript.
  const rl = createInterface({
    input: o.input,
    ...(interactive ? { output: o.output, terminal: true } : { terminal: false }),
  });
  rl.on("SIGINT", () => rl.close());
  rl.setPrompt("you> ");
  if (interactive) {
    printAround = (print) => {
      clearLine(o.output, 0);
      cursorTo(o.output, 0);
      print();
      rl.prompt(true);
    };
    o.onPrinter?.(printAround);
  }
  if (interactive) rl.prompt();
  try {
    for await (const raw of rl) {
      answering = true;
      const line = raw.trim();
      if (!interactive && line) write(`you> ${line}\n`);
      const command = localCommand(line);
      if (command === "/quit" || command === "/exit") break;
      if (/^[-+]?\d+$/.test(line)) {
        const clicked = buttons.find((b) => b.button.n === Number(line));
        if (clicked) {
          responses += 1;
          await receiver.deliver(
            buttonClick(LOCAL_IDS, clicked.button, clicked.place, loop.responseUrl(`click-${responses}`)),
          );
        } else {
          write(`There is no button ${line} on the last reply.\n\n`);
        }
      } else if (command === COMMAND || command === "/help") {
        responses += 1;
        const text = command === "/help" ? "help" : line.slice(COMMAND.length).trim();
        await receiver.deliver(
          slashCommand(LOCAL_IDS, COMMAND, text, loop.responseUrl(`command-${responses}`)),
        );
      } else if (command === "/home") {
        await receiver.deliver(homeOpened(LOCAL_IDS));
      } else if (command === "/thread") {
        const question = line.slice(command.length).trim();
        if (!question) {
          write("Start a thread with a question: /thread when does the truce expire?\n\n");
        } else {
          const started = channelMention(LOCAL_IDS, BOT.botUserId, question);
          thread = started.ts;
          for (const event of started.events) await receiver.deliver(event);
        }
      } else if (command === "/dm") {
        thread = undefined;
        write("Back in the direct message.\n\n");
      } else if (command.startsWith("/")) {
        write(`Only ${COMMAND}, /help, /home, /thread, /dm and /quit work here.\n\n`);
      } else if (line && thread) {
        await receiver.deliver(threadReply(LOCAL_IDS, thread, line));
      } else if (line) {
        await receiver.deliver(directMessage(LOCAL_IDS, line));
      }
      answering = false;
      if (interactive) rl.prompt();
    }
  } finally {
    answering = true;
    o.onPrinter?.(undefined);
    rl.close();
    await background.stop();
    await inflight.drain(10_000);
    await app.stop();
    await loop.close();
  }
}

/** Answers the loopback's Web API calls as Slack would, printing what is posted. */
function answerApi(
  p: Posted,
  show: (label: string, message: Record<string, unknown>, place: ButtonPlace, background?: boolean) => void,
  ws: LocalWorkspace,
  timeZone: string,
): Record<string, unknown> | undefined {
  switch (p.name) {
    case "chat.postMessage": {
      const ts = nextTs();
      const threadTs = p.body.thread_ts as string | undefined;
      const channel = String(p.body.channel ?? "");
      const where = ws.conversations.get(channel);
      // The DM is where the chat is; a post anywhere else says where it went.
      const label = threadTs
        ? "tradebot (in thread):"
        : where?.isIm
          ? "tradebot:"
          : `tradebot in ${where?.shown ?? `#${channel}`}:`;
      show(label, p.body, { ephemeral: false, messageTs: ts, threadTs }, p.token === BACKGROUND_TOKEN);
      return { channel: p.body.channel, ts, message: { ...p.body, ts } };
    }
    case "chat.postEphemeral":
      show("tradebot (only visible to you):", p.body, { ephemeral: true, messageTs: nextTs() });
      return { message_ts: nextTs() };
    case "views.publish":
      show("tradebot Home tab:", (p.body.view as Record<string, unknown>) ?? {}, {
        ephemeral: true,
        messageTs: nextTs(),
      });
      return { view: { id: "VLOCAL0001" } };
    case "auth.test":
      return { user_id: BOT.botUserId, bot_id: BOT.botId, team_id: LOCAL_IDS.team, user: "tradebot" };
    case "users.info": {
      const name = ws.users.get(String(p.body.user)) ?? "you";
      return { user: { id: p.body.user, name, real_name: name, tz: timeZone } };
    }
    case "conversations.info": {
      const c = ws.conversations.get(String(p.body.channel));
      if (!c) return { ok: false, error: "channel_not_found" };
      return {
        channel: { id: p.body.channel, name: c.name, is_member: true, is_im: c.isIm, is_channel: !c.isIm },
      };
    }
    default:
      return undefined;
  }
}

/** The slash command a line starts with, lower-cased ("/TRADETALKS status" → "/tradetalks"); "" for none. */
function localCommand(line: string): string {
  const first = line.split(/\s+/)[0] ?? "";
  return first.startsWith("/") ? first.toLowerCase() : "";
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");
}
