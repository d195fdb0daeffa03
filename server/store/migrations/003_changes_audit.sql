-- Changes and their convergence per screen; the audit hash chain.
CREATE TABLE changes (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  actor TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE change_screens (
  change_id TEXT NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
  screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  received_at INTEGER,
  rendered_at INTEGER,
  PRIMARY KEY (change_id, screen_id)
);
CREATE INDEX change_screens_screen ON change_screens(screen_id, revision);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT,
  action TEXT NOT NULL,
  target TEXT,
  summary TEXT NOT NULL,
  mac TEXT NOT NULL
);

-- Proof of play: one record per item shown, idempotent by the player's id.
CREATE TABLE plays (
  id TEXT PRIMARY KEY,
  screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  playlist_id TEXT NOT NULL,
  campaign_id TEXT,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  entries TEXT
);
CREATE INDEX plays_screen_started ON plays(screen_id, started_at);
