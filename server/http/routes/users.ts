import { GroupInput, HallInput, UserCreate, UserUpdate } from '../../../core/protocol/rest.js';
import type { UserService } from '../../services/access/userService.js';
import type { HallService } from '../../services/screens/hallService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Users, halls and screen groups. */
export function adminRoutes(r: RouteBuilder, users: UserService, halls: HallService): void {
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

  r.add('get', '/api/halls', 'view', undefined, () => halls.listHalls());
  r.add('post', '/api/halls', 'manage-system', HallInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return halls.createHall(body, session.user.id);
  });
  r.add('put', '/api/halls/:id', 'manage-system', HallInput, (ctx, { body, session }) =>
    halls.updateHall(ctx.params.id!, body, session.user.id),
  );
  r.add('delete', '/api/halls/:id', 'manage-system', undefined, (ctx, { session }) => {
    halls.deleteHall(ctx.params.id!, session.user.id);
  });

  r.add('get', '/api/groups', 'view', undefined, () => halls.listGroups());
  r.add('post', '/api/groups', 'manage-system', GroupInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return halls.createGroup(body, session.user.id);
  });
  r.add('put', '/api/groups/:id', 'manage-system', GroupInput, (ctx, { body, session }) =>
    halls.updateGroup(ctx.params.id!, body, session.user.id),
  );
  r.add('delete', '/api/groups/:id', 'manage-system', undefined, (ctx, { session }) => {
    halls.deleteGroup(ctx.params.id!, session.user.id);
  });
}
