import { alerts as api } from '../../../core/protocol/routes/operations.js';
import { notFound } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Alerts: list and acknowledge. */
export function alertRoutes(r: RouteBuilder, s: Pick<Services, 'alerts'>): void {
  r.on(api.list, (_ctx, { query }) => s.alerts.list(query.status, query.limit));
  r.on(api.acknowledge, (_ctx, { params, session }) => {
    const alert = s.alerts.acknowledge(params.id, session.user.id);
    if (!alert) throw notFound('告警');
    return alert;
  });
}
