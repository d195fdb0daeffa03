import { screens as api } from '../../../core/protocol/routes/screens.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Screens for the admin: list, claim, update, revoke, the mirror and remote commands. */
export function screenRoutes(r: RouteBuilder, s: Pick<Services, 'screens' | 'dashboard' | 'commands'>): void {
  const { screens } = s;
  r.on(api.list, () => screens.list());
  r.on(api.claim, (_ctx, { body, session }) => screens.claim(body, session.user.id));
  r.on(api.update, (_ctx, { params, body, session }) => screens.update(params.id, body, session.user.id));
  r.on(api.revoke, (_ctx, { params, session }) => screens.revoke(params.id, session.user.id));
  r.on(api.mirror, (_ctx, { params }) => s.dashboard.mirror(params.id));
  r.on(api.commands, (_ctx, { params, query }) => s.commands.recent(params.id, query.limit));
  r.on(api.command, (_ctx, { params, body, session }) => s.commands.run(params.id, body, session.user.id));
}
