import { dashboard as api } from '../../../core/protocol/routes/operations.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The operations dashboard: every screen's state at a glance. */
export function dashboardRoutes(r: RouteBuilder, s: Pick<Services, 'dashboard'>): void {
  r.on(api.get, (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    return s.dashboard.dashboard();
  });
}
