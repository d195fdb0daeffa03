import { randomUUID } from 'node:crypto';
import type { User, UserCreate, UserUpdate, UserWithPassword } from '../../../core/protocol/rest.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { SessionStore } from '../../store/sessionStore.js';
import type { UserRecord, UserStore } from '../../store/userStore.js';
import type { AuditService } from '../shared/auditService.js';
import type { EventBus } from '../shared/events.js';
import { hashPassword, randomPassword } from './authService.js';
import type { PasswordPolicy } from './passwordPolicy.js';

const publicUser = ({ passwordHash: _, ...u }: UserRecord): User => u;

type Deps = {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  passwords: PasswordPolicy;
};

/**
 * Admin users: create with a one-time password, update, disable, reset. Disabling, a reset or a
 * role change raises `session:ended`, so the user's live admin sockets close at once.
 */
export function createUserService({ users, sessions, audit, bus, clock, passwords }: Deps) {
  function mustGet(id: string): UserRecord {
    const u = users.get(id);
    if (!u) throw notFound('用户');
    return u;
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
      if (id === actor && (input.disabled === true || (input.role && input.role !== 'admin'))) {
        throw badRequest('self_lockout', '不能停用自己或取消自己的管理员角色，请让另一位管理员操作');
      }
      const next = {
        id,
        displayName: input.displayName ?? u.displayName,
        role: input.role ?? u.role,
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
      else if (next.role !== u.role) bus.emit({ type: 'session:ended', reason: 'role_changed', userId: id });
      return publicUser(mustGet(id));
    },

    async resetPassword(id: string, actor: string | null): Promise<UserWithPassword> {
      mustGet(id);
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
