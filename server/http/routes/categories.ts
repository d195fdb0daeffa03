import { CategoryInput } from '../../../core/protocol/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** List categories, each of a red or a black list. */
export function categoryRoutes(r: RouteBuilder, p: PlatformService): void {
  r.add('get', '/api/categories', 'view', undefined, () => p.categories());
  r.add('post', '/api/categories', 'manage-system', CategoryInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return p.addCategory(body, session.user.id);
  });
  r.add('put', '/api/categories/:id', 'manage-system', CategoryInput, (ctx, { body, session }) =>
    p.updateCategory(ctx.params.id!, body, session.user.id),
  );
}
