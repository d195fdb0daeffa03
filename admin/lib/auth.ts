import type { SessionInfo } from '../../core/protocol/rest.js';
import type { RouteBodyInput } from '../../core/protocol/route.js';
import { auth as authRoutes } from '../../core/protocol/routes/access.js';
import { api } from './api.js';
import { call } from './client.js';

const remember = (session: SessionInfo): SessionInfo => {
  api.setSession(session);
  return session;
};

/** The sign-in routes; each keeps the client's session (and its CSRF token) current. */
export const auth = {
  login: (body: RouteBodyInput<typeof authRoutes.login>) => call(authRoutes.login, { body }).then(remember),
  session: () => call(authRoutes.session).then(remember),
  changePassword: (body: RouteBodyInput<typeof authRoutes.changePassword>) =>
    call(authRoutes.changePassword, { body }).then(remember),
  logout: async () => {
    try {
      await call(authRoutes.logout);
    } finally {
      api.setSession(null);
    }
  },
};
