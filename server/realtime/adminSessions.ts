import type { Namespace } from 'socket.io';
import type { AdminToServer, ServerToAdmin, SessionEndReason } from '../../core/protocol/events.js';
import type { Role } from '../../core/protocol/rest.js';
import { SESSION_COOKIE } from '../../core/protocol/rest.js';
import type { Config } from '../config.js';
import type { AuthedSession, AuthService } from '../services/access/authService.js';

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
  password_changed: '您的密码已在另一处修改，请使用新密码重新登录',
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
 * The origins whose pages may open /admin: HALLCAST_PUBLIC_URL's, or when it is unset the
 * origin the request itself names (its Host, http or https as the server runs), plus any listed
 * in HALLCAST_ADMIN_ORIGINS.
 */
export function adminOriginCheck(config: Pick<Config, 'publicUrl' | 'adminOrigins' | 'tlsCert' | 'tlsKey'>) {
  const scheme = config.tlsCert && config.tlsKey ? 'https' : 'http';
  const extra = new Set(
    config.adminOrigins
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((o) => new URL(o).origin),
  );
  const configured = config.publicUrl ? new URL(config.publicUrl).origin : null;
  /**
   * Whether a handshake may proceed. `null` (sandboxed frames, file: pages, some redirects) and
   * every origin but ours are refused. A handshake without Origin is admitted: a browser always
   * sends Origin on a WebSocket and on every cross-origin request, so a page elsewhere cannot
   * make it leave the header out; what omits it is a same-origin polling GET or a client that is
   * no browser (socket.io-client in Node, the CLI, tests), which has to present the session
   * cookie like anyone else.
   */
  return (origin: string | undefined, host: string | undefined): boolean => {
    if (origin === undefined) return true;
    const o = origin.toLowerCase();
    if (extra.has(o)) return true;
    if (configured) return o === configured;
    return host !== undefined && o === `${scheme}://${host.toLowerCase()}`;
  };
}

/**
 * Who may hold an /admin socket, and for how long. The handshake must come from our own origin
 * (cross-site WebSocket hijacking) and its session cookie admits it, once the user has changed
 * a password they must change; it is closed, right after a `session:ended` saying why, when the
 * server ends its session (logout, user disabled, password reset or changed elsewhere) or
 * changes its user's role. A periodic `check` is the safety net for what no event announces:
 * idle expiry, or a session removed by another process (the CLI).
 */
export function attachAdminSessions(admins: AdminNs, auth: AuthService, config: Config) {
  const originAllowed = adminOriginCheck(config);
  admins.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    if (!originAllowed(origin, host)) {
      next(new Error('origin_forbidden'));
      return;
    }
    const session = auth.authenticate(cookieOf(socket.handshake.headers.cookie, SESSION_COOKIE));
    if (!session) {
      next(new Error('unauthenticated'));
      return;
    }
    if (session.user.mustChangePassword) {
      next(new Error('password_change_required'));
      return;
    }
    socket.data = { idHash: session.idHash, userId: session.user.id, role: session.user.role };
    next();
  });
  admins.on('connection', (socket) => {
    void socket.join([userRoom(socket.data.userId), sessionRoom(socket.data.idHash)]);
  });

  return {
    /**
     * Closes the sockets of one session, or of every session of a user when idHash is absent
     * (but for the session `exceptIdHash`, when given).
     */
    end(reason: SessionEndReason, userId: string, idHash?: string, exceptIdHash?: string): void {
      const room = idHash ? sessionRoom(idHash) : userRoom(userId);
      const spared = exceptIdHash ? [sessionRoom(exceptIdHash)] : [];
      admins.to(room).except(spared).emit('session:ended', ended(reason));
      admins.in(room).except(spared).disconnectSockets(true);
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
