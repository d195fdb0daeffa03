import type { Namespace } from 'socket.io';
import type { AdminToServer, ServerToAdmin, SessionEndReason } from '../../core/protocol/events.js';
import type { Role } from '../../core/protocol/rest.js';
import { SESSION_COOKIE } from '../http/middleware/auth.js';
import type { AuthedSession, AuthService } from '../services/authService.js';

/** The session an admin socket was admitted with. */
export type AdminData = { idHash: string; userId: string; role: Role };
export type AdminNs = Namespace<AdminToServer, ServerToAdmin, Record<string, never>, AdminData>;

const userRoom = (userId: string) => `user:${userId}`;
/** The room of one login session's admin sockets (every tab of that browser). */
export const sessionRoom = (idHash: string) => `session:${idHash}`;

const MESSAGES: Record<SessionEndReason, string> = {
  logout: '您已退出登录，请重新登录',
  expired: '登录已过期，请重新登录',
  disabled: '该账号已停用，请联系系统管理员',
  password_reset: '您的密码已被管理员重置，请使用新密码重新登录',
  role_changed: '您的角色已变更，页面已按新权限重新加载',
};
const ended = (code: SessionEndReason) => ({ code, message: MESSAGES[code] });

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * Who may hold an /admin socket, and for how long. The handshake's session cookie admits it;
 * it is closed, right after a `session:ended` saying why, when the server ends its session
 * (logout, user disabled, password reset) or changes its user's role. A periodic `check` is the
 * safety net for what no event announces: idle expiry, or a session removed by another process
 * (the CLI).
 */
export function attachAdminSessions(admins: AdminNs, auth: AuthService) {
  admins.use((socket, next) => {
    const session = auth.authenticate(cookieOf(socket.handshake.headers.cookie, SESSION_COOKIE));
    if (!session) {
      next(new Error('unauthenticated'));
      return;
    }
    socket.data = { idHash: session.idHash, userId: session.user.id, role: session.user.role };
    next();
  });
  admins.on('connection', (socket) => {
    void socket.join([userRoom(socket.data.userId), sessionRoom(socket.data.idHash)]);
  });

  return {
    /** Closes the sockets of one session, or of every session of a user when idHash is absent. */
    end(reason: SessionEndReason, userId: string, idHash?: string): void {
      const room = idHash ? sessionRoom(idHash) : userRoom(userId);
      admins.to(room).emit('session:ended', ended(reason));
      admins.in(room).disconnectSockets(true);
    },

    /** Re-validates the session of every live socket, without sliding its expiry. */
    check(): void {
      const seen = new Map<string, AuthedSession | undefined>();
      for (const socket of admins.sockets.values()) {
        const { idHash, role } = socket.data;
        if (!seen.has(idHash)) seen.set(idHash, auth.peek(idHash));
        const session = seen.get(idHash);
        const reason = !session ? 'expired' : session.user.role !== role ? 'role_changed' : null;
        if (!reason) continue;
        socket.emit('session:ended', ended(reason));
        socket.disconnect(true);
      }
    },
  };
}
