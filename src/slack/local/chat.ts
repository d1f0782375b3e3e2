/**
 * The local chat: talk to the bot in a terminal with no Slack at all, through the same Bolt app
 * and listeners. Typed lines become `message.im` events; `/thread <question>` mentions the bot in a
 * channel and the lines after it are replies in that thread (`message.channels`) until `/dm`;
 * `/tradetalks …` (any case; `/help` is
 * `/tradetalks help`) a slash command, a number clicks that button of the last reply (or says there
 * is no such button; a bare number is never asked as a question), `/home` opens the Home tab. What the app posts arrives at
 * a loopback Web API and is printed from the same blocks Slack would show.
 *
 * With piped input it answers each line in order and returns at the end of input.
 */
import { clearLine, createInterface, cursorTo } from "node:readline";
import { createSlackApp } from "../app.js";
import type { SlackDeps } from "../deps.js";
import { COMMAND } from "../ids.js";
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

  const show = (label: string, message: Record<string, unknown>, place: ButtonPlace) => {
    const rendered = renderMessage(message);
    buttons = rendered.buttons.map((button) => ({ button, place }));
    write(`${label}\n${indent(rendered.text)}\n\n`);
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
    return answerApi(p, show, o.deps.config.defaultTimeZone);
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

  // A terminal gets line editing and a prompt; piped input is read plainly and echoed as a transcript.
  const rl = createInterface({
    input: o.input,
    ...(interactive ? { output: o.output, terminal: true } : { terminal: false }),
  });
  rl.on("SIGINT", () => rl.close());
  rl.setPrompt("you> ");
  if (interactive) {
    o.onPrinter?.((print) => {
      clearLine(o.output, 0);
      cursorTo(o.output, 0);
      print();
      rl.prompt(true);
    });
  }
  if (interactive) {
    write(
      `Trade Talk Bot, local chat (no Slack). Ask a question, or try ${COMMAND} status, ${COMMAND} help, /home.\n/thread <question> asks in a channel thread, where follow-ups need no mention; /dm goes back.\nA number clicks that button of the last reply. /quit, Ctrl-C or Ctrl-D ends.\n\n`,
    );
    rl.prompt();
  }
  try {
    for await (const raw of rl) {
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
      if (interactive) rl.prompt();
    }
  } finally {
    o.onPrinter?.(undefined);
    rl.close();
    await inflight.drain(10_000);
    await app.stop();
    await loop.close();
  }
}

/** Answers the loopback's Web API calls as Slack would, printing what is posted. */
function answerApi(
  p: Posted,
  show: (label: string, message: Record<string, unknown>, place: ButtonPlace) => void,
  timeZone: string,
): Record<string, unknown> | undefined {
  switch (p.name) {
    case "chat.postMessage": {
      const ts = nextTs();
      const threadTs = p.body.thread_ts as string | undefined;
      show(threadTs ? "tradebot (in thread):" : "tradebot:", p.body, {
        ephemeral: false,
        messageTs: ts,
        threadTs,
      });
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
    case "users.info":
      return { user: { id: p.body.user, name: "you", real_name: "You", tz: timeZone } };
    case "conversations.info":
      return { channel: { id: p.body.channel, name: "local", is_member: true, is_im: true } };
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
