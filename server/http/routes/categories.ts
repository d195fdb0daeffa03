import { categories as api } from '../../../core/protocol/routes/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** List categories, each of a red or a black list. */
export function categoryRoutes(r: RouteBuilder, p: PlatformService): void {
  r.on(api.list, () => p.categories());
  r.on(api.create, (_ctx, { body, session }) => p.addCategory(body, session.user.id));
  r.on(api.update, (_ctx, { params, body, session }) => p.updateCategory(params.id, body, session.user.id));
}
