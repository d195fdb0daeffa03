-- Operations: offline alerts, uptime samples within opening hours, remote commands.
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
  hall_id TEXT NOT NULL,
  message TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  last_seen_at INTEGER,
  cleared_at INTEGER,
  acknowledged_by TEXT REFERENCES users(id),
  acknowledged_at INTEGER
);
-- At most one open alert per screen and kind: the de-duplication holds in the database too.
CREATE UNIQUE INDEX alerts_open ON alerts(screen_id, kind) WHERE cleared_at IS NULL;
CREATE INDEX alerts_raised ON alerts(raised_at);

-- One row per screen and day (in its hall's timezone): samples taken within opening hours.
CREATE TABLE uptime_samples (
  screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  hall_id TEXT NOT NULL,
  expected INTEGER NOT NULL DEFAULT 0,
  online INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (screen_id, day)
);
CREATE INDEX uptime_samples_day ON uptime_samples(day, hall_id);

CREATE TABLE commands (
  id TEXT PRIMARY KEY,
  screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  args TEXT,
  actor TEXT REFERENCES users(id),
  sent_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'sent',
  result TEXT,
  answered_at INTEGER
);
CREATE INDEX commands_screen_sent ON commands(screen_id, sent_at);

-- Reports over a date range across every screen.
CREATE INDEX plays_started_ops ON plays(started_at);
CREATE INDEX changes_created_ops ON changes(created_at);
