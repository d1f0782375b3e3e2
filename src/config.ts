/**
 * The only reader of process.env. Parsed once at start with zod; every missing or bad variable
 * is reported on a line of its own. Empty variables count as unset.
 */
import { z } from "zod";
import { ConfigError } from "./config-error.js";
import { redactUrl } from "./feeds/redact.js";

const optionalString = z.string().min(1).optional();
const hhmm = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "must be a time like 08:00");
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone like America/New_York");
const list = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(/[\s,]+/).filter(Boolean) : []));
/** Feed addresses: each must be http(s); a bad one is named (credentials hidden). */
const feedUrls = list.superRefine((urls, ctx) => {
  for (const u of urls) {
    if (!/^https?:\/\//i.test(u) || !URL.canParse(u))
      ctx.addIssue({
        code: "custom",
        message: `${redactUrl(u)} is not a web address like https://example.com/feed.xml (separate several with commas or spaces)`,
      });
  }
});
const bool = (dflt: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
    .optional()
    .transform((v) => (v === undefined ? dflt : ["1", "true", "yes", "on"].includes(v)));

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", "must be a bot token starting xoxb-").optional(),
  SLACK_APP_TOKEN: z.string().startsWith("xapp-", "must be an app-level token starting xapp-").optional(),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: z.string().url("must be a URL like https://slack.com/api/").optional(),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: z.string().min(16, "must be at least 16 characters (a long random string)").optional(),
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .refine(
      (k) => /^[0-9a-f]{64}$/i.test(k) || Buffer.from(k, "base64").length === 32,
      "must be 32 random bytes, as 64 hex characters or base64 (openssl rand -base64 32)",
    )
    .optional(),
  SLACK_SCOPES: list,
  SLACK_USER_SCOPES: list,
  SLACK_REDIRECT_URI: z
    .string()
    .url("must be a URL like https://bot.example.com/slack/oauth_redirect")
    .optional(),
  SLACK_AUTHORIZE_URL: z.string().url("must be a URL like https://slack.com/oauth/v2/authorize").optional(),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, "must be a port number like 3000")
    .transform(Number)
    .refine((n) => n <= 65535, "must be a port number from 0 to 65535")
    .default(3000),
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  KNOWLEDGE_WATCH: bool(true),
  DATABASE_PATH: z.string().min(1).default("data/tradebot.db"),
  // Never echoed back: it may hold a password.
  DATABASE_URL: z
    .string()
    .refine(
      (u) => /^postgres(ql)?:\/\//i.test(u) && URL.canParse(u),
      "must be a PostgreSQL address like postgres://user:password@host:5432/tradebot",
    )
    .optional(),
  DEFAULT_TIME_ZONE: timeZone.default("UTC"),
  DEFAULT_SUBSCRIPTION_CHANNEL: optionalString,
  DEFAULT_SUBSCRIPTION_TIME: hhmm.default("08:00"),
  DEFAULT_SUBSCRIPTION_TIME_ZONE: timeZone.optional(),
  DEFAULT_SUBSCRIPTION_WEEKDAYS_ONLY: bool(false),
  BRIEFING_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(120),
  ADMIN_USER_IDS: list,
  ADMIN_CHANNEL_ID: optionalString,
  CURATOR_USER_IDS: list,
  CURATOR_CHANNEL_ID: optionalString,
  REVIEW_REMINDER_TIME: hhmm.default("09:00"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  LOG_FORMAT: z.enum(["text", "json"], { error: "must be text or json" }).optional(),
  NODE_ENV: z.string().optional(),
  FEEDS: feedUrls,
  FEED_POLL_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes, 1 or more" })
    .int("must be a whole number of minutes, 1 or more")
    .min(1, "must be a whole number of minutes, 1 or more")
    .default(30),
  FEED_TIMEOUT_MS: z.coerce
    .number({ error: "must be a whole number of milliseconds, 100 or more" })
    .int("must be a whole number of milliseconds, 100 or more")
    .min(100, "must be a whole number of milliseconds, 100 or more")
    .default(15_000),
});

