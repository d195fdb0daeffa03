import { AlertsQuery } from '../../../core/protocol/operations.js';
import { notFound } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Alerts: list and acknowledge. */
export function alertRoutes(r: RouteBuilder, s: Pick<Services, 'alerts'>): void {
  r.add('get', '/api/alerts', 'view', undefined, (ctx) => {
    const q = AlertsQuery.parse(ctx.query);
    return s.alerts.list(q.status, q.limit);
  });
  r.add('post', '/api/alerts/:id/acknowledge', 'operate-screens', undefined, (ctx, { session }) => {
    const alert = s.alerts.acknowledge(ctx.params.id!, session.user.id);
    if (!alert) throw notFound('告警');
    return alert;
  });
}
