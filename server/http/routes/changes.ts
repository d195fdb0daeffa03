import { LimitQuery } from '../../../core/protocol/operations.js';
import { notFound } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Changes and their convergence across the screens. */
export function changeRoutes(r: RouteBuilder, s: Pick<Services, 'convergence'>): void {
  r.add('get', '/api/changes', 'view', undefined, (ctx) =>
    s.convergence.recent(LimitQuery.parse(ctx.query).limit),
  );
  r.add('get', '/api/changes/:id', 'view', undefined, (ctx) => {
    const detail = s.convergence.detail(ctx.params.id!);
    if (!detail) throw notFound('变更');
    return detail;
  });
}