/**
 * The bot scopes asked for at install when SLACK_SCOPES is unset: the same list as
 * `oauth_config.scopes.bot` in manifest.yml (test/config.test.ts holds them equal).
 */
export const MANIFEST_BOT_SCOPES: readonly string[] = [
  "app_mentions:read",
  "chat:write",
  "commands",
  "im:history",
  "channels:history",
  "groups:history",
  "mpim:history",
  "users:read",
  "channels:read",
  "assistant:write",
];

/**
 * "Install in any workspace" (Slack OAuth v2), on when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are
 * set: `/slack/install` and `/slack/oauth_redirect` are served and each workspace's tokens are kept
 * in the database, encrypted with `tokenEncryptionKey`.
 */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` parameter. */
  stateSecret: string;
  /** AES-256-GCM key (32 bytes) the stored tokens are encrypted with. */
  tokenEncryptionKey: Buffer;
  scopes: string[];
  userScopes: string[];
  redirectUri?: string;
  /** Slack's authorize page (GovSlack or a test's fake); Slack's own when unset. */
  authorizeUrl?: string;
}

/** How the app talks to Slack, derived from which credentials are set. */
export type Mode = "local" | "socket" | "http";

/** The validated configuration, passed down typed from `main.ts`. */
export interface Config {
  mode: Mode;
  slack: {
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
    oauth?: OAuthConfig;
  };
  port: number;
  knowledgeDir: string;
  watchKnowledge: boolean;
  databasePath: string;
  /** DATABASE_URL: with it the store is PostgreSQL there, and DATABASE_PATH is not used. */
  databaseUrl?: string;
  defaultTimeZone: string;
  defaultSubscription?: { channel: string; time: string; timeZone: string; weekdaysOnly: boolean };
  briefingGraceMinutes: number;
  adminUserIds: string[];
  adminChannelId?: string;
  /**
   * Who reviews drafts in Slack (CURATOR_USER_IDS) and where drafts and review reminders are posted
   * (CURATOR_CHANNEL_ID; none posted when unset), and the local time (REVIEW_REMINDER_TIME, in
   * DEFAULT_TIME_ZONE) after which the day's overdue reviews are posted.
   */
  curators: { userIds: string[]; channelId?: string; reminderTime: string };
  logLevel: "debug" | "info" | "warn" | "error";
  /**
   * `json` (one object a line, pino) with LOG_FORMAT=json, or in production (NODE_ENV=production)
   * in the Slack modes; `text` (readable lines) otherwise, and always in the local chat unless
   * LOG_FORMAT=json asks for it.
   */
  logFormat: "text" | "json";
  /** RSS/Atom feeds to poll for new articles (FEEDS); polling is off when empty. */
  feeds: { urls: string[]; pollMinutes: number; timeoutMs: number };
}

export { ConfigError } from "./config-error.js";

/** Reads and validates configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== "") cleaned[k] = v.trim();
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  let mode: Mode = "local";
  const oauth = oauthConfig(e, problems);
  if (oauth) {
    // Installs need a public URL for the redirect, so OAuth runs in HTTP mode; SLACK_BOT_TOKEN, if
    // set too, only posts the operator's notices (ADMIN_CHANNEL_ID, CURATOR_CHANNEL_ID).
    if (e.SLACK_APP_TOKEN)
      problems.push(
        "SLACK_APP_TOKEN: installing in any workspace (SLACK_CLIENT_ID) runs in HTTP mode; unset SLACK_APP_TOKEN",
      );
    if (!e.SLACK_SIGNING_SECRET)
      problems.push("SLACK_SIGNING_SECRET: is required with SLACK_CLIENT_ID (HTTP mode)");
    mode = "http";
  } else if (e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
    if (!e.SLACK_BOT_TOKEN) problems.push("SLACK_BOT_TOKEN: is required when any Slack credential is set");
    else if (e.SLACK_APP_TOKEN) mode = "socket";
    else if (e.SLACK_SIGNING_SECRET) mode = "http";
    else
      problems.push(
        "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode",
      );
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    mode,
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      ...(oauth ? { oauth } : {}),
    },
    port: e.PORT,
    knowledgeDir: e.KNOWLEDGE_DIR,
    watchKnowledge: e.KNOWLEDGE_WATCH,
    databasePath: e.DATABASE_PATH,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    defaultSubscription: e.DEFAULT_SUBSCRIPTION_CHANNEL
      ? {
          channel: e.DEFAULT_SUBSCRIPTION_CHANNEL,
          time: e.DEFAULT_SUBSCRIPTION_TIME,
          timeZone: e.DEFAULT_SUBSCRIPTION_TIME_ZONE ?? e.DEFAULT_TIME_ZONE,
          weekdaysOnly: e.DEFAULT_SUBSCRIPTION_WEEKDAYS_ONLY,
        }
      : undefined,
    briefingGraceMinutes: e.BRIEFING_GRACE_MINUTES,
    adminUserIds: e.ADMIN_USER_IDS,
    adminChannelId: e.ADMIN_CHANNEL_ID,
    curators: {
      userIds: e.CURATOR_USER_IDS,
      ...(e.CURATOR_CHANNEL_ID ? { channelId: e.CURATOR_CHANNEL_ID } : {}),
      reminderTime: e.REVIEW_REMINDER_TIME,
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === "production" && mode !== "local" ? "json" : "text"),
    feeds: { urls: [...new Set(e.FEEDS)], pollMinutes: e.FEED_POLL_MINUTES, timeoutMs: e.FEED_TIMEOUT_MS },
  };
}

/**
 * Every secret value in the configuration, for the logger to mask wherever it appears: the tokens,
 * the signing and state secrets, the OAuth client secret and the encryption key (hex and base64).
 */
export function configSecrets(config: Config): string[] {
  const { botToken, appToken, signingSecret, oauth } = config.slack;
  const key = oauth?.tokenEncryptionKey;
  return [
    botToken,
    appToken,
    signingSecret,
    oauth?.clientSecret,
    oauth?.stateSecret,
    key?.toString("hex"),
    key?.toString("base64"),
  ].filter((s): s is string => s !== undefined);
}

/** The OAuth settings when SLACK_CLIENT_ID or SLACK_CLIENT_SECRET is set; what is missing goes to `problems`. */
function oauthConfig(e: z.infer<typeof EnvSchema>, problems: string[]): OAuthConfig | undefined {
  if (!e.SLACK_CLIENT_ID && !e.SLACK_CLIENT_SECRET) return undefined;
  const need = (name: string, value: unknown) => {
    if (!value)
      problems.push(
        `${name}: is required to install in any workspace (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET)`,
      );
  };
  need("SLACK_CLIENT_ID", e.SLACK_CLIENT_ID);
  need("SLACK_CLIENT_SECRET", e.SLACK_CLIENT_SECRET);
  need("SLACK_STATE_SECRET", e.SLACK_STATE_SECRET);
  need("TOKEN_ENCRYPTION_KEY", e.TOKEN_ENCRYPTION_KEY);
  if (!e.SLACK_CLIENT_ID || !e.SLACK_CLIENT_SECRET || !e.SLACK_STATE_SECRET || !e.TOKEN_ENCRYPTION_KEY)
    return undefined;
  const key = e.TOKEN_ENCRYPTION_KEY;
  return {
    clientId: e.SLACK_CLIENT_ID,
    clientSecret: e.SLACK_CLIENT_SECRET,
    stateSecret: e.SLACK_STATE_SECRET,
    tokenEncryptionKey: /^[0-9a-f]{64}$/i.test(key) ? Buffer.from(key, "hex") : Buffer.from(key, "base64"),
    scopes: e.SLACK_SCOPES.length ? e.SLACK_SCOPES : [...MANIFEST_BOT_SCOPES],
    userScopes: e.SLACK_USER_SCOPES,
    ...(e.SLACK_REDIRECT_URI ? { redirectUri: e.SLACK_REDIRECT_URI } : {}),
    ...(e.SLACK_AUTHORIZE_URL ? { authorizeUrl: e.SLACK_AUTHORIZE_URL } : {}),
  };
}
