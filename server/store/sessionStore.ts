import type { Db } from './db.js';

/** An admin session (the cookie value only as its SHA-256, `idHash`). */
export interface Session {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  /** The absolute end, set at sign-in. */
  expiresAt: number;
  /** The last time the user acted (background requests do not count). */
  lastActiveAt: number;
}

/** Admin sessions (the cookie value is kept only as its SHA-256) and login failures. */
export function createSessionStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_active_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const get = db.prepare<[string], Session>(
    `SELECT id_hash AS idHash, user_id AS userId, csrf_token AS csrfToken, created_at AS createdAt,
       expires_at AS expiresAt, last_active_at AS lastActiveAt FROM sessions WHERE id_hash = ?`,
  );
  const active = db.prepare(
    'UPDATE sessions SET last_active_at = ? WHERE id_hash = ? AND last_active_at < ?',
  );
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeOthers = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash != ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_active_at <= ?');
  const addFailure = db.prepare('INSERT INTO login_failures (key, at, username) VALUES (?, ?, ?)');
  const failures = db.prepare<[string, number], { n: number; first: number | null }>(
    'SELECT count(*) AS n, min(at) AS first FROM login_failures WHERE key = ? AND at > ?',
  );
  const clearFailures = db.prepare('DELETE FROM login_failures WHERE key = ?');
  const clearFailuresOf = db.prepare('DELETE FROM login_failures WHERE key = ? AND username = ?');
  const purgeFailures = db.prepare('DELETE FROM login_failures WHERE at <= ?');
  return {
    insert: (s: Session) =>
      insert.run(s.idHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt, s.lastActiveAt),
    get: (idHash: string) => get.get(idHash),
    /** The user acted at `at` (never moves back). */
    active: (idHash: string, at: number) => active.run(at, idHash, at),
    remove: (idHash: string) => remove.run(idHash),
    removeForUser: (userId: string) => removeForUser.run(userId),
    /** Every session of the user but one (a password change keeps the session that made it). */
    removeOthers: (userId: string, keepIdHash: string) => removeOthers.run(userId, keepIdHash),
    /** Sessions past their end, or idle since `idleBefore` (the longest idle limit ago). */
    purge: (now: number, idleBefore: number) => purge.run(now, idleBefore),
    /** A failed (or not yet verified) attempt under `key`, for the user name it tried. */
    addFailure: (key: string, at: number, username: string | null = null) =>
      addFailure.run(key, at, username),
    failures: (key: string, since: number) => failures.get(key, since) ?? { n: 0, first: null },
    clearFailures: (key: string) => clearFailures.run(key),
    /** The failures under `key` (an IP) that were for this user name only. */
    clearFailuresOf: (key: string, username: string) => clearFailuresOf.run(key, username),
    purgeFailures: (before: number) => purgeFailures.run(before),
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
