import { CommandRequest } from '../../../core/protocol/events.js';
import { LimitQuery } from '../../../core/protocol/operations.js';
import { ScreenClaim, ScreenUpdate } from '../../../core/protocol/rest.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Screens for the admin: list, claim, update, revoke, the mirror and remote commands. */
export function screenRoutes(r: RouteBuilder, s: Pick<Services, 'screens' | 'dashboard' | 'commands'>): void {
  const { screens } = s;
  r.add('get', '/api/screens', 'view', undefined, () => screens.list());
  r.add('post', '/api/screens/claim', 'operate-screens', ScreenClaim, (ctx, { body, session }) => {
    ctx.status = 201;
    return screens.claim(body, session.user.id);
  });
  r.add('patch', '/api/screens/:id', 'operate-screens', ScreenUpdate, (ctx, { body, session }) =>
    screens.update(ctx.params.id!, body, session.user.id),
  );
  r.add('post', '/api/screens/:id/revoke', 'operate-screens', undefined, (ctx, { session }) =>
    screens.revoke(ctx.params.id!, session.user.id),
  );

  r.add('get', '/api/screens/:id/mirror', 'view', undefined, (ctx) => s.dashboard.mirror(ctx.params.id!));
  r.add('get', '/api/screens/:id/commands', 'view', undefined, (ctx) =>
    s.commands.recent(ctx.params.id!, LimitQuery.parse(ctx.query).limit),
  );
  r.add('post', '/api/screens/:id/commands', 'operate-screens', CommandRequest, (ctx, { body, session }) =>
    s.commands.run(ctx.params.id!, body, session.user.id),
  );
}
