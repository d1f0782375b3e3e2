/**
 * The production log: one JSON object a line, written by pino (NODE_ENV=production or
 * LOG_FORMAT=json). Each line has `level`, `time`, `msg`, the request's fields where known (event id,
 * team, channel, knowledge version: see log-context.ts) and `err` or `detail`. Every line passes
 * through the same `redact` as the text log before it is written, so no token or signing secret
 * reaches the sink whatever a message or a detail holds.
 */
import pino from "pino";
import type { Level, Logger, LoggerOptions } from "./log.js";
import { currentLogFields, type LogFields } from "./log-context.js";

/** A pino-backed logger writing one JSON line per record to `sink`. */
export function createJsonLogger(
  level: Level,
  sink: (line: string) => void,
  options: Pick<LoggerOptions, "fields"> & { redact: (line: string) => string },
): Logger {
  const { redact } = options;
  const root = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...defined(options.fields?.()), ...currentLogFields() }),
      // Errors keep their type, message and stack (pino's standard serializer), under `err`.
      serializers: { err: pino.stdSerializers.err },
      hooks: { streamWrite: (s) => redact(s) },
    },
    { write: (s: string) => sink(s.replace(/\n$/, "")) },
  );
  return wrap(root);
}

function wrap(p: pino.Logger): Logger & { child(fields: LogFields): Logger } {
  const at = (lvl: Level) => (msg: string, detail?: unknown) => {
    if (detail === undefined) p[lvl](msg);
    else if (detail instanceof Error) p[lvl]({ err: detail }, msg);
    else p[lvl]({ detail }, msg);
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => wrap(p.child(defined(fields))),
  };
}

function defined(fields: LogFields | undefined): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields ?? {})) if (v !== undefined && v !== "") out[k] = v;
  return out;
}
