import { UserCreate, UserUpdate } from '../../../core/protocol/rest.js';
import type { UserService } from '../../services/access/userService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** User accounts: list, display names, create, update and password reset. */
export function userRoutes(r: RouteBuilder, users: UserService): void {
  r.add('get', '/api/users', 'manage-system', undefined, () => users.list());
  // Display names only, so every role can see who imported, submitted or reviewed.
  r.add('get', '/api/users/names', 'view', undefined, () =>
    users.list().map((u) => ({ id: u.id, displayName: u.displayName })),
  );
  r.add('post', '/api/users', 'manage-system', UserCreate, async (ctx, { body, session }) => {
    const out = await users.create(body, session.user.id);
    ctx.status = 201;
    return out;
  });
  r.add('patch', '/api/users/:id', 'manage-system', UserUpdate, (ctx, { body, session }) =>
    users.update(ctx.params.id!, body, session.user.id),
  );
  r.add('post', '/api/users/:id/reset-password', 'manage-system', undefined, (ctx, { session }) =>
    users.resetPassword(ctx.params.id!, session.user.id),
  );
}
