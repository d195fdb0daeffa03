import { changes as api } from '../../../core/protocol/routes/operations.js';
import { notFound } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Changes and their convergence across the screens. */
export function changeRoutes(r: RouteBuilder, s: Pick<Services, 'convergence'>): void {
  r.on(api.list, (_ctx, { query }) => s.convergence.recent(query.limit));
  r.on(api.get, (_ctx, { params }) => {
    const detail = s.convergence.detail(params.id);
    if (!detail) throw notFound('变更');
    return detail;
  });
}
