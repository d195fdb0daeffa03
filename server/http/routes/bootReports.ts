import { bootReports as api } from '../../../core/protocol/routes/screens.js';
import type { BootReportService } from '../../services/screens/bootReportService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The player page's boot reports: sent by boxes that cannot run the player, read by the dashboard. */
export function bootReportRoutes(r: RouteBuilder, reports: BootReportService): void {
  r.on(api.submit, (ctx, { body }) => {
    // The body was read within the global JSON limit; a report has a much smaller one.
    reports.checkSize(Number(ctx.get('content-length')) || Buffer.byteLength(JSON.stringify(body)));
    reports.submit(body, ctx.ip);
  });
  r.on(api.list, (_ctx, { query }) => reports.latest(query.limit));
}
