import { ChangePasswordRequest, LoginRequest, SESSION_COOKIE } from '../../../core/protocol/rest.js';
import type { AuthService } from '../../services/access/authService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Login, logout, the current session and changing one's password. */
export function authRoutes(r: RouteBuilder, auth: AuthService, secureCookies: boolean): void {
  r.add('post', '/api/auth/login', 'public', LoginRequest, async (ctx, { body }) => {
    const { cookie, info } = await auth.login(body.username, body.password, ctx.ip);
    ctx.cookies.set(SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      path: '/',
    });
    return info;
  });
  r.add('post', '/api/auth/logout', 'session', undefined, (ctx, { session }) => {
    auth.logout(session);
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'strict', path: '/' });
  });
  r.add('get', '/api/auth/session', 'session', undefined, (_ctx, { session }) => auth.info(session));
  r.add('post', '/api/auth/password', 'session', ChangePasswordRequest, (ctx, { body, session }) =>
    auth.changePassword(session, body.currentPassword, body.newPassword, ctx.ip),
  );
}
