/**
 * The schema, as ordered migrations. The database's `user_version` pragma is the number of
 * migrations applied; on start the missing ones run in one transaction. Append, never edit.
 */

/** Migration `i` takes the schema from version `i` to `i + 1`. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE processed_events (
    event_id TEXT PRIMARY KEY,
    seen_at TEXT NOT NULL
  );
  CREATE INDEX processed_events_seen_at ON processed_events (seen_at);

  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    channel_id TEXT,
    question TEXT NOT NULL,
    entry_ids TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    kb_version TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX feedback_at ON feedback (at);

  CREATE TABLE unanswered (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    question TEXT NOT NULL,
    kb_version TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX unanswered_at ON unanswered (at);

  CREATE TABLE subscriptions (
    channel_id TEXT PRIMARY KEY,
    team_id TEXT,
    time TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    weekdays_only INTEGER NOT NULL,
    quiet_when_unchanged INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    schedule_since TEXT NOT NULL
  );

  CREATE TABLE briefings (
    channel_id TEXT NOT NULL,
    local_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sending', 'posted', 'failed', 'skipped')),
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    retry_at TEXT,
    posted_at TEXT,
    message_ts TEXT,
    reason TEXT,
    kb_version TEXT,
    snapshot TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (channel_id, local_date)
  );
  `,
  // Feeds: when each was last polled and may be polled next (the minimum interval and the
  // backoff survive restarts), its HTTP validators, and every item seen, keyed by GUID (or link),
  // with a hash of its extracted text so a re-published item is not drafted twice.
  `
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled_at TEXT NOT NULL,
    next_poll_at TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );

  CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('failed', 'ingested', 'duplicate', 'gave_up')),
    attempts INTEGER NOT NULL DEFAULT 0,
    text_hash TEXT,
    url TEXT,
    last_error TEXT,
    first_seen_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
  );
  CREATE INDEX feed_items_text_hash ON feed_items (text_hash);
  `,
  // Curator notices: each draft posted for review, and each day's overdue-review reminder, is
  // claimed here (kind, key) before it is posted, so restarts and several instances post it once.
  `
  CREATE TABLE curator_notices (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'posted')),
    claimed_at TEXT NOT NULL,
    channel_id TEXT,
    message_ts TEXT,
    posted_at TEXT,
    PRIMARY KEY (kind, key)
  );
  `,
  // Watches: a channel following a topic's concepts, the claims it has seen (id → hash), and each
  // change notice claimed (watch, change) before it is posted, so it is posted at most once.
  `
  CREATE TABLE watches (
    id INTEGER PRIMARY KEY,
    channel_id TEXT NOT NULL,
    team_id TEXT,
    topic TEXT NOT NULL,
    concepts TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    seen TEXT NOT NULL DEFAULT '{}',
    UNIQUE (channel_id, concepts)
  );

  CREATE TABLE watch_notices (
    watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    change_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sending', 'posted', 'failed')),
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    message_ts TEXT,
    posted_at TEXT,
    reason TEXT,
    PRIMARY KEY (watch_id, change_key)
  );
  `,
  // Conversations in threads: each answered question with the claims it rests on (the context a
  // follow-up is read in; old rows are ignored and pruned), and each channel's thread-reply choice.
  `
  CREATE TABLE thread_turns (
    id INTEGER PRIMARY KEY,
    channel_id TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    question TEXT NOT NULL,
    fact_ids TEXT NOT NULL,
    answered INTEGER NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX thread_turns_thread ON thread_turns (channel_id, thread_ts, at);
  CREATE INDEX thread_turns_at ON thread_turns (at);

  CREATE TABLE thread_settings (
    channel_id TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // Assistant threads (the assistant panel): who opened each and the context Slack last sent for it.
  `
  CREATE TABLE assistant_threads (
    channel_id TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    user_id TEXT NOT NULL,
    context TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (channel_id, thread_ts)
  );
  `,
  // Installations (install in any workspace): one row per workspace, or per Enterprise Grid org for
  // an org-wide install, keyed 'T:<team>' or 'E:<enterprise>'. Tokens are stored sealed
  // (AES-256-GCM, src/store/token-crypto.ts), never in plaintext; details is the rest, as JSON.
  // org_teams: the workspaces seen using an org-wide install, so a briefing there finds its token.
  `
  CREATE TABLE installations (
    install_key TEXT PRIMARY KEY,
    enterprise_id TEXT,
    team_id TEXT,
    is_enterprise_install INTEGER NOT NULL,
    bot_token TEXT,
    bot_refresh_token TEXT,
    user_token TEXT,
    user_refresh_token TEXT,
    details TEXT NOT NULL,
    installed_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX installations_team ON installations (team_id);

  CREATE TABLE org_teams (
    team_id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL,
    seen_at TEXT NOT NULL
  );
  CREATE INDEX org_teams_enterprise ON org_teams (enterprise_id);
  `,
];
