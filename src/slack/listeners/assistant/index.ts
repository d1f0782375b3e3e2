/**
 * The assistant panel (Bolt's `Assistant`): a thread opened gets suggested prompts drawn from the
 * knowledge; the context Slack sends (the channel the user is viewing) is kept in the store as it
 * changes; a message in the thread gets a title from the question and a "thinking" status, then is
 * answered the way a DM is (the same core, the same follow-up context per thread).
 */
import { type App, Assistant } from "@slack/bolt";
import type { AssistantContext } from "../../../store/assistant.js";
import { suggestedPrompts } from "../../assistant-prompts.js";
import { truncate } from "../../blocks/limits.js";
import type { SlackDeps } from "../../deps.js";
import { safePlain } from "../../escape.js";
import { displayQuestion } from "../../question.js";
import { directKey } from "../../threads.js";
import { replyToQuestion } from "../events/reply.js";

/** Shown under the thread while the core looks for an answer; Slack clears it when the reply is posted. */
export const THINKING_STATUS = "is looking in the sources…";
/** The context Slack sends with an assistant thread (the channel the user is viewing). */
interface AssistantThreadContext {
  channel_id?: string;
  team_id?: string;
  enterprise_id?: string | null;
}

/** The assistant thread of `assistant_thread_started` and `assistant_thread_context_changed`. */
interface AssistantThread {
  channel_id: string;
  thread_ts: string;
  user_id: string;
  context?: AssistantThreadContext;
}

function isThread(t: unknown): t is AssistantThread {
  const o = t as Partial<AssistantThread> | undefined;
  return (
    typeof o?.channel_id === "string" && typeof o.thread_ts === "string" && typeof o.user_id === "string"
  );
}

/** Thread titles are shown in the panel's history; long questions are cut. */
const TITLE_MAX = 80;

function toContext(c: AssistantThreadContext | undefined): AssistantContext {
  return {
    ...(c?.channel_id ? { channelId: c.channel_id } : {}),
    ...(c?.team_id ? { teamId: c.team_id } : {}),
    ...(c?.enterprise_id ? { enterpriseId: c.enterprise_id } : {}),
  };
}

function fromContext(c: AssistantContext): AssistantThreadContext {
  return {
    ...(c.channelId ? { channel_id: c.channelId } : {}),
    ...(c.teamId ? { team_id: c.teamId } : {}),
    ...(c.enterpriseId ? { enterprise_id: c.enterpriseId } : {}),
  };
}

/** Registers the assistant panel's listeners. */
export function register(app: App, deps: SlackDeps): void {
  app.assistant(assistant(deps));
}

/** The Assistant, its thread context kept in our store rather than in message metadata. */
export function assistant(deps: SlackDeps): Assistant {
  const saveThread = async (thread: AssistantThread) => {
    await deps.store.saveAssistantThread({
      channelId: thread.channel_id,
      threadTs: thread.thread_ts,
      userId: thread.user_id,
      context: toContext(thread.context),
      at: deps.now(),
    });
  };
  return new Assistant({
    threadContextStore: {
      async get({ payload }) {
        const p = payload as {
          channel?: string;
          thread_ts?: string;
          assistant_thread?: { channel_id: string; thread_ts: string };
        };
        const channelId = p.assistant_thread?.channel_id ?? p.channel;
        const threadTs = p.assistant_thread?.thread_ts ?? p.thread_ts;
        if (!channelId || !threadTs) return {};
        const thread = await deps.store.assistantThread({ channelId, threadTs });
        return thread ? fromContext(thread.context) : {};
      },
      async save({ payload }) {
        const thread = "assistant_thread" in payload ? payload.assistant_thread : undefined;
        if (isThread(thread)) await saveThread(thread);
      },
    },
    threadStarted: async ({ event, setSuggestedPrompts }) => {
      await saveThread(event.assistant_thread);
      await setSuggestedPrompts(suggestedPrompts(deps.core, deps.now()));
    },
    threadContextChanged: async ({ event }) => {
      await saveThread(event.assistant_thread);
    },
    userMessage: async ({ message, client, context, setStatus, setTitle, logger }) => {
      if (message.subtype !== undefined || !("user" in message) || !message.user) return;
      if (message.bot_id || message.user === context.botUserId) return;
      const threadTs = "thread_ts" in message ? message.thread_ts : undefined;
      const text = message.text ?? "";
      // A reply in an ordinary DM thread arrives here too: only threads the panel opened get a
      // title and a status (Slack refuses them elsewhere); every one is answered as a DM is.
      const opened = threadTs
        ? await deps.store.assistantThread({ channelId: message.channel, threadTs })
        : undefined;
      if (opened) {
        const title = truncate(safePlain(displayQuestion(text, context.botUserId)), TITLE_MAX);
        try {
          if (title.trim()) await setTitle(title);
          await setStatus(THINKING_STATUS);
        } catch (err) {
          logger.warn(`could not set the assistant thread's title or status: ${String(err)}`);
        }
      }
      await replyToQuestion(deps, client, {
        text,
        user: message.user,
        channel: message.channel,
        ...(threadTs ? { threadTs } : {}),
        botUserId: context.botUserId,
        conversation: directKey(message.channel, threadTs),
        direct: true,
      });
    },
  });
}
