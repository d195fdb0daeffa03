import { UnitInput } from '../../../core/protocol/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Member units that lists are imported for. */
export function unitRoutes(r: RouteBuilder, p: PlatformService): void {
  r.add('get', '/api/units', 'view', undefined, () => p.units());
  r.add('post', '/api/units', 'manage-system', UnitInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return p.addUnit(body.name, session.user.id);
  });
}
