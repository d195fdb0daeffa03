import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { SessionInfo } from '../../../core/protocol/rest.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { badRequest, notSignedIn, rateLimited, unauthenticated } from '../../errors.js';
import type { SessionStore } from '../../store/sessionStore.js';
import type { UserRecord, UserStore } from '../../store/userStore.js';
import type { AuditService } from '../shared/auditService.js';
import type { EventBus } from '../shared/events.js';
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
  users: UserStore;
  sessions: SessionStore;
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  config: Pick<Config, 'sessionTtlMs' | 'loginMaxFailures' | 'loginWindowMs'>;
  passwords: PasswordPolicy;
};

/** Passwords, sessions and the login rate limit. */
export function createAuthService({ users, sessions, audit, bus, clock, config, passwords }: AuthDeps) {
  const toInfo = (user: UserRecord, csrfToken: string): SessionInfo => ({
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
    },
    csrfToken,
  });

  function current(idHash: string): { session: AuthedSession; expiresAt: number } | undefined {
    const s = sessions.get(idHash);
    if (!s || s.expiresAt <= clock.now()) return undefined;
    const user = users.get(s.userId);
    if (!user || user.disabled) return undefined;
    return { session: { user, csrfToken: s.csrfToken, idHash }, expiresAt: s.expiresAt };
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
        // The attempt was counted by reserve(); it stays counted.
        if (user?.disabled && ok) throw notSignedIn('account_disabled', '该账号已停用，请联系系统管理员');
        throw notSignedIn('invalid_credentials', '用户名或密码错误');
      }
      succeeded(name, ip);
      const cookie = randomBytes(32).toString('hex');
      const csrfToken = randomBytes(24).toString('hex');
      const now = clock.now();
      sessions.insert({
        idHash: sha256(cookie),
        userId: user.id,
        csrfToken,
        createdAt: now,
        expiresAt: now + config.sessionTtlMs,
      });
      users.touchLogin(user.id, now);
      audit.record({
        actor: user.id,
        action: 'login',
        target: user.id,
        summary: { username: user.username, ip },
      });
      return { cookie, info: toInfo(user, csrfToken) };
    },

    /** The session behind a cookie, sliding its expiry; undefined when absent or expired. */
    authenticate(cookie: string | undefined): AuthedSession | undefined {
      if (!cookie || !/^[0-9a-f]{64}$/.test(cookie)) return undefined;
      const idHash = sha256(cookie);
      const found = current(idHash);
      if (!found) return undefined;
      const now = clock.now();
      if (found.expiresAt - now < config.sessionTtlMs / 2) sessions.extend(idHash, now + config.sessionTtlMs);
      return found.session;
    },

    /**
     * The session as it stands, without sliding its expiry: an open socket is not activity, so
     * re-checking a live admin connection must not keep its session alive.
     */
    peek: (idHash: string): AuthedSession | undefined => current(idHash)?.session,

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
      sessions.purge(now);
      sessions.purgeFailures(now - config.loginWindowMs);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
