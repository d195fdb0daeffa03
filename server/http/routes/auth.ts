import { SESSION_COOKIE } from '../../../core/protocol/rest.js';
import { auth as api } from '../../../core/protocol/routes/access.js';
import type { AuthService } from '../../services/access/authService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Login, logout, the current session and changing one's password. */
export function authRoutes(r: RouteBuilder, auth: AuthService, secureCookies: boolean): void {
  r.on(api.login, async (ctx, { body }) => {
    const { cookie, info } = await auth.login(body.username, body.password, ctx.ip);
    ctx.cookies.set(SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      path: '/',
    });
    return info;
  });
  r.on(api.logout, (ctx, { session }) => {
    auth.logout(session);
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'strict', path: '/' });
  });
  r.on(api.session, (_ctx, { session }) => auth.info(session));
  r.on(api.changePassword, (ctx, { body, session }) =>
    auth.changePassword(session, body.currentPassword, body.newPassword, ctx.ip),
  );
}
