/**
 * Our own example payloads for the assistant panel and Workflow Builder steps (test/fixtures/slack
 * README says where each comes from), adapted per test: the shapes stay Slack's own, only ids,
 * the thread, the function's callback id and its inputs are set.
 */
import { payloadJson } from "./payloads.js";

type Envelope = Record<string, unknown> & { event: Record<string, unknown> };
type Thread = {
  channel_id?: string;
  thread_ts?: string;
  user_id?: string;
  context?: Record<string, unknown>;
};

function assistantEvent(file: string, eventId: string, thread: Thread): Envelope {
  const env = payloadJson<Envelope>(file);
  const t = env.event.assistant_thread as Record<string, unknown>;
  return { ...env, event_id: eventId, event: { ...env.event, assistant_thread: { ...t, ...thread } } };
}

/** `assistant_thread_started`: the user opened the assistant panel. */
export function assistantThreadStarted(eventId: string, thread: Thread = {}): Envelope {
  return assistantEvent("assistant_thread_started.json", eventId, thread);
}

/** `assistant_thread_context_changed`: the user moved to another channel with the panel open. */
export function assistantThreadContextChanged(eventId: string, thread: Thread = {}): Envelope {
  return assistantEvent("assistant_thread_context_changed.json", eventId, thread);
}

/** `function_executed`: a workflow ran the step `callbackId` with these inputs. */
export function functionExecuted(
  eventId: string,
  step: { callbackId: string; inputs: Record<string, unknown>; executionId: string; botAccessToken: string },
): Envelope {
  const env = payloadJson<Envelope>("function_executed.json");
  const fn = env.event.function as Record<string, unknown>;
  return {
    ...env,
    event_id: eventId,
    event: {
      ...env.event,
      function: { ...fn, callback_id: step.callbackId, title: step.callbackId },
      inputs: step.inputs,
      function_execution_id: step.executionId,
      bot_access_token: step.botAccessToken,
    },
  };
}
