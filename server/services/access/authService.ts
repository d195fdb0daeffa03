import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ADMIN_ROLES, PRIVILEGED_ROLES, type Role, type SessionInfo } from '../../../core/protocol/rest.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { badRequest, notSignedIn, rateLimited, unauthenticated } from '../../errors.js';
import type { SessionStore } from '../../store/sessionStore.js';
import type { UserRecord, UserStore } from '../../store/userStore.js';
import type { AuditService } from '../shared/auditService.js';
import type { EventBus } from '../shared/events.js';
import type { SecretHasher } from '../shared/secretHash.js';
import type { PasswordPolicy } from './passwordPolicy.js';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** argon2id with OWASP's memory-hard parameters. */
export const hashPassword = (password: string) =>
  hash(password, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });

/** A readable random password: no look-alike characters. */
export function randomPassword(length = 14): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export interface AuthedSession {
  user: UserRecord;
  csrfToken: string;
  idHash: string;
}

type AuthDeps = {
  hashes: SecretHasher;
  users: UserStore;
  sessions: SessionStore;
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  config: Pick<
    Config,
    'sessionTtlMs' | 'privilegedSessionIdleMs' | 'sessionMaxAgeMs' | 'loginMaxFailures' | 'loginWindowMs'
  >;
  passwords: PasswordPolicy;
};

