-- Sessions end when idle (last_active_at + the role's idle limit) or at expires_at, now an
-- absolute end set at sign-in. Only what the user does moves last_active_at: background
-- refreshes and live updates do not. Sessions from before start their idle time at creation.
ALTER TABLE sessions ADD COLUMN last_active_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_active_at = created_at;

-- The sign-in notice: where the last sign-in came from, and the failed attempts since.
ALTER TABLE users ADD COLUMN last_login_ip TEXT;
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
