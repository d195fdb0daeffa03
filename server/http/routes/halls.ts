import { HallInput } from '../../../core/protocol/rest.js';
import type { HallService } from '../../services/screens/hallService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Service halls. */
export function hallRoutes(r: RouteBuilder, halls: HallService): void {
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
}
