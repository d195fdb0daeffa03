import { reports as api } from '../../../core/protocol/routes/operations.js';
import type { Services } from '../../services/index.js';
import { listDisplayXlsx, proofOfPlayXlsx } from '../../services/operations/reportXlsx.js';
import { xlsxAttachment } from '../attachment.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Reports: uptime and plays-per-day charts, proof of play and list display, with their xlsx exports. */
export function reportRoutes(r: RouteBuilder, s: Pick<Services, 'reports' | 'clock'>): void {
  r.on(api.uptime, (_ctx, { query }) => s.reports.uptime(query.days));
  r.on(api.playsPerDay, (_ctx, { query }) => s.reports.playsPerDay(query.days));
  r.on(api.proofOfPlay, (_ctx, { query }) => s.reports.proofOfPlay(query));
  r.on(api.proofOfPlayExport, async (ctx, { query }) => {
    const report = s.reports.proofOfPlay(query);
    const name = `播放证明-${report.from}至${report.to}.xlsx`;
    return xlsxAttachment(ctx, name, await proofOfPlayXlsx(report, s.clock.now()));
  });
  r.on(api.listDisplay, (_ctx, { params }) => s.reports.listDisplay(params.batchId));
  r.on(api.listDisplayExport, async (ctx, { params }) => {
    const report = s.reports.listDisplay(params.batchId);
    const name = `名单展示证明-${report.title}.xlsx`;
    return xlsxAttachment(ctx, name, await listDisplayXlsx(report, s.clock.now()));
  });
}
