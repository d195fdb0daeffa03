import { halls as api } from '../../../core/protocol/routes/halls.js';
import type { HallService } from '../../services/screens/hallService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Service halls. */
export function hallRoutes(r: RouteBuilder, halls: HallService): void {
  r.on(api.list, () => halls.listHalls());
  r.on(api.create, (_ctx, { body, session }) => halls.createHall(body, session.user.id));
  r.on(api.update, (_ctx, { params, body, session }) => halls.updateHall(params.id, body, session.user.id));
  r.on(api.remove, (_ctx, { params, session }) => halls.deleteHall(params.id, session.user.id));
}
