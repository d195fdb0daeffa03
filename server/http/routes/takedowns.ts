import { takedowns as api } from '../../../core/protocol/routes/credit.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Takedowns: the list, a page at a time, and one takedown's detail. */
export function takedownRoutes(r: RouteBuilder, c: Services['credit']): void {
  r.on(api.list, (_ctx, { query }) => c.withdrawals.takedowns(query.offset, query.limit));
  r.on(api.get, (_ctx, { params }) => c.withdrawals.takedown(params.id));
}
