-- Import flags, takedowns, the working-day calendar and API keys.
ALTER TABLE entries ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';

CREATE TABLE takedowns (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES entries(id),
  kind TEXT NOT NULL CHECK (kind IN ('repair', 'objection', 'revocation', 'correction')),
  reason TEXT NOT NULL,
  doc_no TEXT NOT NULL,
  requested_by TEXT,
  requested_at INTEGER NOT NULL,
  change_id TEXT REFERENCES changes(id)
);
CREATE INDEX takedowns_requested ON takedowns(requested_at);

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
