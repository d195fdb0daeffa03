import type { SessionInfo } from '../../core/protocol/rest.js';
import type { RouteBodyInput } from '../../core/protocol/route.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { api } from './api.js';
import { call } from './client.js';

const remember = (session: SessionInfo): SessionInfo => {
  api.setSession(session);
  return session;
};

/** The sign-in routes; each keeps the client's session (and its CSRF token) current. */
export const auth = {
  login: (body: RouteBodyInput<typeof routes.auth.login>) => call(routes.auth.login, { body }).then(remember),
  session: () => call(routes.auth.session).then(remember),
  changePassword: (body: RouteBodyInput<typeof routes.auth.changePassword>) =>
    call(routes.auth.changePassword, { body }).then(remember),
  logout: async () => {
    try {
      await call(routes.auth.logout);
    } finally {
      api.setSession(null);
    }
  },
};
