-- Users, sessions, halls, screens, content: what the walking skeleton needs.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'list-editor', 'reviewer', 'publicity', 'operator')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_login_at INTEGER
);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures(key, at);

CREATE TABLE halls (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  opening_hours TEXT NOT NULL DEFAULT '[]',
  repair_window_text TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

CREATE TABLE media (
  hash TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('image', 'video')),
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  duration_ms INTEGER,
  original_name TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE items (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  spec TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE playlists (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'content' CHECK (role IN ('content', 'lists')),
  entries TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE screen_groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  default_playlist_id TEXT REFERENCES playlists(id),
  created_at INTEGER NOT NULL
);

CREATE TABLE screens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  group_id TEXT REFERENCES screen_groups(id),
  layout TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  revision INTEGER NOT NULL DEFAULT 1,
  acked_revision INTEGER NOT NULL DEFAULT 0,
  rendered_revision INTEGER NOT NULL DEFAULT 0,
  paired_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_seen_at INTEGER,
  version TEXT,
  uptime_s INTEGER,
  current_item TEXT,
  current_kind TEXT,
  errors INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX screens_hall ON screens(hall_id);
CREATE INDEX screens_group ON screens(group_id);

CREATE TABLE pairing_codes (
  code TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  version TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  screen_id TEXT REFERENCES screens(id) ON DELETE CASCADE
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
