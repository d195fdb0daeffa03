import type { Role, User } from '../../core/protocol/rest.js';
import type { Db } from './db.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  created_at: number;
  last_login_at: number | null;
  last_login_ip: string | null;
  failed_logins: number;
}

export interface UserRecord extends User {
  passwordHash: string;
  lastLoginIp: string | null;
  /** Failed sign-ins since the last successful one. */
  failedLogins: number;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  mustChangePassword: r.must_change_password === 1,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
  passwordHash: r.password_hash,
  lastLoginIp: r.last_login_ip,
  failedLogins: r.failed_logins,
});

/** Admin users. */
export function createUserStore(db: Db) {
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, username');
  const insert = db.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, must_change_password, disabled, created_at)
     VALUES (@id, @username, @displayName, @role, @passwordHash, @mustChange, 0, @createdAt)`,
  );
  const update = db.prepare(
    'UPDATE users SET display_name = @displayName, role = @role, disabled = @disabled WHERE id = @id',
  );
  const setPassword = db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?');
  const touchLogin = db.prepare(
    'UPDATE users SET last_login_at = ?, last_login_ip = ?, failed_logins = 0 WHERE id = ?',
  );
  const failedLogin = db.prepare('UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?');
  return {
    get: (id: string) => {
      const r = byId.get(id);
      return r ? toUser(r) : undefined;
    },
    getByUsername: (username: string) => {
      const r = byName.get(username);
      return r ? toUser(r) : undefined;
    },
    list: () => all.all().map(toUser),
    insert: (u: {
      id: string;
      username: string;
      displayName: string;
      role: Role;
      passwordHash: string;
      createdAt: number;
    }) => insert.run({ ...u, mustChange: 1 }),
    update: (u: { id: string; displayName: string; role: Role; disabled: boolean }) =>
      update.run({ ...u, disabled: u.disabled ? 1 : 0 }),
    setPassword: (id: string, hash: string, mustChange: boolean) =>
      setPassword.run(hash, mustChange ? 1 : 0, id),
    /** A successful sign-in: its time and source, and the failed attempts count starts again. */
    touchLogin: (id: string, at: number, ip: string) => touchLogin.run(at, ip, id),
    failedLogin: (id: string) => failedLogin.run(id),
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
