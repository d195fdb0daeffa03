import type { Context } from 'koa';
import { DaysQuery, ProofOfPlayQuery } from '../../../core/protocol/operations.js';
import type { Services } from '../../services/index.js';
import { listDisplayXlsx, proofOfPlayXlsx } from '../../services/operations/reportXlsx.js';
import type { RouteBuilder } from '../routeBuilder.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(ctx: Context, name: string, body: Buffer): void {
  ctx.type = XLSX;
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

/** Reports: uptime and plays-per-day charts, proof of play and list display, with their xlsx exports. */
export function reportRoutes(r: RouteBuilder, s: Pick<Services, 'reports' | 'clock'>): void {
  r.add('get', '/api/reports/uptime', 'view', undefined, (ctx) =>
    s.reports.uptime(DaysQuery.parse(ctx.query).days),
  );
  r.add('get', '/api/reports/plays-per-day', 'view', undefined, (ctx) =>
    s.reports.playsPerDay(DaysQuery.parse(ctx.query).days),
  );
  r.add('get', '/api/reports/proof-of-play', 'view', undefined, (ctx) =>
    s.reports.proofOfPlay(ProofOfPlayQuery.parse(ctx.query)),
  );
  r.add('get', '/api/reports/proof-of-play/export', 'view', undefined, async (ctx) => {
    const report = s.reports.proofOfPlay(ProofOfPlayQuery.parse(ctx.query));
    const name = `播放证明-${report.from}至${report.to}.xlsx`;
    attachment(ctx, name, await proofOfPlayXlsx(report, s.clock.now()));
  });
  r.add('get', '/api/reports/list-display/:batchId', 'view', undefined, (ctx) =>
    s.reports.listDisplay(ctx.params.batchId!),
  );
  r.add('get', '/api/reports/list-display/:batchId/export', 'view', undefined, async (ctx) => {
    const report = s.reports.listDisplay(ctx.params.batchId!);
    attachment(ctx, `名单展示证明-${report.title}.xlsx`, await listDisplayXlsx(report, s.clock.now()));
  });
}
