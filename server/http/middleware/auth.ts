import { timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import { type Action, can, IDLE_HEADER, SESSION_COOKIE } from '../../../core/protocol/rest.js';
import { forbidden, refused, unauthenticated } from '../../errors.js';
import type { AuthedSession, AuthService } from '../../services/access/authService.js';

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** How long the user had been away when the page sent this request (0 when it does not say). */
function idleOf(ctx: Context): number {
  const v = Number(ctx.get(IDLE_HEADER) || 0);
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** The current admin session, or 401; checks the CSRF token on writes. */
export function sessionOf(ctx: Context, auth: AuthService): AuthedSession {
  const s = auth.authenticate(ctx.cookies.get(SESSION_COOKIE), idleOf(ctx));
  if (!s) throw unauthenticated();
  if (WRITE.has(ctx.method) && !sameToken(ctx.get('x-csrf-token'), s.csrfToken)) {
    throw refused('csrf_failed', '页面已过期（安全校验失败），请刷新页面后重试');
  }
  return s;
}

/**
 * Requires a session whose role may perform the action (ARCHITECTURE "Trust").
 * 'session' only requires a signed-in user (e.g. changing one's own password).
 */
export function requireAction(auth: AuthService, action: Action | 'session'): Middleware {
  return async (ctx, next) => {
    const s = sessionOf(ctx, auth);
    if (action !== 'session') {
      if (s.user.mustChangePassword) {
        throw refused('password_change_required', '首次登录须先修改密码');
      }
      if (!can(s.user.role, action)) throw forbidden();
    }
    ctx.state.session = s;
    await next();
  };
}