/** Passwords, sessions and the login rate limit. */
export function createAuthService({
  hashes,
  users,
  sessions,
  audit,
  bus,
  clock,
  config,
  passwords,
}: AuthDeps) {
  const toInfo = (user: UserRecord, csrfToken: string): SessionInfo => ({
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
    },
    csrfToken,
    // The system administrator is asked to create the administrators no account holds yet.
    ...(user.role === 'sysadmin' ? setupOf() : {}),
  });
  const setupOf = () => {
    const held = new Set(
      users
        .list()
        .filter((u) => !u.disabled)
        .map((u) => u.role),
    );
    const setup = ADMIN_ROLES.filter((r) => !held.has(r));
    return setup.length > 0 ? { setup } : {};
  };

  /** How long a session of this role may stay idle. */
  const idleLimit = (role: Role) =>
    PRIVILEGED_ROLES.includes(role) ? config.privilegedSessionIdleMs : config.sessionTtlMs;
  const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;
  const minutes = (ms: number) => Math.round(ms / 60_000);

  type Current =
    | { session: AuthedSession; storedActiveAt: number }
    | { ended: 'idle' | 'lifetime'; userId: string }
    | undefined;
  /** The session behind a cookie's hash as it stands. */
  function current(idHash: string): Current {
    const s = sessions.get(idHash);
    if (!s) return undefined;
    const user = users.get(s.userId);
    if (!user || user.disabled) return undefined;
    const now = clock.now();
    if (now >= s.expiresAt) return { ended: 'lifetime', userId: user.id };
    // Against what the server last heard of the user, before this request: a request cannot
    // bring back a session that had already gone idle.
    if (now >= s.lastActiveAt + idleLimit(user.role)) return { ended: 'idle', userId: user.id };
    return { session: { user, csrfToken: s.csrfToken, idHash }, storedActiveAt: s.lastActiveAt };
  }

  /** Ends a session that ran out, and tells its sockets. */
  function expire(idHash: string, userId: string, ended: 'idle' | 'lifetime'): never {
    sessions.remove(idHash);
    bus.emit({ type: 'session:ended', reason: 'expired', userId, idHash });
    throw notSignedIn(
      'session_expired',
      ended === 'idle'
        ? '长时间未操作，已自动退出登录，请重新登录'
        : `登录已超过 ${hours(config.sessionMaxAgeMs)} 小时，请重新登录`,
    );
  }

  /** A sign-in that failed, for the audit log and the user's notice at their next sign-in. */
  function failed(username: string, ip: string, reason: string, user: UserRecord | undefined): void {
    if (user) users.failedLogin(user.id);
    audit.record({
      actor: null,
      action: 'login.failed',
      target: user?.id ?? null,
      summary: { username, ip, reason },
    });
  }

  /**
   * Counts an attempt before its password is verified (argon2 is async: checking the limit first
   * and counting failures after let 30 parallel guesses through). Limit check and the row are
   * written in one synchronous step, so at most `loginMaxFailures` attempts per key are ever
   * being verified or have failed within the window; a success removes its own row.
   */
  function reserve(username: string, ip: string): void {
    const keys = [`user:${username}`, `ip:${ip}`];
    const now = clock.now();
    const since = now - config.loginWindowMs;
    for (const key of keys) {
      const { n, first } = sessions.failures(key, since);
      if (n >= config.loginMaxFailures && first !== null) {
        const retryS = Math.max(1, Math.ceil((first + config.loginWindowMs - now) / 1000));
        // The lock is audited once a window and key; the refused attempts are only counted.
        if (sessions.failures(`locked:${key}`, since).n === 0) {
          sessions.addFailure(`locked:${key}`, now, username);
          const user = users.getByUsername(username);
          audit.record({
            actor: null,
            action: 'login.locked',
            target: key.startsWith('user:') ? (user?.id ?? null) : null,
            summary: { username, ip, by: key.startsWith('user:') ? 'username' : 'ip', retryS },
          });
        }
        const locked = users.getByUsername(username);
        if (locked) users.failedLogin(locked.id);
        throw rateLimited(
          retryS,
          `登录失败次数过多，请 ${Math.ceil(retryS / 60)} 分钟后再试，或联系系统管理员重置密码`,
        );
      }
    }
    for (const key of keys) sessions.addFailure(key, now, username);
  }

  /** A verified password: this user's failures go, and from this IP only those for this user. */
  function succeeded(username: string, ip: string): void {
    sessions.clearFailures(`user:${username}`);
    sessions.clearFailuresOf(`ip:${ip}`, username);
  }

  return {
    async login(
      username: string,
      password: string,
      ip: string,
    ): Promise<{ cookie: string; info: SessionInfo }> {
      const name = username.toLowerCase();
      reserve(name, ip);
      const user = users.getByUsername(name);
      // Hashing for unknown users too keeps their timing alike.
      const ok = user
        ? await verify(user.passwordHash, password)
        : await hashPassword(password).then(() => false);
      if (!user || !ok || user.disabled) {
        // The attempt was counted by reserve(); it stays counted, and is audited.
        const disabled = Boolean(user?.disabled && ok);
        failed(name, ip, !user ? 'unknown_user' : disabled ? 'account_disabled' : 'wrong_password', user);
        if (disabled) throw notSignedIn('account_disabled', '该账号已停用，请联系系统管理员');
        throw notSignedIn('invalid_credentials', '用户名或密码错误');
      }
      succeeded(name, ip);
      const cookie = randomBytes(32).toString('hex');
      const csrfToken = randomBytes(24).toString('hex');
      const now = clock.now();
      sessions.insert({
        idHash: hashes.hash(cookie),
        userId: user.id,
        csrfToken,
        createdAt: now,
        expiresAt: now + config.sessionMaxAgeMs,
        lastActiveAt: now,
      });
      const notice = {
        previousAt: user.lastLoginAt,
        previousIp: user.lastLoginIp,
        failedSince: user.failedLogins,
      };
      users.touchLogin(user.id, now, ip);
      audit.record({
        actor: user.id,
        action: 'login',
        target: user.id,
        summary: { username: user.username, ip },
      });
      return { cookie, info: { ...toInfo(user, csrfToken), notice } };
    },

    /**
     * The session behind a cookie; undefined when there is none. `idleMs` is how long the user
     * had been away when the page sent the request (IDLE_HEADER; 0 for a client that does not
     * say): the user's last activity is now minus that, so a page's background refresh keeps no
     * idle session alive (the admin sends a keep-alive while the user works without requests).
     * A session past its idle limit (by role) or its absolute lifetime ends here with 401
     * session_expired.
     */
    authenticate(cookie: string | undefined, idleMs = 0): AuthedSession | undefined {
      if (!cookie || !/^[0-9a-f]{64}$/.test(cookie)) return undefined;
      const now = clock.now();
      const activityAt = now - Math.min(Math.max(0, idleMs), now);
      // A session opened before a switch of HALLCAST_CRYPTO keeps its hash: it ends within its
      // lifetime, and its sockets are filed under that hash (realtime/adminSessions.ts).
      const idHash = hashes.candidates(cookie).find((h) => sessions.get(h));
      const found = idHash === undefined ? undefined : current(idHash);
      if (!found || idHash === undefined) return undefined;
      if ('ended' in found) return expire(idHash, found.userId, found.ended);
      // Written when it moved by a second or more: one small write per active request at most.
      if (activityAt >= found.storedActiveAt + 1000) sessions.active(idHash, activityAt);
      return found.session;
    },

    /**
     * The session as it stands, without counting activity: an open socket is not activity, so
     * re-checking a live admin connection must not keep its session alive.
     */
    peek(idHash: string): AuthedSession | undefined {
      const found = current(idHash);
      return found && 'session' in found ? found.session : undefined;
    },

    /** The idle limit of a role's sessions, in minutes, for the admin to show. */
    idleMinutes: (role: Role) => minutes(idleLimit(role)),

    logout(s: AuthedSession): void {
      sessions.remove(s.idHash);
      bus.emit({ type: 'session:ended', reason: 'logout', userId: s.user.id, idHash: s.idHash });
    },

    info: (s: AuthedSession): SessionInfo => toInfo(s.user, s.csrfToken),

    /**
     * Changes one's own password. The current-password check shares the login's failure budget
     * (same secret, same keys); the new one must pass the strength policy. Every other session
     * of the user ends (and its sockets close); the one that made the change stays.
     */
    async changePassword(s: AuthedSession, current: string, next: string, ip: string): Promise<SessionInfo> {
      if (current === next) throw badRequest('same_password', '新密码不能与当前密码相同');
      passwords.check(next, [s.user.username, s.user.displayName]);
      reserve(s.user.username, ip);
      if (!(await verify(s.user.passwordHash, current))) {
        throw badRequest('wrong_password', '当前密码不正确，请重新输入');
      }
      succeeded(s.user.username, ip);
      const passwordHash = await hashPassword(next);
      const user = users.get(s.user.id);
      if (!user || user.disabled || !sessions.get(s.idHash)) throw unauthenticated();
      users.setPassword(s.user.id, passwordHash, false);
      sessions.removeOthers(s.user.id, s.idHash);
      audit.record({ actor: s.user.id, action: 'password.change', target: s.user.id, summary: {} });
      bus.emit({
        type: 'session:ended',
        reason: 'password_changed',
        userId: s.user.id,
        exceptIdHash: s.idHash,
      });
      const updated = users.get(s.user.id);
      if (!updated) throw unauthenticated();
      return toInfo(updated, s.csrfToken);
    },

    purge(): void {
      const now = clock.now();
      sessions.purge(now, now - Math.max(config.sessionTtlMs, config.privilegedSessionIdleMs));
      sessions.purgeFailures(now - config.loginWindowMs);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
