-- Players on Android signage boxes (docs/android-boxes.md): the engine each paired screen last
-- said hello with, the "old boxes" mark on a screen group (only H.264/AAC MP4 video may be
-- scheduled to it), and what the player page's boot script reports from boxes that cannot run
-- the player (an engine below the floor, or an app that did not start): such a box never pairs.
ALTER TABLE screens ADD COLUMN engine_name TEXT;
ALTER TABLE screens ADD COLUMN engine_major INTEGER;
ALTER TABLE screens ADD COLUMN engine_android INTEGER;

ALTER TABLE screen_groups ADD COLUMN old_boxes INTEGER NOT NULL DEFAULT 0;

CREATE TABLE boot_reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at INTEGER NOT NULL,
  ip TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('engine_too_old', 'start_timeout', 'start_failed')),
  engine_name TEXT NOT NULL,
  engine_major INTEGER,
  engine_android INTEGER,
  webview INTEGER NOT NULL DEFAULT 0,
  user_agent TEXT NOT NULL,
  errors TEXT NOT NULL DEFAULT '[]',
  path TEXT NOT NULL
);
CREATE INDEX boot_reports_received ON boot_reports (received_at);
