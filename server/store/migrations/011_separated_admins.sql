-- foreign_keys: off
-- Three separated administrators replace `admin` (GB/T 22239-2019 8.1.4.2 d): every existing
-- admin account becomes a system administrator, who is asked at sign-in to create the security
-- and audit administrators. SQLite cannot change a CHECK, so the users table is rebuilt, with
-- foreign keys off (the first line) and checked before the commit; sessions stay signed in.
CREATE TABLE users_new (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('sysadmin', 'secadmin', 'auditor', 'list-editor', 'reviewer', 'publicity', 'operator')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_login_at INTEGER,
  last_login_ip TEXT,
  failed_logins INTEGER NOT NULL DEFAULT 0
);
INSERT INTO users_new (id, username, display_name, role, password_hash, must_change_password, disabled,
    created_at, last_login_at, last_login_ip, failed_logins)
  SELECT id, username, display_name, CASE role WHEN 'admin' THEN 'sysadmin' ELSE role END, password_hash,
    must_change_password, disabled, created_at, last_login_at, last_login_ip, failed_logins FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- Everyone reads their own actions in the audit log.
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
