import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';
import { id, Page } from './query.js';

/** Takedowns: the list, a page at a time, and one takedown's detail. */
export function takedownRoutes(r: RouteBuilder, c: Services['credit']): void {
  r.add('get', '/api/takedowns', 'view', undefined, (ctx) => {
    const p = Page.parse(ctx.query);
    return c.withdrawals.takedowns(p.offset, p.limit);
  });
  r.add('get', '/api/takedowns/:id', 'view', undefined, (ctx) => c.withdrawals.takedown(id(ctx)));
}
