import { randomUUID } from 'node:crypto';
import {
  isAdminRole,
  ROLE_LABELS,
  type Role,
  type User,
  type UserCreate,
  type UserUpdate,
  type UserWithPassword,
} from '../../../core/protocol/rest.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { SessionStore } from '../../store/sessionStore.js';
import type { UserRecord, UserStore } from '../../store/userStore.js';
import type { AuditService } from '../shared/auditService.js';
import type { EventBus } from '../shared/events.js';
import { hashPassword, randomPassword } from './authService.js';
import type { PasswordPolicy } from './passwordPolicy.js';

/** What the API says of a user: named fields only, so a column added to the record is not sent. */
const publicUser = (u: UserRecord): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt,
  lastLoginAt: u.lastLoginAt,
});

type Deps = {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  passwords: PasswordPolicy;
};

/**
 * Admin users: the system administrator creates, renames and disables accounts; the security
 * administrator assigns roles, resets passwords and lifts locks. Nobody acts on their own
 * account, and each administrator role keeps one enabled holder. Disabling, a reset or a role
 * change raises `session:ended`, so the user's live admin sockets close at once.
 */
export function createUserService({ users, sessions, audit, bus, clock, passwords }: Deps) {
  function mustGet(id: string): UserRecord {
    const u = users.get(id);
    if (!u) throw notFound('用户');
    return u;
  }
  function notSelf(id: string, actor: string | null, what: string): void {
    if (id === actor) throw badRequest('self_action', `不能${what}自己的账号，请由另一位管理员操作`);
  }
  /** Refuses to take away the last enabled holder of an administrator role. */
  function keepsAdmin(u: UserRecord): void {
    if (!isAdminRole(u.role) || u.disabled) return;
    const holders = users.list().filter((x) => x.role === u.role && !x.disabled);
    if (holders.length <= 1)
      throw conflict(
        'last_admin',
        `${u.displayName} 是唯一启用的${ROLE_LABELS[u.role]}：请先为另一账号分配${ROLE_LABELS[u.role]}角色`,
      );
  }
  return {
    list: () => users.list().map(publicUser),

    async create(input: UserCreate, actor: string | null): Promise<UserWithPassword> {
      if (users.getByUsername(input.username))
        throw conflict('username_taken', `用户名 ${input.username} 已存在，请换一个`);
      const temporaryPassword = randomPassword();
      const passwordHash = await hashPassword(temporaryPassword);
      const id = randomUUID();
      users.insert({ id, ...input, passwordHash, createdAt: clock.now() });
      audit.record({
        actor,
        action: 'user.create',
        target: id,
        summary: { username: input.username, role: input.role },
      });
      return { user: publicUser(mustGet(id)), temporaryPassword };
    },

    update(id: string, input: UserUpdate, actor: string): User {
      const u = mustGet(id);
      if (input.disabled === true && !u.disabled) {
        notSelf(id, actor, '停用');
        keepsAdmin(u);
      }
      const next = {
        id,
        displayName: input.displayName ?? u.displayName,
        role: u.role,
        disabled: input.disabled ?? u.disabled,
      };
      users.update(next);
      if (next.disabled) sessions.removeForUser(id);
      audit.record({
        actor,
        action: 'user.update',
        target: id,
        summary: { before: publicUser(u), after: next },
      });
      if (next.disabled) bus.emit({ type: 'session:ended', reason: 'disabled', userId: id });
      return publicUser(mustGet(id));
    },

    /** The security administrator's: a user's role (never one's own; an administrator role keeps a holder). */
    setRole(id: string, role: Role, actor: string): User {
      const u = mustGet(id);
      notSelf(id, actor, '修改');
      if (role === u.role) return publicUser(u);
      keepsAdmin(u);
      users.update({ id, displayName: u.displayName, role, disabled: u.disabled });
      audit.record({ actor, action: 'user.role', target: id, summary: { before: u.role, after: role } });
      bus.emit({ type: 'session:ended', reason: 'role_changed', userId: id });
      return publicUser(mustGet(id));
    },

    /** Lifts a sign-in lock before it ends by itself (the failures of that user name go). */
    unlock(id: string, actor: string): User {
      const u = mustGet(id);
      sessions.clearFailures(`user:${u.username}`);
      sessions.clearFailures(`locked:user:${u.username}`);
      audit.record({ actor, action: 'user.unlock', target: id, summary: { username: u.username } });
      return publicUser(u);
    },

    async resetPassword(id: string, actor: string | null): Promise<UserWithPassword> {
      mustGet(id);
      notSelf(id, actor, '重置');
      const temporaryPassword = randomPassword();
      users.setPassword(id, await hashPassword(temporaryPassword), true);
      sessions.removeForUser(id);
      audit.record({ actor, action: 'user.reset-password', target: id, summary: {} });
      bus.emit({ type: 'session:ended', reason: 'password_reset', userId: id });
      return { user: publicUser(mustGet(id)), temporaryPassword };
    },

    /** For the CLI: set a chosen password, still to be changed at next login. */
    async setPassword(username: string, password: string): Promise<void> {
      const u = users.getByUsername(username);
      if (!u) throw notFound(`用户 ${username} `);
      passwords.check(password, [u.username, u.displayName]);
      users.setPassword(u.id, await hashPassword(password), true);
      sessions.removeForUser(u.id);
      audit.record({ actor: null, action: 'user.passwd', target: u.id, summary: { via: 'cli' } });
      bus.emit({ type: 'session:ended', reason: 'password_reset', userId: u.id });
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
