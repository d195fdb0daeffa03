import { units as api } from '../../../core/protocol/routes/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Member units that lists are imported for. */
export function unitRoutes(r: RouteBuilder, p: PlatformService): void {
  r.on(api.list, () => p.units());
  r.on(api.create, (_ctx, { body, session }) => p.addUnit(body.name, session.user.id));
}
