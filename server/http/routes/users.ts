import { users as api } from '../../../core/protocol/routes/access.js';
import type { UserService } from '../../services/access/userService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** User accounts: list, display names, create and update (system), role, reset and unlock (security). */
export function userRoutes(r: RouteBuilder, users: UserService): void {
  r.on(api.list, () => users.list());
  // Display names only, so every role can see who imported, submitted or reviewed.
  r.on(api.names, () => users.list().map((u) => ({ id: u.id, displayName: u.displayName })));
  r.on(api.create, (_ctx, { body, session }) => users.create(body, session.user.id));
  r.on(api.update, (_ctx, { params, body, session }) => users.update(params.id, body, session.user.id));
  r.on(api.setRole, (_ctx, { params, body, session }) =>
    users.setRole(params.id, body.role, session.user.id),
  );
  r.on(api.resetPassword, (_ctx, { params, session }) => users.resetPassword(params.id, session.user.id));
  r.on(api.unlock, (_ctx, { params, session }) => users.unlock(params.id, session.user.id));
}
