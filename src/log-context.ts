/**
 * What the log knows about the work in progress: the Slack event id, team and channel of the
 * request being handled, the knowledge version answering it. Set once per request (a Bolt
 * middleware) and read by the JSON logger for every line written while it runs, so listeners log
 * as they always did and each line still carries the request's fields.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** The fields a log line can carry; undefined ones are left out. */
export interface LogFields {
  eventId?: string;
  team?: string;
  channel?: string;
  user?: string;
  kbVersion?: string;
  [key: string]: string | number | boolean | undefined;
}

const storage = new AsyncLocalStorage<LogFields>();

/** Runs `fn` with `fields` added to every log line written inside it (nested calls add theirs). */
export function withLogFields<T>(fields: LogFields, fn: () => T): T {
  const outer = storage.getStore();
  return storage.run({ ...outer, ...defined(fields) }, fn);
}

/** The fields of the work in progress (empty outside any). */
export function currentLogFields(): LogFields {
  return storage.getStore() ?? {};
}

function defined(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}
